// The search page in Chromium, served at the host's root and under a deep subpath.
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSearchIndex, type PlannedShard } from "../../lib/search/index.ts";
import { startPreview, type Preview } from "../../lib/http/preview-server.ts";
import { watchedPage } from "../helpers/browser.ts";
import { built } from "../helpers/built.ts";
import { tempDir } from "../helpers/scratch.ts";
import { htmlMessages } from "../helpers/valid-html.ts";

const dist = built("basic");

describe.each(["/archive/of/x/"])("search served at %s (the root is served in the tests below)", (base) => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await startPreview(dist, { base });
  });
  afterAll(() => preview?.close());

  it("finds an essay from a typed query, marks the words in an excerpt of its body only, and opens it", async () => {
    const { page, problems } = await watchedPage(preview.url);
    await page.goto(`${preview.url}index.html`);
    await page.getByRole("link", { name: "Search" }).click();
    await page.waitForURL(`${preview.url}search.html`);
    // A labelled input, for screen readers.
    const box = page.getByRole("searchbox", { name: "Search this site" });
    await page.evaluate(() => {
      const announced: string[] = [];
      Object.assign(window, { announced });
      new MutationObserver(() => {
        for (const region of document.querySelectorAll("[aria-live]")) if (region.textContent?.trim()) announced.push(region.textContent.trim());
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // A word of the title too, which is never marked: only the body is searched as text.
    await box.fill("semiconductor");
    const first = page.locator(".search-result a.search-result-link").first();
    await first.waitFor();
    expect(await page.locator(".search-result").first().innerText()).toContain("Policy Notes No.3");
    expect(await page.locator(".search-result").first().innerText()).toContain("Ada Okafor · 20 January 2021");
    const excerpt = page.locator(".search-result-excerpt").first();
    expect(await excerpt.innerText()).toMatch(/^Lithography machines are the narrowest point of the semiconductor/);
    expect(await page.locator(".search-result mark").allInnerTexts()).toEqual(["semiconductor"]);
    expect(await excerpt.locator("mark").count()).toBe(1);
    // The excerpt wraps: at least two lines, not one cut with an ellipsis.
    const lines = await excerpt.evaluate((e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight));
    expect(Math.round(lines)).toBeGreaterThanOrEqual(2);
    expect(await excerpt.evaluate((e) => getComputedStyle(e).whiteSpace)).toBe("normal");
    // The site's typefaces, not Pagefind's: its controls take the page's, its results the site's own.
    const font = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => getComputedStyle(e).fontFamily);
    const [body, heading] = [await font("body"), await font("h1")];
    for (const control of [".search-input", ".search-summary", ".search-filters", ".search-result-meta"]) expect(await font(control), control).toBe(body);
    expect([body, heading]).toContain(await font(".search-result-excerpt"));
    expect([body, heading]).toContain(await font(".search-result-title"));
    // Screen readers hear the outcome, from a live region (recorded as it is announced; it is cleared after).
    await expect.poll(() => page.evaluate(() => (window as unknown as { announced: string[] }).announced.join(" "))).toMatch(/result/i);
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("semiconductor");
    await first.click();
    await page.waitForURL(`${preview.url}essays/policy-notes/3.html`);
    expect(await page.locator("h1").innerText()).toBe("Semiconductor Supply Chains");

    // Back to the search, which the address restores.
    await page.goBack();
    await page.locator(".search-result").first().waitFor();
    expect(await page.getByRole("searchbox").inputValue()).toBe("semiconductor");
    expect(problems).toEqual([]);
  });

  it("opens a shared search link with its results, opens the one clicked among several, and filters narrow them", async () => {
    const { page, problems } = await watchedPage(preview.url);
    await page.goto(`${preview.url}search.html?q=${encodeURIComponent("the")}`);
    await page.locator(".search-result").first().waitFor();
    const summary = page.locator(".search-summary");
    await expect.poll(() => summary.innerText()).toBe("4 results for the");
    // The last of several results opens that essay, and going back shows the results again.
    const links = page.locator(".search-result a.search-result-link");
    await expect.poll(() => links.count()).toBe(4);
    const target = new URL((await links.nth(3).getAttribute("href"))!, preview.url).href;
    await links.nth(3).click();
    await page.waitForURL(target);
    await page.goBack();
    await expect.poll(() => links.count()).toBe(4);
    // Filter groups start closed, so that results stay in view however many authors there are.
    await page.locator(".search-filter-group summary", { hasText: "Author" }).click();
    await page.locator(".search-filters").getByText("Ada Okafor").click();
    await expect.poll(() => summary.innerText()).toBe("2 results for the");
    await expect
      .poll(async () => (await page.locator(".search-result-meta").allInnerTexts()).sort())
      .toEqual(["Ada Okafor · 20 January 2021", "Ada Okafor · 4 March 2019"]);
    expect(problems).toEqual([]);
  });
  it("keeps and searches what the reader typed before the search script ran", async () => {
    const { page, problems } = await watchedPage(preview.url);
    // The script is held back until the reader has typed, as on a slow connection.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/assets/search.js", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${preview.url}search.html`, { waitUntil: "commit" });
    const box = page.getByRole("searchbox", { name: "Search this site" });
    await box.fill("semiconductor");
    release();
    await page.locator(".search-result a.search-result-link").first().waitFor();
    expect(await box.inputValue()).toBe("semiconductor");
    expect(await page.locator(".search-result-title").allInnerTexts()).toEqual(["Semiconductor Supply Chains"]);
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("semiconductor");
    expect(problems).toEqual([]);
  });

  it("says when search could not load, and keeps saying so as the reader types on", async () => {
    const { page } = await watchedPage(preview.url);
    await page.route("**/pagefind/pagefind.js", (route) => route.fulfill({ status: 404 }));
    // The page's timers run when the test says: the search after each keystroke's pause, at once.
    await page.clock.install();
    await page.goto(`${preview.url}search.html`);
    const box = page.getByRole("searchbox", { name: "Search this site" });
    const summary = page.locator(".search-summary");
    await box.fill("semi");
    await page.clock.runFor(1000);
    await expect.poll(() => summary.innerText()).toBe("Search could not load. Reload the page to try again.");
    await box.fill("semiconductor");
    await page.clock.runFor(1000);
    expect(await summary.innerText()).toBe("Search could not load. Reload the page to try again.");
    expect(await page.locator(".search-results").getAttribute("aria-busy")).toBeNull();
  });
});

describe("a shared search address", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await startPreview(dist, { base: "/archive/of/x/" });
  });
  afterAll(() => preview?.close());

  const titles = (page: Page) => page.locator(".search-result a.search-result-link").allInnerTexts();

  it("restores query, filters and sort, keeps changes in the address, and renders valid filters", async () => {
    const { page, problems } = await watchedPage(preview.url);
    await page.goto(`${preview.url}search.html?q=the&author=Ada+Okafor&sort=newest`);
    const summary = page.locator(".search-summary");
    await expect.poll(() => summary.innerText()).toBe("2 results for the");
    await expect.poll(() => titles(page)).toEqual(["Semiconductor Supply Chains", "Tidal Power and Coastal Grids"]);
    expect(await page.getByRole("searchbox").inputValue()).toBe("the");
    expect(await page.getByLabel("Sort by").inputValue()).toBe("newest");
    expect(await page.getByRole("button", { name: /^Filter \(1 selected\s*\)$/ }).getAttribute("aria-expanded")).toBe("true");
    await page.locator(".search-filter-group summary", { hasText: "Author" }).click();
    expect(await page.getByRole("checkbox", { name: "Ada Okafor" }).isChecked()).toBe(true);

    // The sort is a labelled <select>; a new order is kept in the address with the rest.
    await page.getByLabel("Sort by").selectOption("oldest");
    await expect.poll(() => titles(page)).toEqual(["Tidal Power and Coastal Grids", "Semiconductor Supply Chains"]);
    await expect.poll(() => new URL(page.url()).search).toBe("?q=the&author=Ada+Okafor&sort=oldest");
    await page.getByRole("checkbox", { name: "Ada Okafor" }).uncheck();
    await page.getByLabel("Sort by").selectOption("number");
    await expect.poll(() => new URL(page.url()).search).toBe("?q=the&sort=number");
    await expect
      .poll(() => page.locator(".search-result-label").allInnerTexts())
      .toEqual(["Policy Notes No.1", "Policy Notes No.2", "Policy Notes No.3", "Field Reports No.7"]);

    // Sections that match are listed inside their essay's card, under "In this essay:".
    const fisheries = page.locator(".search-result", { hasText: "Fisheries Diplomacy" });
    expect(await fisheries.locator(".search-result-sections").innerText()).toMatch(/^In this essay:\s+Background/);

    // Every filter rendered, every id without whitespace, every checkbox inside its label.
    const closed = page.locator(".search-filter-group:not([open]) summary");
    while ((await closed.count()) > 0) await closed.first().click();
    const dom = await page.evaluate(() => ({
      ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
      boxes: document.querySelectorAll(".search-filters input[type=checkbox]").length,
      unlabelled: [...document.querySelectorAll<HTMLInputElement>(".search-filters input")].filter((i) => i.labels?.length !== 1).length,
      dangling: [...document.querySelectorAll<HTMLLabelElement>("label[for]")].filter((l) => !document.getElementById(l.htmlFor)).length,
    }));
    expect(dom.boxes).toBe(11);
    expect(dom.ids.filter((id) => /\s/.test(id))).toEqual([]);
    expect(new Set(dom.ids).size).toBe(dom.ids.length);
    expect(dom).toMatchObject({ unlabelled: 0, dangling: 0 });
    // And the whole page, as rendered, is valid HTML (the spec's rules, as for every built page).
    const rendered = await page.evaluate(() => `<!doctype html>\n${document.documentElement.outerHTML}`);
    expect(await htmlMessages(rendered, "search.html", 1)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("on a phone, keeps the filters behind one Filter button so that results stay in view", async () => {
    const { page, problems } = await watchedPage(preview.url);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${preview.url}search.html`);
    // Nothing to filter or sort before a query.
    await page.getByRole("searchbox").focus();
    expect(await page.locator(".search-tools").isVisible()).toBe(false);
    await page.getByRole("searchbox").fill("the");
    await page.locator(".search-result").first().waitFor();
    const button = page.getByRole("button", { name: "Filter" });
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator(".search-filters").isVisible()).toBe(false);
    await expect
      .poll(() =>
        page
          .locator(".search-result")
          .first()
          .evaluate((e) => e.getBoundingClientRect().top < innerHeight),
      )
      .toBe(true);
    await button.click();
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await page.locator(".search-filter-group summary", { hasText: "Year" }).click();
    await page.getByRole("checkbox", { name: "2020" }).check();
    await expect.poll(() => page.locator(".search-summary").innerText()).toBe("2 results for the");
    expect(new URL(page.url()).search).toBe("?q=the&year=2020");
    expect(problems).toEqual([]);
  });
});

it("searches the Japanese essays from the search page's language link", async () => {
  const preview = await startPreview(dist);
  try {
    const { page, problems } = await watchedPage(preview.url);
    await page.goto(`${preview.url}search.html`);
    await page.getByRole("link", { name: "日本語" }).click();
    await page.getByRole("searchbox").fill("横浜港");
    await page.locator(".search-result a.search-result-link").first().click();
    await page.waitForURL(`${preview.url}essays/field-reports/8.html`);
    expect(problems).toEqual([]);
  } finally {
    await preview.close();
  }
});

describe("a broad query on a few hundred essays", () => {
  let preview: Preview;
  const essays = 300;
  beforeAll(async () => {
    // The basic archive's pages, searched in an index of 300 other essays, all with one word, in two shards
    // of 150: the page merges them.
    const dir = join(await tempDir("broad-"), "dist");
    await cp(dist, dir, { recursive: true });
    await rm(join(dir, "pagefind"), { recursive: true });
    const documents = await tempDir("broad-documents-");
    const shards: PlannedShard[] = [];
    for (const half of [0, 1]) {
      const folder = join(documents, String(half));
      await mkdir(join(folder, "essays/generated"), { recursive: true });
      const numbers = Array.from({ length: essays / 2 }, (_, i) => half * (essays / 2) + i + 1);
      for (const n of numbers) {
        const page = `<!doctype html><html lang="en"><head><title>Essay ${n}</title></head><body><main data-pagefind-body>
<h1 data-pagefind-meta="title">Generated essay ${n}</h1><p>The tidewater report, part ${n}, on ports and the sea.</p></main></body></html>\n`;
        await writeFile(join(folder, `essays/generated/${n}.html`), page);
      }
      await writeFile(join(folder, "sorts.json"), "{}\n");
      const key = `${half}`.repeat(64);
      shards.push({ lang: "en", first: "2020-01-01", last: "2020-01-01", essays: numbers.length, key, folder: `en/${key.slice(0, 16)}/`, documents: folder });
    }
    await writeSearchIndex({ shards }, { output: dir, cache: false });
    preview = await startPreview(dir);
  });
  afterAll(() => preview?.close());

  it("shows the first page of results, fetching only their fragments, and the next page on request", async () => {
    const { page, problems, requested } = await watchedPage(preview.url);
    await page.goto(`${preview.url}search.html?q=tidewater`);
    const summary = page.locator(".search-summary");
    await expect.poll(() => summary.innerText()).toBe(`${essays} results for tidewater`);
    const shown = page.locator(".search-result");
    await expect.poll(() => shown.count()).toBe(10);
    const fragments = () => requested.filter((url) => /\/pagefind\/en\/[0-9a-f]{16}\/fragment\//.test(url)).length;
    expect(fragments()).toBe(10);
    await page.getByRole("button", { name: "More results" }).click();
    await expect.poll(() => shown.count()).toBe(20);
    // The keyboard continues from the first of the new results.
    expect(await page.evaluate(() => document.activeElement?.closest(".search-result") === document.querySelectorAll(".search-result")[10])).toBe(true);
    expect(fragments()).toBe(20);
    expect(problems).toEqual([]);
  });
});
