// Every year of publication, newest first, with its count of essays (and, where there are several
// series, how many in each). Rendered from its view alone (lib/views/listing.ts, `YearsView`).
import { Layout } from "../_includes/Layout.tsx";
import { Link } from "../_includes/here.tsx";
import { Time } from "../_includes/Time.tsx";
import { listingsOf } from "../_includes/page-data.ts";
import { pageStrings } from "../lib/words/strings.ts";
import type { YearsView } from "../lib/views/listing.ts";

// One per tree of pages: the site language's, and each other language's under its prefix (lib/archive/trees.ts).
export const data = listingsOf("years");

export function render({ view }: { view: YearsView }) {
  const { tree } = view.layout;
  const { range } = view;
  const words = pageStrings(view.layout.site, tree.lang);
  return (
    <Layout layout={view.layout} path={view.path} title={words.text("years.title")} description={words.text("years.description", { site: tree.title })}>
      <h1>{words.text("years.heading")}</h1>
      {range && (
        <p class="extent">
          {words.parts("years.extent", {
            essays: words.count("count.essays", view.essays),
            years: words.count("count.years", view.years.length),
            first: <Time date={range.first} />,
            last: <Time date={range.last} />,
          })}
        </p>
      )}
      <ol class="year-table">
        {view.years.map((year) => (
          <li>
            <Link to={year.path} class="year-link">
              {year.year}
            </Link>{" "}
            <span class="count">{words.count("count.essays", year.count)}</span>
            {view.several && (
              <ul class="year-series">
                {year.series.map((series) => (
                  <li>
                    <Link to={series.path}>{series.title}</Link> {series.count}
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
