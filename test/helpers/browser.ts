// Debian's Chromium (lib/runtime/browser.ts, one for the whole run), with a page that records every failed
// request, console error, dialog and request outside the archive.
//
// A worker connects once, and its browser tests share one page: a new Chromium page costs one to two
// seconds of CPU on the 2-core machine, a third of what a whole browser test does, and a page that has
// loaded the search bundle before starts it again from its cache.
import { chromium, type Browser, type ConsoleMessage, type Dialog, type Page, type Request, type Response } from "playwright-core";
import { inject } from "vitest";

let connection: Promise<Browser> | undefined;

/** The test run's Chromium (started by test/global-setup.ts): shared by the worker's files, never closed by them. */
export function browser(): Promise<Browser> {
  return (connection ??= chromium.connect(inject("chromium")));
}

export interface Watched {
  page: Page;
  /** Failed requests, console errors, page errors, dialogs and requests that left `allowed`. */
  problems: string[];
  /** Every URL requested. */
  requested: string[];
}

const VIEWPORT = { width: 1280, height: 720 };

let shared: { page: Page; unwatch: () => void } | undefined;

/**
 * The worker's page, on a blank document at the default size, recording what goes wrong from now on;
 * `allowed` is the URL prefix requests must stay under. What the last test set on it (its watch, its
 * size, its routes) is undone.
 */
export async function watchedPage(allowed: string): Promise<Watched> {
  if (shared) {
    shared.unwatch();
    await shared.page.unrouteAll();
    await shared.page.goto("about:blank");
    await shared.page.setViewportSize(VIEWPORT);
  } else {
    shared = { page: await (await browser()).newPage({ viewport: VIEWPORT }), unwatch: () => {} };
  }
  const { page } = shared;
  const problems: string[] = [];
  const requested: string[] = [];
  const onFailed = (r: Request) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ""}`);
  const onResponse = (r: Response) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  };
  const onRequest = (r: Request) => {
    const url = r.url();
    requested.push(url);
    if (!url.startsWith(allowed) && !url.startsWith("blob:") && !url.startsWith("data:")) problems.push(`left the archive: ${url}`);
  };
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  };
  const onPageError = (e: Error) => problems.push(`page error: ${e.message}`);
  const onDialog = (d: Dialog) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  };
  page.on("requestfailed", onFailed).on("response", onResponse).on("request", onRequest);
  page.on("console", onConsole).on("pageerror", onPageError).on("dialog", onDialog);
  shared.unwatch = () => {
    page.off("requestfailed", onFailed).off("response", onResponse).off("request", onRequest);
    page.off("console", onConsole).off("pageerror", onPageError).off("dialog", onDialog);
  };
  return { page, problems, requested };
}
