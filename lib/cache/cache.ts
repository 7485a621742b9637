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
import {
  closeSync,
  copyFileSync,
  fstatSync,
  futimesSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { filesBelow, namesIn } from "../paths/files.ts";
import { CONTENT, TEMPLATES } from "../paths/layout.ts";

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
 * What every key starts with: the code that makes a result, whole. Every file of this repository's
 * templates, components and typed core (whatever its kind: TypeScript, the words files, the citation
 * styles), the wiring, the lockfile (the resolved version of every library, however deep), and the
 * versions of Node and its ICU (dates and numbers are formatted through Intl). A key is then complete by
 * construction: no list of "the modules this result depends on" to keep in step with the code, at the
 * price that any edit to the code makes every entry new (a developer's cost, never an editor's).
 * The entry points in scripts/ only pass arguments on, and the content folders below src/ are content.
 */
export function codeVersion(): string {
  version ??= cacheKey(JSON.stringify(process.versions), ...codeFiles().flatMap((file) => [file, readFileSync(new URL(file, REPO))]));
  return version;
}

/** The files `codeVersion` reads, relative to the repository, sorted. */
export const codeFiles = (): string[] => CODE.flatMap(filesOf);

const REPO = new URL("../../", import.meta.url);
const CODE = [".eleventy.ts", "package-lock.json", TEMPLATES.templates, "_includes", "lib"];
/** The folders below the templates' folder that hold this repository's own archive, not code. */
const CONTENT_FOLDERS = [CONTENT.essays, CONTENT.figures].map((folder) => `${folder}/`);
let version: string | undefined;

/** `path` (a file, or a folder's files, sorted), relative to the repository. */
function filesOf(path: string): string[] {
  const url = new URL(path, REPO);
  if (!statSync(url).isDirectory()) return [path];
  return filesBelow(fileURLToPath(url))
    .map((file) => `${path}/${file}`)
    .filter((file) => !CONTENT_FOLDERS.some((folder) => file.startsWith(folder)));
}

/**
 * The cache's folder cannot be written (read-only, full, not a folder). The build stops rather than build
 * without it: a build that quietly became several times slower would leave the editor to find out why.
 */
export class CacheWriteError extends Error {
  constructor(dir: string, error: unknown) {
    super(
      `The build cache ${dir} cannot be written (${error instanceof Error ? error.message : String(error)}). ` +
        "Make it writable or delete it; or build with --cache DIR to keep it elsewhere, or with --no-cache to build without it.",
    );
  }
}

/** Throws CacheWriteError unless the cache's folder can be written (it is made if missing). */
export function checkCacheWritable(dir: CacheDir): void {
  if (dir === false) return;
  const probe = join(dir, `.probe-${process.pid}.tmp`);
  writing(dir, () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, "");
    rmSync(probe);
  });
}

/** Runs a write into the cache, turning its failure into a CacheWriteError. */
function writing<T>(dir: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw new CacheWriteError(dir, error);
  }
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
      const temporary = join(folder, `.${key}.${process.pid}.${written++}.tmp`);
      writing(dir, () => {
        if (!made.has(folder)) mkdirSync(folder, { recursive: true });
        made.add(folder);
        writeFileSync(temporary, JSON.stringify({ key, value }));
        renameSync(temporary, pathOf(key));
      });
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

/** One kind of entry that is a whole file (an essay's page). */
export interface FileShelf {
  /**
   * Puts the entry for `key` at `target` and returns true, if there is a whole one: the file `earlier` (the
   * previous output's) moved in by a hard link, when it holds the entry's very bytes and no other name
   * has it; else a copy of the entry.
   */
  place(key: string, target: string, earlier?: string): boolean;
  /** Keeps a copy of `file` as the entry for `key`. */
  keep(key: string, file: string): void;
  readonly counts: { hits: number; misses: number };
}

