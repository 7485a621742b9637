// One page per author: who they are and what they wrote, newest first; a long list goes on over further
// pages (authorPages).
import { EssayList } from "../_includes/EssayList.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { ListingPages, pageOf } from "../_includes/ListingPages.tsx";
import type { PageData } from "../_includes/page-data.ts";
import type { Author } from "../lib/content/model.ts";
import { authorPages, type AuthorPage } from "../lib/pages/browse.ts";
import { pageStrings } from "../lib/pages/strings.ts";
import { paths } from "../lib/pages/urls.ts";

export const data = {
  pagination: {
    data: "archive.stale.authors",
    size: 1,
    alias: "listing",
    // Each author's pages (https://www.11ty.dev/docs/pagination/#modifying-the-data-set-prior-to-pagination).
    before: (authors: Author[]) => authors.flatMap((author) => authorPages(author)),
  },
  permalink: (data: { listing: AuthorPage }) => data.listing.path,
};

export function render(data: PageData & { listing: AuthorPage }) {
  const { archive, listing } = data;
  const { author, essays, page, pages } = listing;
  const words = pageStrings(archive.site);
  return (
    <Layout archive={archive} path={listing.path} title={`${author.name}${pageOf(words, page, pages)}`} description={author.bio}>
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
        {words.text("author.essays")}{" "}
        <span class="count">
          {words.count("count.essays", author.essays.length)}
          {pageOf(words, page, pages, true)}
        </span>
      </h2>
      <EssayList essays={essays} />
      <ListingPages page={page} pages={pages} pathOf={(n) => paths.author(author.id, n)} />
    </Layout>
  );
}
