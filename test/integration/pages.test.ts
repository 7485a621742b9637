// Builds the fixture archive (two series, three authors, five essays) and checks every kind of page.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DOMParser } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../helpers/build.ts";
import { built } from "../helpers/built.ts";
import { htmlPages, page, text } from "../helpers/html.ts";

let dist: string;
beforeAll(async () => {
  dist = built("basic");
});

const hrefs = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((a) => a.getAttribute("href") ?? a.getAttribute("src"));

describe("every page", () => {
  it("is one of the expected pages", async () => {
    expect(await htmlPages(dist)).toEqual([
      "404.html",
      "authors.html",
      "authors/ada-okafor.html",
      "authors/ben-takeda.html",
      "authors/chiyo-mori.html",
      "essays/field-reports/7.html",
      "essays/field-reports/8.html",
      "essays/policy-notes/1.html",
      "essays/policy-notes/2.html",
      "essays/policy-notes/3.html",
      "index.html",
      "search.html",
      "series.html",
      "series/field-reports.html",
      "series/policy-notes.html",
      "years.html",
      "years/2019.html",
      "years/2020.html",
      "years/2021.html",
    ]);
  });

  it("has a language, one h1, a header with the site nav and a footer", async () => {
    for (const path of await htmlPages(dist)) {
      const doc = await page(dist, path);
      const lang = doc.documentElement.getAttribute("lang");
      expect(lang, path).toMatch(/^(en|ja)$/);
      expect(doc.querySelectorAll("h1").length, path).toBe(1);
      // In the page's language (the Japanese essay's page), from lib/words/.
      expect(
        [...doc.querySelectorAll("header.site-header nav a")].map((a) => text(a)),
        path,
      ).toEqual(lang === "ja" ? ["アーカイブ", "年別", "執筆者", "シリーズ", "検索"] : ["Archive", "Years", "Authors", "Series", "Search"]);
      expect(doc.querySelector("footer.site-footer"), path).not.toBeNull();
    }
  });

  it("links only relatively", async () => {
    for (const path of await htmlPages(dist)) {
      const doc = await page(dist, path);
      // Absolute only where a standard asks: the canonical address, and a page's languages (hreflang).
      for (const href of hrefs(doc, "a[href], link[href]:not([rel=canonical]):not([hreflang]), script[src]")) {
        expect(href, `${path}: ${href}`).not.toMatch(/^\/|^https?:\/\/archive\.example\.org/);
      }
    }
  });
});

