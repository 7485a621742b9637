// An Atom feed (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287), written by lib/pages/xml.ts. Titles,
// summaries and names are text constructs of type "text" (§3.1.1.1): a feed reader shows `<img …>` in a
// title as those characters, as the site does. The content is the essay's HTML, type "html", escaped
// (§3.1.1.2), never in CDATA, which `]]>` in a body would end.
import { xmlDocument, type XmlElement } from "./xml.ts";

export interface AtomEntry {
  /** The entry's page, absolute: its id and its link. */
  url: string;
  title: string;
  /** YYYY-MM-DD's instant, as published and last updated. */
  date: Date;
  authors: string[];
  summary?: string;
  /** HTML, with absolute links. */
  html: string;
}

export interface AtomFeed {
  title: string;
  subtitle?: string;
  /** The pages the feed follows, absolute: its id and its alternate link. */
  home: string;
  /** The feed's own address. */
  self: string;
  /** BCP 47, on the feed element as xml:lang. */
  lang: string;
  updated: Date;
  entries: AtomEntry[];
}

const text = (name: string, value: string | undefined): XmlElement | undefined =>
  value === undefined ? undefined : { name, attributes: { type: "text" }, children: [value] };

function entry(e: AtomEntry): XmlElement {
  return {
    name: "entry",
    children: [
      text("title", e.title),
      { name: "id", children: [e.url] },
      { name: "link", attributes: { rel: "alternate", type: "text/html", href: e.url } },
      { name: "updated", children: [e.date.toISOString()] },
      { name: "published", children: [e.date.toISOString()] },
      ...e.authors.map((name): XmlElement => ({ name: "author", children: [{ name: "name", children: [name] }] })),
      text("summary", e.summary),
      { name: "content", attributes: { type: "html" }, children: [e.html] },
    ],
  };
}

export function atomXml(feed: AtomFeed): string {
  return xmlDocument({
    name: "feed",
    attributes: { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": feed.lang },
    children: [
      { name: "id", children: [feed.home] },
      text("title", feed.title),
      text("subtitle", feed.subtitle),
      { name: "updated", children: [feed.updated.toISOString()] },
      { name: "link", attributes: { rel: "alternate", type: "text/html", href: feed.home } },
      { name: "link", attributes: { rel: "self", type: "application/atom+xml", href: feed.self } },
      ...feed.entries.map(entry),
    ],
  });
}
