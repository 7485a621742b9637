// Browsing the fixture archive (two series, three authors, five essays over three years) as the built
// HTML offers it: a bounded home page, years, series and authors, the menu's current section, and a 404
// page that works at any depth.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { DOMParser } from "linkedom";
import { renderToString } from "preact-render-to-string";
import { HOME_NEWEST } from "../../lib/archive/browse.ts";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { listingViews } from "../../lib/views/listing.ts";
import { writeCorpus } from "../../scripts/bench/corpus.ts";
import { render as renderFeed } from "../../src/feed.11ty.tsx";
import { render as renderHome } from "../../src/index.11ty.tsx";
import { tempDir } from "../helpers/scratch.ts";
import { built } from "../helpers/built.ts";
import { htmlPages, page, text } from "../helpers/html.ts";

let dist: string;
beforeAll(() => {
  dist = built("basic");
});

const hrefs = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((a) => a.getAttribute("href"));
const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map(text);

describe("home page", () => {
  it("lists at most the newest essays, then ways in by year, series, author and search", async () => {
    const doc = await page(dist, "index.html");
    const listed = doc.querySelectorAll(".home-newest .essay-item");
    expect(listed.length).toBe(5);
    expect(hrefs(doc, "main .year-link")).toEqual(["years/2021.html", "years/2020.html", "years/2019.html"]);
    const links = hrefs(doc, "main a");
    for (const to of ["years.html", "authors.html", "series/field-reports.html", "series/policy-notes.html"]) expect(links).toContain(to);
    const form = doc.querySelector("main form[role=search]")!;
    expect(form.getAttribute("action")).toBe("search.html");
    expect(form.getAttribute("method")).toBe("get");
    expect(form.querySelector("input[type=search]")!.getAttribute("name")).toBe("q");
    expect(doc.querySelector(`label[for="${form.querySelector("input")!.id}"]`)).not.toBeNull();
  });
});
describe("an archive of more essays than the home page and the feed show", () => {
  it("lists the newest on both, and says how many earlier essays there are", async () => {
    const root = join(await tempDir("newest-"), "content");
    await writeCorpus(root, HOME_NEWEST + 5);
    const archive = await createArchiveLoader(root, { cache: false, siteUrl: "https://example.org/archive/" }).load();
    const views = listingViews(archive);
    const home = new DOMParser().parseFromString(renderToString(renderHome({ view: views.home[0]! })), "text/html") as unknown as Document;
    const newest = archive.essays.slice(0, HOME_NEWEST).map((essay) => essay.path);
    expect(hrefs(home, ".home-newest .essay-title")).toEqual(newest);
    expect(text(home.querySelector(".home-newest .more")!)).toMatch(/^5 earlier essays: browse them/);
    const feed = await parseFeed(await renderFeed({ view: views.feed[0]! }));
    expect(feed.items.map((item) => item.url)).toEqual(newest.map((path) => `https://example.org/archive/${path}`));
  });
});

describe("years", () => {
  it("years.html lists every year, newest first, with its count", async () => {
    const doc = await page(dist, "years.html");
    expect(text(doc.querySelector("h1"))).toBe("Essays by year");
    const years = [...doc.querySelectorAll(".year-table > li")];
    expect(years.map((li) => [li.querySelector(".year-link")!.getAttribute("href"), text(li.querySelector(":scope > .count"))])).toEqual([
      ["years/2021.html", "2 essays"],
      ["years/2020.html", "2 essays"],
      ["years/2019.html", "1 essay"],
    ]);
    expect(text(doc.querySelector(".extent"))).toBe("5 essays in 3 years, from 4 March 2019 to 9 September 2021.");
  });

  it("year pages link to the nearest earlier and later years with essays", async () => {
    const middle = await page(dist, "years/2020.html");
    expect(hrefs(middle, ".year-pager a[rel=prev]")).toEqual(["2019.html"]);
    expect(hrefs(middle, ".year-pager a[rel=next]")).toEqual(["2021.html"]);
    expect(hrefs(middle, ".year-pager a:not([rel])")).toEqual(["../years.html"]);
    const first = await page(dist, "years/2019.html");
    expect(hrefs(first, ".year-pager a[rel]")).toEqual(["2020.html"]);
    const last = await page(dist, "years/2021.html");
    expect(hrefs(last, ".year-pager a[rel]")).toEqual(["2020.html"]);
  });

  it("year pages group essays by series, each section anchored for series pages to link to", async () => {
    const doc = await page(dist, "years/2021.html");
    expect([...doc.querySelectorAll("main section[id]")].map((s) => s.id)).toEqual(["series-field-reports", "series-policy-notes"]);
    expect(texts(doc, "#series-policy-notes .essay-label")).toEqual(["No.3"]);
  });
});

