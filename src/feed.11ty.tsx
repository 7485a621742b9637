// An Atom feed of the newest essays, in full, for feed readers and librarians following the series,
// written by the `feed` library. Atom needs absolute URLs, so there is a feed only when the site has a URL.
// https://www.rfc-editor.org/rfc/rfc4287 https://github.com/jpmonette/feed
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import { Feed } from "feed";
import type { PageData } from "../_includes/page-data.ts";
import { toDate } from "../lib/pages/dates.ts";
import { absoluteUrl, paths } from "../lib/pages/urls.ts";

const NEWEST = 20;

export const data = {
  permalink: ({ archive }: PageData) => (archive.site.url ? paths.feed : false),
  eleventyExcludeFromCollections: true,
};

export async function render({ archive }: PageData): Promise<string> {
  const { site } = archive;
  if (!site.url) return ""; // Rendered but not written (permalink: false).
  const base = site.url;
  const essays = archive.essays.slice(0, NEWEST);
  const feed = new Feed({
    title: site.title,
    description: site.description,
    id: absoluteUrl(base, paths.home),
    link: absoluteUrl(base, paths.home),
    language: site.language,
    feedLinks: { atom: absoluteUrl(base, paths.feed) },
    updated: toDate(essays[0]?.date ?? "1970-01-01"),
    generator: false,
  });
  for (const essay of essays) {
    const url = absoluteUrl(base, essay.path);
    feed.addItem({
      title: `${essay.label}: ${essay.title}`,
      id: url,
      link: url,
      date: toDate(essay.date),
      published: toDate(essay.date),
      author: essay.authors.map((a) => ({ name: a.name })),
      description: essay.summary,
      content: await convertHtmlToAbsoluteUrls(essay.html, url),
    });
  }
  return feed.atom1();
}