describe("essay page", () => {
  it("shows series and number, title, linked authors, date, body, bios, disclaimer, copyright", async () => {
    const doc = await page(dist, "essays/policy-notes/2.html");
    expect(text(doc.querySelector(".essay-header .essay-label"))).toBe("Policy Notes No.2");
    expect(text(doc.querySelector("h1"))).toBe("Fisheries Diplomacy in the North Pacific");
    expect(hrefs(doc, ".byline a")).toEqual(["../../authors/ben-takeda.html", "../../authors/chiyo-mori.html"]);
    expect(text(doc.querySelector(".byline"))).toBe("Ben Takeda and Chiyo Mori");
    // Series, number and date above the title; the institution beside them.
    expect(text(doc.querySelector(".essay-kicker"))).toBe("Policy Notes No.2 · 15 June 2020");
    expect(doc.querySelector(".essay-kicker time")!.getAttribute("datetime")).toBe("2020-06-15");
    expect(text(doc.querySelector(".essay-publisher"))).toBe("The Fixture Foundation");
    expect(text(doc.querySelector(".reading-time"))).toBe("1 min read");
    expect(text(doc.querySelector(".essay-body p"))).toBe("Every spring the quota talks begin again.");
    expect([...doc.querySelectorAll(".bio > p:first-child")].map(text)).toEqual([
      "Ben Takeda writes on ports and fisheries.",
      "Chiyo Mori reports from Southeast Asia.",
    ]);
    expect(text(doc.querySelector(".disclaimer"))).toBe("Views are the authors' own.");
    expect(text(doc.querySelector(".copyright"))).toBe("© The Fixture Institute");
  });

  it("gives body headings ids and permalinks", async () => {
    const doc = await page(dist, "essays/policy-notes/2.html");
    expect([...doc.querySelectorAll(".essay-body h2, .essay-body h3")].map((h) => h.id)).toEqual(["background", "the-quota-problem", "salmon"]);
    expect(hrefs(doc, ".essay-body .heading a")).toEqual(["#background", "#the-quota-problem", "#salmon"]);
  });

  it("shows a figure from the content's figures folder, copied beside the pages, with its size and alt text", async () => {
    const doc = await page(dist, "essays/field-reports/8.html");
    const img = doc.querySelector(".essay-body img")!;
    expect(img.getAttribute("src")).toBe("../../figures/tide-heights.png");
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["320", "160"]);
    expect(img.getAttribute("alt")).toBe("Tide heights over a day: two highs and two lows");
    const copied = await readFile(join(dist, "essays/field-reports", img.getAttribute("src")!));
    expect(copied.equals(await readFile(join(fixture("basic"), "src/figures/tide-heights.png")))).toBe(true);
  });

  it("links to the previous and next essay of its series by number", async () => {
    // Near the top and at the end.
    const middle = await page(dist, "essays/policy-notes/2.html");
    expect(hrefs(middle, ".pager a[rel=prev]")).toEqual(["1.html", "1.html"]);
    expect(hrefs(middle, ".pager a[rel=next]")).toEqual(["3.html", "3.html"]);
    expect(middle.querySelector(".pager-top + .toc, .pager-top ~ .toc")).not.toBeNull();
    const first = await page(dist, "essays/policy-notes/1.html");
    expect(hrefs(first, ".pager a[rel=prev]")).toEqual([]);
    const other = await page(dist, "essays/field-reports/7.html");
    expect(hrefs(other, ".pager a")).toEqual(["8.html", "8.html"]);
  });

  it("has a table of contents of its sections, and the essays just newer and older by each of its authors, with no count", async () => {
    const doc = await page(dist, "essays/policy-notes/2.html");
    expect(hrefs(doc, ".toc a")).toEqual(["#background", "#the-quota-problem", "#salmon"]);
    // Ben Takeda's newer essay, then Chiyo Mori's; each has no older one.
    expect(hrefs(doc, ".more-by a")).toEqual(["../field-reports/8.html", "../field-reports/7.html"]);
    expect([...doc.querySelectorAll(".more-by ul")].map((ul) => ul.getAttribute("aria-label"))).toEqual(["Ben Takeda", "Chiyo Mori"]);
    expect(text(doc.querySelector(".more-by li"))).toBe("Newer 港湾都市の再生 (Field Reports No.8)");
    // A link to each author's page, and no count of their essays, which every new essay would change.
    expect([...doc.querySelectorAll(".about-authors a")].map((a) => [a.getAttribute("href"), text(a.parentElement)])).toEqual([
      ["../../authors/ben-takeda.html", "All essays by Ben Takeda"],
      ["../../authors/chiyo-mori.html", "All essays by Chiyo Mori"],
    ]);
    const newest = await page(dist, "essays/policy-notes/3.html");
    expect([...newest.querySelectorAll(".more-by li")].map(text)).toEqual(["Older Tidal Power and Coastal Grids (Policy Notes No.1)"]);
    const single = await page(dist, "essays/policy-notes/1.html");
    expect(single.querySelector(".toc")).toBeNull();
    expect(text(single.querySelector(".essay-address"))).toBe("Permanent address: https://archive.example.org/fixture/essays/policy-notes/1.html");
  });

  it("declares the essay's language, and is in its words around it; the site's title and description keep theirs", async () => {
    const doc = await page(dist, "essays/field-reports/8.html");
    expect(doc.documentElement.getAttribute("lang")).toBe("ja");
    // lib/words/ja.json: the date, reading time, headings and labels, with no English left over.
    expect(
      [".essay-header time", ".reading-time", "#about-authors", "#cite-title", ".pager-top .pager-dir", ".essay-address"].map((s) =>
        text(doc.querySelector(s)),
      ),
    ).toEqual([
      "2021年9月9日",
      "約1分で読めます",
      "執筆者について",
      "この論考を引用する",
      "前へ",
      "恒久的なアドレス：https://archive.example.org/fixture/essays/field-reports/8.html",
    ]);
    // The author's name and the series' title as the records write them in Japanese.
    expect([text(doc.querySelector(".byline")), text(doc.querySelector(".essay-header .essay-label"))]).toEqual(["武田ベン", "現地報告 No.8"]);
    expect(doc.querySelector(".site-header")!.hasAttribute("lang")).toBe(false);
    expect([doc.querySelector(".site-title")!.getAttribute("lang"), doc.querySelector(".site-footer p")!.getAttribute("lang")]).toEqual(["en", "en"]);
  });

  it("links to its translations, in their language, and names every language's page as an alternate", async () => {
    // No.7 (English) and No.8 (Japanese) share a translationKey in the fixture.
    const en = await page(dist, "essays/field-reports/7.html");
    const ja = await page(dist, "essays/field-reports/8.html");
    const link = (doc: Document) => doc.querySelector(".essay-translations a")!;
    expect([link(en).getAttribute("href"), text(link(en)), link(en).getAttribute("lang"), link(en).getAttribute("hreflang")]).toEqual([
      "8.html",
      "日本語で読む",
      "ja",
      "ja",
    ]);
    expect([link(ja).getAttribute("href"), text(link(ja)), link(ja).getAttribute("lang")]).toEqual(["7.html", "Read in English", "en"]);
    const alternates = (doc: Document) =>
      [...doc.querySelectorAll("link[rel=alternate][hreflang]")].map((l) => `${l.getAttribute("hreflang")} ${l.getAttribute("href")}`);
    const both = ["en https://archive.example.org/fixture/essays/field-reports/7.html", "ja https://archive.example.org/fixture/essays/field-reports/8.html"];
    expect(alternates(en).sort()).toEqual(both);
    expect(alternates(ja).sort()).toEqual(both);
    const single = await page(dist, "essays/policy-notes/2.html");
    expect(single.querySelector(".essay-translations, link[hreflang]")).toBeNull();
  });

  it("describes itself to reference managers (Zotero) with citation_* meta tags", async () => {
    const doc = await page(dist, "essays/policy-notes/2.html");
    const tags = [...doc.querySelectorAll('meta[name^="citation_"]')].map((m) => [m.getAttribute("name"), m.getAttribute("content")]);
    expect(tags).toEqual([
      ["citation_title", "Fisheries Diplomacy in the North Pacific"],
      ["citation_author", "Ben Takeda"],
      ["citation_author", "Chiyo Mori"],
      ["citation_publication_date", "2020/06/15"],
      ["citation_technical_report_institution", "The Fixture Institute"],
      ["citation_technical_report_number", "2"],
      ["citation_series_title", "Policy Notes"],
      ["citation_publisher", "The Fixture Institute"],
      ["citation_language", "en"],
      ["citation_abstract", "Quotas, salmon and the limits of bilateral talks."],
      ["citation_issn", "1234-5678"],
      ["citation_keywords", "fisheries; diplomacy"],
      ["citation_public_url", "https://archive.example.org/fixture/essays/policy-notes/2.html"],
    ]);
  });

  it("has a canonical URL from the site URL", async () => {
    const doc = await page(dist, "essays/policy-notes/2.html");
    expect(doc.querySelector("link[rel=canonical]")!.getAttribute("href")).toBe("https://archive.example.org/fixture/essays/policy-notes/2.html");
  });
});

