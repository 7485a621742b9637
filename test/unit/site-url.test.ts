// The archive's address is checked once (lib/content/site-url.ts, through the schema's SiteUrl), by
// allowlist, wherever it comes from: site.json's `url`, or SITE_URL (the commands' check, once: they pass
// the address down to the build, the pages process and the loader).
// What the host files make of an address that passes is test/integration/hosts.test.ts.
import { describe, expect, it } from "vitest";
import { SiteSchema } from "../../lib/content/schema/index.ts";
import { checkSiteUrl } from "../../lib/commands/args.ts";

/** What the schema says of `url`, as site.json's `url` and SITE_URL are both checked. */
const problemOf = (url: string) => SiteSchema.shape.url.safeParse(url).error?.issues[0]?.message;

/** The refusal of a path holding `character`, which a host file cannot carry as itself. */
const path = (character: string) =>
  `must have a path of letters, digits, spaces and - . _ ~ % / only, not ${character}: a host configuration cannot carry it safely`;
/** The refusal of an address written with `character`, which no URL is written with. */
const written = (character: string) => `must be written with letters, digits, spaces and the characters of URLs only, not ${character}`;

describe("the archive's address", () => {
  it.each([
    "https://archive.example.org",
    "https://archive.example.org/",
    "http://localhost:8080/archive/",
    "https://example.org/アーカイブ/",
    "https://example.org/essays and notes/",
    "https://example.org/100%25/",
    "https://example.org/caf%C3%A9/",
    "https://example.org/Ünïcödé_2024-v1.2~x/",
    "https://bücher.example/archive/",
    "https://[::1]:8080/a/",
  ])("%s is taken", (url) => {
    expect(problemOf(url)).toBeUndefined();
  });

  it.each([
    // What nginx or Apache would read as syntax: a variable, the end of a directive, a block, a quote, an escape.
    ["https://example.org/$host/", path('"$"')],
    ["https://example.org/a;b/", path('";"')],
    ["https://example.org/${x}/", written('"{"')],
    ["https://example.org/a%7Bb%7D/", path('"{"')],
    ['https://example.org/a"b/', written('"""')],
    ["https://example.org/a%22b/", path('"""')],
    ["https://example.org/a'b/", path(`"'"`)],
    ["https://example.org/a\\b/", written('"\\"')],
    ["https://example.org/a%5Cb/", path('"\\"')],
    // A _headers wildcard or placeholder, a regex delimiter, an expression's other characters.
    ["https://example.org/a*/", path('"*"')],
    ["https://example.org/:lang/", path('":"')],
    ["https://example.org/a%23b/", path('"#"')],
    ["https://example.org/a&b=c/", path('"&"')],
    ["https://example.org/(a)/", path('"("')],
    // Characters WHATWG URL drops or escapes unseen, and their escapes.
    ["https://example.org/a\nb/", written("U+000A")],
    ["https://example.org/a\tb/", written("U+0009")],
    ["https://example.org/a\u200bb/", written("U+200B")],
    ["https://example.org/a%0Ab/", path("U+000A")],
    ["https://example.org/a%00b/", path("U+0000")],
    ["https://example.org/a%E2%80%8Bb/", path("U+200B")],
    // A % that is no escape, or escapes that are not UTF-8.
    ["https://example.org/100%/", "must have a path whose %-escapes are UTF-8 (write a % sign as %25)"],
    ["https://example.org/%FF/", "must have a path whose %-escapes are UTF-8 (write a % sign as %25)"],
    // Not the archive's address.
    ["https://example.org/a//b/", "must have a path with no empty folder name (//)"],
    ["https://example.org/archive/?utm=1", "must be the archive's address, without a ?query or #fragment"],
    ["https://example.org/archive/#top", "must be the archive's address, without a ?query or #fragment"],
    ["https://example.org/archive/?", "must be the archive's address, without a ?query or #fragment"],
    ["https://editor:secret@example.org/", "must be the archive's address, without a user name or password"],
    ["ftp://example.org/", "must be an absolute http(s) URL"],
    ["javascript:alert(1)", "must be an absolute http(s) URL"],
    ["example.org/archive/", "must be an absolute http(s) URL"],
    ["https://exa$mple.org/", "must have a host name of letters, digits, - and ."],
  ])("%j is refused: %s", (url, problem) => {
    expect(problemOf(url)).toBe(problem);
  });

  it("is refused in one line naming where it came from, and kept as WHATWG URL writes it", () => {
    expect(() => checkSiteUrl("https://e.org/$host/", "SITE_URL")).toThrow(`SITE_URL ${path('"$"')}: https://e.org/$host/`);
    const site = { title: "T", description: "D", language: "en" };
    const refused = SiteSchema.safeParse({ ...site, url: "https://e.org/$host/" });
    expect(refused.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([{ path: ["url"], message: path('"$"') }]);
    expect(SiteSchema.parse({ ...site, url: "https://Example.org/アーカイブ/a b" }).url).toBe(
      "https://example.org/%E3%82%A2%E3%83%BC%E3%82%AB%E3%82%A4%E3%83%96/a%20b",
    );
  });

  it("is read and checked once by the command, which passes down the address as the archive writes it", () => {
    expect(checkSiteUrl("https://Example.org/アーカイブ/a b", "SITE_URL")).toBe("https://example.org/%E3%82%A2%E3%83%BC%E3%82%AB%E3%82%A4%E3%83%96/a%20b");
    expect(checkSiteUrl("", "SITE_URL")).toBeUndefined();
    expect(checkSiteUrl(undefined, "SITE_URL")).toBeUndefined();
  });
});
