// One page per series: what it is, how many essays over which dates, and its essays newest first,
// grouped by year. A long series lists its newest years in full and links its older years to their year
// pages (lib/archive/browse.ts: SERIES_PAGE_ESSAYS), so the page stays small at thousands of essays.
// Rendered from its view alone (lib/views/listing.ts, `SeriesView`).
import { EssayList } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { Time } from "../_includes/Time.tsx";
import { listingsOf } from "../_includes/page-data.ts";
import { pageStrings } from "../lib/words/strings.ts";
import type { SeriesView } from "../lib/views/listing.ts";

// Each series in each tree with its essays.
export const data = listingsOf("series");

export function render({ view: series }: { view: SeriesView }) {
  const { range, listed, linked, title } = series;
  const words = pageStrings(series.layout.site, series.layout.tree.lang);
  return (
    <Layout layout={series.layout} path={series.path} title={title} description={series.description}>
      <h1>{title}</h1>
      {series.description && <p class="lede description">{series.description}</p>}
      {range && (
        <p class="extent">
          {words.parts("series.extent", {
            count: words.count("count.essays", series.count),
            first: <Time date={range.first} />,
            last: <Time date={range.last} />,
          })}
        </p>
      )}
      <dl class="series-facts">
        <dt>{words.text("series.publisher")}</dt>
        <dd>{series.publisher}</dd>
        <dt>{words.text("series.institution")}</dt>
        <dd>{series.institution}</dd>
        {series.issn && (
          <>
            <dt>{words.text("series.issn")}</dt>
            <dd>{series.issn}</dd>
          </>
        )}
        {series.url && (
          <>
            <dt>{words.text("series.web")}</dt>
            <dd>
              <a href={series.url} rel="external">
                {series.url}
              </a>
            </dd>
          </>
        )}
      </dl>
      {listed.length > 1 && (
        <nav class="jump-list" aria-label={words.text("series.jump")}>
          <ul>
            {listed.map(({ year }) => (
              <li>
                <a href={`#year-${year}`}>{year}</a>
              </li>
            ))}
            {linked.length > 0 && (
              <li>
                <a href="#earlier-years">{words.text("series.earlierYears")}</a>
              </li>
            )}
          </ul>
        </nav>
      )}
      {listed.map(({ year, essays }) => (
        <section class="year-group" aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`}>
            {year} <span class="count">{words.count("count.essays", essays.length)}</span>
          </h2>
          <EssayList essays={essays} series={false} />
        </section>
      ))}
      {linked.length > 0 && (
        <section class="year-group" aria-labelledby="earlier-years">
          <h2 id="earlier-years">{words.text(listed.length > 0 ? "series.earlierYears" : "series.years")}</h2>
          <p>{words.text("series.onYearPages")}</p>
          <ul class="year-list">
            {linked.map(({ year, path, count }) => (
              <li>
                <Link to={path} class="year-link">
                  {year}
                </Link>{" "}
                <span class="count">{words.count("count.essays", count)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
