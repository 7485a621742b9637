// Hostile record text in Chromium: every page and the search page run nothing that the text says.
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { startPreview } from "../../lib/http/preview-server.ts";
import { watchedPage } from "../helpers/browser.ts";
import { built } from "../helpers/built.ts";
import { htmlPages } from "../helpers/html.ts";

const dist = built("hostile");

it("no page of the hostile fixture opens a dialog or runs a script", async () => {
  const preview = await startPreview(dist);
  try {
    const { page, problems } = await watchedPage(preview.url);
    // Not 404.html: with a site URL it loads from there (test/browser/browsing.test.ts); it is the
    // same layout as every other page.
    for (const path of (await htmlPages(dist)).filter((p) => p !== "404.html")) {
      await page.goto(preview.url + path);
      // No inline script and no handler attribute anywhere; and hovering or focusing any element runs
      // nothing (a dialog or a page error would be recorded as a problem).
      const inline = await page.evaluate(() => {
        const all = [...document.querySelectorAll("*")];
        for (const el of all) {
          for (const type of ["mouseover", "mouseenter", "focus", "focusin"]) el.dispatchEvent(new Event(type));
        }
        return [...document.querySelectorAll("script:not([src]):not([type])"), ...all.filter((el) => [...el.attributes].some((a) => a.name.startsWith("on")))]
          .length;
      });
      expect(inline, path).toBe(0);
      // Focusing the search box starts loading the index: let it finish before leaving the page.
      if (path === "search.html") await page.waitForLoadState("networkidle");
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
    const { page, problems } = await watchedPage(root);
    await page.goto(`${root}search.html?q=zanzibar`);
    await page.locator(".search-result").first().waitFor();
    // Pagefind searches in its web worker, from disk too (assets/search.js feeds it the file:// copies).
    expect(page.workers()).toHaveLength(1);
    for (const group of await page.locator(".search-filter-group summary").all()) await group.click();
    await page.locator(".search-filter-option").first().waitFor();
    const filters = await page.locator(".search-filters").innerText();
    expect(filters).toContain("<img src=x onerror=alert(3)>");
    expect(filters).toContain("<img src=x onerror=alert(4)>");
    expect(filters).toContain(`Series </script><script>alert(1)</script>`);
    const results = await page.locator(".search-results").innerText();
    expect(results).toContain(`Title </script><script>alert(1)</script><img src=x onerror=alert(2)>`);
    expect(await page.locator(".search-results img, .search-filters img").count()).toBe(0);
    expect(problems).toEqual([]);
  } finally {
    await preview?.close();
  }
});
