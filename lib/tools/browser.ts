// Debian's Chromium, driven by playwright-core: never a downloaded browser. For the browser tests and
// `npm run screenshots`.
import { chromium, type Browser, type BrowserServer } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const OPTIONS = {
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
};

export function launch(): Promise<Browser> {
  return chromium.launch(OPTIONS);
}

/** One Chromium that several processes connect to (`chromium.connect(server.wsEndpoint())`): the test run's. */
export function launchServer(): Promise<BrowserServer> {
  return chromium.launchServer(OPTIONS);
}
