// Debian's Chromium (lib/tools/browser.ts, one for the whole run), with a page that records every failed request, console error,
// dialog and request outside the archive.
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";

/** The test run's Chromium (started by test/global-setup.ts); close() only disconnects from it. */
export function launch(): Promise<Browser> {
  return chromium.connect(inject("chromium"));
}

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
