// What a reader's browser downloads for a first search: the search page opened in Chromium over http, one
// query typed, until its results are shown. Counted: every response's body bytes (the preview server
// sends them uncompressed, so this is what a host without compression transfers).
import { launch } from "../../lib/tools/browser.ts";
import { startPreview } from "../../lib/tools/preview-server.ts";

export interface SearchWeight {
  /** Bytes of the search page and its stylesheets and scripts. */
  page: number;
  /** Bytes Pagefind loaded for the query: its client, WebAssembly, entry, metadata, index and fragment chunks. */
  search: number;
  requests: number;
}

export async function firstSearchWeight(dist: string, query: string): Promise<SearchWeight> {
  const preview = await startPreview(dist);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const sizes: Promise<[string, number]>[] = [];
    page.on("response", (response) => {
      sizes.push(response.body().then((body) => [response.url(), body.length], () => [response.url(), 0]));
    });
    await page.goto(`${preview.url}search.html`, { waitUntil: "networkidle" });
    await page.locator("pagefind-input input, input[type=search]").first().fill(query);
    await page.locator(".search-result").first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    const all = await Promise.all(sizes);
    const bundle = `${preview.url}pagefind/`;
    const sum = (list: [string, number][]) => list.reduce((total, [, bytes]) => total + bytes, 0);
    return { page: sum(all.filter(([url]) => !url.startsWith(bundle))), search: sum(all.filter(([url]) => url.startsWith(bundle))), requests: all.length };
  } finally {
    await browser.close();
    await preview.close();
  }
}
