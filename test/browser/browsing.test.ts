// Browsing in Chromium where the built HTML alone cannot tell: the 404 page at depth. (The home page's
// search form, from disk, is in the reader's walk of test/browser/portable.test.ts.)
import { expect, it } from "vitest";
import { startPreview } from "../../lib/http/preview-server.ts";
import { watchedPage } from "../helpers/browser.ts";
import { built } from "../helpers/built.ts";
import { FIXTURE_SITE_URL as SITE_URL, localUrl, serveSiteUrl } from "../helpers/site-url.ts";

const dist = built("basic");

// A host serves 404.html for a missing address at any depth. The fixture has a site URL, so the page's
// <base> resolves its stylesheet and links from the archive's root; here the site URL is answered by the
// preview server, as the deployed host would answer it.
it("a missing essay address below the top level shows the styled 404 page, and its links work", async () => {
  const preview = await startPreview(dist);
  try {
    // Any address may be requested: the site URL's are answered from the preview server.
    const { page, problems } = await watchedPage("");
    await serveSiteUrl(page, preview.url);
    const missing = `${preview.url}essays/policy-notes/999.html`;

    const response = await page.goto(missing);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").innerText()).toBe("Page not found");
    // Styled: the header is laid out as flex and the page has a background, neither of which is the default.
    expect(await page.locator(".site-header").evaluate((e) => getComputedStyle(e).display)).toBe("flex");
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");

    // Every link resolves from the archive's root to a page that exists.
    const targets = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(targets.length).toBeGreaterThan(5);
    for (const url of new Set(targets.map((t) => t.split("#")[0]!))) {
      expect(url, url).toMatch(new RegExp(`^${SITE_URL.replace(/[.]/g, "\\.")}`));
      expect((await fetch(localUrl(url, preview.url))).status, url).toBe(200);
    }
    await page.getByRole("link", { name: "Essays by year" }).click();
    await page.waitForURL(`${SITE_URL}years.html`);
    expect(await page.locator("h1").innerText()).toBe("Essays by year");
    // The one failure is the missing page itself (which Chromium also logs).
    expect(problems).toEqual([`HTTP 404: ${missing}`, "console: Failed to load resource: the server responded with a status of 404 (Not Found)"]);
  } finally {
    await preview.close();
  }
});
