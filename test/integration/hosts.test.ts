// The archive's HTTP rules (lib/http/rules.ts) as real servers apply them: the basic fixture, built with
// its site URL (https://archive.example.org/fixture/), served under that path by Debian's nginx and Apache
// httpd with the configurations the build wrote, and by `npm run preview`. For each kind of file: status,
// content type, caching and security headers; missing addresses, nested or not, get the 404 page with
// status 404; search works in the browser over nginx. Then addresses whose path is not ASCII, or holds a
// space or a % sign: the host files alone, over a few files, served by the same servers.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filesBelow } from "../../lib/paths/files.ts";
import { hostFiles } from "../../lib/http/hosts.ts";
import { startPreview } from "../../lib/http/preview-server.ts";
import { parseAllHeaders } from "@netlify/headers-parser";
import {
  basePath,
  BY_PATH,
  CACHING,
  contentTypeOf,
  decodedBasePath,
  extensionOf,
  FIGURE_POLICY,
  headersFor,
  HOST_FILES,
  isHostFile,
  matches,
  NOT_FOUND,
} from "../../lib/http/rules.ts";
import { watchedPage } from "../helpers/browser.ts";
import { built } from "../helpers/built.ts";
import { tempDir } from "../helpers/scratch.ts";
import { FIXTURE_SITE_URL } from "../helpers/site-url.ts";
import { missingServers, startApache, startNginx, type WebServer } from "../helpers/web-servers.ts";

const dist = built("basic");
const files = filesBelow(dist);

/** One file of each kind the build writes, by the first path that fits. */
const KINDS: Record<string, RegExp> = {
  "the home page": /^index\.html$/,
  "an essay's page": /^essays\/[^/]+\/\d+\.html$/,
  "a BibTeX download": /\.bib$/,
  "a RIS download": /\.ris$/,
  "a CSL JSON download": /^essays\/.*\.json$/,
  "the Atom feed": /^feed\.xml$/,
  "the sitemap": /^sitemap\.xml$/,
  "robots.txt": /^robots\.txt$/,
  "the stylesheet": /^assets\/site\.css$/,
  "a script": /^assets\/search\.js$/,
  "a figure": /^figures\/.*\.png$/,
  "Pagefind's script": /^pagefind\/pagefind\.js$/,
  "the list of search shards": /^pagefind\/shards\.json$/,
  "a shard's Pagefind entry": /^pagefind\/en\/[0-9a-f]{16}\/pagefind-entry\.json$/,
  "a shard's sort table": /^pagefind\/en\/[0-9a-f]{16}\/sorts\.json$/,
  "Pagefind's WebAssembly": /^pagefind\/wasm\.en\.pagefind$/,
  "Pagefind's metadata": /^pagefind\/en\/[0-9a-f]{16}\/pagefind\.[^/]+\.pf_meta$/,
  "a Pagefind fragment": /^pagefind\/en\/[0-9a-f]{16}\/fragment\//,
  "a Pagefind index chunk": /^pagefind\/en\/[0-9a-f]{16}\/index\//,
  "a Pagefind filter": /^pagefind\/en\/[0-9a-f]{16}\/filter\//,
  "a fragment's copy for search from disk": /^pagefind\/offline\/en\/[0-9a-f]{16}\/fragment\//,
  "Pagefind's script's copy for search from disk": /^pagefind\/offline\/pagefind\.js\.js$/,
};
const examples = Object.entries(KINDS).map(([kind, pattern]) => {
  const path = files.find((file) => pattern.test(file));
  if (!path) throw new Error(`the basic fixture's build has no ${kind}`);
  return { kind, path };
});

/** Addresses that must be answered with the 404 page and status 404. */
const MISSING = [
  "nothing.html",
  "essays/policy-notes/999.html",
  "essays/no-such-series/deeper/1.bib",
  "pagefind/en/0000000000000000/fragment/en_0000000.pf_fragment",
  "essays/",
  HOST_FILES.nginx,
  HOST_FILES.headers,
];

/** The headers the rules name, as a server sent them. */
function sent(response: Response, names: string[]): Record<string, string | null> {
  return Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));
}

it("has a content type in the rules for every file the build writes to be served", () => {
  expect(files.filter((path) => !isHostFile(path) && !contentTypeOf(path))).toEqual([]);
  expect(files.filter(isHostFile)).toEqual(Object.values(HOST_FILES).sort());
});

const notFoundPage = await readFile(join(dist, NOT_FOUND), "utf8");
const problem = missingServers();

const SERVERS: [string, (folder: string, site: string) => Promise<WebServer>][] = [
  ["nginx", startNginx],
  ["Apache httpd", startApache],
  ["npm run preview", async (folder, site) => ({ name: "preview", ...(await startPreview(folder, { base: basePath(site) })) })],
];

