// One page per author: who they are and what they wrote, newest first.
import { EssayList } from "../_includes/EssayList.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { pagePath, type PageData } from "../_includes/page-data.ts";
import type { Author } from "../lib/content/model.ts";

export const data = {
  pagination: { data: "archive.stale.authors", size: 1, alias: "author" },
  permalink: (data: { author: Author }) => data.author.path,
};

export function render(data: PageData & { author: Author }) {
  const { archive, author } = data;
  const { record } = author;
  return (
    <Layout archive={archive} path={pagePath(data)} title={author.name}>
      <h1>{author.name}</h1>
      {record.affiliation && <p class="affiliation">{record.affiliation}</p>}
      <p class="bio">{record.bio}</p>
      {record.url && (
        <p>
          <a href={record.url} rel="external">
            {record.url}
          </a>
        </p>
      )}
      <h2>Essays</h2>
      <EssayList essays={author.essays} />
    </Layout>
  );
}
