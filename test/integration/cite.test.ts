// What a researcher or a search engine gets from an essay page: descriptions, the tab title, JSON-LD,
// the "Cite this" box and its downloads (read back with citation-js), the feed and robots.txt.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { built } from "../helpers/built.ts";
import { page, text } from "../helpers/html.ts";

const BASE = "https://archive.example.org/fixture/";
const jsonLd = (doc: Document) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, unknown>;

describe("the cite box of a Japanese essay", () => {
  it("gives SIST 02 first, with the Japanese name, title and series, then APA, Chicago and MLA, in Japanese words", async () => {
    const doc = await page(built("bilingual"), "essays/field-reports/8.html");
    expect([...doc.querySelectorAll(".cite dt")].map(text)).toEqual([
      "SIST 02（科学技術情報流通技術基準）",
      "APA（第7版）",
      "シカゴ（著者・年方式、第18版）",
      "MLA（第9版）",
    ]);
    expect(text(doc.querySelector("#cite-sist02"))).toBe(
      `武田ベン. “港湾都市の再生”. 現地報告. The Fixture Institute, 2021, 8. ${BASE}essays/field-reports/8.html.`,
    );
    expect(text(doc.querySelector("#cite-apa"))).toBe(
      `武田ベン. (2021). 港湾都市の再生 (現地報告 No. 8). The Fixture Institute. ${BASE}essays/field-reports/8.html`,
    );
    expect([...doc.querySelectorAll(".cite-downloads a")].map(text)).toEqual(["BibTeX", "RIS（EndNote、Zotero、Mendeley）", "CSL-JSON"]);
    // An English essay is cited in the three English styles only.
    const english = await page(built("bilingual"), "essays/policy-notes/2.html");
    expect([...english.querySelectorAll(".cite dt")].map(text)).toEqual(["APA (7th edition)", "Chicago (author-date, 18th edition)", "MLA (9th edition)"]);
  });
});

describe("an essay page", () => {
  it("has a tab title with its number, and its own description", async () => {
    const doc = await page(built("basic"), "essays/policy-notes/2.html");
    expect(doc.title).toBe("No.2 · Fisheries Diplomacy in the North Pacific · Policy Notes");
    const description = "Quotas, salmon and the limits of bilateral talks.";
    expect(doc.querySelector('meta[name="description"]')!.getAttribute("content")).toBe(description);
    expect(doc.querySelector('meta[property="og:description"]')!.getAttribute("content")).toBe(description);
    // Without a summary: the first paragraph, never the site's description.
    const other = await page(built("basic"), "essays/policy-notes/1.html");
    expect(other.querySelector('meta[name="description"]')!.getAttribute("content")).toBe(
      "Tidal turbines turn twice a day, as reliably as the moon. A coastal grid that leans on them needs storage for the slack water in between.",
    );
  });

  it("describes itself in JSON-LD as a report in a series", async () => {
    const ld = jsonLd(await page(built("basic"), "essays/policy-notes/2.html"));
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": ["Report", "Article"],
      headline: "Fisheries Diplomacy in the North Pacific",
      reportNumber: "2",
      datePublished: "2020-06-15",
      inLanguage: "en",
      author: [
        { "@type": "Person", name: "Ben Takeda", url: `${BASE}authors/ben-takeda.html` },
        { "@type": "Person", name: "Chiyo Mori", url: `${BASE}authors/chiyo-mori.html` },
      ],
      publisher: { "@type": "Organization", name: "The Fixture Institute" },
      copyrightHolder: { "@type": "Organization", name: "The Fixture Institute" },
      isPartOf: { "@type": "CreativeWorkSeries", name: "Policy Notes", url: `${BASE}series/policy-notes.html` },
      position: 2,
      url: `${BASE}essays/policy-notes/2.html`,
    });
  });

  it("keeps a hostile title inside its JSON-LD script", async () => {
    const doc = await page(built("hostile"), "essays/hostile-series/1.html");
    expect(doc.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(1);
    const ld = jsonLd(doc);
    expect(ld.headline).toBe(text(doc.querySelector("h1")));
    expect(String(ld.headline)).toContain("</script>");
  });

  it("offers the reference in APA, Chicago and MLA, and files to download", async () => {
    const doc = await page(built("basic"), "essays/policy-notes/2.html");
    expect(text(doc.querySelector("#cite-apa"))).toBe(
      "Takeda, B., & Mori, C. (2020). Fisheries Diplomacy in the North Pacific (Policy Notes No. 2). The Fixture Institute. https://archive.example.org/fixture/essays/policy-notes/2.html",
    );
    expect(text(doc.querySelector("#cite-chicago"))).toContain("Takeda, Ben, and Chiyo Mori. 2020.");
    expect(text(doc.querySelector("#cite-mla"))).toContain("Takeda, Ben, and Chiyo Mori.");
    expect([...doc.querySelectorAll(".cite-downloads a")].map((a) => a.getAttribute("href"))).toEqual(["2.bib", "2.ris", "2.json"]);
  });

  it.each([
    ["2.bib", "@techreport"],
    ["2.ris", "TY  - RPRT"],
    ["2.json", '"type": "report"'],
  ])("writes %s beside the page, which citation-js reads back", async (file, kind) => {
    const source = await readFile(join(built("basic"), "essays/policy-notes", file), "utf8");
    expect(source).toContain(kind);
    const [item] = (await Cite.async(source)).data as Record<string, unknown>[];
    expect(item).toMatchObject({
      title: "Fisheries Diplomacy in the North Pacific",
      author: [
        { family: "Takeda", given: "Ben" },
        { family: "Mori", given: "Chiyo" },
      ],
      number: "2",
      publisher: "The Fixture Institute",
    });
    expect((item!.issued as { "date-parts": number[][] })["date-parts"][0]![0]).toBe(2020);
  });
});