/**
 * The cache of one kind of file. An entry is `<kind>/<first two hex digits>/<key>.<hash of its bytes>`,
 * so that a torn or edited entry is known by its bytes no longer matching its name, and is ignored. An
 * output never shares a file with the cache: a kept file is written anew, and an entry is put in place
 * as a new file with its bytes (checked against its name). Whatever later rewrites an output's file in
 * place (the dev server, a deploy step, an editor's tool) changes that output alone.
 *
 * Writing a new file costs: at 4,000 essays, copying the 16,000 files of the essays the next build does
 * not render took 4.4 s against 1.0 s for hard links from the cache (ext4; the benchmark's next build).
 * So the file the output folder being replaced already has is moved into the new one by a hard link,
 * when its bytes are the entry's (its hash is the entry's name) and it has no other name (not the
 * cache's, nor another output's). The previous output is set aside and deleted once the build is in
 * place (lib/orchestration/run.ts): from then on the file is the new output's alone.
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
      known = new Map(namesIn(join(shelf, shard)).flatMap((name) => (/^[0-9a-f]{64}\.[0-9a-f]{40}$/.test(name) ? [[name.slice(0, 64), name]] : [])));
      shards.set(shard, known);
    }
    return known;
  };
  const made = new Set<string>();
  let written = 0;
  return {
    counts,
    place(key, target, earlier) {
      const name = entries(key.slice(0, 2)).get(key);
      const path = name && join(shelf, key.slice(0, 2), name);
      if (path && earlier && soleCopyOf(earlier, name.slice(65))) {
        linkSync(earlier, target);
        // In use, though not read: the sweep must keep it.
        refresh(path);
        counts.hits++;
        return true;
      }
      const bytes = path ? wholeFile(path, name.slice(65)) : undefined;
      if (!bytes) {
        if (path) rmSync(path, { force: true });
        counts.misses++;
        return false;
      }
      writeFileSync(target, bytes);
      counts.hits++;
      return true;
    },
    keep(key, file) {
      const folder = join(shelf, key.slice(0, 2));
      const name = `${key}.${hashOfFile(file)}`;
      const temporary = join(folder, `.${key}.${process.pid}.${written++}.tmp`);
      writing(dir, () => {
        if (!made.has(folder)) mkdirSync(folder, { recursive: true });
        made.add(folder);
        copyFileSync(file, temporary);
        renameSync(temporary, join(folder, name));
      });
      entries(key.slice(0, 2)).set(key, name);
    },
  };
}

/** Whether `file` holds the bytes whose hash is `hash`, and has no other name. */
function soleCopyOf(file: string, hash: string): boolean {
  try {
    return statSync(file).nlink === 1 && fileHash(readFileSync(file)) === hash;
  } catch {
    return false;
  }
}

/**
 * SHA-1 of a file's bytes, read through one buffer: the build keeps thousands of pages while Pagefind
 * runs beside it, and a buffer per file would add to the memory the two hold at once.
 */
function hashOfFile(file: string): string {
  const hash = createHash("sha1");
  const fd = openSync(file, "r");
  try {
    for (let read: number; (read = readSync(fd, chunk, 0, chunk.byteLength, null)) > 0; ) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}
const chunk = Buffer.alloc(64 * 1024);

/** SHA-1 of a file's bytes: to notice damage, not to resist an attacker, and three times faster than SHA-256. */
const fileHash = (bytes: Uint8Array) => createHash("sha1").update(bytes).digest("hex");

/** The entry's bytes, if they are those its name says; its date is then refreshed for the sweep. */
function wholeFile(path: string, hash: string): Buffer | undefined {
  try {
    const bytes = readFileSync(path);
    if (fileHash(bytes) !== hash) return undefined;
    refresh(path);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Marks an entry in use, so that the sweep keeps it: its date is set to now, at most once a day. */
function refresh(path: string): void {
  const now = Date.now();
  if (now - statSync(path).mtimeMs > DAY_MS) utimesSync(path, now / 1000, now / 1000);
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
  for (const kind of namesIn(dir)) {
    for (const shard of namesIn(join(dir, kind))) {
      for (const name of namesIn(join(dir, kind, shard))) {
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
  writing(dir, () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(stamp, "");
    utimesSync(stamp, now / 1000, now / 1000);
  });
  return deleted;
}

const statOrUndefined = (path: string) => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};
