// The build cache (lib/cache/cache.ts): what it returns, what it refuses to trust, and what it deletes.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildArchive, BuildError } from "../../lib/orchestration/run.ts";
import { cacheKey, cacheShelf, CacheWriteError, checkCacheWritable, codeFiles, fileShelf, sweepCache, UNUSED_DAYS } from "../../lib/cache/cache.ts";
import { fixture } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

const Value = z.strictObject({ text: z.string() });
const DAY = 24 * 3600_000;

/** The one entry file of a shelf. */
function entryFile(dir: string, kind: string): string {
  const [shard] = readdirSync(join(dir, kind));
  const [name] = readdirSync(join(dir, kind, shard!));
  return join(dir, kind, shard!, name!);
}

describe("keys", () => {
  it("depend on every part and on where the parts divide", () => {
    expect(cacheKey("a", "b")).toBe(cacheKey("a", "b"));
    expect(cacheKey("a", "b")).not.toBe(cacheKey("a", "c"));
    expect(cacheKey("ab", "c")).not.toBe(cacheKey("a", "bc"));
    expect(cacheKey("a")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("a shelf", () => {
  it("returns what was stored, and counts hits and misses", async () => {
    const dir = await tempDir();
    const shelf = cacheShelf(dir, "things", Value);
    const key = cacheKey("one");
    expect(shelf.get(key)).toBeUndefined();
    shelf.set(key, { text: "€ and 日本" });
    expect(cacheShelf(dir, "things", Value).get(key)).toEqual({ text: "€ and 日本" });
    expect(shelf.counts).toEqual({ hits: 0, misses: 1 });
    // Nothing but the entry: the temporary file it was written to is gone.
    expect(readdirSync(join(dir, "things", key.slice(0, 2)))).toEqual([`${key}.json`]);
  });

  it("ignores a torn, foreign or invalid entry, and overwrites it", async () => {
    const dir = await tempDir();
    const shelf = cacheShelf(dir, "things", Value);
    const key = cacheKey("one");
    shelf.set(key, { text: "right" });
    const file = entryFile(dir, "things");
    for (const bytes of [
      `{"key":"${key}","value":{"te`, // torn
      JSON.stringify({ key: cacheKey("another"), value: { text: "right" } }), // another key's entry
      JSON.stringify({ key, value: { text: 42 } }), // not what this kind holds
      JSON.stringify({ key, value: { text: "x", extra: "field" } }),
      "\u0000\u0001binary",
    ]) {
      writeFileSync(file, bytes);
      expect(shelf.get(key), bytes).toBeUndefined();
    }
    shelf.set(key, { text: "right" });
    expect(shelf.get(key)).toEqual({ text: "right" });
  });

  it("with no cache (--no-cache), reads and writes nothing", async () => {
    const dir = await tempDir();
    const key = cacheKey("one");
    cacheShelf(dir, "things", Value).set(key, { text: "kept" });
    const none = cacheShelf(false, "things", Value);
    expect(none.get(key)).toBeUndefined();
    none.set(cacheKey("two"), { text: "dropped" });
    expect(readdirSync(join(dir, "things")).length).toBe(1);
    expect(none.counts.misses).toBe(1);
  });

  it("refreshes the date of an entry it reads, so that the sweep keeps it", async () => {
    const dir = await tempDir();
    const shelf = cacheShelf(dir, "things", Value);
    const key = cacheKey("one");
    shelf.set(key, { text: "old" });
    const file = entryFile(dir, "things");
    const longAgo = (Date.now() - (UNUSED_DAYS + 5) * DAY) / 1000;
    utimesSync(file, longAgo, longAgo);
    expect(shelf.get(key)).toEqual({ text: "old" });
    expect(Date.now() - statSync(file).mtimeMs).toBeLessThan(DAY);
  });
});

describe("the sweep", () => {
  it("deletes entries unused for a month and leftover temporary files, at most once a day", async () => {
    const dir = await tempDir();
    const shelf = cacheShelf(dir, "things", Value);
    const now = Date.now();
    const at = (file: string, ms: number) => utimesSync(file, ms / 1000, ms / 1000);
    const [unused, used] = [cacheKey("unused"), cacheKey("used")];
    shelf.set(unused, { text: "a" });
    shelf.set(used, { text: "b" });
    const file = (key: string) => join(dir, "things", key.slice(0, 2), `${key}.json`);
    at(file(unused), now - (UNUSED_DAYS + 1) * DAY);
    at(file(used), now - (UNUSED_DAYS - 1) * DAY);
    const leftover = join(dir, "things", used.slice(0, 2), `.${used}.123.0.tmp`);
    writeFileSync(leftover, "{");
    at(leftover, now - 2 * 3600_000);

    expect(sweepCache(dir, now)).toBe(2);
    expect(existsSync(file(unused))).toBe(false);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(file(used))).toBe(true);
    // Swept today: the next build does not look again.
    at(file(used), now - (UNUSED_DAYS + 1) * DAY);
    expect(sweepCache(dir, now + 3600_000)).toBe(0);
    expect(sweepCache(dir, now + DAY + 1)).toBe(1);
  });
});

describe("a shelf of files", () => {
  it("puts a kept file in place, and ignores (and deletes) an entry whose bytes were changed", async () => {
    const dir = await tempDir();
    const page = join(dir, "page.html");
    writeFileSync(page, "<p>the page</p>\n");
    const key = cacheKey("page");
    fileShelf(dir, "pages").keep(key, page);

    const shelf = fileShelf(dir, "pages");
    expect(shelf.place(key, join(dir, "again.html"))).toBe(true);
    expect(readFileSync(join(dir, "again.html"), "utf8")).toBe("<p>the page</p>\n");
    expect(shelf.place(cacheKey("other"), join(dir, "other.html"))).toBe(false);
    expect(shelf.counts).toEqual({ hits: 1, misses: 1 });

    // Same length, other bytes: known by its hash, not trusted.
    writeFileSync(entryFile(dir, "pages"), "<p>the pagE</p>\n");
    expect(fileShelf(dir, "pages").place(key, join(dir, "third.html"))).toBe(false);
    expect(existsSync(join(dir, "third.html"))).toBe(false);
    expect(readdirSync(join(dir, "pages", key.slice(0, 2)))).toEqual([]);
  });
});

describe("the code every key starts with", () => {
  it("is every file of the templates, components and typed core, the wiring and the lockfile, and no content", () => {
    const files = codeFiles();
    for (const file of [
      ".eleventy.ts",
      "package-lock.json",
      "src/essay.11ty.tsx",
      "src/assets/site.css",
      "_includes/Layout.tsx",
      "lib/paths/layout.ts",
      "lib/words/ja.json",
      "lib/cite/styles/modern-language-association.csl",
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => file.startsWith("src/essays/") || file.startsWith("src/figures/"))).toEqual([]);
  });
});

describe("outputs and the cache", () => {
  it("share no file: rewriting a kept or placed file in place changes neither the entry nor another output", async () => {
    const dir = await tempDir();
    const page = join(dir, "page.html");
    writeFileSync(page, "<p>the page</p>\n");
    const key = cacheKey("page");
    const shelf = fileShelf(join(dir, "cache"), "pages");
    shelf.keep(key, page);
    writeFileSync(page, "<p>edited after the build</p>\n");
    expect(shelf.place(key, join(dir, "a.html"))).toBe(true);
    expect(shelf.place(key, join(dir, "b.html"))).toBe(true);
    writeFileSync(join(dir, "a.html"), "<p>rewritten by a deploy step</p>\n");
    expect(readFileSync(join(dir, "b.html"), "utf8")).toBe("<p>the page</p>\n");
    expect(fileShelf(join(dir, "cache"), "pages").place(key, join(dir, "c.html"))).toBe(true);
    expect(readFileSync(join(dir, "c.html"), "utf8")).toBe("<p>the page</p>\n");
    for (const name of ["b.html", "c.html"]) expect(statSync(join(dir, name)).nlink).toBe(1);
  });

  it("moves in the previous output's file when it is the entry's bytes and has no other name; else writes a copy", async () => {
    const dir = await tempDir();
    const shelf = fileShelf(join(dir, "cache"), "pages");
    const key = cacheKey("page");
    writeFileSync(join(dir, "page.html"), "<p>the page</p>\n");
    shelf.keep(key, join(dir, "page.html"));
    const inode = (name: string) => statSync(join(dir, name)).ino;

    writeFileSync(join(dir, "previous.html"), "<p>the page</p>\n");
    // Unused for a month by the look of its date; moving a page in uses it, so the sweep keeps it.
    const month = (Date.now() - 31 * DAY) / 1000;
    utimesSync(entryFile(join(dir, "cache"), "pages"), month, month);
    expect(shelf.place(key, join(dir, "moved.html"), join(dir, "previous.html"))).toBe(true);
    expect(inode("moved.html")).toBe(inode("previous.html"));
    expect(sweepCache(join(dir, "cache"))).toBe(0);
    expect(existsSync(entryFile(join(dir, "cache"), "pages"))).toBe(true);
    // Now it has another name: the next output gets a copy, as it does of a previous file with other bytes.
    expect(shelf.place(key, join(dir, "copied.html"), join(dir, "previous.html"))).toBe(true);
    writeFileSync(join(dir, "edited.html"), "<p>edited in place</p>\n");
    expect(shelf.place(key, join(dir, "copied-again.html"), join(dir, "edited.html"))).toBe(true);
    for (const name of ["copied.html", "copied-again.html"]) {
      expect(statSync(join(dir, name)).nlink, name).toBe(1);
      expect(readFileSync(join(dir, name), "utf8"), name).toBe("<p>the page</p>\n");
    }
  });
});

describe("a cache that cannot be written", () => {
  const way = /Make it writable or delete it; or build with --cache DIR to keep it elsewhere, or with --no-cache to build without it\.$/;

  it("is one message naming the folder and the error, from a shelf of values or of files", async () => {
    const dir = await tempDir();
    // A file where the cache's folder would be (as root, which tests may run as, a read-only folder is still written).
    const cache = join(dir, "cache");
    writeFileSync(cache, "not a folder");
    expect(() => checkCacheWritable(cache)).toThrow(CacheWriteError);
    expect(() => checkCacheWritable(cache)).toThrow(new RegExp(`^The build cache ${cache} cannot be written \\(\\w+: `));
    expect(() => cacheShelf(cache, "kind", Value).set(cacheKey("x"), { text: "x" })).toThrow(way);
    writeFileSync(join(dir, "page.html"), "page");
    expect(() => fileShelf(cache, "pages").keep(cacheKey("x"), join(dir, "page.html"))).toThrow(way);
    expect(() => checkCacheWritable(join(dir, "new", "cache"))).not.toThrow();
  });

  it("stops a build before it writes anything, with that message", async () => {
    const dir = await tempDir();
    const cache = join(dir, "cache");
    writeFileSync(cache, "not a folder");
    mkdirSync(join(dir, "dist"));
    writeFileSync(join(dir, "dist", "index.html"), "the previous archive");
    const build = buildArchive({ root: fixture("basic"), output: join(dir, "dist"), cache });
    await expect(build).rejects.toThrow(BuildError);
    await expect(build).rejects.toThrow(new RegExp(`^The archive was not built: The build cache ${cache} cannot be written .*${way.source}`));
    expect(readdirSync(dir).sort()).toEqual(["cache", "dist"]);
    expect(readFileSync(join(dir, "dist", "index.html"), "utf8")).toBe("the previous archive");
  });
});
