// The basic fixture's site URL. Its 404 page has <base href> set to it (src/404.11ty.tsx), so a browser
// loads that page's stylesheet and links from there: a test answers those requests from the preview
// server, as the deployed host would.
import type { Page } from "playwright-core";
import { serveSiteUrlFrom } from "../../lib/runtime/browser.ts";

export const FIXTURE_SITE_URL = "https://archive.example.org/fixture/";

/** The local address of a URL under the site URL; any other URL unchanged. */
export const localUrl = (url: string, local: string, site = FIXTURE_SITE_URL) => (url.startsWith(site) ? local + url.slice(site.length) : url);

/** Answers every request of the page under the fixture's site URL from `local` (a preview server's URL). */
export const serveSiteUrl = (page: Page, local: string) => serveSiteUrlFrom(local, FIXTURE_SITE_URL, page);
