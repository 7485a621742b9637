// An essay's page as one plain value: everything src/essay.11ty.tsx prints, computed here and nowhere
// else. The template is given this value and nothing of the archive (no essay, series or author object,
// no list), so what the page shows and what its cache key hashes (./key.ts) are the same thing by type.
//
// What it holds of other essays is what the page prints of them: its neighbours by number in its series
// (the pager), its translations, and, for each author, the essays just newer and just older by that
// author (in the author's page's order, newest first). It holds no count and no "newest" list: a new
// essay then changes its own page, its series neighbour's, and the page of the essay that was its
// author's newest, and no other essay page, however many essays its authors wrote.
//
// Citations: the page prints the essay's references, which a worker pool formats while the pages render
// (lib/orchestration/citations.ts). They are a pure function of `citable` (the record they are made
// from, held here) and the code, so the key covers them without waiting for them.
import { beside } from "../archive/browse.ts";
import { treeOf } from "../archive/trees.ts";
import type { Archive, Essay } from "../archive/model.ts";
import type { Heading } from "../bodies/markdown.ts";
import { describe } from "../cite/description.ts";
import { citable, citationFile, essayPdf } from "../cite/essay.ts";
import { citationMeta } from "../cite/highwire.ts";
import { essayJsonLd, jsonLdScript } from "../cite/json-ld.ts";
import { downloadTypes, type CitableEssay, type Downloads } from "../cite/types.ts";
import { absoluteUrl, relativeHref } from "../paths/urls.ts";
import { layoutView, optional, type LayoutView } from "./layout.ts";

/** An author as credited on the page: the name in the page's language, their page in its tree, the bio and affiliation printed with the essay. */
export interface CreditView {
  name: string;
  path: string;
  bio?: string;
  affiliation?: string;
}

/** Another essay as a link on the page: its path, language, number and title, and its series' title in the page's language. */
export interface EssayLinkView {
  path: string;
  lang: string;
  number: number;
  title: string;
  series: string;
}

/** A neighbour by number as the pager links to it. */
export type PagerLinkView = Pick<EssayLinkView, "path" | "number" | "title">;

export interface EssayPageView {
  layout: LayoutView;
  path: string;
  lang: string;
  number: number;
  title: string;
  /** YYYY-MM-DD, and its year. */
  date: string;
  year: number;
  summary?: string;
  /** The meta description: the summary, or the body's opening (lib/cite/description.ts). */
  description: string;
  topics: string[];
  readingMinutes: number;
  /** The rendered body, and its h2 and h3 headings (the table of contents). */
  html: string;
  headings: Heading[];
  source?: string;
  disclaimer: string;
  copyright: string;
  series: { title: string; path: string; institution: string };
  credits: CreditView[];
  /** The essay in its other languages. */
  translations: { lang: string; path: string }[];
  /** The page's absolute address, where the site's is known. */
  url?: string;
  /** The essay's PDF, where the archive makes them: its path, and its address (absolute where the site's is known). */
  pdf?: { path: string; url: string };
  /** The citation downloads' paths. */
  downloads: Record<keyof Downloads, string>;
  /** The head's citation meta tags (lib/cite/highwire.ts), its JSON-LD script's text, and its hreflang alternates (absolute). */
  meta: [name: string, content: string][];
  jsonLd: string;
  alternates: { lang: string; href: string }[];
  /** What the page's references are formatted from (lib/cite/): with the code, it decides them. */
  citable: CitableEssay;
  /** The previous and next essay of the series by number, as the pager shows them: by number and title. */
  pager: { prev?: PagerLinkView; next?: PagerLinkView };
  /** For each author with another essay in the tree, the essay just newer and just older by them. */
  moreBy: { name: string; newer?: EssayLinkView; older?: EssayLinkView }[];
}

/** Views already made: an essay belongs to one linked archive (lib/archive/link.ts makes new ones for each). */
const made = new WeakMap<Essay, EssayPageView>();

/** The page of `essay` in `archive`; made once for each essay (its key, its page and its PDF's key read it). */
export function essayPageView(archive: Archive, essay: Essay): EssayPageView {
  let view = made.get(essay);
  if (!view) made.set(essay, (view = makeView(archive, essay)));
  return view;
}

function makeView(archive: Archive, essay: Essay): EssayPageView {
  const { site } = archive;
  const { series, lang } = essay;
  const tree = treeOf(archive, essay);
  const url = site.url ? absoluteUrl(site.url, essay.path) : undefined;
  const pdfPath = site.pdf ? essayPdf(essay) : undefined;
  const pdf = pdfPath === undefined ? undefined : { path: pdfPath, url: site.url ? absoluteUrl(site.url, pdfPath) : relativeHref(essay.path, pdfPath) };
  const description = describe(essay.summary, essay.lead);
  const record = citable(essay, site.url);
  const link = (e: Essay): EssayLinkView => ({ path: e.path, lang: e.lang, number: e.number, title: e.title, series: e.series.titleIn(lang) });
  const pagerLink = ({ path, number, title }: Essay): PagerLinkView => ({ path, number, title });
  const moreBy = essay.authors.flatMap((author) => {
    const { newer, older } = beside(tree.authorView(author).essays, essay);
    if (!newer && !older) return [];
    return [{ name: author.nameIn(lang), ...optional("newer", newer && link(newer)), ...optional("older", older && link(older)) }];
  });
  return {
    layout: layoutView(archive, tree),
    path: essay.path,
    lang,
    number: essay.number,
    title: essay.title,
    date: essay.date,
    year: essay.year,
    ...optional("summary", essay.summary),
    description,
    topics: essay.topics,
    readingMinutes: essay.readingMinutes,
    html: essay.html,
    headings: essay.headings,
    ...optional("source", essay.source),
    disclaimer: essay.disclaimer ?? series.disclaimer,
    copyright: essay.copyright ?? series.copyright,
    series: { title: series.titleIn(lang), path: tree.seriesView(series).path, institution: series.institution },
    credits: essay.credits.map(({ author, bio, affiliation }) => ({
      name: author.nameIn(lang),
      path: tree.authorView(author).path,
      ...optional("bio", bio),
      ...optional("affiliation", affiliation),
    })),
    translations: essay.translations.map((t) => ({ lang: t.lang, path: t.path })),
    ...optional("url", url),
    ...optional("pdf", pdf),
    downloads: {
      bibtex: citationFile(essay, downloadTypes.bibtex.extension),
      ris: citationFile(essay, downloadTypes.ris.extension),
      cslJson: citationFile(essay, downloadTypes.cslJson.extension),
    },
    meta: citationMeta(essay, url, site.url && pdf?.url),
    jsonLd: jsonLdScript(essayJsonLd(record, description, pdf?.url)),
    alternates:
      site.url && essay.translations.length > 0 ? [essay, ...essay.translations].map((e) => ({ lang: e.lang, href: absoluteUrl(site.url!, e.path) })) : [],
    citable: record,
    pager: { ...optional("prev", essay.prev && pagerLink(essay.prev)), ...optional("next", essay.next && pagerLink(essay.next)) },
    moreBy,
  };
}
