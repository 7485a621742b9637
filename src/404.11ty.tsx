// Hosts serve this page for a missing address at any depth (`essays/x/999.html`), where links relative
// to the archive's root would break. With the site URL known, a <base> makes the stylesheet and every link
// resolve from the archive's root wherever the page is served. Without one, the page is still plain,
// readable HTML below the top level, but unstyled and with links that resolve from where it is served:
// set `url` in _data/site.json (or SITE_URL) for a styled 404 page at any depth.
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { SearchForm } from "../_includes/SearchForm.tsx";
import { listingsOf } from "../_includes/page-data.ts";
import { pageStrings } from "../lib/words/strings.ts";
import { paths } from "../lib/paths/urls.ts";
import type { NotFoundView } from "../lib/views/listing.ts";

export const data = listingsOf("notFound");

export function render({ view }: { view: NotFoundView }) {
  const words = pageStrings(view.layout.site);
  return (
    <Layout layout={view.layout} path={view.path} title={words.text("notFound.title")} canonical={false} base={view.base}>
      <h1>{words.text("notFound.title")}</h1>
      <p>{words.text("notFound.text")}</p>
      <ul class="index-list">
        <li>
          <Link to={paths.home}>{words.text("notFound.newest")}</Link>
        </li>
        <li>
          <Link to={paths.years}>{words.text("notFound.byYear")}</Link>
        </li>
        <li>
          <Link to={paths.seriesIndex}>{words.text("notFound.series")}</Link>
        </li>
        <li>
          <Link to={paths.authors}>{words.text("notFound.authors")}</Link>
        </li>
      </ul>
      <SearchForm id="not-found-search" />
    </Layout>
  );
}
