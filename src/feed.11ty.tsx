// An Atom feed of the newest essays, in full, for feed readers and librarians following the series,
// written by lib/pages/atom.ts (titles and summaries as text, the body as escaped HTML); one per tree of
// pages (each language's essays, ja/feed.xml). Atom needs absolute URLs, so there is a feed only when the
// site has a URL. https://www.rfc-editor.org/rfc/rfc4287
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { PageData } from "../_includes/page-data.ts";
import { inTree, type Tree } from "../lib/archive/trees.ts";
import { toDate } from "../lib/content/dates.ts";
import { essayLabel, pageStrings } from "../lib/words/strings.ts";
import { atomXml } from "../lib/pages/atom.ts";
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
  const entries = await Promise.all(
    essays.map(async (essay) => {
      const url = absoluteUrl(base, essay.path);
      return {
        url,
        title: `${essayLabel(words, essay, tree.lang)}: ${essay.title}`,
        date: toDate(essay.date),
        authors: essay.authors.map((a) => a.nameIn(tree.lang)),
        summary: essay.summary,
        html: await convertHtmlToAbsoluteUrls(essay.html, url),
      };
    }),
  );
  return atomXml({
    title: tree.title,
    subtitle: tree.description,
    home: absoluteUrl(base, inTree(tree, paths.home)),
    self: absoluteUrl(base, inTree(tree, paths.feed)),
    lang: tree.lang,
    updated: toDate(essays[0]?.date ?? "1970-01-01"),
    entries,
  });
}
