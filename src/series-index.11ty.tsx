// The series index: each series with its publisher, count of essays and the years they span.
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { onePerTree, type PageData } from "../_includes/page-data.ts";
import { inTree, type Tree } from "../lib/archive/trees.ts";
import { dateRange } from "../lib/archive/browse.ts";
import { yearOf } from "../lib/content/dates.ts";
import { pageStrings } from "../lib/words/strings.ts";
import { paths } from "../lib/paths/urls.ts";
import { layoutView } from "../lib/views/layout.ts";

// One per tree of pages: the site language's, and each other language's under its prefix (lib/archive/trees.ts).
export const data = onePerTree(paths.seriesIndex);

export function render(data: PageData & { tree: Tree }) {
  const { archive, tree } = data;
  const words = pageStrings(archive.site, tree.lang);
  return (
    <Layout layout={layoutView(archive, tree)} path={inTree(tree, paths.seriesIndex)} title={words.text("seriesIndex.title")}>
      <h1>{words.text("seriesIndex.title")}</h1>
      <ul class="index-list series-list">
        {tree.series.map((series) => {
          const range = dateRange(series.essays);
          const [from, to] = range ? [yearOf(range.first), yearOf(range.last)] : [];
          return (
            <li>
              <Link to={series.path} class="series-title">
                {series.titleIn(tree.lang)}
              </Link>{" "}
              <span class="count">
                {words.count("count.essays", series.essays.length)}
                {from !== undefined && (from === to ? `, ${from}` : `, ${from}–${to}`)}
              </span>
              <span class="series-publisher">{series.publisher}</span>
              {series.description && <span class="series-description">{series.description}</span>}
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
