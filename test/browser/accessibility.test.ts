// axe-core finds no WCAG 2.2 AA violation on each kind of page in the light scheme, and none of the colour
// rules in the dark scheme on a page of each component; the search page is checked with results and filters shown. https://github.com/dequelabs/axe-core
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPreview, type Preview } from "../../lib/http/preview-server.ts";
import { browser } from "../helpers/browser.ts";
import { built } from "../helpers/built.ts";
import { serveSiteUrl } from "../helpers/site-url.ts";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// The basic fixture in two languages: its English pages are the basic archive's (with a link to the
// Japanese ones), and its Japanese tree has the same kinds of page in Japanese words.
let preview: Preview;
let axe: { server: Server; url: string };
beforeAll(async () => {
  [preview, axe] = await Promise.all([startPreview(built("bilingual")), serveAxe()]);
});
afterAll(async () => {
  await preview?.close();
  axe?.server.close();
});

/**
 * axe's script from an address the browser may cache: Chromium then keeps its compiled code, and injecting
 * it into each page costs a tenth of what sending the script's text does.
 */
async function serveAxe(): Promise<{ server: Server; url: string }> {
  const script = await readFile(AXE);
  const server = createServer((_, response) => response.writeHead(200, { "content-type": "text/javascript", "cache-control": "max-age=600" }).end(script));
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js` };
}

interface Violation {
  id: string;
  nodes: { target: string[] }[];
}

/** axe's WCAG 2.2 AA rules, or only those `runOnly` names. */
async function violations(page: Page, runOnly: object = { type: "tag", values: TAGS }): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: axe.url });
  const run = (options: object) => (window as unknown as { axe: { run(o: object): Promise<{ violations: Violation[] }> } }).axe.run(options);
  const found = (await page.evaluate(run, { runOnly, resultTypes: ["violations"], iframes: false })).violations;
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The rules a colour scheme can change: the dark scheme is checked against these only. */
const COLOUR_RULES = { type: "rule", values: ["color-contrast", "link-in-text-block"] };

const PAGES = [
  "index.html",
  "essays/policy-notes/2.html",
  "authors/ben-takeda.html",
  "authors.html",
  "series/policy-notes.html",
  "series.html",
  "years.html",
  "years/2020.html",
];

// In Japanese: the home page, an essay, a year and an author (the other kinds are the same templates in other words).
const JAPANESE_PAGES = ["ja/index.html", "essays/field-reports/8.html", "ja/years/2021.html", "ja/authors/ben-takeda.html"];

/**
 * The pages checked in the dark scheme too: between them every component of the stylesheet (the header and
 * menu, lists and counts, the year table, the essay with its notes, cite box and pager, search results and
 * filters, Japanese text, the 404 page). The dark scheme changes colours only, the same for every page.
 */
const DARK = new Set([
  "index.html",
  "essays/policy-notes/2.html",
  "years.html",
  "search.html?q=the",
  "essays/field-reports/8.html",
  "essays/policy-notes/999.html",
]);

it("no WCAG 2.2 AA violations on any kind of page, light or dark (in dark, the colour rules on a page of each component)", async () => {
  // axe is injected as a script, which the pages' own Content-Security-Policy would refuse.
  const context = await (await browser()).newContext({ bypassCSP: true });
  const page = await context.newPage();
  const found: string[] = [];
  const check = async (path: string) => {
    await page.emulateMedia({ colorScheme: "light" });
    found.push(...(await violations(page)).map((v) => `${path} (light) ${v}`));
    if (!DARK.has(path)) return;
    await page.emulateMedia({ colorScheme: "dark" });
    found.push(...(await violations(page, COLOUR_RULES)).map((v) => `${path} (dark) ${v}`));
  };
  for (const path of PAGES) {
    await page.goto(preview.url + path);
    await check(path);
  }
  await page.goto(`${preview.url}search.html?q=the`);
  await page.locator(".search-result").first().waitFor();
  await check("search.html?q=the");
  // The Japanese pages of the archive in two languages: its tree under ja/, and its Japanese essay.
  for (const path of JAPANESE_PAGES) {
    await page.goto(preview.url + path);
    await check(path);
    // Japanese headings break between phrases (site.css; Debian's Chromium has the segmenter).
    expect(
      await page
        .locator("h1")
        .first()
        .evaluate((h) => getComputedStyle(h).wordBreak),
      path,
    ).toBe("auto-phrase");
  }
  await page.goto(`${preview.url}ja/search.html?q=${encodeURIComponent("港湾")}`);
  await page.locator(".search-result").first().waitFor();
  await check("ja/search.html?q=港湾");
  // The 404 page as a host serves it below the top level: it loads from the site URL (its <base>),
  // answered here by the preview server as the deployed host would. Only now: a route makes Playwright
  // intercept every request.
  await serveSiteUrl(page, preview.url);
  await page.goto(`${preview.url}essays/policy-notes/999.html`);
  await check("essays/policy-notes/999.html");
  await context.close();
  expect(found).toEqual([]);
});
