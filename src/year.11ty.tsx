// One page per year of publication: its essays newest first, by series where there are several, with
// the years before and after.
import { EssayList } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import type { PageData } from "../_includes/page-data.ts";
import type { Year } from "../lib/content/model.ts";
import { count, neighbours, seriesSectionId, yearBySeries } from "../lib/pages/browse.ts";
import { paths } from "../lib/pages/urls.ts";

export const data = {
  pagination: { data: "archive.stale.years", size: 1, alias: "year" },
  permalink: (data: { year: Year }) => data.year.path,
};

/** The nearest earlier and later years that have essays, and the list of all years. */
function YearPager({ year, years }: { year: Year; years: Year[] }) {
  const { earlier, later } = neighbours(year, years);
  return (
    <nav class="pager year-pager" aria-label="Other years">
      {earlier && (
        <Link to={earlier.path} rel="prev">
          <span class="pager-dir">Earlier year</span> {earlier.year}
        </Link>
      )}
      <Link to={paths.years} class="pager-all">
        All years
      </Link>
      {later && (
        <Link to={later.path} rel="next">
          <span class="pager-dir">Later year</span> {later.year}
        </Link>
      )}
    </nav>
  );
}

export function render(data: PageData & { year: Year }) {
  const { archive, year } = data;
  // Series pages link to each series' section here, so every series gets one, headed only when there are several.
  const groups = yearBySeries(year, archive.series);
  return (
    <Layout archive={archive} path={year.path} title={`Essays of ${year.year}`}>
      <h1>Essays of {year.year}</h1>
      <p class="extent">{count(year.essays.length)}</p>
      <YearPager year={year} years={archive.years} />
      {groups.map(({ series, essays }) =>
        groups.length > 1 ? (
          <section id={seriesSectionId(series)} aria-labelledby={`${seriesSectionId(series)}-title`}>
            <h2 id={`${seriesSectionId(series)}-title`}>
              <Link to={series.path}>{series.title}</Link> <span class="count">{count(essays.length)}</span>
            </h2>
            <EssayList essays={essays} series={false} />
          </section>
        ) : (
          <div id={seriesSectionId(series)}>
            <EssayList essays={essays} />
          </div>
        ),
      )}
    </Layout>
  );
}
