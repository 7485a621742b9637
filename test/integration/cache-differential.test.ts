// The build cache never publishes a stale file: after each edit an editor can make, the pages a build
// writes with the cache are byte for byte those it writes without it. The archive is the basic fixture in
// two languages (two series, an author writing in both, a Japanese edition). The pages are written in this
// process (lib/orchestration/pages.ts, as the build's page process writes them), without the search index, which
// is made from these pages alone.
import { spawn } from "node:child_process";
import { cp, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { differingFiles } from "../../lib/orchestration/audit.ts";
import { codeVersion } from "../../lib/cache/cache.ts";
import type { CacheCounts, PagesMessage } from "../../lib/orchestration/pages.ts";
import { REPO } from "../helpers/build.ts";
import { bilingualArchive } from "../helpers/bilingual.ts";
import { writePagesHere } from "../helpers/pages.ts";
import { png } from "../helpers/png.ts";
import { tempDir } from "../helpers/scratch.ts";

const pages = writePagesHere;

// The records as the edits below reach into them.
// biome-ignore lint/suspicious/noExplicitAny: a record is whatever its file holds; the build validates it.
type Json = Record<string, any>;
async function editJson(root: string, file: string, edit: (record: Json) => void): Promise<void> {
  const path = join(root, "_data", file);
  const record = JSON.parse(await readFile(path, "utf8")) as Json;
  edit(record);
  await writeFile(path, JSON.stringify(record, null, 2));
}
async function editEssay(root: string, file: string, edit: (text: string) => string): Promise<void> {
  const path = join(root, "src/essays", file);
  await writeFile(path, edit(await readFile(path, "utf8")));
}

/**
 * The edits an editor makes, each given some words to put in, and how many of the five essays' pages and
 * of the 24 listing pages (in English 14: home, years, three years', two series', the series index, authors,
 * three authors', the feed, search; in Japanese 9, with one year, series and author; the 404 page) the cache
 * still gives after it: those whose view the edit leaves as it was (lib/views/). In English,
 * No.1 and No.3 are Ada Okafor's, No.2 Ben Takeda's and Chiyo Mori's, No.7 Chiyo Mori's; in Japanese, No.8
 * Ben Takeda's, so that in the Japanese tree of pages he has one essay, and in the English one too.
 */
const EDITS: Record<string, { reused: number; listings: number; edit: (root: string, words: string) => Promise<void> }> = {
  "a series' title": { reused: 3, listings: 17, edit: (root, w) => editJson(root, "series.json", (s) => void (s["field-reports"].title = w)) },
  "a series' title in Japanese": {
    reused: 4,
    listings: 18,
    edit: (root, w) => editJson(root, "series.json", (s) => void (s["field-reports"].titles = { ja: w })),
  },
  "an author's name": { reused: 3, listings: 16, edit: (root, w) => editJson(root, "authors.json", (a) => void (a["chiyo-mori"].name = w)) },
  "an author's name in Japanese": {
    reused: 4,
    listings: 18,
    edit: (root, w) => editJson(root, "authors.json", (a) => void (a["ben-takeda"].names = { ja: w })),
  },
  "an author's name in Japanese, in parts": {
    reused: 4,
    listings: 18,
    edit: (root, w) =>
      editJson(root, "authors.json", (a) => void (a["ben-takeda"].names = { ja: { name: `武田${w}`, family: "武田", given: w, reading: "たけだ" } })),
  },
  "an author's bio": { reused: 3, listings: 23, edit: (root, w) => editJson(root, "authors.json", (a) => void (a["ada-okafor"].bio = w)) },
  "the site's title": { reused: 1, listings: 9, edit: (root, w) => editJson(root, "site.json", (s) => void (s.title = w)) },
  "the site's Japanese pages' title": { reused: 4, listings: 15, edit: (root, w) => editJson(root, "site.json", (s) => void (s.languages.ja.title = w)) },
  // No.2 is No.1's and No.3's neighbour, and shares its authors with No.7 and No.8.
  "a neighbour's title": {
    reused: 1,
    listings: 18,
    edit: (root, w) => editEssay(root, "2-fisheries-diplomacy.md", (t) => t.replace(/^title: .*$/m, `title: ${w}`)),
  },
  // Into Japanese, or back (No.3 has no translation): its page moves into the other tree.
  "an essay's language": {
    reused: 3,
    listings: 9,
    edit: (root) =>
      editEssay(root, "3-semiconductor-supply-chains.md", (t) =>
        t.includes("\nlang: ja\n") ? t.replace("\nlang: ja\n", "\n") : t.replace("\n---\n", "\nlang: ja\n---\n"),
      ),
  },
  // What the page's citation tags and downloads say (citation_abstract, DC.rights, AB, CR, …).
  "an essay's summary": {
    reused: 4,
    listings: 22,
    edit: (root, w) =>
      editEssay(root, "1-tidal-power.md", (t) =>
        /^summary: /m.test(t) ? t.replace(/^summary: .*$/m, `summary: ${JSON.stringify(w)}`) : t.replace("\n---\n", `\nsummary: ${JSON.stringify(w)}\n---\n`),
      ),
  },
  "a series' copyright line": {
    reused: 2,
    listings: 24,
    edit: (root, w) => editJson(root, "series.json", (s) => void (s["policy-notes"].copyright = `© ${w}`)),
  },
  // The pages then link their PDF (the download row, citation_pdf_url, the JSON-LD).
  "PDFs turned on in site.json": { reused: 0, listings: 24, edit: (root) => editJson(root, "site.json", (s) => void (s.pdf = { paper: "A4" })) },
  // No.8 shows it: its body gives the figure's width and height, and the figure is checked again.
  "a figure's file, at another size": {
    reused: 4,
    listings: 23,
    edit: (root, w) => writeFile(join(root, "src/figures/tide-heights.png"), png(40 + w.length, 30)),
  },
  "an essay's body": { reused: 4, listings: 23, edit: (root, w) => editEssay(root, "1-tidal-power.md", (t) => `${t}\n${w}\n`) },
  "an author's affiliation": { reused: 3, listings: 22, edit: (root, w) => editJson(root, "authors.json", (a) => void (a["ada-okafor"].affiliation = w)) },
  // No.1 becomes Ada Okafor's newest: it and No.3 swap places in her order (and years).
  "an essay moved in its author's order": {
    reused: 3,
    listings: 15,
    edit: (root) => editEssay(root, "1-tidal-power.md", (t) => t.replace(/^date: .*$/m, "date: 2022-01-01")),
  },
  // Its page, No.3's (the previous by number, and Ada Okafor's newest until now): not the other essays of hers.
  "a new essay by an author with several": { reused: 4, listings: 16, edit: (root, w) => addEssay(root, 5, w, "2023-03-03", "ada-okafor") },
  // As `npm run import` adds an essay published long ago: its page, the previous by number's (No.3), and
  // the page of the essay just newer by its author (No.1, her oldest until now).
  "a back-dated import": { reused: 3, listings: 17, edit: (root, w) => addEssay(root, 6, w, "2018-05-05", "ada-okafor") },
  "a new essay": {
    reused: 3,
    listings: 17,
    edit: (root, w) => addEssay(root, 4, w, "2022-02-02", "chiyo-mori"),
  },
};

/** Writes Policy Notes No.`number`, titled `title`, by `author`. */
async function addEssay(root: string, number: number, title: string, date: string, author: string): Promise<void> {
  const front = ["---", `title: ${JSON.stringify(title)}`, "series: policy-notes", `number: ${number}`, `date: ${date}`, "authors:", `  - ${author}`, "---"];
  await writeFile(join(root, `src/essays/${number}-added.md`), `${front.join("\n")}\n\nAn essay added.\n`);
}

let base: string;
let cache: string;
beforeAll(async () => {
  const dir = await tempDir("differential-");
  base = await bilingualArchive(dir);
  cache = join(dir, "cache");
  await pages(base, cache);
});

/** A copy of the archive whose pages are in the cache. */
async function copy(): Promise<string> {
  const root = join(await tempDir("edited-"), "content");
  await cp(base, root, { recursive: true });
  return root;
}

describe("a build from the cache is byte-identical to one without it, after", () => {
  for (const [name, { reused, listings, edit }] of Object.entries(EDITS)) {
    it(name, async () => {
      const root = await copy();
      await edit(root, "Dispatches");
      const [cached, uncached] = [await pages(root, cache), await pages(root, false)];
      expect(differingFiles(cached.output, uncached.output)).toEqual([]);
      expect(cached.cache.pages.cached).toBe(reused);
      expect(cached.cache.listings.cached).toBe(listings);
    });
  }
});

it("a build from the cache is byte-identical to one without it, after any sequence of edits", async () => {
  const words = fc.constantFrom("Dispatches", "速報", "Notes & Queries", "Ōsaka <b>", "Field Reports");
  const step = fc.record({ edit: fc.constantFrom(...Object.keys(EDITS)), words });
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), async (steps) => {
      const root = await copy();
      for (const { edit, words } of steps) {
        await EDITS[edit]!.edit(root, words);
        const [cached, uncached] = [await pages(root, cache), await pages(root, false)];
        expect(differingFiles(cached.output, uncached.output), JSON.stringify(steps)).toEqual([]);
      }
    }),
    // A few cases in `npm test`; CACHE_FUZZ_RUNS=200 for a longer run.
    { numRuns: Number(process.env.CACHE_FUZZ_RUNS ?? 3) },
  );
});

