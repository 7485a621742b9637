// dist/ works unchanged from disk (file://), at a host's root and under a deep subpath.
import { readFile, stat } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { startPreview } from "../../lib/http/preview-server.ts";
import { watchedPage } from "../helpers/browser.ts";
import { built } from "../helpers/built.ts";
import { crawl } from "../helpers/crawl.ts";
import { htmlPages } from "../helpers/html.ts";

const dist = built("basic");

/** Every page but 404.html, which hosts serve for missing addresses and nothing links to. */
const linkedPages = async (folder = dist) => (await htmlPages(folder)).filter((p) => p !== "404.html");
/** The link crawls run on the basic archive and on it in two languages (a tree of pages each). */
const CRAWLED = ["basic", "bilingual"] as const;

/** A file's text, or null for a missing file or a folder (which file:// would show as a listing). */
async function readFromDisk(url: string): Promise<string | null> {
  const path = fileURLToPath(url);
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? readFile(path, "utf8") : null;
}

describe("from disk (file://)", () => {
  it.each(CRAWLED)("every link from the %s archive's home page reaches a file, never a folder, with its fragment", async (name) => {
    const root = pathToFileURL(`${built(name)}/`).href;
    const { visited, broken } = await crawl(`${root}index.html`, readFromDisk);
    expect(broken).toEqual([]);
    expect(visited.map((u) => u.slice(root.length)).sort()).toEqual(await linkedPages(built(name)));
  });

  // One reader's walk, so that the pages load once (test/helpers/browser.ts says why that matters).
  it("the home page's search form finds an essay; clicks land on pages, not listings; every kind of page opens styled; search loads only its file:// copies; no request fails or leaves file://", async () => {
    const root = pathToFileURL(`${dist}/`).href;
    const { page, problems, requested } = await watchedPage(root);
    // One page of each kind (the crawl above reaches every page); not 404.html, which loads from the site
    // URL wherever it is served (test/browser/browsing.test.ts).
    const kindOf = (path: string) => (path.includes("/") ? path.slice(0, path.indexOf("/")) : path);
    const unseen = new Map((await linkedPages()).map((path) => [kindOf(path), path]));
    const opened = async () => {
      await page.waitForLoadState();
      const path = page.url().slice(root.length).split("?")[0]!;
      expect(await page.locator("h1").count(), path).toBe(1);
      // The stylesheet applied: the header is laid out as flex.
      expect(await page.locator(".site-header").evaluate((e) => getComputedStyle(e).display), path).toBe("flex");
      unseen.delete(kindOf(path));
    };
    await page.goto(`${root}index.html`);
    await opened();

    // The home page's search form is a plain form: it opens the search page with the query.
    await page.getByRole("searchbox", { name: "Search the full text of every essay" }).fill("saltwater");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(`${root}search.html?q=saltwater`);
    await opened();
    const first = page.locator(".search-result a.search-result-link").first();
    await first.waitFor();
    expect(await page.locator(".search-result").first().innerText()).toContain("Notes from the Mekong Delta");
    await first.click();
    await page.waitForURL(`${root}essays/field-reports/7.html`);
    await opened();

    // "年別" is the Japanese essay page's menu link to the years.
    for (const name of ["Authors", "Chiyo Mori", "Notes from the Mekong Delta", "Field Reports", "港湾都市の再生", "年別", "2019", "Series"]) {
      await page.getByRole("link", { name, exact: true }).first().click();
      await opened();
      if (name === "港湾都市の再生") expect(page.url()).toBe(`${root}essays/field-reports/8.html`);
      if (name === "2019") expect(await page.locator("h1").innerText()).toBe("Essays of 2019");
    }
    // A kind of page the walk did not reach.
    for (const path of unseen.values()) {
      await page.goto(root + path);
      await opened();
    }
    expect(problems).toEqual([]);
    // Search loaded only the chunks a query needs, from the offline copies, never the bundle files themselves.
    const bundle = requested.filter((u) => u.includes("/pagefind/")).map((u) => u.slice(root.length));
    expect(bundle.filter((u) => !u.startsWith("pagefind/offline/"))).toEqual([]);
    expect(bundle).toContain("pagefind/offline/pagefind.js.js");
  });
});

it("in two languages, each tree's search page searches its language's essays from disk, in its own words", async () => {
  const root = pathToFileURL(`${built("bilingual")}/`).href;
  const { page, problems } = await watchedPage(root);
  await page.goto(`${root}ja/search.html?q=${encodeURIComponent("港湾")}`);
  const first = page.locator(".search-result a.search-result-link").first();
  await first.waitFor();
  expect(await first.innerText()).toBe("港湾都市の再生");
  expect(await page.locator(".search-summary").innerText()).toBe("「港湾」の検索結果：1件");
  // The other language is one link away, and searches its own essays (the English index has no No.8).
  await page.locator(".search-languages").getByRole("link", { name: "English" }).click();
  await page.waitForURL(`${root}search.html`);
  await page.getByRole("searchbox", { name: "Search this site" }).fill("Mekong");
  await expect.poll(() => page.locator(".search-result a.search-result-link").allInnerTexts()).toEqual(["Notes from the Mekong Delta"]);
  expect(problems).toEqual([]);
});

describe.each(["/", "/archive/of/x/"])("served at %s", (base) => {
  it.each(CRAWLED)("every link of the %s archive, fragments included, resolves", async (name) => {
    const preview = await startPreview(built(name), { base });
    try {
      const read = async (url: string) => {
        const response = await fetch(url);
        return response.ok ? response.text() : null;
      };
      const { visited, broken } = await crawl(`${preview.url}index.html`, read);
      expect(broken).toEqual([]);
      expect(visited.map((u) => u.slice(preview.url.length)).sort()).toEqual(await linkedPages(built(name)));
    } finally {
      await preview.close();
    }
  });
});
