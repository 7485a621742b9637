// Every year of publication, newest first, with its count of essays (and, where there are several
// series, how many in each).
import { Layout } from "../_includes/Layout.tsx";
import { Link } from "../_includes/here.tsx";
import { Time } from "../_includes/Time.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { count, dateRange, yearBySeries, yearSectionPath } from "../lib/pages/browse.ts";
import { paths } from "../lib/pages/urls.ts";

export const data = { permalink: paths.years };

export function render(data: PageData) {
  const { archive } = data;
  const range = dateRange(archive.essays);
  const several = archive.series.length > 1;
  return (
    <Layout archive={archive} path={paths.years} title="Years" description={`Every year of ${archive.site.title}, with its essays.`}>
      <h1>Essays by year</h1>
      {range && (
        <p class="extent">
          {count(archive.essays.length)} in {count(archive.years.length, "year")}, from <Time date={range.first} /> to{" "}
          <Time date={range.last} />.
        </p>
      )}
      <ol class="year-table">
        {archive.years.map((year) => (
          <li>
            <Link to={year.path} class="year-link">
              {year.year}
            </Link>{" "}
            <span class="count">{count(year.essays.length)}</span>
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
