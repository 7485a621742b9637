// Full-page PNGs of a built archive's kinds of page, at a phone's and a desktop's width, in light and dark,
// so that a change to the design can be looked at (`npm run screenshots`). Serves the archive as a host
// would (lib/http/preview-server.ts) and drives Debian's Chromium (lib/runtime/browser.ts). Builds nothing.
import { access, mkdir, open, readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { paths } from "../paths/urls.ts";
import { launch, serveSiteUrlFrom } from "../runtime/browser.ts";
import { startPreview } from "../http/preview-server.ts";

export const WIDTHS = [390, 1280] as const;
export const SCHEMES = ["light", "dark"] as const;
export type Scheme = (typeof SCHEMES)[number];

export interface Subject {
  /** File name stem: "essay" → essay-390-light.png. */
  name: string;
  /** Below the archive's root, with any query: "search.html?q=the". */
  path: string;
}

/** The first page (by path) in a folder of the built archive, or undefined. */
async function firstPage(dist: string, folder: string): Promise<string | undefined> {
  const entries = await readdir(join(dist, folder), { recursive: true }).catch(() => [] as string[]);
  const pages = entries.filter((f) => f.endsWith(".html")).sort();
  return pages[0] && `${folder}/${pages[0]}`;
}

/** The language of a built page, from its `<html lang>` in its first bytes (an archive has thousands of essay pages). */
async function pageLanguage(dist: string, path: string): Promise<string | undefined> {
  const file = await open(join(dist, path));
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(512), 0, 512, 0);
    return /<html[^>]* lang="([^"]+)"/.exec(buffer.toString("utf8", 0, bytesRead))?.[1];
  } finally {
    await file.close();
  }
}

/**
 * The first essay page in each language other than the first essay's, named `essay-<language>`
 * ("essay-ja"): a Japanese page is set differently (fonts, line breaking), so each language is looked at.
 */
async function essaysInOtherLanguages(dist: string, first: string | undefined): Promise<Subject[]> {
  if (!first) return [];
  const seen = new Set([await pageLanguage(dist, first)]);
  const found: Subject[] = [];
  const pages = (await readdir(join(dist, "essays"), { recursive: true })).filter((f) => f.endsWith(".html")).sort();
  for (const page of pages) {
    const path = `essays/${page}`;
    const lang = await pageLanguage(dist, path);
    if (lang && !seen.has(lang)) {
      seen.add(lang);
      found.push({ name: `essay-${lang}`, path });
    }
  }
  return found;
}

/**
 * The home page of each other language's tree of pages (lib/archive/trees.ts), named `home-<language>`:
 * a top-level folder with an index.html ("ja/index.html").
 */
async function otherTrees(dist: string): Promise<Subject[]> {
  const entries = await readdir(dist, { withFileTypes: true });
  const homes = entries
    .filter((e) => e.isDirectory() && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(e.name))
    .map((e) => e.name)
    .sort();
  const found: Subject[] = [];
  for (const lang of homes)
    if (
      await access(join(dist, lang, paths.home)).then(
        () => true,
        () => false,
      )
    )
      found.push({ name: `home-${lang}`, path: `${lang}/${paths.home}` });
  return found;
}

/** One page of each kind the archive has: home (one per language), an essay (one per language), an author, the indexes, a year, search, a missing page. */
export async function subjects(dist: string): Promise<Subject[]> {
  const found = async (name: string, folder: string) => {
    const path = await firstPage(dist, folder);
    return path ? [{ name, path }] : [];
  };
  const essay = await firstPage(dist, "essays");
  return [
    { name: "home", path: paths.home },
    ...(await otherTrees(dist)),
    ...(await found("essay", "essays")),
    ...(await essaysInOtherLanguages(dist, essay)),
    ...(await found("author", "authors")),
    { name: "authors", path: paths.authors },
    ...(await found("series", "series")),
    { name: "series-index", path: paths.seriesIndex },
    { name: "years", path: paths.years },
    ...(await found("year", "years")),
    { name: "search", path: `${paths.search}?q=the` },
    // A mistyped essay address, below the top level, as a host serves it: 404.html.
    { name: "missing", path: essay ? essay.replace(/[^/]+\.html$/, "999999.html") : "missing/page.html" },
  ];
}

/** The 404 page's <base href> (the site URL), if it has one. */
async function notFoundBase(dist: string): Promise<string | undefined> {
  const html = await readFile(join(dist, paths.notFound), "utf8").catch(() => "");
  return /<base href="([^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
}

async function settle(page: Page, subject: Subject): Promise<void> {
  if (subject.path.startsWith(paths.search)) {
    // Results render once the index has loaded (a query that finds nothing gives up after a while).
    await page
      .locator(".search-result")
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(() => {});
    await page.waitForLoadState("networkidle").catch(() => {});
  }
  await page.evaluate(() => document.fonts.ready);
}

export interface ScreenshotOptions {
  dist: string;
  out: string;
  widths?: readonly number[];
  schemes?: readonly Scheme[];
  /** Also write a small image of the essay page (1280 px, light, the top of its column only) here, and one
   * of an essay in each other language beside it ("essay-page.png", "essay-page-ja.png"). */
  readme?: string;
  log?: (line: string) => void;
}

/** Writes `<name>-<width>-<scheme>.png` for every subject; returns the files written. */
export async function takeScreenshots(options: ScreenshotOptions): Promise<string[]> {
  const { dist, out, widths = WIDTHS, schemes = SCHEMES, log = () => {} } = options;
  await mkdir(out, { recursive: true });
  const list = await subjects(dist);
  const base = await notFoundBase(dist);
  const preview = await startPreview(dist);
  let browser: Browser | undefined;
  const written: string[] = [];
  try {
    browser = await launch();
    for (const width of widths) {
      for (const scheme of schemes) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, reducedMotion: "reduce" });
        if (base) await serveSiteUrlFrom(preview.url, base, context);
        const page = await context.newPage();
        for (const subject of list) {
          await page.goto(preview.url + subject.path);
          await page.emulateMedia({ colorScheme: scheme });
          await settle(page, subject);
          const file = join(out, `${subject.name}-${width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          written.push(file);
          log(file);
        }
        if (options.readme && width === 1280 && scheme === "light") {
          for (const essay of list.filter((s) => s.name.startsWith("essay"))) {
            const file = options.readme.replace(/(\.png)?$/, `${essay.name.slice("essay".length)}$1`);
            await page.goto(preview.url + essay.path);
            await page.evaluate(() => document.fonts.ready);
            // The top of the page, cropped to the column and a margin: a small file for the README.
            const box = (await page.locator(".site-header").boundingBox()) ?? { x: 0, width };
            const x = Math.max(0, Math.floor(box.x) - 32);
            await page.screenshot({ path: file, clip: { x, y: 0, width: Math.min(width - x, Math.ceil(box.width) + 64), height: 860 } });
            written.push(file);
            log(file);
          }
        }
        await context.close();
      }
    }
  } finally {
    await browser?.close();
    await preview.close();
  }
  return written;
}
