// sitemap.xml, for search engines and web archives: every page written, read from the output folder
// itself, so a new kind of page is listed without a change here. It needs absolute URLs, so there is one
// only when the site has a URL; robots.txt then points to it. https://www.sitemaps.org/protocol.html
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OUTPUT } from "../paths/layout.ts";
import { absoluteUrl, paths } from "../paths/urls.ts";
import { escapeXml } from "./xml.ts";

/** Pages a reader is meant to land on: not the 404 page, not Pagefind's files. */
export function isListedPage(path: string): boolean {
  return path.endsWith(".html") && path !== paths.notFound && !path.startsWith(OUTPUT.searchBundle);
}

/** A page in each of its languages (itself included), by the page's path: an essay and its translations. */
export type Alternates = ReadonlyMap<string, readonly { lang: string; path: string }[]>;

/** The sitemap; a page with alternates lists each as `xhtml:link` (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap). */
export function sitemapXml(siteUrl: string, pages: string[], alternates: Alternates = new Map()): string {
  const url = (path: string) => escapeXml(absoluteUrl(siteUrl, path));
  const urls = pages.map((path) => {
    const links = (alternates.get(path) ?? []).map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.lang)}" href="${url(a.path)}"/>`);
    return `  <url><loc>${url(path)}</loc>${links.join("")}</url>\n`;
  });
  const xhtml = alternates.size > 0 ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : "";
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${xhtml}>\n${urls.join("")}</urlset>\n`;
}

/** Writes `<output>/sitemap.xml` listing every page below `output`, in a stable order. */
export async function writeSitemap(output: string, siteUrl: string, alternates?: Alternates): Promise<void> {
  const files = await readdir(output, { recursive: true });
  const pages = files
    .map((f) => f.replaceAll("\\", "/"))
    .filter(isListedPage)
    .sort();
  await writeFile(join(output, paths.sitemap), sitemapXml(siteUrl, pages, alternates));
}

/** robots.txt: everything may be crawled; the sitemap is named when there is one. https://www.rfc-editor.org/rfc/rfc9309 */
export async function writeRobots(output: string, siteUrl: string | undefined): Promise<void> {
  const sitemap = siteUrl ? `Sitemap: ${absoluteUrl(siteUrl, paths.sitemap)}\n` : "";
  await writeFile(join(output, paths.robots), `User-agent: *\nAllow: /\n${sitemap}`);
}
