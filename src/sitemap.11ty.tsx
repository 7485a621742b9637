// A sitemap of every page, for search engines and web archives; it needs absolute URLs, so there is one
// only when the site has a URL. https://www.sitemaps.org/protocol.html
import { renderToString } from "preact-render-to-string";
import type { PageData } from "../_includes/page-data.ts";
import type { Archive } from "../lib/content/model.ts";
import { absoluteUrl, paths } from "../lib/pages/urls.ts";

export const data = {
  permalink: (data: { archive: Archive }) => (data.archive.site.url ? paths.sitemap : false),
  eleventyExcludeFromCollections: true,
};

export function render({ archive }: PageData): string {
  const base = archive.site.url;
  if (!base) return ""; // Rendered but not written (permalink: false).
  const pages: [path: string, lastmod?: string][] = [
    [paths.home, archive.essays[0]?.fields.date],
    [paths.authors],
    [paths.seriesIndex],
    [paths.search],
    ...archive.essays.map((e): [string, string] => [e.path, e.fields.date]),
    ...archive.authors.map((a): [string, string | undefined] => [a.path, a.essays[0]?.fields.date]),
    ...archive.series.map((s): [string, string | undefined] => [s.path, s.essays.at(-1)?.fields.date]),
    ...archive.years.map((y): [string, string | undefined] => [y.path, y.essays[0]?.fields.date]),
  ];
  const sitemap = (
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      {pages.map(([path, lastmod]) => (
        <url>
          <loc>{absoluteUrl(base, path)}</loc>
          {lastmod && <lastmod>{lastmod}</lastmod>}
        </url>
      ))}
    </urlset>
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n${renderToString(sitemap)}\n`;
}
