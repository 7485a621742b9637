// One page per series: what it is and all its essays by number.
import { EssayList } from "../_includes/EssayList.tsx";
import { Layout } from "../_includes/Layout.tsx";
import type { PageData } from "../_includes/page-data.ts";
import type { Series } from "../lib/content/model.ts";

export const data = {
  pagination: { data: "archive.series", size: 1, alias: "series" },
  permalink: (data: { series: Series }) => data.series.path,
};

export function render(data: PageData & { series: Series }) {
  const { archive, series } = data;
  return (
    <Layout archive={archive} path={series.path} title={series.title} description={series.description}>
      <h1>{series.title}</h1>
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
      {series.description && <p class="description">{series.description}</p>}
      <h2>Essays by number</h2>
      <EssayList essays={series.essays} ordered />
    </Layout>
  );
}
