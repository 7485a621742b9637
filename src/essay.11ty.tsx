// One page per essay, paginated over the validated archive (lib/content/) rather than one Eleventy
// template per markdown file: the body is rendered once, and front matter never meets the data cascade.
// `toWrite.essays` are those a build has not taken from its cache; in the dev server, after an edit, those it changed.
// https://www.11ty.dev/docs/pagination/
import { AboutAuthors, MoreBy } from "../_includes/essay/AboutAuthors.tsx";
import { Cite } from "../_includes/essay/Cite.tsx";
import { Contents } from "../_includes/essay/Contents.tsx";
import { Pager } from "../_includes/essay/Pager.tsx";
import { Byline } from "../_includes/Byline.tsx";
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { Time } from "../_includes/Time.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { describe } from "../lib/cite/description.ts";
import { citable } from "../lib/cite/essay.ts";
import { citationMeta } from "../lib/cite/highwire.ts";
import { essayJsonLd, jsonLdScript } from "../lib/cite/json-ld.ts";
import type { Essay } from "../lib/archive/model.ts";
import { pageStrings, readIn } from "../lib/words/strings.ts";
import { treeOf } from "../lib/archive/trees.ts";
import { absoluteUrl, relativeHref } from "../lib/paths/urls.ts";
import { essayPdf } from "../lib/cite/essay.ts";
import { authorNames } from "../lib/search/fields.ts";

export const data = {
  pagination: { data: "toWrite.essays", size: 1, alias: "essay" },
  permalink: (data: { essay: Essay }) => data.essay.path,
};

export async function render(data: PageData & { essay: Essay }) {
  const { archive, essay } = data;
  const { references } = await data.citations.of(essay);
  const { series } = essay;
  const siteUrl = archive.site.url;
  const url = siteUrl && absoluteUrl(siteUrl, essay.path);
  // The essay's PDF, when the archive makes them (lib/pdf/): absolute where the site's address is known.
  const pdf = archive.site.pdf && essayPdf(essay);
  const pdfUrl = pdf && (siteUrl ? absoluteUrl(siteUrl, pdf) : relativeHref(essay.path, pdf));
  const description = describe(essay.summary, essay.lead);
  const words = pageStrings(archive.site, essay.lang);
  const tree = treeOf(archive, essay);
  const head = (
    <>
      {citationMeta(essay, url, siteUrl && pdfUrl).map(([name, content]) => (
        <meta name={name} content={content} />
      ))}
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonLdScript(essayJsonLd(citable(essay, archive.site.url), description, pdfUrl)) }}
      />
      {/* The essay in each of its languages, itself included, as search engines ask (absolute URLs):
          https://developers.google.com/search/docs/specialty/international/localized-versions#html */}
      {siteUrl &&
        essay.translations.length > 0 &&
        [essay, ...essay.translations].map((e) => <link rel="alternate" hreflang={e.lang} href={absoluteUrl(siteUrl, e.path)} />)}
    </>
  );
  return (
    <Layout
      archive={archive}
      path={essay.path}
      title={essay.title}
      tabTitle={words.text("essay.tabTitle", { number: essay.number, title: essay.title, series: series.titleIn(essay.lang) })}
      description={description}
      lang={essay.lang}
      ogType="article"
      head={head}
      tree={tree}
    >
      <article class="essay">
        {/* data-pagefind-*: what search results show (meta), narrow by (filter) and sort by; only the body
            (data-pagefind-body) is indexed as text, so excerpts never repeat the header (lib/search/fields.ts).
            https://pagefind.app/docs/metadata/ https://pagefind.app/docs/filtering/ https://pagefind.app/docs/sorts/ */}
        <header class="essay-header">
          <p class="essay-kicker">
            <span class="essay-label" data-pagefind-meta="label" data-pagefind-sort="number[data-number]" data-number={essay.number}>
              {words.parts("essay.label", {
                series: (
                  <Link to={tree.seriesView(series).path} data-pagefind-filter="series">
                    {series.titleIn(essay.lang)}
                  </Link>
                ),
                number: essay.number,
              })}
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
          <p class="essay-publisher">{series.institution}</p>
          <h1 data-pagefind-meta="title">{essay.title}</h1>
          <p class="byline">
            <span data-pagefind-meta={`authors:${authorNames(essay.authors.map((a) => a.nameIn(essay.lang)))}`}>
              <Byline credits={essay.credits} filter="author" affiliations />
            </span>
          </p>
          <p class="reading-time">{words.text("essay.readingTime", { minutes: essay.readingMinutes })}</p>
          {essay.translations.length > 0 && (
            <ul class="essay-translations">
              {essay.translations.map((t) => (
                <li>
                  <Link to={t.path} hreflang={t.lang} lang={t.lang} rel="alternate">
                    {readIn(t.lang)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {essay.summary && (
            <p class="summary" data-pagefind-meta="summary">
              {essay.summary}
            </p>
          )}
          {essay.topics.length > 0 && (
            <ul class="topics" aria-label={words.text("essay.topics")}>
              {essay.topics.map((topic) => (
                <li data-pagefind-filter="topic">{topic}</li>
              ))}
            </ul>
          )}
        </header>
        <div data-pagefind-ignore="all">
          <Pager essay={essay} top />
          <Contents headings={essay.headings} />
        </div>
        <div class="essay-body" data-pagefind-body dangerouslySetInnerHTML={{ __html: essay.html }} />
        <footer class="essay-footer" data-pagefind-ignore="all">
          <AboutAuthors essay={essay} />
          {essay.source && (
            <p class="essay-source">
              {words.parts("essay.firstPublished", {
                source: (
                  <a href={essay.source} rel="external">
                    {essay.source}
                  </a>
                ),
              })}
            </p>
          )}
          <p class="disclaimer">{essay.disclaimer ?? series.disclaimer}</p>
          <p class="copyright">{essay.copyright ?? series.copyright}</p>
          {url && <p class="essay-address">{words.parts("essay.address", { url: <span class="url">{url}</span> })}</p>}
          <Cite essay={essay} references={references} pdf={pdf} />
          <MoreBy essay={essay} />
        </footer>
      </article>
      <Pager essay={essay} />
    </Layout>
  );
}
