// A page's cache key is its view hashed with the code (lib/views/): it changes with anything the view
// holds, and only with that. A new essay by an author with many essays changes the keys of the essay pages
// that show it (its series neighbour's, the essays just beside it in its author's order) and no other, and
// of the listing pages that list or count it; a PDF's print key (the view without what print hides) does
// not change for a new neighbour at all.
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { essayPageKeys } from "../../lib/outputs/pages/essay-pages.ts";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import type { Archive } from "../../lib/archive/model.ts";
import { essayPageView } from "../../lib/views/essay.ts";
import { pageKey, printView } from "../../lib/views/key.ts";
import { listingViews, type ListingViews } from "../../lib/views/listing.ts";
import { fixture } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

const load = (root: string) => createArchiveLoader(root, { cache: false }).load();

async function keysOf(root: string): Promise<Map<string, string>> {
  return new Map([...essayPageKeys(await load(root))].map(([essay, key]) => [essay.path, key]));
}

/** The essays whose key differs between two loads (of those in both). */
const changed = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((path) => b.has(path) && a.get(path) !== b.get(path)).sort();

/** A copy of the basic fixture. */
async function basic(): Promise<string> {
  const root = join(await tempDir("page-keys-"), "content");
  await cp(fixture("basic"), root, { recursive: true });
  return root;
}

/** Writes Policy Notes No.`number` by Ada Okafor, dated `date`. */
async function byAda(root: string, number: number, date: string): Promise<void> {
  const front = ["---", `title: Tides, part ${number}`, "series: policy-notes", `number: ${number}`, `date: ${date}`, "authors:", "  - ada-okafor", "---"];
  await writeFile(join(root, `src/essays/${number}-tides.md`), `${front.join("\n")}\n\nOn the tides, again (${number}).\n`);
}

const page = (number: number) => `essays/policy-notes/${number}.html`;

