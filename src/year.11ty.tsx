// One page per year of publication: its essays newest first, by series where there are several, with
// the years before and after. A long year (a daily series) goes on over further pages (yearPages).
import { EssayList } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { ListingPages, pageOf } from "../_includes/ListingPages.tsx";
import type { PageData } from "../_includes/page-data.ts";
import type { Year } from "../lib/archive/model.ts";
import { neighbours, seriesSectionId, yearPages, type YearPage } from "../lib/archive/browse.ts";
import { pageStrings, type Strings } from "../lib/words/strings.ts";
import { listingPage, paths } from "../lib/paths/urls.ts";
import { inTree, toWriteInTrees, type Tree } from "../lib/archive/trees.ts";
import { layoutView } from "../lib/views/layout.ts";
import { essayItems } from "../lib/views/listing.ts";

interface Item {
  tree: Tree;
  listing: YearPage;
}

export const data = {
  pagination: {
    data: "toWrite.years",
    size: 1,
    alias: "item",
    // Each year's pages in each tree that has it (https://www.11ty.dev/docs/pagination/#modifying-the-data-set-prior-to-pagination).
    before: (years: Year[], data: PageData): Item[] =>
      toWriteInTrees(
        data.archive.trees,
        years,
        (tree) => tree.years,
        (year) => year.year,
      ).flatMap(({ tree, item }) => yearPages(item, tree.series).map((listing) => ({ tree, listing }))),
  },
  permalink: (data: { item: Item }) => data.item.listing.path,
};

/** The nearest earlier and later years that have essays, and the list of all years. */
function YearPager({ year, tree, words }: { year: Year; tree: Tree; words: Strings }) {
  const { years } = tree;
  const { earlier, later } = neighbours(year, years);
  return (
    <nav class="pager year-pager" aria-label={words.text("year.pager")}>
      {earlier && (
        <Link to={earlier.path} rel="prev">
          <span class="pager-dir">{words.text("year.earlier")}</span> {earlier.year}
        </Link>
      )}
      <Link to={inTree(tree, paths.years)} class="pager-all">
        {words.text("year.all")}
      </Link>
      {later && (
        <Link to={later.path} rel="next">
          <span class="pager-dir">{words.text("year.later")}</span> {later.year}
        </Link>
      )}
    </nav>
  );
}

export function render(data: PageData & { item: Item }) {
  const { archive } = data;
  const { tree, listing } = data.item;
  const { year, groups, page, pages } = listing;
  // Series pages link to each series' section here, so every series gets one, headed only when the year has several.
  const headed = new Set(year.essays.map((essay) => essay.series)).size > 1;
  const words = pageStrings(archive.site, tree.lang);
  const heading = words.text("year.title", { year: year.year });
  return (
    <Layout layout={layoutView(archive, tree)} path={listing.path} title={`${heading}${pageOf(words, page, pages)}`}>
      <h1>{heading}</h1>
      <p class="extent">
        {words.count("count.essays", year.essays.length)}
        {pageOf(words, page, pages, true)}
      </p>
      <YearPager year={year} tree={tree} words={words} />
      {groups.map(({ series, essays, total }) =>
        headed ? (
          <section id={seriesSectionId(series)} aria-labelledby={`${seriesSectionId(series)}-title`}>
            <h2 id={`${seriesSectionId(series)}-title`}>
              <Link to={series.path}>{series.titleIn(tree.lang)}</Link> <span class="count">{words.count("count.essays", total)}</span>
            </h2>
            <EssayList essays={essayItems(tree, essays)} series={false} />
          </section>
        ) : (
          <div id={seriesSectionId(series)}>
            <EssayList essays={essayItems(tree, essays)} />
          </div>
        ),
      )}
      <ListingPages page={page} pages={pages} pathOf={(n) => listingPage(year.path, n)} />
    </Layout>
  );
}
