// Hostile record text in Chromium: every page and the search page run nothing that the text says.
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPreview } from "../../lib/tools/preview-server.ts";
import { launch, watchedPage } from "../helpers/browser.ts";
import { buildInto, fixture } from "../helpers/build.ts";
import { htmlPages } from "../helpers/html.ts";

let browser: Browser;
let dist: string;
beforeAll(async () => {
  [browser, dist] = await Promise.all([launch(), buildInto(fixture("hostile"))]);
});
afterAll(() => browser?.close());

it("no page of the hostile fixture opens a dialog or runs a script", async () => {
  const preview = await startPreview(dist);
  try {
    const { page, problems } = await watchedPage(browser, preview.url);
    for (const path of await htmlPages(dist)) {
      await page.goto(preview.url + path);
      // Hover and focus everything, in case a handler slipped into an attribute.
      await page.mouse.move(200, 300);
      expect(await page.evaluate(() => document.querySelectorAll("script:not([src]):not([type])").length), path).toBe(0);
    }
    expect(problems).toEqual([]);
  } finally {
    await preview.close();
  }
});

it.each(["http", "file"])("search results and filters show hostile names as text (%s)", async (scheme) => {
  const preview = scheme === "http" ? await startPreview(dist) : undefined;
  const root = preview?.url ?? pathToFileURL(`${dist}/`).href;
  try {
    const { page, problems } = await watchedPage(browser, root);
    await page.goto(`${root}search.html?q=zanzibar`);
    await page.locator(".search-result").first().waitFor();
    for (const group of await page.locator("pagefind-filter-pane summary").all()) await group.click();
    const filters = await page.locator("pagefind-filter-pane").innerText();
    expect(filters).toContain("<img src=x onerror=alert(3)>");
    expect(filters).toContain("<img src=x onerror=alert(4)>");
    expect(filters).toContain(`Series </script><script>alert(1)</script>`);
    const results = await page.locator("pagefind-results").innerText();
    expect(results).toContain(`Title </script><script>alert(1)</script><img src=x onerror=alert(2)>`);
    expect(await page.locator("pagefind-results img, pagefind-filter-pane img").count()).toBe(0);
    expect(problems).toEqual([]);
  } finally {
    await preview?.close();
  }
});
