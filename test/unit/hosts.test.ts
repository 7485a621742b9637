// The host configurations apply where the archive is served: its site URL's path, or the host's root
// without one. How servers read them is test/integration/hosts.test.ts.
import { describe, expect, it } from "vitest";
import { headersFile, htaccessFile, nginxFile } from "../../lib/http/hosts.ts";
import { basePath, cachingOf, CACHING, contentTypeOf, decodedBasePath, matches } from "../../lib/http/rules.ts";

describe("the archive's path", () => {
  it.each([
    [undefined, "/"],
    ["https://archive.example.org", "/"],
    ["https://archive.example.org/", "/"],
    ["https://example.org/archive/of/x", "/archive/of/x/"],
    ["https://example.org/archive/of/x/", "/archive/of/x/"],
  ])("of %s is %s", (url, path) => {
    expect(basePath(url)).toBe(path);
  });

  it("is %-escaped in URLs and decoded where a server compares it with a request's decoded path", () => {
    const url = "https://example.org/アーカイブ/100%25 done/";
    expect([basePath(url), decodedBasePath(url)]).toEqual(["/%E3%82%A2%E3%83%BC%E3%82%AB%E3%82%A4%E3%83%96/100%25%20done/", "/アーカイブ/100% done/"]);
    expect(nginxFile(url)).toContain('location ^~ "/アーカイブ/100% done/" {\n');
    expect(nginxFile(url)).toContain('error_page 403 404 =404 "/アーカイブ/100% done/404.html";');
    expect(htaccessFile(url)).toContain("ErrorDocument 404 /%E3%82%A2%E3%83%BC%E3%82%AB%E3%82%A4%E3%83%96/100%25%20done/404.html\n");
    // mod_headers reads % as the start of a format: the policy's escapes are written %%.
    expect(htaccessFile(url)).toContain("style-src 'self' https://example.org/%%E3%%82%%A2%%E3%%83%%BC%%E3%%82%%AB%%E3%%82%%A4%%E3%%83%%96/100%%25%%20done/;");
    expect(headersFile(url)).toContain("\n/%E3%82%A2%E3%83%BC%E3%82%AB%E3%82%A4%E3%83%96/100%25%20done/*\n");
    expect(headersFile(url)).toContain("\n/アーカイブ/100% done/*\n");
  });

  it("is where every configuration applies, the root without a site URL", () => {
    expect(htaccessFile()).toContain("ErrorDocument 404 /404.html\n");
    expect(nginxFile()).toContain('location ^~ "/" {\n');
    expect(headersFile()).toContain("\n/*\n  Content-Security-Policy: ");
    const deep = "https://example.org/archive/of/x/";
    expect(htaccessFile(deep)).toContain("ErrorDocument 404 /archive/of/x/404.html\n");
    expect(nginxFile(deep)).toContain('error_page 403 404 =404 "/archive/of/x/404.html";');
    expect(headersFile(deep)).toContain("\n/archive/of/x/*.bib\n  Content-Type: application/x-bibtex; charset=utf-8\n");
    // The policy names the archive's address, for the 404 page's stylesheet (Layout.tsx).
    expect(headersFile(deep)).toMatch(/style-src 'self' https:\/\/example\.org\/archive\/of\/x\/;.*frame-ancestors 'none'/);
  });
});

describe("a pattern", () => {
  it("matches literally, its one * standing for any characters, / included", () => {
    expect(matches("feed.xml", "feed.xml")).toBe(true);
    expect(matches("feed.xml", "x/feed.xml")).toBe(false);
    expect(matches("essays/*.json", "essays/policy-notes/3.json")).toBe(true);
    expect(matches("essays/*.json", "pagefind/pagefind-entry.json")).toBe(false);
    expect(matches("pagefind/*.pf_meta", "pagefind/offline/pagefind.en_1.pf_meta.js")).toBe(false);
  });
});

describe("the rules", () => {
  it("give a path's rule before its extension's, and an extension in any case", () => {
    expect(contentTypeOf("essays/policy-notes/3.json")).toBe("application/vnd.citationstyles.csl+json");
    expect(contentTypeOf("pagefind/pagefind-entry.json")).toBe("application/json");
    expect(contentTypeOf("figures/Chart.PNG")).toBe("image/png");
    expect(contentTypeOf("pagefind/wasm.en.pagefind")).toBe("application/octet-stream");
    expect(contentTypeOf("notes")).toBeUndefined();
  });

  it("keep only the files whose names change with their bytes", () => {
    expect(cachingOf("pagefind/en/0123456789abcdef/fragment/en_3a83f44.pf_fragment")).toBe(CACHING.immutable);
    expect(cachingOf("pagefind/offline/en/0123456789abcdef/index/en_884f8ef.pf_index.js")).toBe(CACHING.immutable);
    expect(cachingOf("pagefind/en/0123456789abcdef/pagefind-entry.json")).toBe(CACHING.immutable);
    expect(cachingOf("pagefind/en/0123456789abcdef/sorts.json")).toBe(CACHING.immutable);
    for (const path of [
      "index.html",
      "pagefind/shards.json",
      "pagefind/offline/shards.json.js",
      "pagefind/pagefind.js",
      "pagefind/wasm.en.pagefind",
      "assets/site.css",
      "pagefind/offline/pagefind.js.js",
    ]) {
      expect([path, cachingOf(path)]).toEqual([path, CACHING.revalidate]);
    }
  });
});
