// The archive's HTTP rules (lib/http/rules.ts) as real servers apply them: the basic fixture, built with
// its site URL (https://archive.example.org/fixture/), served under that path by Debian's nginx and Apache
// httpd with the configurations the build wrote, and by `npm run preview`. For each kind of file: status,
// content type, caching and security headers; missing addresses, nested or not, get the 404 page with
// status 404; search works in the browser over nginx.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filesBelow } from "../../lib/paths/files.ts";
import { startPreview } from "../../lib/http/preview-server.ts";
import { parseAllHeaders } from "@netlify/headers-parser";
import { basePath, BY_PATH, CACHING, contentTypeOf, extensionOf, headersFor, HOST_FILES, isHostFile, matches, NOT_FOUND } from "../../lib/http/rules.ts";
import { watchedPage } from "../helpers/browser.ts";
import { built } from "../helpers/built.ts";
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
  "Pagefind's entry": /^pagefind\/pagefind-entry\.json$/,
  "Pagefind's WebAssembly": /^pagefind\/wasm\.en\.pagefind$/,
  "Pagefind's metadata": /^pagefind\/pagefind\.[^/]+\.pf_meta$/,
  "a Pagefind fragment": /^pagefind\/fragment\//,
  "a Pagefind index chunk": /^pagefind\/index\//,
  "a Pagefind filter": /^pagefind\/filter\//,
  "a fragment's copy for search from disk": /^pagefind\/offline\/fragment\//,
  "Pagefind's script's copy for search from disk": /^pagefind\/offline\/pagefind\.js\.js$/,
};
const examples = Object.entries(KINDS).map(([kind, pattern]) => {
  const path = files.find((file) => pattern.test(file));
  if (!path) throw new Error(`the basic fixture's build has no ${kind}`);
  return { kind, path };
});

/** Addresses that must be answered with the 404 page and status 404. */
const MISSING = ["nothing.html", "essays/policy-notes/999.html", "essays/no-such-series/deeper/1.bib", "pagefind/fragment/en_0000000.pf_fragment", "essays/", HOST_FILES.nginx, HOST_FILES.headers];

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

describe.each([
  ["nginx", startNginx],
  ["Apache httpd", startApache],
  ["npm run preview", async (folder: string, site: string) => ({ name: "preview", ...(await startPreview(folder, { base: basePath(site) })) })],
])("served by %s under the site URL's path", (name, start) => {
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
describe("_headers, as Netlify reads it", () => {
  it("gives each kind of file what the rules say, leaving to the host only what its defaults already do", async () => {
    const { headers: rules, errors } = await parseAllHeaders({ headersFiles: [join(dist, HOST_FILES.headers)], configHeaders: [], minimal: false });
    expect(errors).toEqual([]);
    const base = basePath(FIXTURE_SITE_URL);
    const headersOf = (path: string) => {
      const found: Record<string, string[]> = {};
      for (const rule of rules) {
        if (!("forRegExp" in rule) || !rule.forRegExp.test(base + path)) continue;
        for (const [name, value] of Object.entries(rule.values)) (found[name] ??= []).push(value);
      }
      return Object.fromEntries(Object.entries(found).map(([name, values]) => [name, values.join(", ")]));
    };
    for (const { path } of [...examples, { path: NOT_FOUND }]) {
      const expected = headersFor(path, FIXTURE_SITE_URL);
      // Hosts type .json and .xml themselves as the rules do; only the files a path rule names get a type here.
      if (!BY_PATH.some(({ pattern }) => matches(pattern, path)) && ["json", "xml"].includes(extensionOf(path))) delete expected["Content-Type"];
      // Netlify's and Cloudflare's default, public, max-age=0, must-revalidate, revalidates.
      if (expected["Cache-Control"] === CACHING.revalidate) delete expected["Cache-Control"];
      expect([path, headersOf(path)]).toEqual([path, expected]);
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
