// Debian's Chromium (lib/tools/browser.ts), with a page that records every failed request, console error,
// dialog and request outside the archive.
import type { Browser, Page } from "playwright-core";

export { CHROMIUM, launch } from "../../lib/tools/browser.ts";

export interface Watched {
  page: Page;
  /** Failed requests, console errors, page errors, dialogs and requests that left `allowed`. */
  problems: string[];
}

/** A new page that records what went wrong; `allowed` is the URL prefix requests must stay under. */
export async function watchedPage(browser: Browser, allowed: string): Promise<Watched> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(allowed) && !url.startsWith("blob:") && !url.startsWith("data:")) problems.push(`left the archive: ${url}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { page, problems };
}
