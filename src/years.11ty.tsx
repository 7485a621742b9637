// Every year of publication, newest first, with its count of essays (and, where there are several
// series, how many in each).
import { Layout } from "../_includes/Layout.tsx";
import { Link } from "../_includes/here.tsx";
import { Time } from "../_includes/Time.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { dateRange, yearBySeries, yearSectionPath } from "../lib/pages/browse.ts";
import { pageStrings } from "../lib/pages/strings.ts";
import { paths } from "../lib/pages/urls.ts";

export const data = { permalink: paths.years };

export function render(data: PageData) {
  const { archive } = data;
  const range = dateRange(archive.essays);
  const several = archive.series.length > 1;
  const words = pageStrings(archive.site);
  return (
    <Layout archive={archive} path={paths.years} title={words.text("years.title")} description={words.text("years.description", { site: archive.site.title })}>
      <h1>{words.text("years.heading")}</h1>
      {range && (
        <p class="extent">
          {words.parts("years.extent", {
            essays: words.count("count.essays", archive.essays.length),
            years: words.count("count.years", archive.years.length),
            first: <Time date={range.first} />,
            last: <Time date={range.last} />,
          })}
        </p>
      )}
      <ol class="year-table">
        {archive.years.map((year) => (
          <li>
            <Link to={year.path} class="year-link">
              {year.year}
            </Link>{" "}
            <span class="count">{words.count("count.essays", year.essays.length)}</span>
            {several && (
              <ul class="year-series">
                {yearBySeries(year, archive.series).map(({ series, essays }) => (
                  <li>
                    <Link to={yearSectionPath(year, series, archive.series)}>{series.title}</Link> {essays.length}
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
