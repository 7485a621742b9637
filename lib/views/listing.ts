// The listing pages as plain values, one per page, as the essay pages are (./essay.ts): the home page, the
// years, each year's pages, each series, the series index, the authors, each author's pages, the feed, the
// search page and the 404 page, in each tree of pages. Each template is given its page's view and nothing of
// the archive, so a page's key (./key.ts) is its view hashed with the code, and an unchanged listing page
// comes from the build cache (lib/outputs/pages/listing-pages.ts).
import {
  authorPages,
  dateRange,
  groupByInitial,
  groupByKanaRow,
  HOME_NEWEST,
  neighbours,
  seriesSectionId,
  seriesYears,
  yearBySeries,
  yearPages,
  yearSectionPath,
} from "../archive/browse.ts";
import type { PagesToWrite } from "../archive/loader.ts";
import type { Archive, Essay, Tree } from "../archive/model.ts";
import { inTree } from "../archive/trees.ts";
import { yearOf } from "../content/dates.ts";
import { isLanguage } from "../content/languages.ts";
import { absoluteUrl, paths } from "../paths/urls.ts";
import type { CreditView } from "./essay.ts";
import { layoutView, optional, type LayoutView } from "./layout.ts";

/** An essay as a list shows it, in the tree's language: its series and number, title, authors, date, and the summary where the list shows one. */
export interface EssayItemView {
  path: string;
  lang: string;
  number: number;
  title: string;
  /** Its series' title, in the tree's language. */
  series: string;
  credits: CreditView[];
  date: string;
  summary?: string;
}

/** Each essay of a list in `tree`; with `summaries`, each with its summary. */
export function essayItems(tree: Tree, essays: readonly Essay[], { summaries = false } = {}): EssayItemView[] {
  return essays.map((essay) => ({
    path: essay.path,
    lang: essay.lang,
    number: essay.number,
    title: essay.title,
    series: essay.series.titleIn(tree.lang),
    credits: essay.credits.map(({ author }) => ({ name: author.nameIn(tree.lang), path: tree.authorView(author).path })),
    date: essay.date,
    ...optional("summary", summaries ? essay.summary : undefined),
  }));
}

/** What every listing page's view holds: its frame and its path. */
interface PageView {
  layout: LayoutView;
  path: string;
}

/** A year as a link: its number and its (first) page. */
interface YearLink {
  year: number;
  path: string;
}

export interface HomeView extends PageView {
  newest: EssayItemView[];
  /** How many essays the tree has beyond the newest. */
  more: number;
  years: YearLink[];
  series: { title: string; path: string; count: number }[];
  authors: number;
}

export interface YearsView extends PageView {
  range?: { first: string; last: string };
  essays: number;
  /** Whether each year lists its series (the tree has several). */
  several: boolean;
  years: (YearLink & { count: number; series: { title: string; path: string; count: number }[] })[];
}

/** One of the pages of a long listing (a year's, an author's): its number, of how many, and the listing's first page (lib/paths/urls.ts, `listingPage`). */
interface ListingPart {
  page: number;
  pages: number;
  first: string;
}

export interface YearPageView extends PageView, ListingPart {
  year: number;
  /** The year's essays, on all its pages. */
  count: number;
  earlier?: YearLink;
  later?: YearLink;
  /** Whether each series' essays have a heading: the year has several series. */
  headed: boolean;
  groups: { id: string; title: string; path: string; total: number; essays: EssayItemView[] }[];
}

export interface SeriesView extends PageView {
  title: string;
  description?: string;
  range?: { first: string; last: string };
  count: number;
  publisher: string;
  institution: string;
  issn?: string;
  url?: string;
  /** The years listed in full, newest first, and the older ones linked to their year pages. */
  listed: { year: number; essays: EssayItemView[] }[];
  linked: (YearLink & { count: number })[];
}

export interface SeriesIndexView extends PageView {
  series: { title: string; path: string; count: number; from?: number; to?: number; publisher: string; description?: string }[];
}

export interface AuthorsView extends PageView {
  count: number;
  groups: { letter: string; id: string; authors: { name: string; path: string; affiliation?: string; count: number }[] }[];
}

export interface AuthorPageView extends PageView, ListingPart {
  name: string;
  affiliation?: string;
  bio?: string;
  url?: string;
  count: number;
  essays: EssayItemView[];
}

