// The archive home, of bounded size however large the archive grows: the newest essays, then the ways in
// (by year, by series, by author, search).
import { EssayList } from "../_includes/EssayList.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { SearchForm } from "../_includes/SearchForm.tsx";
import { YearList } from "../_includes/YearList.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { count, HOME_NEWEST } from "../lib/pages/browse.ts";
import { paths } from "../lib/pages/urls.ts";

export const data = { permalink: paths.home };

export function render(data: PageData) {
  const { archive } = data;
  const newest = archive.essays.slice(0, HOME_NEWEST);
  const more = archive.essays.length - newest.length;
  return (
    <Layout archive={archive} path={paths.home}>
      <div class="home-intro">
        <h1>{archive.site.title}</h1>
        <p class="lede">{archive.site.description}</p>
        <SearchForm id="home-search" />
      </div>
      <section class="home-newest" aria-labelledby="newest">
        <h2 id="newest">{newest.length === archive.essays.length ? "All essays" : "Newest essays"}</h2>
        <EssayList essays={newest} summaries />
        {more > 0 && (
          <p class="more">
            {count(more, "earlier essay")}: browse them <Link to={paths.years}>by year</Link>,{" "}
            <Link to={paths.seriesIndex}>by series</Link> or <Link to={paths.authors}>by author</Link>.
          </p>
        )}
      </section>
      <div class="ways-in">
        <section aria-labelledby="by-year">
          <h2 id="by-year">By year</h2>
          <YearList years={archive.years} />
          <p class="more">
            <Link to={paths.years}>Every year, with counts</Link>
          </p>
        </section>
        <section aria-labelledby="by-series">
          <h2 id="by-series">By series</h2>
          <ul class="index-list">
            {archive.series.map((series) => (
              <li>
                <Link to={series.path}>{series.title}</Link> <span class="count">{count(series.essays.length)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="by-author">
          <h2 id="by-author">By author</h2>
          <p>
            <Link to={paths.authors}>A–Z by family name</Link> <span class="count">{count(archive.authors.length, "author")}</span>
          </p>
        </section>
      </div>
    </Layout>
  );
}
