// Debian's Chromium (lib/tools/browser.ts, one for the whole run), with a page that records every failed request, console error,
// dialog and request outside the archive.
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";

/** The test run's Chromium (started by test/global-setup.ts); close() only disconnects from it, closing its pages. */
export function launch(): Promise<Browser> {
  return chromium.connect(inject("chromium"));
}

export interface Watched {
  page: Page;
  /** Failed requests, console errors, page errors, dialogs and requests that left `allowed`. */
  problems: string[];
}

const VIEWPORT = { width: 1280, height: 720 };

/** The page each connection's tests share, and how to stop the last test's watch on it. */
const shared = new WeakMap<Browser, { page: Page; unwatch: () => void }>();

/**
 * A page that records what went wrong; `allowed` is the URL prefix requests must stay under.
 *
 * The tests of one file share one page, reset to a blank document and the default viewport: a new
 * Chromium page costs about a second of CPU on this machine, and a page that has loaded the search bundle
 * before starts it again from its cache.
 */
export async function watchedPage(browser: Browser, allowed: string): Promise<Watched> {
  let entry = shared.get(browser);
  if (entry) {
    entry.unwatch();
    await entry.page.goto("about:blank");
    await entry.page.setViewportSize(VIEWPORT);
  } else {
    const page = await browser.newPage({ viewport: VIEWPORT });
    entry = { page, unwatch: () => {} };
    shared.set(browser, entry);
  }
  const { page } = entry;
  const problems: string[] = [];
  const listeners = {
    requestfailed: (r: import("playwright-core").Request) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ""}`),
    response: (r: import("playwright-core").Response) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    },
    request: (r: import("playwright-core").Request) => {
      const url = r.url();
      if (!url.startsWith(allowed) && !url.startsWith("blob:") && !url.startsWith("data:")) problems.push(`left the archive: ${url}`);
    },
    console: (m: import("playwright-core").ConsoleMessage) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    },
    pageerror: (e: Error) => problems.push(`page error: ${e.message}`),
    dialog: (d: import("playwright-core").Dialog) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    },
  };
  page.on("requestfailed", listeners.requestfailed);
  page.on("response", listeners.response);
  page.on("request", listeners.request);
  page.on("console", listeners.console);
  page.on("pageerror", listeners.pageerror);
  page.on("dialog", listeners.dialog);
  entry.unwatch = () => {
    page.off("requestfailed", listeners.requestfailed);
    page.off("response", listeners.response);
    page.off("request", listeners.request);
    page.off("console", listeners.console);
    page.off("pageerror", listeners.pageerror);
    page.off("dialog", listeners.dialog);
  };
  return { page, problems };
}
