// An Atom feed of the newest essays, in full, for feed readers and librarians following the series,
// written by the `feed` library; one per tree of pages (each language's essays, ja/feed.xml). Atom needs
// absolute URLs, so there is a feed only when the site has a URL.
// https://www.rfc-editor.org/rfc/rfc4287 https://github.com/jpmonette/feed
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import { Feed } from "feed";
import type { PageData } from "../_includes/page-data.ts";
import { inTree, type Tree } from "../lib/archive/trees.ts";
import { toDate } from "../lib/content/dates.ts";
import { essayLabel, pageStrings } from "../lib/words/strings.ts";
import { absoluteUrl, paths } from "../lib/paths/urls.ts";

const NEWEST = 20;

export const data = {
  pagination: { data: "archive.trees", size: 1, alias: "tree" },
  permalink: ({ archive, tree }: PageData & { tree: Tree }) => (archive.site.url ? inTree(tree, paths.feed) : false),
  eleventyExcludeFromCollections: true,
};

export async function render({ archive, tree }: PageData & { tree: Tree }): Promise<string> {
  const { site } = archive;
  if (!site.url) return ""; // Rendered but not written (permalink: false).
  const base = site.url;
  const essays = tree.essays.slice(0, NEWEST);
  const words = pageStrings(site, tree.lang);
  const feed = new Feed({
    title: tree.title,
    description: tree.description,
    id: absoluteUrl(base, inTree(tree, paths.home)),
    link: absoluteUrl(base, inTree(tree, paths.home)),
    language: tree.lang,
    feedLinks: { atom: absoluteUrl(base, inTree(tree, paths.feed)) },
    updated: toDate(essays[0]?.date ?? "1970-01-01"),
    generator: false,
  });
  for (const essay of essays) {
    const url = absoluteUrl(base, essay.path);
    feed.addItem({
      title: `${essayLabel(words, essay, tree.lang)}: ${essay.title}`,
      id: url,
      link: url,
      date: toDate(essay.date),
      published: toDate(essay.date),
      author: essay.authors.map((a) => ({ name: a.nameIn(tree.lang) })),
      description: essay.summary,
      content: await convertHtmlToAbsoluteUrls(essay.html, url),
    });
  }
  return feed.atom1();
}
