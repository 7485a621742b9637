// One page per author: who they are and what they wrote, newest first; a long list goes on over further
// pages (authorPages). Rendered from its view alone (lib/views/listing.ts, `AuthorPageView`).
import { EssayList } from "../_includes/EssayList.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { ListingPages, pageOf } from "../_includes/ListingPages.tsx";
import { listingsOf } from "../_includes/page-data.ts";
import { pageStrings } from "../lib/words/strings.ts";
import { listingPage } from "../lib/paths/urls.ts";
import type { AuthorPageView } from "../lib/views/listing.ts";

// Each author's pages in each tree with their essays (those the build writes).
export const data = listingsOf("author");

export function render({ view: author }: { view: AuthorPageView }) {
  const { name, page, pages } = author;
  const words = pageStrings(author.layout.site, author.layout.tree.lang);
  return (
    <Layout layout={author.layout} path={author.path} title={`${name}${pageOf(words, page, pages)}`} description={author.bio}>
      <h1>{name}</h1>
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
          {words.count("count.essays", author.count)}
          {pageOf(words, page, pages, true)}
        </span>
      </h2>
      <EssayList essays={author.essays} />
      <ListingPages page={page} pages={pages} pathOf={(n) => listingPage(author.first, n)} />
    </Layout>
  );
}
