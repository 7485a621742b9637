// The archive home: every essay, newest first, grouped by year.
import { EssayList } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { paths } from "../lib/pages/urls.ts";

export const data = { permalink: paths.home };

export function render(data: PageData) {
  const { archive } = data;
  return (
    <Layout archive={archive} path={paths.home}>
      <h1>{archive.site.title}</h1>
      <p class="lede">{archive.site.description}</p>
      {archive.years.map((year) => (
        <section aria-labelledby={`year-${year.year}`}>
          <h2 id={`year-${year.year}`}>
            <Link to={year.path}>{year.year}</Link>
          </h2>
          <EssayList essays={year.essays} />
        </section>
      ))}
    </Layout>
  );
}
