// One page per year of publication: its essays newest first, by series where there are several, with
// the years before and after. A long year (a daily series) goes on over further pages (yearPages).
// Rendered from its view alone (lib/views/listing.ts, `YearPageView`).
import { EssayList } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { ListingPages, pageOf } from "../_includes/ListingPages.tsx";
import { listingsOf } from "../_includes/page-data.ts";
import { pageStrings, type Strings } from "../lib/words/strings.ts";
import { listingPage, paths } from "../lib/paths/urls.ts";
import { inTree } from "../lib/archive/trees.ts";
import type { YearPageView } from "../lib/views/listing.ts";

// Each year's pages in each tree that has it (those the build writes).
export const data = listingsOf("year");

/** The nearest earlier and later years that have essays, and the list of all years. */
function YearPager({ view, words }: { view: YearPageView; words: Strings }) {
  const { earlier, later } = view;
  return (
    <nav class="pager year-pager" aria-label={words.text("year.pager")}>
      {earlier && (
        <Link to={earlier.path} rel="prev">
          <span class="pager-dir">{words.text("year.earlier")}</span> {earlier.year}
        </Link>
      )}
      <Link to={inTree(view.layout.tree, paths.years)} class="pager-all">
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

export function render({ view }: { view: YearPageView }) {
  const { page, pages } = view;
  const words = pageStrings(view.layout.site, view.layout.tree.lang);
  const heading = words.text("year.title", { year: view.year });
  return (
    <Layout layout={view.layout} path={view.path} title={`${heading}${pageOf(words, page, pages)}`}>
      <h1>{heading}</h1>
      <p class="extent">
        {words.count("count.essays", view.count)}
        {pageOf(words, page, pages, true)}
      </p>
      <YearPager view={view} words={words} />
      {/* Series pages link to each series' section here, so every series gets one, headed only when the year has several. */}
      {view.groups.map(({ id, title, path, essays, total }) =>
        view.headed ? (
          <section id={id} aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`}>
              <Link to={path}>{title}</Link> <span class="count">{words.count("count.essays", total)}</span>
            </h2>
            <EssayList essays={essays} series={false} />
          </section>
        ) : (
          <div id={id}>
            <EssayList essays={essays} />
          </div>
        ),
      )}
      <ListingPages page={page} pages={pages} pathOf={(n) => listingPage(view.first, n)} />
    </Layout>
  );
}
