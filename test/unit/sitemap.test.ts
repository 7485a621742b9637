import { DOMParser } from "linkedom";
import { expect, it } from "vitest";
import { atomXml } from "../../lib/pages/atom.ts";
import { isListedPage, sitemapXml } from "../../lib/pages/sitemap.ts";
import { escapeXml } from "../../lib/pages/xml.ts";
import { xmlError } from "../helpers/well-formed.ts";

it("lists pages as absolute URLs in well-formed XML, whatever the site URL holds", () => {
  const xml = sitemapXml("https://ex.org/a?b=1&c=2/", ["index.html", "essays/s/1.html"]);
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  expect([...doc.querySelectorAll("loc")].map((l) => l.textContent)).toEqual(["https://ex.org/a?b=1&c=2/", "https://ex.org/essays/s/1.html"]);
  expect(xmlError(xml)).toBeUndefined();
});

/** What records may still hold once control characters are refused (lib/content/text.ts). */
const NASTY = `]]> <![CDATA[ & &amp; < > "q" 'a' 😀 \u200f\u202eRTL\u202c \u2028 \ue000 </title><script>alert(1)</script>`;

it("writes an Atom feed whose titles, summaries and names are text, and whose content is escaped HTML, well-formed whatever they hold", () => {
  const xml = atomXml({
    title: `Feed ${NASTY}`,
    subtitle: `About ${NASTY}`,
    home: "https://ex.org/a?b=1&c=2/",
    self: "https://ex.org/a?b=1&c=2/feed.xml",
    lang: "en",
    updated: new Date("2021-03-03"),
    entries: [
      {
        url: 'https://ex.org/e?x=1&y="2"',
        title: `Title ${NASTY}`,
        date: new Date("2021-03-03"),
        authors: [`Name ${NASTY}`],
        summary: `Summary ${NASTY}`,
        html: `<p>Body ${NASTY.replace("<script>", "&lt;script>")}</p>`,
      },
    ],
  });
  expect(xmlError(xml)).toBeUndefined();
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const entry = doc.querySelector("entry")!;
  for (const [selector, value] of [
    ["feed > title", `Feed ${NASTY}`],
    ["subtitle", `About ${NASTY}`],
    ["entry > title", `Title ${NASTY}`],
    ["summary", `Summary ${NASTY}`],
  ] as const) {
    const element = doc.querySelector(selector)!;
    expect(element.getAttribute("type"), selector).toBe("text");
    expect(element.textContent, selector).toBe(value);
    expect(element.children, selector).toHaveLength(0);
  }
  expect(entry.querySelector("author name")!.textContent).toBe(`Name ${NASTY}`);
  expect(entry.querySelector("content")!.getAttribute("type")).toBe("html");
  expect(entry.querySelector("content")!.textContent).toBe(`<p>Body ${NASTY.replace("<script>", "&lt;script>")}</p>`);
  expect(xml).toContain('<link rel="alternate" type="text/html" href="https://ex.org/e?x=1&amp;y=&quot;2&quot;"/>');
  expect(xml).not.toContain("CDATA[<");
});

it("refuses to write XML a character XML cannot carry, naming it, rather than write a broken file", () => {
  expect(escapeXml(`a & b < c > "d" 'e'`)).toBe("a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;");
  expect(() => escapeXml("Title\u001b")).toThrow(/cannot write "Title\\u001b" as XML: it holds U\+001B, a control character/);
  expect(() => escapeXml("\ud800")).toThrow(/U\+D800/);
  const feed = { title: "T", home: "https://ex.org/", self: "https://ex.org/feed.xml", lang: "en", updated: new Date(0) };
  expect(() => atomXml({ ...feed, entries: [{ url: "https://ex.org/1.html", title: "One\u0000", date: new Date(0), authors: [], html: "" }] })).toThrow(
    /U\+0000/,
  );
});

it("leaves out the 404 page and Pagefind's files", () => {
  expect(["index.html", "404.html", "pagefind/x.html", "authors/a.html", "feed.xml"].filter(isListedPage)).toEqual(["index.html", "authors/a.html"]);
});
