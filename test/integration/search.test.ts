// Search quality, with Pagefind's own client reading the built index.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { built } from "../helpers/built.ts";
import { searchClient, type SearchClient } from "../helpers/pagefind-client.ts";
import { authorNames } from "../../lib/search/fields.ts";
import { isClientFile } from "../../lib/search/offline.ts";
import { existsSync } from "node:fs";

let dist: string;
let en: SearchClient;
beforeAll(async () => {
  dist = built("basic");
  en = await searchClient(dist, "en");
});

const urls = (hits: { url: string }[]) => hits.map((h) => h.url);

describe("search index", () => {
  it.each([
    ["tidal turbines", "/essays/policy-notes/1.html"],
    ["lithography", "/essays/policy-notes/3.html"],
    ["saltwater intrusion", "/essays/field-reports/7.html"],
    ["quota patrol", "/essays/policy-notes/2.html"],
  ])("ranks the right essay first for %j", async (query, url) => {
    expect(urls(await en.search(query))[0]).toBe(url);
  });

  it("indexes only essays, and only their bodies: listing pages are never results", async () => {
    // Words of a body, which listing pages show too (in a summary): found, on essay pages only.
    const found = urls(await en.search("salmon"));
    expect(found).toEqual(["/essays/policy-notes/2.html"]);
    // An author's name, which her page and the authors' index print: her essays only.
    expect(urls(await en.search("Ada Okafor")).sort()).toEqual(["/essays/policy-notes/1.html", "/essays/policy-notes/3.html"]);
    // Words that only the menus and listing pages' headings print: not found.
    for (const query of ["Essays", "Years", "Browse"]) expect(urls(await en.search(query)), query).toEqual([]);
  });

  it("carries title, label, date, authors and summary as metadata", async () => {
    const [hit] = await en.search("quota");
    expect(hit!.meta).toMatchObject({
      title: "Fisheries Diplomacy in the North Pacific",
      label: "Policy Notes No.2",
      date: "15 June 2020",
      authors: "Ben Takeda and Chiyo Mori",
      summary: "Quotas, salmon and the limits of bilateral talks.",
    });
    // Names only: the byline's affiliations ("Ada Okafor (Institute of Coastal Studies)") are not repeated.
    const [ada] = await en.search("lithography");
    expect(ada!.meta.authors).toBe("Ada Okafor");
    expect([["A"], ["A", "B"], ["A", "B", "C"]].map(authorNames)).toEqual(["A", "A and B", "A, B and C"]);
  });

  it("indexes only the body as text: excerpts never repeat the title, number, byline or page furniture", async () => {
    const plain = (excerpt: string) => excerpt.replace(/<\/?mark>/g, "");
    // A title word that is also in the body: the excerpt is the body's sentence.
    const [semiconductor] = await en.search("semiconductor");
    expect(semiconductor!.url).toBe("/essays/policy-notes/3.html");
    expect(semiconductor!.excerpt).toBe(
      "Lithography machines are the narrowest point of the <mark>semiconductor</mark> supply chain, and export controls have found it.",
    );
    // Words only in the header (title, byline, summary) still find the essay, through its metadata; the
    // excerpt is then the start of the body.
    for (const query of ["Fisheries", "Diplomacy Pacific", "Takeda", "bilateral"]) {
      const hits = await en.search(query);
      expect(urls(hits), query).toContain("/essays/policy-notes/2.html");
      const hit = hits.find((h) => h.url === "/essays/policy-notes/2.html")!;
      expect(plain(hit.excerpt), query).toMatch(/^Every spring the quota talks begin again\. Background\. The convention area/);
    }
    // No excerpt holds header text, heading permalinks ("Link to the section …"), note markers or the footer.
    for (const query of ["the", "salmon", "quota", "tidal", "saltwater", "estuary"]) {
      const hits = await en.search(query);
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits) {
        const text = plain(hit.excerpt);
        for (const furniture of [hit.meta.title, hit.meta.label, hit.meta.authors, hit.meta.date, "Link to the section", "min read", "About the author"]) {
          expect(text, `${query}: ${hit.url}`).not.toContain(furniture);
        }
      }
    }
  });

  it("has author, year, series and topic filters that narrow results", async () => {
    const filters = await en.filters();
    expect(Object.keys(filters).sort()).toEqual(["author", "series", "topic", "year"]);
    expect(filters.author).toMatchObject({ "Ada Okafor": 2, "Ben Takeda": 1, "Chiyo Mori": 2 });
    expect(filters.year).toMatchObject({ "2019": 1, "2020": 2, "2021": 1 });

    const all = await en.search(null, { filters: {} });
    const byAda = await en.search(null, { filters: { author: "Ada Okafor" } });
    expect(urls(byAda).sort()).toEqual(["/essays/policy-notes/1.html", "/essays/policy-notes/3.html"]);
    expect(urls(await en.search(null, { filters: { series: "Field Reports" } }))).toEqual(["/essays/field-reports/7.html"]);
    expect(urls(await en.search(null, { filters: { topic: "fisheries" } }))).toEqual(["/essays/policy-notes/2.html"]);
    expect(urls(await en.search(null, { filters: { year: "2020", author: "Chiyo Mori" } })).sort()).toEqual([
      "/essays/field-reports/7.html",
      "/essays/policy-notes/2.html",
    ]);
    // The English index holds the four English essays; the Japanese one is in its own.
    expect(all).toHaveLength(4);
  });

  it("sorts by date, both ways, and by number", async () => {
    expect(urls(await en.search("the", { sort: { date: "desc" } }))).toEqual([
      "/essays/policy-notes/3.html",
      "/essays/field-reports/7.html",
      "/essays/policy-notes/2.html",
      "/essays/policy-notes/1.html",
    ]);
    expect(urls(await en.search(null, { sort: { date: "asc" } }))).toEqual([
      "/essays/policy-notes/1.html",
      "/essays/policy-notes/2.html",
      "/essays/field-reports/7.html",
      "/essays/policy-notes/3.html",
    ]);
    expect(urls(await en.search(null, { filters: { series: "Policy Notes" }, sort: { number: "desc" } }))).toEqual([
      "/essays/policy-notes/3.html",
      "/essays/policy-notes/2.html",
      "/essays/policy-notes/1.html",
    ]);
  });

  it("gives sub-results that jump to the matching section", async () => {
    const [hit] = await en.search("chum salmon");
    expect(hit!.url).toBe("/essays/policy-notes/2.html");
    expect(hit!.sub_results.map((s) => s.url)).toContain("/essays/policy-notes/2.html#salmon");
  });

  it("indexes a Japanese essay as Japanese, and finds it by a Japanese word", async () => {
    // Each language's shards are indexes of that language alone.
    const list = JSON.parse(await readFile(join(dist, "pagefind/shards.json"), "utf8"));
    expect(Object.keys(list.languages).sort()).toEqual(["en", "ja"]);
    for (const lang of ["en", "ja"]) {
      for (const shard of list.languages[lang].shards) {
        const entry = JSON.parse(await readFile(join(dist, "pagefind", shard.path, "pagefind-entry.json"), "utf8"));
        expect(Object.keys(entry.languages)).toEqual([lang]);
      }
    }
    const ja = await searchClient(dist, "ja");
    expect(urls(await ja.search("横浜港"))).toEqual(["/essays/field-reports/8.html"]);
    expect(urls(await ja.search("観光"))).toEqual(["/essays/field-reports/8.html"]);
  });
});

describe("search from disk", () => {
  it("has a file:// copy of every file Pagefind's client reads (its names are what lib/search/offline.ts expects)", async () => {
    // Pagefind's own client, run above: its entry, metadata, WebAssembly, index and fragment chunks, filters.
    await en.filters();
    await en.search("quota");
    expect([...en.fetched].some((f) => f.endsWith(".pf_fragment"))).toBe(true);
    expect([...en.fetched].some((f) => f.endsWith("/sorts.json"))).toBe(true);
    for (const file of [...en.fetched, "pagefind.js", "shards.json"]) {
      expect(isClientFile(file), file).toBe(true);
      expect(existsSync(join(dist, "pagefind/offline", `${file}.js`)), file).toBe(true);
    }
  });
});