describe("series", () => {
  it("lists a series newest first, grouped by year, with its count and date range", async () => {
    const doc = await page(dist, "series/policy-notes.html");
    expect(text(doc.querySelector(".extent"))).toBe("3 essays, from 4 March 2019 to 20 January 2021");
    expect(texts(doc, ".year-group h2")).toEqual(["2021 1 essay", "2020 1 essay", "2019 1 essay"]);
    expect(texts(doc, ".essay-label")).toEqual(["No.3", "No.2", "No.1"]);
    expect(hrefs(doc, ".jump-list a")).toEqual(["#year-2021", "#year-2020", "#year-2019"]);
    for (const id of ["year-2021", "year-2020", "year-2019"]) expect(doc.getElementById(id), id).not.toBeNull();
  });

  it("the series index gives each series' count and years", async () => {
    const doc = await page(dist, "series.html");
    expect(texts(doc, ".series-list .count")).toEqual(["2 essays, 2020–2021", "3 essays, 2019–2021"]);
  });
});

describe("authors", () => {
  it("sorts authors by family name, in letter groups with an A–Z jump list and counts", async () => {
    const doc = await page(dist, "authors.html");
    expect(texts(doc, ".author-list a")).toEqual(["Chiyo Mori", "Ada Okafor", "Ben Takeda"]);
    expect(texts(doc, ".letters a")).toEqual(["M", "O", "T"]);
    expect(hrefs(doc, ".letters a")).toEqual(["#letter-m", "#letter-o", "#letter-t"]);
    for (const href of hrefs(doc, ".letters a")) expect(doc.getElementById(href!.slice(1))?.tagName, href!).toBe("H2");
    expect(texts(doc, ".author-list .count")).toEqual(["2 essays", "2 essays", "2 essays"]);
    expect(text(doc.querySelector(".author-list .affiliation"))).toBe(", Institute of Coastal Studies");
  });

  it("author pages list essays newest first and show the affiliation", async () => {
    const doc = await page(dist, "authors/ben-takeda.html");
    expect(text(doc.querySelector(".affiliation"))).toBe("");
    expect(texts(doc, ".essay-label")).toEqual(["Field Reports No.8", "Policy Notes No.2"]);
    const ada = await page(dist, "authors/ada-okafor.html");
    expect(text(ada.querySelector("p.affiliation"))).toBe("Institute of Coastal Studies");
    expect(text(ada.querySelector("h2"))).toBe("Essays 2 essays");
  });
});

describe("menu", () => {
  const sectionOf = (path: string) =>
    path === "index.html" || path.startsWith("essays/")
      ? "Archive"
      : path === "years.html" || path.startsWith("years/")
        ? "Years"
        : path === "authors.html" || path.startsWith("authors/")
          ? "Authors"
          : path === "series.html" || path.startsWith("series/")
            ? "Series"
            : path === "search.html"
              ? "Search"
              : undefined;

  // The menu in Japanese, on the Japanese essay's page.
  const JAPANESE: Record<string, string> = { Archive: "アーカイブ", Years: "年別", Authors: "執筆者", Series: "シリーズ", Search: "検索" };

  it("marks the current section with aria-current on every page, and none on the 404 page", async () => {
    for (const path of await htmlPages(dist)) {
      const doc = await page(dist, path);
      const current = texts(doc, ".site-header nav a[aria-current=page]");
      const expected = sectionOf(path);
      const words = doc.documentElement.lang === "ja" ? (label: string) => JAPANESE[label]! : (label: string) => label;
      expect(current, path).toEqual(expected ? [words(expected)] : []);
    }
  });
});

describe("404 page", () => {
  it("with a site URL, resolves its stylesheet and links from the archive's root by <base>", async () => {
    const doc = await page(dist, "404.html");
    const base = doc.querySelector("head base");
    expect(base?.getAttribute("href")).toBe("https://archive.example.org/fixture/");
    // The base comes before anything with a URL, and the CSP allows exactly that base.
    const head = [...doc.head.children];
    expect(head.indexOf(base!)).toBeLessThan(head.findIndex((e) => e.matches("link[rel=stylesheet]")));
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")!;
    expect(csp).toContain("base-uri https://archive.example.org/fixture/");
    expect(csp).toContain("style-src 'self' https://archive.example.org/fixture/");
    expect(hrefs(doc, "main a")).toEqual(["index.html", "years.html", "series.html", "authors.html"]);
    expect(doc.querySelector("link[rel=stylesheet]")!.getAttribute("href")).toBe("assets/site.css");
  });

  it("no other page has a base, and their CSP forbids one", async () => {
    for (const path of (await htmlPages(dist)).filter((p) => p !== "404.html")) {
      const doc = await page(dist, path);
      expect(doc.querySelector("base"), path).toBeNull();
      expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content"), path).toContain("base-uri 'none'");
    }
  });

  it("without a site URL, has no base (plain, readable HTML)", async () => {
    const doc = await page(built("imported"), "404.html");
    expect(doc.querySelector("base")).toBeNull();
    expect(text(doc.querySelector("h1"))).toBe("Page not found");
  });
});
