// An Atom feed of the newest essays, in full, for feed readers and librarians following the series,
// written by lib/pages/atom.ts (titles and summaries as text, the body as escaped HTML); one per tree of
// pages (each language's essays, ja/feed.xml). Atom needs absolute URLs, so there is a feed only when the
// site has a URL. Rendered from its view alone (lib/views/listing.ts, `FeedView`).
// https://www.rfc-editor.org/rfc/rfc4287
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import { listingsOf } from "../_includes/page-data.ts";
import { toDate } from "../lib/content/dates.ts";
import { pageStrings } from "../lib/words/strings.ts";
import { atomXml } from "../lib/pages/atom.ts";
import type { FeedView } from "../lib/views/listing.ts";

export const data = { ...listingsOf("feed"), eleventyExcludeFromCollections: true };

export async function render({ view }: { view: FeedView }): Promise<string> {
  const words = pageStrings({ language: view.siteLanguage }, view.lang);
  const entries = await Promise.all(
    view.entries.map(async (entry) => ({
      url: entry.url,
      title: `${words.text("essay.label", { series: entry.series, number: entry.number })}: ${entry.title}`,
      date: toDate(entry.date),
      authors: entry.authors,
      summary: entry.summary,
      html: await convertHtmlToAbsoluteUrls(entry.html, entry.url),
    })),
  );
  return atomXml({ title: view.title, subtitle: view.subtitle, home: view.home, self: view.self, lang: view.lang, updated: toDate(view.updated), entries });
}