describe("essay page keys", () => {
  // Ada Okafor writes Policy Notes No.10 to No.49, one a month from 2022, after the fixture's own essays.
  let root: string;
  beforeAll(async () => {
    root = await basic();
    for (let n = 10; n < 50; n++) await byAda(root, n, `${2022 + Math.floor((n - 10) / 12)}-${String(((n - 10) % 12) + 1).padStart(2, "0")}-15`);
  });

  it("a new essay by a prolific author, dated the newest, changes only the page of the essay before it (its series neighbour and its author's previous newest)", async () => {
    const before = await keysOf(root);
    await byAda(root, 50, "2026-01-15");
    const after = await keysOf(root);
    expect(after.size).toBe(before.size + 1);
    expect(changed(before, after)).toEqual([page(49)]);
  });

  it("a back-dated essay changes the pages beside it in its author's order and its series neighbour's, no other", async () => {
    const before = await keysOf(root);
    // Between No.20 (2022-11-15) and No.21 (2022-12-15) in Ada Okafor's order; after No.50 by number.
    await byAda(root, 51, "2022-12-01");
    expect(changed(before, await keysOf(root))).toEqual([page(20), page(21), page(50)].sort());
  });

  it("an essay's title changes the pages that link to it by title, and no other", async () => {
    const before = await keysOf(root);
    const file = join(root, "src/essays/30-tides.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("title: Tides, part 30", "title: Tides, revised"));
    // No.31 links to it as its previous essay (the pager at the end prints titles) and as just older by Ada Okafor, No.29 as just newer.
    expect(changed(before, await keysOf(root))).toEqual([page(29), page(30), page(31)]);
  });

  it("change with an author's record for that author's essays (and those that show them), and with the site's for all", async () => {
    const root = await basic();
    const before = await keysOf(root);
    const authors = join(root, "_data/authors.json");
    await writeFile(authors, (await readFile(authors, "utf8")).replace("writes on ports and fisheries", "writes on harbours"));
    expect(changed(before, await keysOf(root))).toEqual(expect.arrayContaining(["essays/field-reports/8.html", "essays/policy-notes/2.html"]));
    const site = join(root, "_data/site.json");
    await writeFile(site, (await readFile(site, "utf8")).replace(/"title": "[^"]*"/, '"title": "Another Title"'));
    expect(changed(before, await keysOf(root))).toHaveLength(before.size);
  });
});

describe("a page's key and its print key", () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await load(fixture("basic"));
  });

  it("change with every value the view holds", () => {
    const view = essayPageView(archive, archive.essays.find((e) => e.path === page(2))!);
    const key = pageKey(view);
    // Every leaf of the view, changed one at a time (a string, number or boolean to another of its kind).
    const leaves: (string | number)[][] = [];
    const walk = (value: unknown, at: (string | number)[]) => {
      if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...at, Array.isArray(value) ? Number(k) : k]);
      else leaves.push(at);
    };
    walk(view, []);
    expect(leaves.length).toBeGreaterThan(50);
    for (const at of leaves) {
      const copy = structuredClone(view) as unknown as Record<string | number, unknown>;
      let parent = copy;
      for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
      const last = at.at(-1)!;
      const old = parent[last];
      parent[last] = typeof old === "number" ? old + 1 : typeof old === "boolean" ? !old : `${String(old)}x`;
      expect(pageKey(copy), at.join(".")).not.toBe(key);
    }
  });

  it("a PDF's print key leaves out only what print hides: the pager, the essays beside it by its authors, the language switch", () => {
    const view = essayPageView(archive, archive.essays.find((e) => e.path === page(2))!);
    const printed = pageKey(printView(view));
    expect(view.pager.prev).toBeDefined();
    expect(view.moreBy.length).toBeGreaterThan(0);
    expect(pageKey(printView({ ...view, pager: {}, moreBy: [], layout: { ...view.layout, trees: [] } }))).toBe(printed);
    expect(pageKey(printView({ ...view, title: "Another" }))).not.toBe(printed);
    expect(pageKey(printView({ ...view, credits: [] }))).not.toBe(printed);
    expect(pageKey(printView({ ...view, layout: { ...view.layout, tree: { ...view.layout.tree, title: "Another" } } }))).not.toBe(printed);
  });
});

describe("listing page keys", () => {
  /** Each listing page's key, by path. */
  async function listingKeysOf(root: string): Promise<Map<string, string>> {
    const views = listingViews(await load(root));
    return new Map(
      (Object.keys(views) as (keyof ListingViews)[]).flatMap((kind) => (views[kind] as { path: string }[]).map((view) => [view.path, pageKey([kind, view])])),
    );
  }

  it("a new essay changes the pages that list or count it, and no other year's, series' or author's page", async () => {
    const root = await basic();
    const before = await listingKeysOf(root);
    await byAda(root, 4, "2022-02-02");
    const after = await listingKeysOf(root);
    expect([...after.keys()].filter((path) => !before.has(path))).toEqual(["years/2022.html"]);
    expect(changed(before, after)).toEqual(
      [
        "index.html",
        "years.html",
        // Its year's neighbour, which now links to it as the later year.
        "years/2021.html",
        "series/policy-notes.html",
        "series.html",
        "authors.html",
        "authors/ada-okafor.html",
        "feed.xml",
      ].sort(),
    );
  });

  it("an author's record changes the pages that show it: the author's own, the lists that name the author", async () => {
    const root = await basic();
    const before = await listingKeysOf(root);
    const authors = join(root, "_data/authors.json");
    await writeFile(authors, (await readFile(authors, "utf8")).replace('"name": "Ada Okafor"', '"name": "Ada N. Okafor"'));
    // Her essays' bylines on the home page, the years and series they are in, the author index and her page, the feed.
    expect(changed(before, await listingKeysOf(root))).toEqual(
      ["authors.html", "authors/ada-okafor.html", "feed.xml", "index.html", "series/policy-notes.html", "years/2019.html", "years/2021.html"].sort(),
    );
  });
});
