// The series index: each series with its publisher, count of essays and the years they span. Rendered from
// its view alone (lib/views/listing.ts, `SeriesIndexView`).
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { listingsOf } from "../_includes/page-data.ts";
import { pageStrings } from "../lib/words/strings.ts";
import type { SeriesIndexView } from "../lib/views/listing.ts";

// One per tree of pages: the site language's, and each other language's under its prefix (lib/archive/trees.ts).
export const data = listingsOf("seriesIndex");

export function render({ view }: { view: SeriesIndexView }) {
  const words = pageStrings(view.layout.site, view.layout.tree.lang);
  return (
    <Layout layout={view.layout} path={view.path} title={words.text("seriesIndex.title")}>
      <h1>{words.text("seriesIndex.title")}</h1>
      <ul class="index-list series-list">
        {view.series.map(({ title, path, count, from, to, publisher, description }) => (
          <li>
            <Link to={path} class="series-title">
              {title}
            </Link>{" "}
            <span class="count">
              {words.count("count.essays", count)}
              {from !== undefined && (from === to ? `, ${from}` : `, ${from}–${to}`)}
            </span>
            <span class="series-publisher">{publisher}</span>
            {description && <span class="series-description">{description}</span>}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