describe("feed and sitemap", () => {
  const xml = async (path: string) => new DOMParser().parseFromString(await readFile(join(dist, path), "utf8"), "text/xml");

  it("has an Atom feed of the newest essays, in full, with absolute links", async () => {
    const feed = await xml("feed.xml");
    const entries = [...feed.querySelectorAll("entry")];
    expect(entries.map((e) => text(e.querySelector("title")))).toEqual([
      "Field Reports No.8: 港湾都市の再生",
      "Policy Notes No.3: Semiconductor Supply Chains",
      "Field Reports No.7: Notes from the Mekong Delta",
      "Policy Notes No.2: Fisheries Diplomacy in the North Pacific",
      "Policy Notes No.1: Tidal Power and Coastal Grids",
    ]);
    const fisheries = entries[3]!;
    expect(fisheries.querySelector("link")!.getAttribute("href")).toBe("https://archive.example.org/fixture/essays/policy-notes/2.html");
    expect(fisheries.querySelector("published")!.textContent).toBe("2020-06-15T00:00:00.000Z");
    expect([...fisheries.querySelectorAll("author name")].map(text)).toEqual(["Ben Takeda", "Chiyo Mori"]);
    const content = fisheries.querySelector("content")!.textContent!;
    expect(content).toContain('<h2 id="background"');
    expect(content).toContain('href="https://archive.example.org/fixture/essays/policy-notes/2.html#background"');
    const home = await page(dist, "index.html");
    expect(home.querySelector('link[rel="alternate"][type="application/atom+xml"]')!.getAttribute("href")).toBe("feed.xml");
  });

  it("has a sitemap of every page but the 404 page", async () => {
    const sitemap = await xml("sitemap.xml");
    const locs = [...sitemap.querySelectorAll("loc")].map((l) => l.textContent!.replace("https://archive.example.org/fixture/", ""));
    const expected = (await htmlPages(dist)).filter((p) => p !== "404.html").map((p) => (p === "index.html" ? "" : p));
    expect(locs.sort()).toEqual(expected.sort());
    // A translated essay's entry names each of its languages' pages.
    const entry = [...sitemap.querySelectorAll("url")].find((u) => text(u.querySelector("loc")).endsWith("essays/field-reports/8.html"))!;
    const links = [...entry.getElementsByTagName("xhtml:link")].map((l) => `${l.getAttribute("hreflang")} ${l.getAttribute("href")}`);
    expect(links).toEqual([
      "ja https://archive.example.org/fixture/essays/field-reports/8.html",
      "en https://archive.example.org/fixture/essays/field-reports/7.html",
    ]);
  });
});

