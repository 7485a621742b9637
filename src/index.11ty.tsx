// The archive home, of bounded size however large the archive grows: the newest essays, then the ways in
// (by year, by series, by author, search). Rendered from its view alone (lib/views/listing.ts, `HomeView`).
import { EssayList } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { SearchForm } from "../_includes/SearchForm.tsx";
import { YearList } from "../_includes/YearList.tsx";
import { listingsOf } from "../_includes/page-data.ts";
import { inTree } from "../lib/archive/trees.ts";
import { pageStrings } from "../lib/words/strings.ts";
import { paths } from "../lib/paths/urls.ts";
import type { HomeView } from "../lib/views/listing.ts";

// One per tree of pages: the site language's, and each other language's under its prefix (lib/archive/trees.ts).
export const data = listingsOf("home");

export function render({ view }: { view: HomeView }) {
  const { tree } = view.layout;
  const words = pageStrings(view.layout.site, tree.lang);
  return (
    <Layout layout={view.layout} path={view.path}>
      <div class="home-intro">
        <h1>{tree.title}</h1>
        <p class="lede">{tree.description}</p>
        <SearchForm id="home-search" />
      </div>
      <section class="home-newest" aria-labelledby="newest">
        <h2 id="newest">{words.text(view.more === 0 ? "home.allEssays" : "home.newestEssays")}</h2>
        <EssayList essays={view.newest} />
        {view.more > 0 && (
          <p class="more">
            {words.parts("home.more", {
              count: words.count("count.earlierEssays", view.more),
              byYear: <Link to={inTree(tree, paths.years)}>{words.text("home.moreByYear")}</Link>,
              bySeries: <Link to={inTree(tree, paths.seriesIndex)}>{words.text("home.moreBySeries")}</Link>,
              byAuthor: <Link to={inTree(tree, paths.authors)}>{words.text("home.moreByAuthor")}</Link>,
            })}
          </p>
        )}
      </section>
      <div class="ways-in">
        <section aria-labelledby="by-year">
          <h2 id="by-year">{words.text("home.byYear")}</h2>
          <YearList years={view.years} />
          <p class="more">
            <Link to={inTree(tree, paths.years)}>{words.text("home.everyYear")}</Link>
          </p>
        </section>
        <section aria-labelledby="by-series">
          <h2 id="by-series">{words.text("home.bySeries")}</h2>
          <ul class="index-list">
            {view.series.map((series) => (
              <li>
                <Link to={series.path}>{series.title}</Link> <span class="count">{words.count("count.essays", series.count)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="by-author">
          <h2 id="by-author">{words.text("home.byAuthor")}</h2>
          <p>
            <Link to={inTree(tree, paths.authors)}>{words.text("home.authorsAZ")}</Link> <span class="count">{words.count("count.authors", view.authors)}</span>
          </p>
        </section>
      </div>
    </Layout>
  );
}
