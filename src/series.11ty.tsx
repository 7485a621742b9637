// One page per series: what it is, how many essays over which dates, and its essays newest first,
// grouped by year. A long series lists its newest years in full and links its older years to their year
// pages (lib/pages/browse.ts: SERIES_PAGE_ESSAYS), so the page stays small at thousands of essays.
import { EssayList } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { Time } from "../_includes/Time.tsx";
import type { PageData } from "../_includes/page-data.ts";
import type { Series } from "../lib/content/model.ts";
import { count, dateRange, seriesYears, yearSectionPath } from "../lib/pages/browse.ts";

export const data = {
  pagination: { data: "archive.series", size: 1, alias: "series" },
  permalink: (data: { series: Series }) => data.series.path,
};

export function render(data: PageData & { series: Series }) {
  const { archive, series } = data;
  const range = dateRange(series.essays);
  const { listed, linked } = seriesYears(series);
  const yearPath = (year: number) => yearSectionPath(archive.years.find((y) => y.year === year)!, series, archive.series);
  return (
    <Layout archive={archive} path={series.path} title={series.title} description={series.description}>
      <h1>{series.title}</h1>
      {series.description && <p class="lede description">{series.description}</p>}
      {range && (
        <p class="extent">
          {count(series.essays.length)}, from <Time date={range.first} /> to <Time date={range.last} />
        </p>
      )}
      <dl class="series-facts">
        <dt>Publisher</dt>
        <dd>{series.publisher}</dd>
        <dt>Institution</dt>
        <dd>{series.institution}</dd>
        {series.issn && (
          <>
            <dt>ISSN</dt>
            <dd>{series.issn}</dd>
          </>
        )}
        {series.url && (
          <>
            <dt>Web</dt>
            <dd>
              <a href={series.url} rel="external">
                {series.url}
              </a>
            </dd>
          </>
        )}
      </dl>
      {listed.length > 1 && (
        <nav class="jump-list" aria-label="Years of this series">
          <ul>
            {listed.map(({ year }) => (
              <li>
                <a href={`#year-${year}`}>{year}</a>
              </li>
            ))}
            {linked.length > 0 && (
              <li>
                <a href="#earlier-years">Earlier years</a>
              </li>
            )}
          </ul>
        </nav>
      )}
      {listed.map(({ year, essays }) => (
        <section class="year-group" aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`}>
            {year} <span class="count">{count(essays.length)}</span>
          </h2>
          <EssayList essays={essays} series={false} />
        </section>
      ))}
      {linked.length > 0 && (
        <section class="year-group" aria-labelledby="earlier-years">
          <h2 id="earlier-years">{listed.length > 0 ? "Earlier years" : "Years"}</h2>
          <p>Each year's essays in this series are on its year page.</p>
          <ul class="year-list">
            {linked.map(({ year, essays }) => (
              <li>
                <Link to={yearPath(year)} class="year-link">
                  {year}
                </Link>{" "}
                <span class="count">{count(essays.length)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