/** The feed as lib/pages/atom.ts writes it (its dates as YYYY-MM-DD, its bodies as rendered, made absolute by the template). */
export interface FeedView {
  path: string;
  title: string;
  subtitle: string;
  home: string;
  self: string;
  lang: string;
  /** The site's language: the words of a feed whose language has no words file (lib/words/strings.ts). */
  siteLanguage: string;
  updated: string;
  /** Each essay's label (its series' title in the feed's language, its number), title, authors, summary and body. */
  entries: { url: string; series: string; number: number; title: string; date: string; authors: string[]; summary?: string; html: string }[];
}

export interface SearchView extends PageView {
  /** The languages search can be switched to: another tree's search page, or this page in another language (`query`). */
  languages: { lang: string; path: string; query?: string; current: boolean }[];
}

export interface NotFoundView extends PageView {
  /** The archive's root as an absolute address, where the site's is known: every link on the page resolves from there. */
  base?: string;
}

/** Every listing page's view, by kind. */
export interface ListingViews {
  home: HomeView[];
  years: YearsView[];
  year: YearPageView[];
  series: SeriesView[];
  seriesIndex: SeriesIndexView[];
  authors: AuthorsView[];
  author: AuthorPageView[];
  feed: FeedView[];
  search: SearchView[];
  notFound: NotFoundView[];
}

/** How many essays the feed carries, newest first. */
export const FEED_NEWEST = 20;

/**
 * The views of the archive's listing pages: of every one, but for the year and author pages, those of the
 * years and authors `toWrite` names (the dev server's, after an essay edit).
 */
export function listingViews(archive: Archive, toWrite: Pick<PagesToWrite, "authors" | "years"> = archive): ListingViews {
  const years = new Set(toWrite.years.map((y) => y.year));
  const authors = new Set(toWrite.authors.map((a) => a.id));
  const views: ListingViews = { home: [], years: [], year: [], series: [], seriesIndex: [], authors: [], author: [], feed: [], search: [], notFound: [] };
  for (const tree of archive.trees) {
    const layout = layoutView(archive, tree);
    views.home.push(home(tree, layout));
    views.years.push(yearsPage(tree, layout));
    for (const year of tree.years) if (years.has(year.year)) views.year.push(...yearPageViews(tree, layout, year));
    for (const series of tree.series) views.series.push(seriesPage(tree, layout, series));
    views.seriesIndex.push(seriesIndex(tree, layout));
    views.authors.push(authorsPage(tree, layout));
    for (const author of tree.authors) if (authors.has(author.id)) views.author.push(...authorPageViews(tree, layout, author));
    if (archive.site.url) views.feed.push(feed(tree, archive.site.url, archive.site.language));
    views.search.push(search(archive, tree, layout));
  }
  const { url } = archive.site;
  views.notFound.push({ layout: layoutView(archive), path: paths.notFound, ...optional("base", url && absoluteUrl(url, paths.home)) });
  return views;
}

function home(tree: Tree, layout: LayoutView): HomeView {
  const newest = tree.essays.slice(0, HOME_NEWEST);
  return {
    layout,
    path: inTree(tree, paths.home),
    newest: essayItems(tree, newest, { summaries: true }),
    more: tree.essays.length - newest.length,
    years: tree.years.map(({ year, path }) => ({ year, path })),
    series: tree.series.map((s) => ({ title: s.titleIn(tree.lang), path: s.path, count: s.essays.length })),
    authors: tree.authors.length,
  };
}

function yearsPage(tree: Tree, layout: LayoutView): YearsView {
  const several = tree.series.length > 1;
  return {
    layout,
    path: inTree(tree, paths.years),
    ...optional("range", dateRange(tree.essays)),
    essays: tree.essays.length,
    several,
    years: tree.years.map((year) => ({
      year: year.year,
      path: year.path,
      count: year.essays.length,
      series: several
        ? yearBySeries(year, tree.series).map(({ series, essays }) => ({
            title: series.titleIn(tree.lang),
            path: yearSectionPath(year, series, tree.series),
            count: essays.length,
          }))
        : [],
    })),
  };
}

/** A year's pages in a tree, of at most `size` essays each (lib/archive/browse.ts, `yearPages`). */
export function yearPageViews(tree: Tree, layout: LayoutView, year: Tree["years"][number], size?: number): YearPageView[] {
  const { earlier, later } = neighbours(year, tree.years);
  const headed = new Set(year.essays.map((essay) => essay.series)).size > 1;
  return yearPages(year, tree.series, size).map(({ page, pages, path, groups }) => ({
    layout,
    path,
    page,
    pages,
    first: year.path,
    year: year.year,
    count: year.essays.length,
    ...optional("earlier", earlier && { year: earlier.year, path: earlier.path }),
    ...optional("later", later && { year: later.year, path: later.path }),
    headed,
    groups: groups.map(({ series, essays, total }) => ({
      id: seriesSectionId(series),
      title: series.titleIn(tree.lang),
      path: series.path,
      total,
      essays: essayItems(tree, essays),
    })),
  }));
}

