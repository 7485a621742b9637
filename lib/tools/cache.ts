// The build cache: pure per-essay results (formatted citations, rendered bodies, pages) kept between builds, so
// each is paid for once. It lives in the content root's git-ignored `.cache/`, as Eleventy's fetch and
// image plugins keep theirs (https://www.11ty.dev/docs/plugins/fetch/#change-the-cache-directory).
//
// Content-addressed: an entry's key is a hash of everything its value depends on (the input, and the
// code, settings and library versions that turn it into the value), so a changed input or a new version
// is a new key, and nothing is ever invalidated by hand. One file per entry,
// `<kind>/<first two hex digits>/<key>.json`, holding its own key and its value (or, for values that are
// files, the file itself: see `fileShelf`):
// - written to a temporary name and renamed into place, so a reader (another build at the same time)
//   sees a whole entry or none, and two builds writing the same key write the same bytes;
// - read back only if it is valid JSON that names its own key and passes the kind's schema: anything
//   else (a torn, edited or foreign file) counts as a miss, is recomputed and overwritten;
// - bounded: reading an entry refreshes its date (at most once a day), and entries unused for
//   `UNUSED_DAYS` are deleted, by a sweep that runs at most once a day.
import { createHash } from "node:crypto";
import { closeSync, copyFileSync, fstatSync, futimesSync, linkSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { z } from "zod";

/** Entries not read for this many days are deleted. */
export const UNUSED_DAYS = 30;
const DAY_MS = 24 * 3600_000;
/** The sweep's stamp, at the cache's top. */
const SWEPT = "swept";

/** A key for a value from everything it depends on: a SHA-256 of the parts, each length-prefixed. */
export function cacheKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${typeof part === "string" ? Buffer.byteLength(part) : part.byteLength}:`).update(part);
  return hash.digest("hex");
}

/**
 * The part of a key that is the same for every entry of a kind: the versions of the libraries that make
 * the value, and the bytes of the modules (and any other files) of this code that do, as URLs.
 */
export function versionKey(libraries: readonly string[], files: readonly URL[], ...other: string[]): string {
  const require = createRequire(import.meta.url);
  const versions = libraries.map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
  return cacheKey(...versions, ...files.map((file) => readFileSync(file)), ...other);
}

/** One kind of entry in the cache. */
export interface CacheShelf<T> {
  /** The value stored under `key`, if there is a valid one. */
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  readonly counts: { hits: number; misses: number };
}

/** Where a build keeps its cache, or `false` to build without one (`--no-cache`). */
export type CacheDir = string | false;

/** The cache of one kind of value (`kind` is a folder name), checked against `schema` when read. */
export function cacheShelf<T>(dir: CacheDir, kind: string, schema: z.ZodType<T>): CacheShelf<T> {
  const counts = { hits: 0, misses: 0 };
  if (dir === false) return { get: () => void counts.misses++, set: () => {}, counts };
  const shelf = join(dir, kind);
  const made = new Set<string>();
  const pathOf = (key: string) => join(shelf, key.slice(0, 2), `${key}.json`);
  let written = 0;
  return {
    counts,
    get(key) {
      const value = readEntry(pathOf(key), key, schema);
      if (value === undefined) counts.misses++;
      else counts.hits++;
      return value;
    },
    set(key, value) {
      const folder = join(shelf, key.slice(0, 2));
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      const temporary = join(folder, `.${key}.${process.pid}.${written++}.tmp`);
      writeFileSync(temporary, JSON.stringify({ key, value }));
      renameSync(temporary, pathOf(key));
    },
  };
}

function readEntry<T>(path: string, key: string, schema: z.ZodType<T>): T | undefined {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return undefined;
  }
  try {
    const entry: unknown = JSON.parse(readFileSync(fd, "utf8"));
    if (typeof entry !== "object" || entry === null || (entry as { key?: unknown }).key !== key) return undefined;
    const parsed = schema.safeParse((entry as { value?: unknown }).value);
    if (!parsed.success) return undefined;
    // In use: its date is refreshed, so the sweep keeps it.
    const now = Date.now();
    if (now - fstatSync(fd).mtimeMs > DAY_MS) futimesSync(fd, now / 1000, now / 1000);
    return parsed.data;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** One kind of entry that is a whole file (an essay's page), put in place without being read into memory. */
export interface FileShelf {
  /** Puts the entry for `key` at `target` (a hard link, else a copy) and returns true, if there is a whole one. */
  place(key: string, target: string): boolean;
  /** Keeps `file` as the entry for `key`; `bytes`, when given, are what the caller just wrote there. */
  keep(key: string, file: string, bytes?: string): void;
  readonly counts: { hits: number; misses: number };
}

/**
 * The cache of one kind of file. An entry is `<kind>/<first two hex digits>/<key>.<hash of its bytes>`,
 * so that a torn or edited entry is known by its bytes no longer matching its name, and is ignored. An
 * entry is linked into place where the file system allows, which costs no copy: it is never written to
 * again (a new entry is a new file, renamed into place), so the output and the cache cannot change each other.
 */
export function fileShelf(dir: CacheDir, kind: string): FileShelf {
  const counts = { hits: 0, misses: 0 };
  if (dir === false) {
    const place = () => {
      counts.misses++;
      return false;
    };
    return { place, keep: () => {}, counts };
  }
  const shelf = join(dir, kind);
  /** Each shard's entries, key to file name, listed when first asked. */
  const shards = new Map<string, Map<string, string>>();
  const entries = (shard: string) => {
    let known = shards.get(shard);
    if (!known) {
      known = new Map(readdirOrEmpty(join(shelf, shard)).flatMap((name) => (/^[0-9a-f]{64}\.[0-9a-f]{40}$/.test(name) ? [[name.slice(0, 64), name]] : [])));
      shards.set(shard, known);
    }
    return known;
  };
  let written = 0;
  return {
    counts,
    place(key, target) {
      const name = entries(key.slice(0, 2)).get(key);
      const path = name && join(shelf, key.slice(0, 2), name);
      if (!path || !wholeFile(path, name.slice(65))) {
        if (path) rmSync(path, { force: true });
        counts.misses++;
        return false;
      }
      try {
        linkSync(path, target);
      } catch {
        copyFileSync(path, target);
      }
      counts.hits++;
      return true;
    },
    keep(key, file, bytes) {
      const folder = join(shelf, key.slice(0, 2));
      mkdirSync(folder, { recursive: true });
      const name = `${key}.${fileHash(bytes ?? readFileSync(file))}`;
      const temporary = join(folder, `.${key}.${process.pid}.${written++}.tmp`);
      try {
        linkSync(file, temporary);
      } catch {
        copyFileSync(file, temporary);
      }
      renameSync(temporary, join(folder, name));
      // Left behind where the entry already was this very file (rename does nothing then).
      rmSync(temporary, { force: true });
      entries(key.slice(0, 2)).set(key, name);
    },
  };
}

/** SHA-1 of a file's bytes: to notice damage, not to resist an attacker, and three times faster than SHA-256. */
const fileHash = (bytes: Uint8Array | string) => createHash("sha1").update(bytes).digest("hex");

/** Whether the entry's bytes are those its name says; if so its date is refreshed (at most once a day) for the sweep. */
function wholeFile(path: string, hash: string): boolean {
  try {
    if (fileHash(readFileSync(path)) !== hash) return false;
    const now = Date.now();
    if (now - statSync(path).mtimeMs > DAY_MS) utimesSync(path, now / 1000, now / 1000);
    return true;
  } catch {
    return false;
  }
}

/**
 * Deletes entries not read for `UNUSED_DAYS` days, and temporary files a killed build left, at most once
 * a day (a build at 20,000 essays has tens of thousands of entries to look at). Returns how many it deleted.
 */
export function sweepCache(dir: CacheDir, now = Date.now()): number {
  if (dir === false) return 0;
  const stamp = join(dir, SWEPT);
  const last = statOrUndefined(stamp)?.mtimeMs;
  if (last !== undefined && now - last < DAY_MS) return 0;
  let deleted = 0;
  for (const kind of readdirOrEmpty(dir)) {
    for (const shard of readdirOrEmpty(join(dir, kind))) {
      for (const name of readdirOrEmpty(join(dir, kind, shard))) {
        const path = join(dir, kind, shard, name);
        const mtime = statOrUndefined(path)?.mtimeMs ?? now;
        const limit = name.endsWith(".tmp") ? 3600_000 : UNUSED_DAYS * DAY_MS;
        if (now - mtime > limit) {
          rmSync(path, { force: true });
          deleted++;
        }
      }
    }
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(stamp, "");
  utimesSync(stamp, now / 1000, now / 1000);
  return deleted;
}

const readdirOrEmpty = (dir: string): string[] => {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir) : [];
  } catch {
    return [];
  }
};

const statOrUndefined = (path: string) => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};
