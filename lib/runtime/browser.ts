// Debian's Chromium, driven by playwright-core: never a downloaded browser. For the browser tests and
// `npm run screenshots`.
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const OPTIONS = {
  executablePath: CHROMIUM,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    // Reuse renderer processes (a soft limit of one) rather than start a cold one for each site a page
    // goes to (file://, each preview server): about a tenth less CPU for the browser tests on two cores.
    "--renderer-process-limit=1",
  ],
};

/**
 * Starts Chromium. By default Playwright closes it on Ctrl+C, SIGTERM and SIGHUP, and on Ctrl+C then
 * exits the process itself; `ownSignals: false` leaves the signals to the caller, which must close it:
 * a build, which has its staging folder to remove first (https://playwright.dev/docs/api/class-browsertype#browser-type-launch-option-handle-sigint).
 */
export function launch({ ownSignals = true }: { ownSignals?: boolean } = {}): Promise<Browser> {
  return chromium.launch(ownSignals ? OPTIONS : { ...OPTIONS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
}

/** One Chromium that several processes connect to (`chromium.connect(server.wsEndpoint())`): the test run's. */
export function launchServer(): Promise<BrowserServer> {
  return chromium.launchServer(OPTIONS);
}

/**
 * Answers every request under `siteUrl` from `local` (a preview server's address), as the deployed host
 * would: the 404 page loads its stylesheet and links from the site URL (its <base>). While a route is
 * set, Playwright intercepts every request of the page or context, so set it only where it is needed.
 */
export async function serveSiteUrlFrom(local: string, siteUrl: string, on: BrowserContext | Page): Promise<void> {
  await on.route(`${siteUrl}**`, async (route) => {
    const url = local + route.request().url().slice(siteUrl.length);
    await route.fulfill({ response: await route.fetch({ url }) });
  });
}