describe("site-wide", () => {
  it("has an Atom feed a real feed parser reads, with every essay", async () => {
    const feed = parseFeed(await readFile(join(built("basic"), "feed.xml"), "utf8"));
    expect(feed.title).toBe("Fixture Archive");
    expect(feed.items.map((i) => i.url).sort()).toEqual(
      ["field-reports/7.html", "field-reports/8.html", "policy-notes/1.html", "policy-notes/2.html", "policy-notes/3.html"].map((p) => `${BASE}essays/${p}`),
    );
    expect(feed.items.find((i) => i.url?.endsWith("policy-notes/2.html"))!.authors.map((a) => a.name)).toEqual(["Ben Takeda", "Chiyo Mori"]);
  });

  it("has a robots.txt that names the sitemap", async () => {
    expect(await readFile(join(built("basic"), "robots.txt"), "utf8")).toBe(`User-agent: *\nAllow: /\nSitemap: ${BASE}sitemap.xml\n`);
  });
});

describe("without a site URL", () => {
  it("leaves out what needs one rather than writing it wrong", async () => {
    const dist = built("imported");
    const doc = await page(dist, "essays/ajiss-commentary/201.html");
    expect(doc.querySelector('link[rel="canonical"], meta[property="og:url"], meta[name="citation_public_url"], .essay-address')).toBeNull();
    const ld = jsonLd(doc);
    expect(ld.url).toBeUndefined();
    expect(JSON.stringify(ld)).not.toMatch(/https?:\/\/(?!schema\.org)/);
    expect(text(doc.querySelector("#cite-apa"))).toBe(
      "Iizuka, K. (2014). What the US Now Craves from Japan (AJISS-Commentary No. 201). The Association of Japanese Institutes of Strategic Studies.",
    );
    expect(await readFile(join(dist, "robots.txt"), "utf8")).toBe("User-agent: *\nAllow: /\n");
    await expect(readFile(join(dist, "feed.xml"))).rejects.toThrow();
    await expect(readFile(join(dist, "sitemap.xml"))).rejects.toThrow();
  });
});
