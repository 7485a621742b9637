// Every year of publication, newest first, with its count of essays (and, where there are several
// series, how many in each).
import { Layout } from "../_includes/Layout.tsx";
import { Link } from "../_includes/here.tsx";
import { Time } from "../_includes/Time.tsx";
import { onePerTree, type PageData } from "../_includes/page-data.ts";
import { inTree, type Tree } from "../lib/archive/trees.ts";
import { dateRange, yearBySeries, yearSectionPath } from "../lib/archive/browse.ts";
import { pageStrings } from "../lib/words/strings.ts";
import { paths } from "../lib/paths/urls.ts";
import { layoutView } from "../lib/views/layout.ts";

// One per tree of pages: the site language's, and each other language's under its prefix (lib/archive/trees.ts).
export const data = onePerTree(paths.years);

export function render(data: PageData & { tree: Tree }) {
  const { archive, tree } = data;
  const range = dateRange(tree.essays);
  const several = tree.series.length > 1;
  const words = pageStrings(archive.site, tree.lang);
  return (
    <Layout
      layout={layoutView(archive, tree)}
      path={inTree(tree, paths.years)}
      title={words.text("years.title")}
      description={words.text("years.description", { site: tree.title })}
    >
      <h1>{words.text("years.heading")}</h1>
      {range && (
        <p class="extent">
          {words.parts("years.extent", {
            essays: words.count("count.essays", tree.essays.length),
            years: words.count("count.years", tree.years.length),
            first: <Time date={range.first} />,
            last: <Time date={range.last} />,
          })}
        </p>
      )}
      <ol class="year-table">
        {tree.years.map((year) => (
          <li>
            <Link to={year.path} class="year-link">
              {year.year}
            </Link>{" "}
            <span class="count">{words.count("count.essays", year.essays.length)}</span>
            {several && (
              <ul class="year-series">
                {yearBySeries(year, tree.series).map(({ series, essays }) => (
                  <li>
                    <Link to={yearSectionPath(year, series, tree.series)}>{series.titleIn(tree.lang)}</Link> {essays.length}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
