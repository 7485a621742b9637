// `npm run bench -- --search`: how soon a reader sees the first results of a search, and what the browser
// downloads for it, on the archive the benchmark built, beside Pagefind's Default UI over the same index.
// Each measurement opens a search address (`search.html?q=…`) in a fresh Chromium context (empty cache,
// no worker left over) and times, from the start of navigation, the moment the first result's title is in
// the page. Bytes are those of every file the page requested until the network was idle, read from the
// archive (the preview server sends them uncompressed, so this is what a host without compression
// transfers). Over http and from disk (file://); the Default UI cannot search from disk (its fetches are
// refused there), so it is measured over http only. A third check types a query letter by letter and
// reports the longest task that held the page's main thread meanwhile (a long task observer).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launch } from "../../lib/runtime/browser.ts";
import type { ShardsFile } from "../../lib/search/index.ts";
import { pagefindArguments } from "../../lib/search/pagefind.ts";
import { searchDocument } from "../../lib/search/document.tsx";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { startPreview } from "../../lib/http/preview-server.ts";

const REPO = resolve(import.meta.dirname, "../..");

/** The two queries: one most essays match, one only a few do (an author's name). */
export const SEARCH_QUERIES = { broad: "negotiation", narrow: "Hana Tanaka" } as const;

/** The folder, inside the benchmark's archive, that holds the Default UI's page and files. */
const DEFAULT_UI = "default-ui/";

interface Ui {
  name: string;
  /** The search address, relative to the archive's root, without the query. */
  page: string;
  /** The first result's title link. */
  result: string;
  /** The search box. */
  input: string;
  disk: boolean;
}

const OURS: Ui = { name: "this archive", page: "search.html", result: ".search-result-link", input: "#search-input", disk: true };
const DEFAULT: Ui = {
  name: "Pagefind Default UI",
  page: `${DEFAULT_UI}index.html`,
  result: ".pagefind-ui__result-link",
  input: ".pagefind-ui__search-input",
  disk: false,
};

export interface FirstSearch {
  ui: string;
  scheme: "http" | "file";
  query: keyof typeof SEARCH_QUERIES;
  /** Milliseconds from navigation to the first result shown, each run. */
  ms: number[];
  bytes: number;
  requests: number;
}

export interface Typing {
  ui: string;
  scheme: "http" | "file";
  /** The longest main-thread task while the broad query was typed and its results shown, each run. */
  longestTaskMs: number[];
}

/**
 * A folder (`site`, else a new temporary one) of the search documents of the archive in `root`, at their
 * essays' paths: what the build indexes (lib/search/document.tsx), for Pagefind's CLI to index as one.
 * The caller removes it.
 */
export async function searchDocumentsSite(root: string, site = mkdtempSync(join(tmpdir(), "search-documents-"))): Promise<string> {
  const archive = await createArchiveLoader(root, { cache: false }).load();
  for (const essay of archive.essays) {
    mkdirSync(dirname(join(site, essay.path)), { recursive: true });
    writeFileSync(join(site, essay.path), searchDocument(essay, archive.site.language));
  }
  return site;
}

/**
 * The Default UI, beside the archive, over one Pagefind index of the archive's essays as Pagefind's CLI
 * makes it from the same search documents the build indexes (`default-ui/pagefind/`: the archive's own
 * index is in shards, which the Default UI does not merge as one), with the CLI's script, stylesheet and
 * worker, and a page that searches it for the `?q=` of its address (the Default UI's `triggerSearch`).
 */
async function addDefaultUi(dist: string, root: string): Promise<void> {
  const target = join(dist, DEFAULT_UI);
  mkdirSync(target, { recursive: true });
  const site = await searchDocumentsSite(root);
  try {
    execFileSync(join(REPO, "node_modules/.bin/pagefind"), [...pagefindArguments(site, join(target, "pagefind")), "--silent"]);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
  for (const file of ["pagefind-ui.js", "pagefind-ui.css"]) copyFileSync(join(target, "pagefind", file), join(target, file));
  // Its start in a file of its own: the preview sends the archive's Content-Security-Policy, which allows no inline script.
  writeFileSync(
    join(target, "start.js"),
    `const ui = new PagefindUI({ element: "#search", bundlePath: new URL("pagefind/", location.href).pathname, baseUrl: new URL("../", location.href).pathname, excerptLength: 30, showSubResults: true });
const q = new URLSearchParams(location.search).get("q");
if (q) ui.triggerSearch(q);
`,
  );
  writeFileSync(
    join(target, "index.html"),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind Default UI</title>
<link rel="stylesheet" href="pagefind-ui.css"><script src="pagefind-ui.js"></script></head>
<body><main><div id="search"></div></main><script src="start.js"></script></body></html>
`,
  );
}

/** Records, in the page, when the first result appears and every long task. */
function watch(selector: string) {
  const w = window as unknown as { firstResult?: number; longTasks: { start: number; duration: number }[] };
  w.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver((_, observer) => {
    const link = document.querySelector(selector);
    if (link?.textContent?.trim()) {
      w.firstResult = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** A fresh context's page that notes every file it requests below `base`, as paths in the archive. */
async function freshPage(browser: Browser, base: string, selector: string): Promise<{ page: Page; files: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const files: string[] = [];
  context.on("request", (request) => {
    const url = request.url();
    if (url.startsWith(base)) files.push(decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]!));
  });
  await context.addInitScript(watch, selector);
  const page = await context.newPage();
  return { page, files, close: () => context.close() };
}

async function firstSearch(browser: Browser, dist: string, base: string, ui: Ui, query: string): Promise<{ ms: number; bytes: number; requests: number }> {
  const { page, files, close } = await freshPage(browser, base, ui.result);
  try {
    await page.goto(`${base}${ui.page}?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => (window as unknown as { firstResult?: number }).firstResult, undefined, { timeout: 60_000, polling: 50 });
    const ms = await page.evaluate(() => (window as unknown as { firstResult: number }).firstResult);
    await page.waitForLoadState("networkidle");
    const bytes = files.reduce((sum, file) => sum + (existsSync(join(dist, file)) ? statSync(join(dist, file)).size : 0), 0);
    return { ms, bytes, requests: files.length };
  } finally {
    await close();
  }
}

