// One page per year of publication.
import { EssayList } from "../_includes/EssayList.tsx";
import { Layout } from "../_includes/Layout.tsx";
import type { PageData } from "../_includes/page-data.ts";
import type { Year } from "../lib/content/model.ts";

export const data = {
  pagination: { data: "archive.stale.years", size: 1, alias: "year" },
  permalink: (data: { year: Year }) => data.year.path,
};

export function render(data: PageData & { year: Year }) {
  const { archive, year } = data;
  return (
    <Layout archive={archive} path={year.path} title={`Essays of ${year.year}`}>
      <h1>Essays of {year.year}</h1>
      <EssayList essays={year.essays} />
    </Layout>
  );
}
