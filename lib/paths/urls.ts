// The one place that knows where every page lives. Paths are relative to the archive's root folder
// (no leading slash) and every link is made relative to the page that holds it, so dist/ works at a
// domain root, under any subpath and from file://. Pages are flat `name.html` files, never folders,
// because file:// shows a directory listing for a link to a folder.
import { posix } from "node:path";
import { OUTPUT } from "./layout.ts";

/** The second and later pages of a listing: "years/2014.html", 2 → "years/2014-page-2.html". */
export const listingPage = (path: string, page: number): string => (page > 1 ? path.replace(/\.html$/, `-page-${page}.html`) : path);

export const paths = {
  /** The archive's root folder. */
  root: "./",
  home: "index.html",
  authors: "authors.html",
  seriesIndex: "series.html",
  /** Every year, with its count of essays. */
  years: "years.html",
  search: "search.html",
  notFound: "404.html",
  feed: "feed.xml",
  sitemap: "sitemap.xml",
  robots: "robots.txt",
  stylesheet: `${OUTPUT.assets}site.css`,
  searchScript: `${OUTPUT.assets}search.js`,
  /** The search across the index's shards, which search.js hands its worker. */
  searchMergeScript: `${OUTPUT.assets}search-merge.js`,
  /** The Copy buttons of "Cite this" (a progressive enhancement). */
  citeScript: `${OUTPUT.assets}cite.js`,
  /** Pagefind's bundle folder. */
  searchBundle: OUTPUT.searchBundle,
  essay: (seriesId: string, number: number) => `${OUTPUT.essays}${seriesId}/${number}.html`,
  /** A file beside the essay's page: its citation downloads (".bib", ".ris", ".json"). */
  essayFile: (seriesId: string, number: number, extension: string) => `${OUTPUT.essays}${seriesId}/${number}${extension}`,
  /** An author's page; a long list of essays goes on over further pages (listingPage). */
  author: (id: string) => `authors/${id}.html`,
  series: (id: string) => `series/${id}.html`,
  /** A year's page; a long year goes on over further pages (listingPage). */
  year: (year: number) => `years/${year}.html`,
  /** An image essays show, by its name in the content root's figures folder (lib/bodies/figures.ts). */
  figure: (name: string) => `${OUTPUT.figures}${name}`,
} as const;

/** Every essay page, as a glob below the archive's root (for the search index). */
export const ESSAY_PAGES = `${OUTPUT.essays}**/*.html`;

/** The link from the page at `from` to the page (and optional #fragment) at `to`. */
export function relativeHref(from: string, to: string): string {
  const [target = "", fragment] = to.split("#", 2);
  let href = target === from ? posix.basename(target) : posix.relative(posix.dirname(from), target);
  if (target === "") href = "";
  // A folder ("pagefind/", or "./" for the archive's root) keeps its slash, so that URLs resolve inside it.
  else if (target.endsWith("/")) href = href ? `${href}/` : "./";
  return fragment === undefined ? href : `${href}#${fragment}`;
}

/** The absolute URL of a page, for standards that need one (canonical, feed, sitemap). */
export function absoluteUrl(siteUrl: string, path: string): string {
  const base = siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
  return new URL(path === paths.home ? "" : path, base).href;
}