/** Types the broad query into a freshly opened page, a letter every 120 ms, until its results show. */
async function typing(browser: Browser, base: string, ui: Ui, query: string): Promise<number> {
  const { page, close } = await freshPage(browser, base, ui.result);
  try {
    await page.goto(`${base}${ui.page}`);
    await page.waitForLoadState("networkidle");
    const start = await page.evaluate(() => performance.now());
    await page.locator(ui.input).click();
    await page.keyboard.type(query, { delay: 120 });
    await page.waitForFunction(() => (window as unknown as { firstResult?: number }).firstResult, undefined, { timeout: 60_000, polling: 50 });
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    return await page.evaluate(
      (from) =>
        Math.max(
          0,
          ...(window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= from).map((t) => t.duration),
        ),
      start,
    );
  } finally {
    await close();
  }
}

/** Every measurement, `runs` times, the interfaces interleaved within each run. */
export async function benchSearch(dist: string, root: string, runs: number): Promise<{ first: FirstSearch[]; typing: Typing[] }> {
  await addDefaultUi(dist, root);
  const preview = await startPreview(dist);
  const browser = await launch();
  const disk = pathToFileURL(`${dist}/`).href;
  // One entry per interface, scheme (and query), its runs gathered in order.
  const first = new Map<string, FirstSearch>();
  const typed = new Map<string, Typing>();
  const schemes = (ui: Ui) =>
    ui.disk
      ? ([
          ["http", preview.url],
          ["file", disk],
        ] as const)
      : ([["http", preview.url]] as const);
  try {
    for (let run = 0; run < runs; run++) {
      for (const query of Object.keys(SEARCH_QUERIES) as (keyof typeof SEARCH_QUERIES)[]) {
        for (const ui of [OURS, DEFAULT]) {
          for (const [scheme, base] of schemes(ui)) {
            const m = await firstSearch(browser, dist, base, ui, SEARCH_QUERIES[query]);
            const key = `${ui.name} ${scheme} ${query}`;
            if (!first.has(key)) first.set(key, { ui: ui.name, scheme, query, ms: [], bytes: m.bytes, requests: m.requests });
            first.get(key)!.ms.push(m.ms);
          }
        }
      }
      for (const ui of [OURS, DEFAULT]) {
        for (const [scheme, base] of schemes(ui)) {
          const key = `${ui.name} ${scheme}`;
          if (!typed.has(key)) typed.set(key, { ui: ui.name, scheme, longestTaskMs: [] });
          typed.get(key)!.longestTaskMs.push(await typing(browser, base, ui, SEARCH_QUERIES.broad));
        }
      }
    }
  } finally {
    await browser.close();
    await preview.close();
  }
  return { first: [...first.values()], typing: [...typed.values()] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const secs = (ms: number) => (ms / 1000).toFixed(2);

/** The measurements as docs/performance.md shows them. */
export function searchTable(essays: number, result: { first: FirstSearch[]; typing: Typing[] }): string {
  const lines = [
    `| ${essays.toLocaleString("en")} essays | query | first results (s, median; runs) | bytes fetched | files |`,
    "| --- | --- | ---: | ---: | ---: |",
  ];
  for (const r of result.first) {
    const query = `${r.query} ("${SEARCH_QUERIES[r.query]}")`;
    lines.push(
      `| ${r.ui}, ${r.scheme === "http" ? "http" : "from disk"} | ${query} | ${secs(median(r.ms))} (${r.ms.map(secs).join(", ")}) | ${Math.round(r.bytes / 1000)} KB | ${r.requests} |`,
    );
  }
  lines.push("", "| typing the broad query, a letter every 120 ms | longest main-thread task (ms, max of runs) |", "| --- | ---: |");
  for (const t of result.typing) lines.push(`| ${t.ui}, ${t.scheme === "http" ? "http" : "from disk"} | ${Math.round(Math.max(...t.longestTaskMs))} |`);
  return lines.join("\n");
}

// `node --import tsx scripts/bench/search.ts DIST ROOT [RUNS]`: measures an archive already built from the
// content folder ROOT, e.g. to compare a change to the search page without building again.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dist, root, runs = "3"] = process.argv.slice(2);
  if (!dist || !root) throw new Error("usage: scripts/bench/search.ts DIST ROOT [RUNS]");
  const list = JSON.parse(readFileSync(join(dist, "pagefind/shards.json"), "utf8")) as ShardsFile;
  const essays = Object.values(list.languages).reduce((sum, lang) => sum + lang.shards.reduce((n, shard) => n + shard.pages, 0), 0);
  console.log(searchTable(essays, await benchSearch(resolve(dist), resolve(root), Number(runs))));
}
