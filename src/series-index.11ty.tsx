// The series index.
import { EssayCount } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { paths } from "../lib/pages/urls.ts";

export const data = { permalink: paths.seriesIndex };

export function render(data: PageData) {
  const { archive } = data;
  return (
    <Layout archive={archive} path={paths.seriesIndex} title="Series">
      <h1>Series</h1>
      <ul class="index-list">
        {archive.series.map((series) => (
          <li>
            <Link to={series.path}>{series.title}</Link>, {series.publisher}{" "}
            <EssayCount essays={series.essays} />
          </li>
        ))}
      </ul>
    </Layout>
  );
}
