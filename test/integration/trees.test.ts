// An archive in two languages (the basic fixture with `languages: { ja: … }`, test/helpers/bilingual.ts):
// a tree of pages per language, the Japanese one under ja/, each listing its own essays, in its own words.
import { readFile } from "node:fs/promises";
import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { checkLanguages } from "../../lib/archive/link.ts";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import type { Problem } from "../../lib/content/problems.ts";
import { fixture } from "../helpers/build.ts";
import { JAPANESE_SITE } from "../helpers/bilingual.ts";
import { built } from "../helpers/built.ts";
import { htmlPages, page, text } from "../helpers/html.ts";

const hrefs = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((a) => a.getAttribute("href"));
const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map(text);

describe("an archive in two languages", () => {
  const dist = built("bilingual");

  it("has the site language's pages where they were, and the Japanese tree's under ja/; essay pages stay where they are", async () => {
    const pages = await htmlPages(dist);
    expect(pages.filter((p) => p.startsWith("ja/"))).toEqual([
      "ja/authors.html",
      "ja/authors/ben-takeda.html",
      "ja/index.html",
      "ja/search.html",
      "ja/series.html",
      "ja/series/field-reports.html",
      "ja/years.html",
      "ja/years/2021.html",
    ]);
    expect(pages.filter((p) => p.startsWith("essays/"))).toEqual([
      "essays/field-reports/7.html",
      "essays/field-reports/8.html",
      "essays/policy-notes/1.html",
      "essays/policy-notes/2.html",
      "essays/policy-notes/3.html",
    ]);
  });

  it("lists each language's essays in its own tree, in its words, with a link to the other", async () => {
    const ja = await page(dist, "ja/index.html");
    expect(ja.documentElement.lang).toBe("ja");
    expect([text(ja.querySelector("h1")), text(ja.querySelector(".site-title"))]).toEqual([JAPANESE_SITE.title, JAPANESE_SITE.title]);
    expect(ja.title).toBe(JAPANESE_SITE.title);
    expect(hrefs(ja, ".home-newest .essay-title")).toEqual(["../essays/field-reports/8.html"]);
    expect(texts(ja, ".site-header nav a")).toEqual(["アーカイブ", "年別", "執筆者", "シリーズ", "検索"]);
    expect(hrefs(ja, ".site-header nav a")).toEqual(["index.html", "years.html", "authors.html", "series.html", "search.html"]);
    expect(hrefs(ja, ".site-languages a")).toEqual(["../index.html"]);
    expect(hrefs(ja, ".essay-meta a")).toEqual(["authors/ben-takeda.html"]);

    const en = await page(dist, "index.html");
    expect(hrefs(en, ".home-newest .essay-title")).toEqual([
      "essays/policy-notes/3.html",
      "essays/field-reports/7.html",
      "essays/policy-notes/2.html",
      "essays/policy-notes/1.html",
    ]);
    expect(hrefs(en, ".site-languages a")).toEqual(["ja/index.html"]);
    expect(texts(await page(dist, "authors/ben-takeda.html"), ".essay-label")).toEqual(["Policy Notes No.2"]);
    expect(texts(await page(dist, "ja/authors/ben-takeda.html"), ".essay-label")).toEqual(["現地報告 No.8"]);
    expect(texts(await page(dist, "ja/years.html"), ".year-table .count")).toEqual(["1件"]);
    // The Japanese authors index is in 五十音順, by the names' readings (authors.json's names.ja.reading).
    const jaAuthors = await page(dist, "ja/authors.html");
    expect(texts(jaAuthors, ".letter-group h2")).toEqual(["た"]);
    expect(texts(jaAuthors, ".author-list a")).toEqual(["武田ベン"]);
    expect(texts(await page(dist, "authors.html"), ".letter-group h2")).toEqual(["M", "O", "T"]);
  });

  it("links a Japanese essay's page into the Japanese tree: menu, author, series, and its search", async () => {
    const doc = await page(dist, "essays/field-reports/8.html");
    expect(hrefs(doc, ".site-header nav a")[0]).toBe("../../ja/index.html");
    expect(hrefs(doc, ".byline a")).toEqual(["../../ja/authors/ben-takeda.html"]);
    expect(hrefs(doc, ".essay-kicker a")).toEqual(["../../ja/series/field-reports.html"]);
    const search = await page(dist, "ja/search.html");
    expect(search.documentElement.lang).toBe("ja");
    expect(hrefs(search, ".search-languages a")).toEqual(["../search.html", "search.html"]);
  });

  it("has a feed per language, of its essays, linked from its pages", async () => {
    const ja = parseFeed(await readFile(`${dist}/ja/feed.xml`, "utf8"));
    expect([ja.title, ja.items.map((item) => item.title)]).toEqual([JAPANESE_SITE.title, ["現地報告 No.8: 港湾都市の再生"]]);
    const en = parseFeed(await readFile(`${dist}/feed.xml`, "utf8"));
    expect(en.items.map((item) => item.title)).toEqual([
      "Policy Notes No.3: Semiconductor Supply Chains",
      "Field Reports No.7: Notes from the Mekong Delta",
      "Policy Notes No.2: Fisheries Diplomacy in the North Pacific",
      "Policy Notes No.1: Tidal Power and Coastal Grids",
    ]);
    // In the head and the footer of the Japanese tree's pages: its own feed.
    expect(hrefs(await page(dist, "ja/years.html"), "link[type='application/atom+xml'], .site-footer a")).toEqual(["feed.xml", "feed.xml"]);
  });

  it("names every page of both trees in the sitemap", async () => {
    const sitemap = await readFile(`${dist}/sitemap.xml`, "utf8");
    for (const path of ["ja/index.html", "ja/years/2021.html", "ja/search.html"])
      expect(sitemap).toContain(`<loc>https://archive.example.org/fixture/${path}</loc>`);
  });
});

describe("an archive in one language", () => {
  it("has one tree, which is the archive's own lists: the same pages as ever", async () => {
    const archive = await createArchiveLoader(fixture("basic"), { cache: false }).load();
    expect(archive.trees).toHaveLength(1);
    const [tree] = archive.trees;
    expect([tree!.prefix, tree!.essays === archive.essays, tree!.authors === archive.authors, tree!.years === archive.years]).toEqual(["", true, true, true]);
    expect((await htmlPages(built("basic"))).some((p) => p.startsWith("ja/"))).toBe(false);
  });

  it("refuses a site that lists its own language among its others", () => {
    const problems: Problem[] = [];
    checkLanguages({ title: "T", description: "D", language: "en", languages: { en: { title: "T", description: "D" } } }, problems);
    expect(problems).toEqual([{ file: "_data/site.json", where: "languages.en", message: expect.stringContaining("is the site's own language") }]);
  });
});
