// One page per essay, paginated over the validated archive (lib/content/) rather than one Eleventy
// template per markdown file: the body is rendered once, and front matter never meets the data cascade.
// `toWrite.essays` are those a build has not taken from its cache; in the dev server, after an edit, those it changed.
// https://www.11ty.dev/docs/pagination/
//
// The page is rendered from its view alone (lib/views/essay.ts, `EssayPageView`), which is also what its
// cache key hashes: it is given nothing of the archive, so it can show nothing the key does not cover.
// Its citations come from `citations`, which formats them from the view's `citable` record.
import { AboutAuthors, MoreBy } from "../_includes/essay/AboutAuthors.tsx";
import { Cite } from "../_includes/essay/Cite.tsx";
import { Contents } from "../_includes/essay/Contents.tsx";
import { Pager } from "../_includes/essay/Pager.tsx";
import { Byline } from "../_includes/Byline.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { Time } from "../_includes/Time.tsx";
import type { PageData } from "../_includes/page-data.ts";
import type { Essay } from "../lib/archive/model.ts";
import type { CitationSource } from "../lib/cite/essay.ts";
import { pageStrings, readIn } from "../lib/words/strings.ts";
import { essayPageView, type EssayPageView } from "../lib/views/essay.ts";

export const data = {
  pagination: {
    data: "toWrite.essays",
    size: 1,
    alias: "view",
    // Each essay to write as its view: the only thing its page is given (https://www.11ty.dev/docs/pagination/#modifying-the-data-set-prior-to-pagination).
    before: (essays: Essay[], data: PageData): EssayPageView[] => essays.map((essay) => essayPageView(data.archive, essay)),
  },
  permalink: (data: { view: EssayPageView }) => data.view.path,
};

export async function render({ view, citations }: { view: EssayPageView; citations: CitationSource }) {
  const { references } = await citations.of(view.path, view.citable);
  const words = pageStrings(view.layout.site, view.lang);
  const head = (
    <>
      {view.meta.map(([name, content]) => (
        <meta name={name} content={content} />
      ))}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: view.jsonLd }} />
      {/* The essay in each of its languages, itself included, as search engines ask (absolute URLs):
          https://developers.google.com/search/docs/specialty/international/localized-versions#html */}
      {view.alternates.length > 0 && view.alternates.map(({ lang, href }) => <link rel="alternate" hreflang={lang} href={href} />)}
    </>
  );
  return (
    <Layout
      layout={view.layout}
      path={view.path}
      title={view.title}
      tabTitle={words.text("essay.tabTitle", { number: view.number, title: view.title, series: view.series.title })}
      description={view.description}
      lang={view.lang}
      ogType="article"
      head={head}
    >
      <article class="essay">
        {/* Search indexes the essay's own search document, not this page (lib/search/document.tsx). */}
        <header class="essay-header">
          <p class="essay-kicker">
            <span class="essay-label">
              {words.parts("essay.label", {
                series: <Link to={view.series.path}>{view.series.title}</Link>,
                number: view.number,
              })}
            </span>{" "}
            · <Time date={view.date} />
          </p>
          <p class="essay-publisher">{view.series.institution}</p>
          <h1>{view.title}</h1>
          <p class="byline">
            <Byline credits={view.credits} affiliations />
          </p>
          <p class="reading-time">{words.text("essay.readingTime", { minutes: view.readingMinutes })}</p>
          {view.translations.length > 0 && (
            <ul class="essay-translations">
              {view.translations.map((t) => (
                <li>
                  <Link to={t.path} hreflang={t.lang} lang={t.lang} rel="alternate">
                    {readIn(t.lang)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {view.summary && <p class="summary">{view.summary}</p>}
          {view.topics.length > 0 && (
            <ul class="topics" aria-label={words.text("essay.topics")}>
              {view.topics.map((topic) => (
                <li>{topic}</li>
              ))}
            </ul>
          )}
        </header>
        <Pager view={view} top />
        <Contents headings={view.headings} />
        <div class="essay-body" dangerouslySetInnerHTML={{ __html: view.html }} />
        <footer class="essay-footer">
          <AboutAuthors credits={view.credits} />
          {view.source && (
            <p class="essay-source">
              {words.parts("essay.firstPublished", {
                source: (
                  <a href={view.source} rel="external">
                    {view.source}
                  </a>
                ),
              })}
            </p>
          )}
          <p class="disclaimer">{view.disclaimer}</p>
          <p class="copyright">{view.copyright}</p>
          {view.url && <p class="essay-address">{words.parts("essay.address", { url: <span class="url">{view.url}</span> })}</p>}
          <Cite lang={view.lang} downloads={view.downloads} references={references} pdf={view.pdf?.path} />
          <MoreBy moreBy={view.moreBy} />
        </footer>
      </article>
      <Pager view={view} />
    </Layout>
  );
}