describe.each(SERVERS)("served by %s under the site URL's path", (name, start) => {
  let server: WebServer;
  beforeAll(async () => {
    if (problem && name !== "npm run preview") throw new Error(`No ${name} here: ${problem}`);
    server = await start(dist, FIXTURE_SITE_URL);
  });
  afterAll(() => server?.close());

  it.each(examples)("sends $kind ($path) as the rules say", async ({ path }) => {
    const response = await fetch(server.url + path);
    const expected = headersFor(path, FIXTURE_SITE_URL);
    expect(response.status).toBe(200);
    expect(sent(response, Object.keys(expected))).toEqual(expected);
    expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(join(dist, path)))).toBe(true);
  });

  it("answers every missing address, at any depth, with the 404 page and status 404", async () => {
    for (const path of MISSING) {
      const response = await fetch(server.url + path);
      expect([path, response.status]).toEqual([path, 404]);
      expect(sent(response, Object.keys(headersFor(NOT_FOUND, FIXTURE_SITE_URL)))).toEqual(headersFor(NOT_FOUND, FIXTURE_SITE_URL));
      expect(await response.text()).toBe(notFoundPage);
    }
    // Apache refuses .ht* files itself (Debian's rule, 403) before the archive's .htaccess could say 404.
    expect((await fetch(server.url + HOST_FILES.htaccess)).status).toBe(name === "Apache httpd" ? 403 : 404);
  });
});

// Netlify's own parser reads `_headers` (Cloudflare Pages reads the same syntax). A host applies every rule
// whose path matches, joining the values of a header given twice; so the file gives each header once.
/** The headers Netlify gives the file at `path` (below the archive's root) by the `_headers` file in `folder`. */
async function netlifyHeaders(folder: string, base: string): Promise<(path: string) => Record<string, string>> {
  const { headers: rules, errors } = await parseAllHeaders({ headersFiles: [join(folder, HOST_FILES.headers)], configHeaders: [], minimal: false });
  expect(errors).toEqual([]);
  return (path: string) => {
    const found: Record<string, string[]> = {};
    for (const rule of rules) {
      if (!("forRegExp" in rule) || !rule.forRegExp.test(base + path)) continue;
      for (const [name, value] of Object.entries(rule.values)) (found[name] ??= []).push(value);
    }
    return Object.fromEntries(Object.entries(found).map(([name, values]) => [name, values.join(", ")]));
  };
}

/** What the rules give `path`, less what Netlify's and Cloudflare's defaults already do. */
function netlifyExpects(path: string, siteUrl: string): Record<string, string> {
  const expected = headersFor(path, siteUrl);
  // Hosts type .json and .xml themselves as the rules do; only the files a path rule names get a type here.
  if (!BY_PATH.some(({ pattern }) => matches(pattern, path)) && ["json", "xml"].includes(extensionOf(path))) delete expected["Content-Type"];
  // Netlify's and Cloudflare's default, public, max-age=0, must-revalidate, revalidates.
  if (expected["Cache-Control"] === CACHING.revalidate) delete expected["Cache-Control"];
  return expected;
}

describe("_headers, as Netlify reads it", () => {
  it("gives each kind of file what the rules say, leaving to the host only what its defaults already do", async () => {
    const headersOf = await netlifyHeaders(dist, basePath(FIXTURE_SITE_URL));
    for (const { path } of [...examples, { path: NOT_FOUND }]) {
      expect([path, headersOf(path)]).toEqual([path, netlifyExpects(path, FIXTURE_SITE_URL)]);
    }
  });
});

describe("search over nginx, in the browser", () => {
  let server: WebServer;
  beforeAll(async () => {
    if (problem) throw new Error(`No web server here: ${problem}`);
    server = await startNginx(dist, FIXTURE_SITE_URL);
  });
  afterAll(() => server?.close());

  it("finds an essay from a typed query and opens it, under the headers' policy", async () => {
    const { page, problems } = await watchedPage(server.url);
    await page.goto(`${server.url}search.html`);
    await page.getByRole("searchbox", { name: "Search this site" }).fill("semiconductor");
    const first = page.locator(".search-result a.search-result-link").first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(`${server.url}essays/policy-notes/3.html`);
    expect(problems).toEqual([]);
  });
});

// An address's path as nginx and Apache see it: decoded, for `location` and `RedirectMatch`; %-escaped
// where Apache reads a URL (`ErrorDocument`), with its `%` doubled where mod_headers reads formats. Built
// from the host files alone, over one file of each kind the rules treat apart, so each server costs a
// start, not a build.
const ADDRESSES = ["https://example.org/アーカイブ/", "https://example.org/essays and notes/100%25/"];

