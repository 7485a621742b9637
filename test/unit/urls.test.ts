import { describe, expect, it } from "vitest";
import { absoluteUrl, paths, relativeHref } from "../../lib/paths/urls.ts";

describe("urls", () => {
  it("places every page at a flat .html path", () => {
    expect(paths.essay("ajiss-commentary", 201)).toBe("essays/ajiss-commentary/201.html");
    expect(paths.author("keiko-iizuka")).toBe("authors/keiko-iizuka.html");
    expect(paths.year(2014)).toBe("years/2014.html");
  });
  it("links relative to the page that holds the link", () => {
    expect(relativeHref("index.html", "authors/a.html")).toBe("authors/a.html");
    expect(relativeHref("essays/s/1.html", "authors/a.html")).toBe("../../authors/a.html");
    expect(relativeHref("essays/s/1.html", "essays/s/2.html")).toBe("2.html");
    expect(relativeHref("authors/a.html", "index.html")).toBe("../index.html");
    expect(relativeHref("essays/s/1.html", "essays/s/1.html")).toBe("1.html");
  });
  it("links to folders with their trailing slash", () => {
    expect(relativeHref("search.html", paths.searchBundle)).toBe("pagefind/");
    expect(relativeHref("essays/s/1.html", paths.searchBundle)).toBe("../../pagefind/");
    expect(relativeHref("search.html", paths.root)).toBe("./");
    expect(relativeHref("a/b.html", paths.root)).toBe("../");
  });
  it("keeps fragments", () => {
    expect(relativeHref("years/2014.html", "essays/s/1.html#background")).toBe("../essays/s/1.html#background");
    expect(relativeHref("essays/s/1.html", "#top")).toBe("#top");
  });
  it("makes links that lead to their page from the page holding them, wherever the archive is served", () => {
    // A root-relative or absolute link would lead out of an archive served under a subpath, or from disk.
    for (const base of ["https://host/", "https://host/archive/of/x/", "file:///media/usb/dist/"]) {
      for (const from of ["index.html", "a/b.html", "a/b/c.html", "ja/years/2014.html"]) {
        for (const to of ["index.html", "x/y.html", "a/b/c.html", "a/b.html#notes", "ja/index.html"]) {
          expect(new URL(relativeHref(from, to), base + from).href, `${from} → ${to} at ${base}`).toBe(base + to);
        }
      }
    }
  });
  it("builds absolute URLs from the site URL, with or without its trailing slash", () => {
    expect(absoluteUrl("https://ex.org/archive", "essays/s/1.html")).toBe("https://ex.org/archive/essays/s/1.html");
    expect(absoluteUrl("https://ex.org/archive/", "index.html")).toBe("https://ex.org/archive/");
  });
});