function seriesPage(tree: Tree, layout: LayoutView, series: Tree["series"][number]): SeriesView {
  const { listed, linked } = seriesYears(series);
  return {
    layout,
    path: series.path,
    title: series.titleIn(tree.lang),
    ...optional("description", series.description),
    ...optional("range", dateRange(series.essays)),
    count: series.essays.length,
    publisher: series.publisher,
    institution: series.institution,
    ...optional("issn", series.issn),
    ...optional("url", series.url),
    listed: listed.map(({ year, essays }) => ({ year, essays: essayItems(tree, essays) })),
    linked: linked.map(({ year, essays }) => ({
      year,
      path: yearSectionPath(tree.years.find((y) => y.year === year)!, series, tree.series),
      count: essays.length,
    })),
  };
}

function seriesIndex(tree: Tree, layout: LayoutView): SeriesIndexView {
  return {
    layout,
    path: inTree(tree, paths.seriesIndex),
    series: tree.series.map((series) => {
      const range = dateRange(series.essays);
      return {
        title: series.titleIn(tree.lang),
        path: series.path,
        count: series.essays.length,
        ...optional("from", range && yearOf(range.first)),
        ...optional("to", range && yearOf(range.last)),
        publisher: series.publisher,
        ...optional("description", series.description),
      };
    }),
  };
}

function authorsPage(tree: Tree, layout: LayoutView): AuthorsView {
  // In a Japanese tree, in 五十音順 by the names' readings; elsewhere A–Z by family name.
  const groups = isLanguage(tree.lang, "ja") ? groupByKanaRow(tree.authors, tree.lang) : groupByInitial(tree.authors);
  return {
    layout,
    path: inTree(tree, paths.authors),
    count: tree.authors.length,
    groups: groups.map(({ letter, id, authors }) => ({
      letter,
      id,
      authors: authors.map((author) => ({
        name: author.nameIn(tree.lang),
        path: author.path,
        ...optional("affiliation", author.affiliation),
        count: author.essays.length,
      })),
    })),
  };
}

/** An author's pages in a tree, of at most `size` essays each (lib/archive/browse.ts, `authorPages`). */
export function authorPageViews(tree: Tree, layout: LayoutView, author: Tree["authors"][number], size?: number): AuthorPageView[] {
  return authorPages(author, size).map(({ page, pages, path, essays }) => ({
    layout,
    path,
    page,
    pages,
    first: author.path,
    name: author.nameIn(tree.lang),
    ...optional("affiliation", author.affiliation),
    ...optional("bio", author.bio),
    ...optional("url", author.url),
    count: author.essays.length,
    essays: essayItems(tree, essays),
  }));
}

function feed(tree: Tree, base: string, siteLanguage: string): FeedView {
  const essays = tree.essays.slice(0, FEED_NEWEST);
  return {
    path: inTree(tree, paths.feed),
    title: tree.title,
    subtitle: tree.description,
    home: absoluteUrl(base, inTree(tree, paths.home)),
    self: absoluteUrl(base, inTree(tree, paths.feed)),
    lang: tree.lang,
    siteLanguage,
    updated: essays[0]?.date ?? "1970-01-01",
    entries: essays.map((essay) => ({
      url: absoluteUrl(base, essay.path),
      series: essay.series.titleIn(tree.lang),
      number: essay.number,
      title: essay.title,
      date: essay.date,
      authors: essay.authors.map((a) => a.nameIn(tree.lang)),
      ...optional("summary", essay.summary),
      html: essay.html,
    })),
  };
}

function search(archive: Archive, tree: Tree, layout: LayoutView): SearchView {
  const several = archive.trees.length > 1;
  const languages = several
    ? archive.trees.map((t) => ({ lang: t.lang, path: inTree(t, paths.search), current: t.lang === tree.lang }))
    : archive.languages.map((lang) => ({ lang, path: paths.search, query: `?lang=${encodeURIComponent(lang)}`, current: false }));
  return { layout, path: inTree(tree, paths.search), languages };
}