describe("listing pages", () => {
  it("home lists the newest essays, newest first, then links to every year and series", async () => {
    const doc = await page(dist, "index.html");
    expect(hrefs(doc, ".home-newest .essay-title")).toEqual([
      "essays/field-reports/8.html",
      "essays/policy-notes/3.html",
      "essays/field-reports/7.html",
      "essays/policy-notes/2.html",
      "essays/policy-notes/1.html",
    ]);
    const item = [...doc.querySelectorAll(".essay-item")].find((li) => text(li).includes("Fisheries"))!;
    expect(text(item)).toBe(
      "Policy Notes No.2 Fisheries Diplomacy in the North Pacific Ben Takeda and Chiyo Mori, 15 June 2020 Quotas, salmon and the limits of bilateral talks.",
    );
    expect(hrefs(doc, ".year-link")).toEqual(["years/2021.html", "years/2020.html", "years/2019.html"]);
  });

  it("author page shows name, affiliation, bio and their essays", async () => {
    const doc = await page(dist, "authors/ada-okafor.html");
    expect(text(doc.querySelector("h1"))).toBe("Ada Okafor");
    expect(text(doc.querySelector(".affiliation"))).toBe("Institute of Coastal Studies");
    expect(text(doc.querySelector("p.bio"))).toBe("Ada Okafor studies energy systems.");
    expect(hrefs(doc, ".essay-title")).toEqual(["../essays/policy-notes/3.html", "../essays/policy-notes/1.html"]);
  });

  it("author index lists every author by family name", async () => {
    const doc = await page(dist, "authors.html");
    expect(hrefs(doc, ".author-list a")).toEqual(["authors/chiyo-mori.html", "authors/ada-okafor.html", "authors/ben-takeda.html"]);
  });

  it("series page shows its facts and essays newest first", async () => {
    const doc = await page(dist, "series/policy-notes.html");
    expect(text(doc.querySelector("h1"))).toBe("Policy Notes");
    expect(text(doc.querySelector(".series-facts"))).toContain("The Fixture Institute");
    expect(text(doc.querySelector(".series-facts"))).toContain("The Fixture Foundation");
    expect(text(doc.querySelector(".description"))).toBe("Short notes on public policy.");
    expect(hrefs(doc, ".essay-title")).toEqual(["../essays/policy-notes/3.html", "../essays/policy-notes/2.html", "../essays/policy-notes/1.html"]);
    const index = await page(dist, "series.html");
    expect(hrefs(index, "main li a")).toEqual(["series/field-reports.html", "series/policy-notes.html"]);
  });

  it("year page lists that year's essays", async () => {
    const doc = await page(dist, "years/2020.html");
    expect(text(doc.querySelector("h1"))).toBe("Essays of 2020");
    expect(hrefs(doc, ".essay-title")).toEqual(["../essays/field-reports/7.html", "../essays/policy-notes/2.html"]);
  });

  it("has a 404 page", async () => {
    const doc = await page(dist, "404.html");
    expect(text(doc.querySelector("h1"))).toBe("Page not found");
    expect(doc.querySelector("link[rel=canonical]")).toBeNull();
  });
});
