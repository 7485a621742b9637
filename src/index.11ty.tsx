// The archive home, of bounded size however large the archive grows: the newest essays, then the ways in
// (by year, by series, by author, search).
import { EssayList } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { SearchForm } from "../_includes/SearchForm.tsx";
import { YearList } from "../_includes/YearList.tsx";
import { onePerTree, type PageData } from "../_includes/page-data.ts";
import { inTree, type Tree } from "../lib/archive/trees.ts";
import { HOME_NEWEST } from "../lib/archive/browse.ts";
import { pageStrings } from "../lib/words/strings.ts";
import { paths } from "../lib/paths/urls.ts";
import { layoutView } from "../lib/views/layout.ts";
import { essayItems } from "../lib/views/listing.ts";

// One per tree of pages: the site language's, and each other language's under its prefix (lib/archive/trees.ts).
export const data = onePerTree(paths.home);

export function render(data: PageData & { tree: Tree }) {
  const { archive, tree } = data;
  const newest = tree.essays.slice(0, HOME_NEWEST);
  const more = tree.essays.length - newest.length;
  const words = pageStrings(archive.site, tree.lang);
  return (
    <Layout layout={layoutView(archive, tree)} path={inTree(tree, paths.home)}>
      <div class="home-intro">
        <h1>{tree.title}</h1>
        <p class="lede">{tree.description}</p>
        <SearchForm id="home-search" />
      </div>
      <section class="home-newest" aria-labelledby="newest">
        <h2 id="newest">{words.text(newest.length === tree.essays.length ? "home.allEssays" : "home.newestEssays")}</h2>
        <EssayList essays={essayItems(tree, newest, { summaries: true })} />
        {more > 0 && (
          <p class="more">
            {words.parts("home.more", {
              count: words.count("count.earlierEssays", more),
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
          <YearList years={tree.years} />
          <p class="more">
            <Link to={inTree(tree, paths.years)}>{words.text("home.everyYear")}</Link>
          </p>
        </section>
        <section aria-labelledby="by-series">
          <h2 id="by-series">{words.text("home.bySeries")}</h2>
          <ul class="index-list">
            {tree.series.map((series) => (
              <li>
                <Link to={series.path}>{series.titleIn(tree.lang)}</Link> <span class="count">{words.count("count.essays", series.essays.length)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="by-author">
          <h2 id="by-author">{words.text("home.byAuthor")}</h2>
          <p>
            <Link to={inTree(tree, paths.authors)}>{words.text("home.authorsAZ")}</Link>{" "}
            <span class="count">{words.count("count.authors", tree.authors.length)}</span>
          </p>
        </section>
      </div>
    </Layout>
  );
}
