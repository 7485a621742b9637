// One page per author: who they are and what they wrote, newest first.
import { EssayList } from "../_includes/EssayList.tsx";
import { Layout } from "../_includes/Layout.tsx";
import type { PageData } from "../_includes/page-data.ts";
import type { Author } from "../lib/content/model.ts";
import { count } from "../lib/pages/browse.ts";

export const data = {
  pagination: { data: "archive.stale.authors", size: 1, alias: "author" },
  permalink: (data: { author: Author }) => data.author.path,
};

export function render(data: PageData & { author: Author }) {
  const { archive, author } = data;
  return (
    <Layout archive={archive} path={author.path} title={author.name} description={author.bio}>
      <h1>{author.name}</h1>
      {author.affiliation && <p class="affiliation">{author.affiliation}</p>}
      {author.bio && <p class="bio">{author.bio}</p>}
      {author.url && (
        <p class="author-url">
          <a href={author.url} rel="external">
            {author.url}
          </a>
        </p>
      )}
      <h2>
        Essays <span class="count">{count(author.essays.length)}</span>
      </h2>
      <EssayList essays={author.essays} />
    </Layout>
  );
}
