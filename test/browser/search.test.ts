// The search page in Chromium, served at the host's root and under a deep subpath.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type Preview } from "../../lib/tools/preview-server.ts";
import { launch, watchedPage } from "../helpers/browser.ts";
import { built } from "../helpers/built.ts";

let browser: Browser;
let dist: string;
beforeAll(async () => {
  [browser, dist] = await Promise.all([launch(), built("basic")]);
});
afterAll(() => browser?.close());

describe.each(["/", "/archive/of/x/"])("search served at %s", (base) => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await startPreview(dist, { base });
  });
  afterAll(() => preview?.close());

  it("finds an essay from a typed query and opens it", async () => {
    const { page, problems } = await watchedPage(browser, preview.url);
    await page.goto(`${preview.url}index.html`);
    await page.getByRole("link", { name: "Search" }).click();
    // A labelled input, for screen readers.
    const box = page.getByRole("searchbox", { name: "Search this site" });
    await page.evaluate(() => {
      const announced: string[] = [];
      Object.assign(window, { announced });
      new MutationObserver(() => {
        for (const region of document.querySelectorAll("[aria-live]")) if (region.textContent?.trim()) announced.push(region.textContent.trim());
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await box.fill("lithography");
    const first = page.locator(".search-result a.pf-result-link").first();
    await first.waitFor();
    expect(await page.locator(".search-result").first().innerText()).toContain("Policy Notes No.3");
    expect(await page.locator(".search-result").first().innerText()).toContain("Ada Okafor · 20 January 2021");
    expect(await page.locator(".search-result mark").first().innerText()).toMatch(/lithography/i);
    // Screen readers hear the outcome, from a live region (recorded as it is announced; it is cleared after).
    await expect.poll(() => page.evaluate(() => (window as unknown as { announced: string[] }).announced.join(" "))).toMatch(/result/i);
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("lithography");
    await first.click();
    await page.waitForURL(`${preview.url}essays/policy-notes/3.html`);
    expect(await page.locator("h1").innerText()).toBe("Semiconductor Supply Chains");

    // Back to the search, which the address restores.
    await page.goBack();
    await page.locator(".search-result").first().waitFor();
    expect(await page.getByRole("searchbox").inputValue()).toBe("lithography");
    expect(problems).toEqual([]);
  });

  it("opens the result that was clicked, among several", async () => {
    const { page, problems } = await watchedPage(browser, preview.url);
    await page.goto(`${preview.url}search.html?q=the`);
    const links = page.locator(".search-result a.pf-result-link");
    await expect.poll(() => links.count()).toBe(4);
    for (const i of [3, 1]) {
      const target = new URL((await links.nth(i).getAttribute("href"))!, preview.url).href;
      await links.nth(i).click();
      await page.waitForURL(target);
      await page.goBack();
      await expect.poll(() => links.count()).toBe(4);
    }
    expect(problems).toEqual([]);
  });

  it("opens a shared search link with its results, and filters narrow them", async () => {
    const { page, problems } = await watchedPage(browser, preview.url);
    await page.goto(`${preview.url}search.html?q=${encodeURIComponent("the")}`);
    await page.locator(".search-result").first().waitFor();
    const summary = page.locator("pagefind-summary");
    await expect.poll(() => summary.innerText()).toBe("4 results for the");
    // Filter groups start closed, so that results stay in view however many authors there are.
    await page.locator("pagefind-filter-pane summary", { hasText: "Author" }).click();
    await page.locator("pagefind-filter-pane").getByText("Ada Okafor").click();
    await expect.poll(() => summary.innerText()).toBe("2 results for the");
    await expect.poll(async () => (await page.locator(".search-result-meta").allInnerTexts()).sort()).toEqual([
      "Ada Okafor · 20 January 2021",
      "Ada Okafor · 4 March 2019",
    ]);
    expect(problems).toEqual([]);
  });
});

it("searches the Japanese essays from the search page's language link", async () => {
  const preview = await startPreview(dist);
  try {
    const { page, problems } = await watchedPage(browser, preview.url);
    await page.goto(`${preview.url}search.html`);
    await page.getByRole("link", { name: "日本語" }).click();
    await page.getByRole("searchbox").fill("横浜港");
    await page.locator(".search-result a.pf-result-link").first().click();
    await page.waitForURL(`${preview.url}essays/field-reports/8.html`);
    expect(problems).toEqual([]);
  } finally {
    await preview.close();
  }
});
