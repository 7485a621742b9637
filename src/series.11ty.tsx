// One page per series: what it is and all its essays by number.
import { EssayList } from "../_includes/EssayList.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { pagePath, type PageData } from "../_includes/page-data.ts";
import type { Series } from "../lib/content/model.ts";

export const data = {
  pagination: { data: "archive.series", size: 1, alias: "series" },
  permalink: (data: { series: Series }) => data.series.path,
};

export function render(data: PageData & { series: Series }) {
  const { archive, series } = data;
  const { record } = series;
  return (
    <Layout archive={archive} path={pagePath(data)} title={series.title} description={record.description}>
      <h1>{series.title}</h1>
      <dl class="series-facts">
        <dt>Publisher</dt>
        <dd>{record.publisher}</dd>
        <dt>Institution</dt>
        <dd>{record.institution}</dd>
        {record.issn && (
          <>
            <dt>ISSN</dt>
            <dd>{record.issn}</dd>
          </>
        )}
        {record.url && (
          <>
            <dt>Web</dt>
            <dd>
              <a href={record.url} rel="external">
                {record.url}
              </a>
            </dd>
          </>
        )}
      </dl>
      {record.description && <p class="description">{record.description}</p>}
      <h2>Essays by number</h2>
      <EssayList essays={series.essays} ordered />
    </Layout>
  );
}
