// The author index.
import { EssayCount } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { paths } from "../lib/pages/urls.ts";

export const data = { permalink: paths.authors };

export function render(data: PageData) {
  const { archive } = data;
  return (
    <Layout archive={archive} path={paths.authors} title="Authors">
      <h1>Authors</h1>
      <ul class="index-list">
        {archive.authors.map((author) => (
          <li>
            <Link to={author.path}>{author.name}</Link>
            {author.affiliation && <span class="affiliation">, {author.affiliation}</span>}{" "}
            <EssayCount essays={author.essays} />
          </li>
        ))}
      </ul>
    </Layout>
  );
}