/** One file of each kind the rules treat apart, with the host files for `siteUrl`; the folder. */
async function smallArchive(siteUrl: string): Promise<string> {
  const folder = await tempDir("small-archive-");
  const files: Record<string, string> = {
    "index.html": '<!doctype html><title>Home</title><img src="figures/chart.svg" alt="A green square">',
    // A script of the archive's own (the pages' policy allows it) that an SVG figure opened on its own asks for.
    "assets/probe.js": 'document.documentElement.setAttribute("data-ran", "yes");',
    "figures/scripted.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script href="../assets/probe.js"/></svg>',
    // As the build writes it (src/404.11ty.tsx): the preview takes the archive's address from it.
    [NOT_FOUND]: `<!doctype html><title>Not found</title><base href="${new URL(siteUrl).href}">`,
    "essays/notes/1.html": "<!doctype html><title>An essay</title>",
    "essays/notes/1.json": "{}",
    "figures/chart.svg":
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><style>rect { fill: rgb(0, 128, 0) }</style><rect width="10" height="10"/></svg>',
    "pagefind/en/0123456789abcdef/fragment/en_1.pf_fragment": "fragment",
    ...Object.fromEntries(hostFiles(siteUrl).map(({ path, text }) => [path, text])),
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(folder, path, ".."), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  return folder;
}
const SMALL_FILES = ["index.html", "essays/notes/1.html", "essays/notes/1.json", "figures/chart.svg", "pagefind/en/0123456789abcdef/fragment/en_1.pf_fragment"];
const SMALL_MISSING = ["nothing.html", "essays/notes/2.html", "essays/", HOST_FILES.nginx, HOST_FILES.headers];

describe.each(ADDRESSES)("an archive at %s", (siteUrl) => {
  let folder: string;
  beforeAll(async () => {
    folder = await smallArchive(siteUrl);
  });

  describe.each(SERVERS)("served by %s", (name, start) => {
    let server: WebServer;
    beforeAll(async () => {
      if (problem && name !== "npm run preview") throw new Error(`No ${name} here: ${problem}`);
      server = await start(folder, siteUrl);
    });
    afterAll(() => server?.close());

    it("sends each file with the rules' headers, an SVG figure in a sandbox", async () => {
      for (const path of SMALL_FILES) {
        const response = await fetch(server.url + path);
        const expected = headersFor(path, siteUrl);
        expect([path, response.status, sent(response, Object.keys(expected))]).toEqual([path, 200, expected]);
        expect(await response.text()).toBe(await readFile(join(folder, path), "utf8"));
      }
      const figure = await fetch(`${server.url}figures/chart.svg`);
      expect(figure.headers.get("Content-Security-Policy")).toMatch(new RegExp(`frame-ancestors 'none', ${FIGURE_POLICY}$`));
    });

    it("answers a missing address, a folder and the host files with the 404 page and status 404", async () => {
      const notFound = await readFile(join(folder, NOT_FOUND), "utf8");
      for (const path of SMALL_MISSING) {
        const response = await fetch(server.url + path);
        expect([path, response.status, sent(response, Object.keys(headersFor(NOT_FOUND, siteUrl)))]).toEqual([path, 404, headersFor(NOT_FOUND, siteUrl)]);
        expect(await response.text()).toBe(notFound);
      }
    });
  });

  it("shows an SVG figure on a page in Chromium, styles and all, while one opened on its own runs no script (over nginx)", async () => {
    if (problem) throw new Error(`No web server here: ${problem}`);
    const server = await startNginx(folder, siteUrl);
    try {
      const { page } = await watchedPage(server.url);
      await page.goto(server.url);
      // Drawn from the page's <img> into a canvas: the figure's own <style> applied, the sandbox or not.
      const pixel = await page.evaluate(() => {
        const image = document.querySelector("img")!;
        const canvas = document.createElement("canvas");
        const context = canvas.getContext("2d")!;
        context.drawImage(image, 0, 0);
        return [image.naturalWidth, ...context.getImageData(5, 5, 1, 1).data];
      });
      expect(pixel).toEqual([10, 0, 128, 0, 255]);
      // A document's scripts run before its load event, which goto waits for: a script that ran has left its mark.
      await page.goto(`${server.url}figures/scripted.svg`);
      expect(await page.evaluate(() => document.documentElement.getAttribute("data-ran"))).toBeNull();
    } finally {
      await server.close();
    }
  });

  it("has a _headers file that Netlify reads the same, whether it matches the path %-escaped or decoded", async () => {
    for (const base of [basePath(siteUrl), decodedBasePath(siteUrl)]) {
      const headersOf = await netlifyHeaders(folder, base);
      for (const path of [...SMALL_FILES, NOT_FOUND]) expect([base, path, headersOf(path)]).toEqual([base, path, netlifyExpects(path, siteUrl)]);
    }
  });
});
