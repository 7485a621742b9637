// Hosts serve this page for a missing address at any depth (`essays/x/999.html`), where links relative
// to the archive's root would break. With the site URL known, a <base> makes the stylesheet and every link
// resolve from the archive's root wherever the page is served. Without one, the page is still plain,
// readable HTML below the top level, but unstyled and with links that resolve from where it is served:
// set `url` in _data/site.json (or SITE_URL) for a styled 404 page at any depth.
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { SearchForm } from "../_includes/SearchForm.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { absoluteUrl, paths } from "../lib/pages/urls.ts";

export const data = { permalink: paths.notFound };

export function render(data: PageData) {
  const { archive } = data;
  const base = archive.site.url && absoluteUrl(archive.site.url, paths.home);
  return (
    <Layout archive={archive} path={paths.notFound} title="Page not found" canonical={false} base={base || undefined}>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have been mistyped, or the essay may have a different number.</p>
      <ul class="index-list">
        <li>
          <Link to={paths.home}>The newest essays</Link>
        </li>
        <li>
          <Link to={paths.years}>Essays by year</Link>
        </li>
        <li>
          <Link to={paths.seriesIndex}>Every series</Link>
        </li>
        <li>
          <Link to={paths.authors}>Authors, A–Z</Link>
        </li>
      </ul>
      <SearchForm id="not-found-search" />
    </Layout>
  );
}
