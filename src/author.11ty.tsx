// One page per author: who they are and what they wrote, newest first; a long list goes on over further
// pages (authorPages).
import { EssayList } from "../_includes/EssayList.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { ListingPages, pageOf } from "../_includes/ListingPages.tsx";
import type { PageData } from "../_includes/page-data.ts";
import type { Author } from "../lib/archive/model.ts";
import { authorPages, type AuthorPage } from "../lib/archive/browse.ts";
import { pageStrings } from "../lib/words/strings.ts";
import { listingPage } from "../lib/paths/urls.ts";
import { toWriteInTrees, type Tree } from "../lib/archive/trees.ts";
import { layoutView } from "../lib/views/layout.ts";
import { essayItems } from "../lib/views/listing.ts";

interface Item {
  tree: Tree;
  listing: AuthorPage;
}

export const data = {
  pagination: {
    data: "toWrite.authors",
    size: 1,
    alias: "item",
    // Each author's pages in each tree with their essays (https://www.11ty.dev/docs/pagination/#modifying-the-data-set-prior-to-pagination).
    before: (authors: Author[], data: PageData): Item[] =>
      toWriteInTrees(
        data.archive.trees,
        authors,
        (tree) => tree.authors,
        (author) => author.id,
      ).flatMap(({ tree, item }) => authorPages(item).map((listing) => ({ tree, listing }))),
  },
  permalink: (data: { item: Item }) => data.item.listing.path,
};

export function render(data: PageData & { item: Item }) {
  const { archive } = data;
  const { tree, listing } = data.item;
  const { author, essays, page, pages } = listing;
  const words = pageStrings(archive.site, tree.lang);
  const name = author.nameIn(tree.lang);
  return (
    <Layout layout={layoutView(archive, tree)} path={listing.path} title={`${name}${pageOf(words, page, pages)}`} description={author.bio}>
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
          {words.count("count.essays", author.essays.length)}
          {pageOf(words, page, pages, true)}
        </span>
      </h2>
      <EssayList essays={essayItems(tree, essays)} />
      <ListingPages page={page} pages={pages} pathOf={(n) => listingPage(author.path, n)} />
    </Layout>
  );
}
