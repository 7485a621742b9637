// An Atom feed of the newest essays, in full, for feed readers and librarians following the series.
// Atom needs absolute URLs, so there is a feed only when the site has a URL (site.json or SITE_URL).
// https://www.rfc-editor.org/rfc/rfc4287 https://www.11ty.dev/docs/plugins/rss/
import { convertHtmlToAbsoluteUrls, dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import { renderToString } from "preact-render-to-string";
import type { PageData } from "../_includes/page-data.ts";
import type { Archive } from "../lib/content/model.ts";
import { absoluteUrl, paths } from "../lib/pages/urls.ts";

const NEWEST = 20;

export const data = {
  permalink: (data: { archive: Archive }) => (data.archive.site.url ? paths.feed : false),
  eleventyExcludeFromCollections: true,
};

const time = (date: string) => dateToRfc3339(new Date(`${date}T00:00:00Z`));

export async function render({ archive }: PageData): Promise<string> {
  const { site } = archive;
  const base = site.url;
  if (!base) return ""; // Rendered but not written (permalink: false).
  const essays = archive.essays.slice(0, NEWEST);
  const entries = await Promise.all(
    essays.map(async (essay) => {
      const url = absoluteUrl(base, essay.path);
      return (
        <entry>
          <title>{`${essay.label}: ${essay.fields.title}`}</title>
          <link href={url} />
          <id>{url}</id>
          <published>{time(essay.fields.date)}</published>
          <updated>{time(essay.fields.date)}</updated>
          {essay.authors.map((author) => (
            <author>
              <name>{author.name}</name>
            </author>
          ))}
          {essay.fields.summary && <summary>{essay.fields.summary}</summary>}
          <content type="html">{await convertHtmlToAbsoluteUrls(essay.fields.html, url)}</content>
        </entry>
      );
    }),
  );
  const feed = (
    <feed xmlns="http://www.w3.org/2005/Atom" xmlLang={site.language}>
      <title>{site.title}</title>
      <subtitle>{site.description}</subtitle>
      <link href={absoluteUrl(base, paths.feed)} rel="self" />
      <link href={absoluteUrl(base, paths.home)} />
      <id>{absoluteUrl(base, paths.home)}</id>
      <updated>{time(essays[0]?.fields.date ?? "1970-01-01")}</updated>
      {entries}
    </feed>
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n${renderToString(feed)}\n`;
}
