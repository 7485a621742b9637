// Hosts serve this for missing URLs at any depth, so its links assume it sits at the archive's root.
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { paths } from "../lib/pages/urls.ts";

export const data = { permalink: paths.notFound };

export function render(data: PageData) {
  return (
    <Layout archive={data.archive} path={paths.notFound} title="Page not found" canonical={false}>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. Try the <Link to={paths.home}>archive</Link> or{" "}
        <Link to={paths.search}>search</Link>.
      </p>
    </Layout>
  );
}
