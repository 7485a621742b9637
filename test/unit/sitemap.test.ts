import { DOMParser } from "linkedom";
import { expect, it } from "vitest";
import { isListedPage, sitemapXml } from "../../lib/pages/sitemap.ts";

it("lists pages as absolute URLs in well-formed XML, whatever the site URL holds", () => {
  const xml = sitemapXml("https://ex.org/a?b=1&c=2/", ["index.html", "essays/s/1.html"]);
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  expect([...doc.querySelectorAll("loc")].map((l) => l.textContent)).toEqual([
    "https://ex.org/a?b=1&c=2/",
    "https://ex.org/essays/s/1.html",
  ]);
  expect(xml).not.toMatch(/&(?!#\d+;)/);
});

it("leaves out the 404 page and Pagefind's files", () => {
  expect(["index.html", "404.html", "pagefind/x.html", "authors/a.html", "feed.xml"].filter(isListedPage)).toEqual(["index.html", "authors/a.html"]);
});
