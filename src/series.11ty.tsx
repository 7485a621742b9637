// One page per series: what it is, how many essays over which dates, and its essays newest first,
// grouped by year. A long series lists its newest years in full and links its older years to their year
// pages (lib/archive/browse.ts: SERIES_PAGE_ESSAYS), so the page stays small at thousands of essays.
import { EssayList } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { Time } from "../_includes/Time.tsx";
import type { PageData } from "../_includes/page-data.ts";
import type { Tree } from "../lib/archive/trees.ts";
import type { Series } from "../lib/archive/model.ts";
import { dateRange, seriesYears, yearSectionPath } from "../lib/archive/browse.ts";
import { pageStrings } from "../lib/words/strings.ts";
import { layoutView } from "../lib/views/layout.ts";
import { essayItems } from "../lib/views/listing.ts";

interface Item {
  tree: Tree;
  series: Series;
}

export const data = {
  // Each series in each tree with its essays (https://www.11ty.dev/docs/pagination/#modifying-the-data-set-prior-to-pagination).
  pagination: {
    data: "archive.trees",
    size: 1,
    alias: "item",
    before: (trees: Tree[]): Item[] => trees.flatMap((tree) => tree.series.map((series) => ({ tree, series }))),
  },
  permalink: (data: { item: Item }) => data.item.series.path,
};

export function render(data: PageData & { item: Item }) {
  const { archive } = data;
  const { tree, series } = data.item;
  const range = dateRange(series.essays);
  const { listed, linked } = seriesYears(series);
  const yearPath = (year: number) => yearSectionPath(tree.years.find((y) => y.year === year)!, series, tree.series);
  const words = pageStrings(archive.site, tree.lang);
  const title = series.titleIn(tree.lang);
  return (
    <Layout layout={layoutView(archive, tree)} path={series.path} title={title} description={series.description}>
      <h1>{title}</h1>
      {series.description && <p class="lede description">{series.description}</p>}
      {range && (
        <p class="extent">
          {words.parts("series.extent", {
            count: words.count("count.essays", series.essays.length),
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
          <EssayList essays={essayItems(tree, essays)} series={false} />
        </section>
      ))}
      {linked.length > 0 && (
        <section class="year-group" aria-labelledby="earlier-years">
          <h2 id="earlier-years">{words.text(listed.length > 0 ? "series.earlierYears" : "series.years")}</h2>
          <p>{words.text("series.onYearPages")}</p>
          <ul class="year-list">
            {linked.map(({ year, essays }) => (
              <li>
                <Link to={yearPath(year)} class="year-link">
                  {year}
                </Link>{" "}
                <span class="count">{words.count("count.essays", essays.length)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