/** The code version the copy of the code at `code` computes, in a process of its own. */
async function codeVersionOf(code: string): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", 'console.log((await import("./lib/cache/cache.ts")).codeVersion())'], {
    cwd: code,
  });
  let stdout = "";
  child.stdout.on("data", (d) => (stdout += d));
  await new Promise((resolve) => child.on("close", resolve));
  return stdout.trim();
}

/**
 * A copy of this repository's code (with its node_modules), whose page writer (scripts/build-pages.ts)
 * runs as the build runs it, in a process of its own; returns what the cache gave it.
 */
async function copyOfTheCode(): Promise<{ code: string; writePages: (root: string) => Promise<CacheCounts> }> {
  const code = join(await tempDir("code-"), "repo");
  for (const path of [".eleventy.ts", "package.json", "package-lock.json", "tsconfig.json", "src", "_includes", "lib", "scripts/build-pages.ts"]) {
    await cp(join(REPO, path), join(code, path), { recursive: true });
  }
  await symlink(join(REPO, "node_modules"), join(code, "node_modules"));
  const writePages = async (root: string) => {
    const staging = join(await tempDir("pages-"), "out");
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/build-pages.ts", root, staging, cache], {
      cwd: code,
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    let counts: CacheCounts | undefined;
    child.on("message", (m: PagesMessage) => void ("done" in m && (counts = m.done.cache)));
    const status = await new Promise((resolve) => child.on("close", resolve));
    if (status !== 0 || !counts) throw new Error(`the page writer of the copy failed (${status}): ${stderr}`);
    return counts;
  };
  return { code, writePages };
}

it("a build from the cache is byte-identical to one without it, after a value in a words file or a template is edited", async () => {
  const { code, writePages } = await copyOfTheCode();
  const root = await copy();
  // The copy's code is, to the cache, the code that filled it: before an edit its page writer would take
  // everything from the cache (as this process's did), so what it takes after one is the edit's doing.
  expect(await codeVersionOf(code)).toBe(codeVersion());
  const edits: [string, (text: string) => string][] = [
    ["lib/words/en.json", (text) => text.replace('"essay.topics": "Topics"', '"essay.topics": "Subjects"')],
    ["_includes/essay/Pager.tsx", (text) => text.replace('class={top ? "pager pager-top" : "pager"}', 'class={top ? "pager pager-top" : "pager pager-end"}')],
  ];
  for (const [file, edit] of edits) {
    const path = join(code, file);
    const before = await readFile(path, "utf8");
    expect(edit(before), file).not.toBe(before);
    await writeFile(path, edit(before));
    // Nothing from the cache, so the build is the build without it.
    const counts = await writePages(root);
    expect([counts.pages.cached, counts.bodies.cached, counts.citations.cached], file).toEqual([0, 0, 0]);
  }
});
