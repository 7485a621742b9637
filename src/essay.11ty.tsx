// One page per essay, paginated over the validated archive (lib/content/) rather than one Eleventy
// template per markdown file: the body is rendered once, and front matter never meets the data cascade.
// `archive.stale` is every essay in a build; in the dev server, after an edit, only the pages it changed.
// https://www.11ty.dev/docs/pagination/
import { Byline } from "../_includes/Byline.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { Time } from "../_includes/Time.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { citationMeta } from "../lib/pages/citation.ts";
import type { Essay } from "../lib/content/model.ts";
import { absoluteUrl } from "../lib/pages/urls.ts";

export const data = {
  pagination: { data: "archive.stale.essays", size: 1, alias: "essay" },
  permalink: (data: { essay: Essay }) => data.essay.path,
};

function Pager({ essay }: { essay: Essay }) {
  const { prev, next } = essay;
  if (!prev && !next) return null;
  return (
    <nav class="pager" aria-label={`More from ${essay.series.title}`}>
      {prev && (
        <Link to={prev.path} rel="prev">
          <span class="pager-dir">Previous</span> No.{prev.number}: {prev.title}
        </Link>
      )}
      {next && (
        <Link to={next.path} rel="next">
          <span class="pager-dir">Next</span> No.{next.number}: {next.title}
        </Link>
      )}
    </nav>
  );
}

export function render(data: PageData & { essay: Essay }) {
  const { archive, essay } = data;
  const { series } = essay;
  const url = archive.site.url && absoluteUrl(archive.site.url, essay.path);
  const citation = citationMeta(essay, url).map(([name, content]) => <meta name={name} content={content} />);
  return (
    <Layout
      archive={archive}
      path={essay.path}
      title={essay.title}
      description={essay.summary}
      lang={essay.lang}
      ogType="article"
      head={citation}
    >
      <article class="essay" data-pagefind-body>
        {/* data-pagefind-*: what search results show (meta), narrow by (filter) and sort by.
            https://pagefind.app/docs/metadata/ https://pagefind.app/docs/filtering/ https://pagefind.app/docs/sorts/ */}
        <header class="essay-header">
          <p class="essay-label" data-pagefind-meta="label" data-pagefind-sort="number[data-number]" data-number={essay.number}>
            <Link to={series.path} data-pagefind-filter="series">
              {series.title}
            </Link>{" "}
            No.{essay.number}
          </p>
          <h1 data-pagefind-meta="title">{essay.title}</h1>
          <p class="byline">
            <span data-pagefind-meta="authors">
              <Byline authors={essay.authors} filter="author" />
            </span>{" "}
            ·{" "}
            <Time
              date={essay.date}
              data-pagefind-meta="date"
              data-pagefind-sort="date[datetime]"
              data-pagefind-filter="year[data-year]"
              data-year={essay.year}
            />
          </p>
          {essay.summary && <p class="summary">{essay.summary}</p>}
          {essay.topics.length > 0 && (
            <ul class="topics" aria-label="Topics">
              {essay.topics.map((topic) => (
                <li data-pagefind-filter="topic">{topic}</li>
              ))}
            </ul>
          )}
        </header>
        <div class="essay-body" dangerouslySetInnerHTML={{ __html: essay.html }} />
        <footer class="essay-footer" data-pagefind-ignore="all">
          <section class="about-authors" aria-labelledby="about-authors">
            <h2 id="about-authors">About the author{essay.authors.length > 1 ? "s" : ""}</h2>
            {essay.credits.map(({ author, bio }) => (
              <div class="bio">
                {bio && <p>{bio}</p>}
                <p>
                  <Link to={author.path}>All essays by {author.name}</Link>
                </p>
              </div>
            ))}
          </section>
          <p class="disclaimer">{series.disclaimer}</p>
          <p class="copyright">{series.copyright}</p>
        </footer>
      </article>
      <Pager essay={essay} />
    </Layout>
  );
}
