// The search index as the build writes it: one Pagefind bundle per shard (./shards.ts), each made from its
// essays' search documents (./document.tsx), below `pagefind/<lang>/<first 16 hex digits of its key>/`,
// one copy of Pagefind's client at `pagefind/`, and `pagefind/shards.json`, the list the search page reads.
//
// A shard's key is the code (its version hashes every template and module, and the lockfile, which names
// Pagefind's version), the Pagefind binary the environment chose, and its documents' bytes: complete by
// construction, since a shard's bundle is made from nothing else. Its files are kept in the build cache,
// one entry each, and a listing of them; a build puts in place the shards the cache has (each file moved
// in from the output being replaced when it holds the same bytes, as the essay pages are: lib/cache/) and
// indexes the others, so the next build after one new essay indexes the one shard it joined.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { z } from "zod";
import type { Archive, Essay } from "../archive/model.ts";
import { cacheKey, cacheShelf, codeVersion, fileShelf, type CacheDir } from "../cache/cache.ts";
import { byCodePoint } from "../content/order.ts";
import { OUTPUT } from "../paths/layout.ts";
import { paths } from "../paths/urls.ts";
import { searchDocument, sortValues } from "./document.tsx";
import { isClientFile, isSharedClient, isUnusedUi, offlineScript, SHARD_FOLDER, shardFolder, SHARDS_FILE, SORTS_FILE } from "./offline.ts";
import { indexWithPagefind, pagefindChoice } from "./pagefind.ts";
import { searchShards, type SearchShard } from "./shards.ts";

/** The cache's folders: each shard's listing, and its files. */
export const SEARCH_SHELVES = { listings: "search-shards", files: "search-shard-files" } as const;

/** What a shard's bundle holds, below the bundle's folder: kept in the cache as its listing. */
const Listing = z.object({
  /** Pages Pagefind indexed. */
  pages: z.number().int().nonnegative(),
  /** Its language's metadata file, in its folder ("pagefind.en_0a1b2c3d4e.pf_meta"), and the WebAssembly it is searched with ("en", or "unknown"). */
  meta: z.string(),
  wasm: z.string(),
  /** Its own files, below the bundle (its folder's, and their copies for search from disk). */
  files: z.array(z.string()),
  /** Pagefind's client files its run wrote, which every shard's run writes the same: kept once, at the bundle's top. */
  client: z.array(z.string()),
  /** The bytes of its own files the client reads, and of their copies for search from disk (the build's summary). */
  bytes: z.number().int().nonnegative(),
  offlineBytes: z.number().int().nonnegative(),
});
type Listing = z.infer<typeof Listing>;

/** A shard as the build plans it, after the pages. */
export interface PlannedShard {
  lang: string;
  first: string;
  last: string;
  essays: number;
  key: string;
  /** Its folder below the bundle: "en/0123456789abcdef/". */
  folder: string;
  /** What it holds, when the cache had it and it is in place. */
  listing?: Listing;
  /** Where its documents and sort table are, when it must be indexed. */
  documents?: string;
}

export interface SearchPlan {
  shards: PlannedShard[];
  /** The temporary folder of the documents to index, if any: the step that indexes removes it. */
  documents?: string;
}

/** What the bundle's list of shards says, per language: the WebAssembly to load (`wasm.<wasm>.pagefind`), and the shards, oldest first (`pagefind/shards.json`). */
export interface ShardsFile {
  languages: Record<string, { wasm: string; shards: { path: string; pages: number; first: string; last: string; meta: string }[] }>;
}

/** The sort table of a shard: each sort's values, in the order Pagefind sorts them (numbers as numbers). */
function sortTable(essays: readonly Essay[]): Record<string, (string | number)[]> {
  const values = essays.map(sortValues);
  return {
    date: values.map((v) => v.date).sort(byCodePoint),
    number: values.map((v) => Number(v.number)).sort((a, b) => a - b),
  };
}

/**
 * Plans the search index of `archive` into `output`: puts in place each shard the cache has (moving in
 * files `previous` has whole; in the dev server, leaving a shard that is already in `output`), and writes
 * the documents of the others, to be indexed by `writeSearchIndex`.
 */
export function planSearchIndex(archive: Archive, { output, previous, cache }: { output: string; previous?: string | undefined; cache: CacheDir }): SearchPlan {
  const listings = cacheShelf(cache, SEARCH_SHELVES.listings, Listing);
  const files = fileShelf(cache, SEARCH_SHELVES.files);
  const bundle = join(output, paths.searchBundle);
  const before = previous && join(previous, paths.searchBundle);
  const made = new Set<string>();
  const folderOf = (file: string) => {
    const folder = dirname(file);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
  const placedClient = new Set<string>();
  /** Puts a listed shard's files in place, all or none. */
  const place = (key: string, listing: Listing): boolean => {
    const placed: string[] = [];
    const wanted = [
      ...listing.files.map((file) => [cacheKey(key, file), file] as const),
      ...listing.client
        .filter((file) => !placedClient.has(file) && !existsSync(join(bundle, file)))
        .map((file) => [cacheKey(key, "client", file), file] as const),
    ];
    for (const [entry, file] of wanted) {
      const target = join(bundle, file);
      folderOf(target);
      if (!files.place(entry, target, before && join(before, file))) {
        for (const done of placed) rmSync(done, { force: true });
        return false;
      }
      placed.push(target);
    }
    for (const file of listing.client) placedClient.add(file);
    return true;
  };

  const plan: SearchPlan = { shards: [] };
  for (const shard of searchShards(archive.essays)) {
    const documents = shard.essays.map((essay) => [essay.path, searchDocument(essay, archive.site.language)] as const);
    const key = cacheKey(codeVersion(), pagefindChoice(), shard.lang, ...documents.flat());
    const planned: PlannedShard = {
      lang: shard.lang,
      first: shard.first,
      last: shard.last,
      essays: shard.essays.length,
      key,
      folder: shardFolder(shard.lang, key),
    };
    const listing = listings.get(key);
    const inPlace = listing && existsSync(join(bundle, planned.folder, "pagefind-entry.json")) && listing.files.every((file) => existsSync(join(bundle, file)));
    if (listing && (inPlace || place(key, listing))) planned.listing = listing;
    else {
      plan.documents ??= mkdtempSync(join(tmpdir(), "essay-archive-search-"));
      planned.documents = join(plan.documents, `${plan.shards.length}`);
      writeDocuments(planned.documents, shard, documents);
    }
    plan.shards.push(planned);
  }
  return plan;
}

function writeDocuments(folder: string, shard: SearchShard, documents: readonly (readonly [string, string])[]): void {
  const made = new Set<string>();
  for (const [path, html] of documents) {
    const file = join(folder, path);
    if (!made.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
    made.add(dirname(file));
    writeFileSync(file, html);
  }
  writeFileSync(join(folder, SORTS_FILE), `${JSON.stringify(sortTable(shard.essays))}\n`);
}

export interface SearchIndex {
  /** Pages indexed, in every shard. */
  pages: number;
  shards: { total: number; indexed: number; pagesIndexed: number };
  /** Bytes of the bundle the client reads, and of their file:// copies. */
  bytes: number;
  offlineBytes: number;
}

export interface WriteOptions {
  output: string;
  cache: CacheDir;
  /** Whether to check each shard indexed against the cache's entry for it (`--audit-cache`); differences are thrown. */
  audit?: boolean;
  /** The dev server: shards no longer planned are removed from `output`. */
  removeOthers?: boolean;
  onLine?: (line: string) => void;
  signal?: AbortSignal;
}

/** A shard the cache had differs from the same shard indexed anew (`--audit-cache`). */
export class StaleShardError extends Error {}

/**
 * Indexes the shards the plan could not put in place, keeps them in the cache, and writes the list of
 * shards, last, so that a reader never meets a list naming a shard not yet there.
 */
export async function writeSearchIndex(plan: SearchPlan, { output, cache, audit, removeOthers, onLine, signal }: WriteOptions): Promise<SearchIndex> {
  const bundle = join(output, paths.searchBundle);
  const listings = cacheShelf(cache, SEARCH_SHELVES.listings, Listing);
  const files = fileShelf(cache, SEARCH_SHELVES.files);
  const result: SearchIndex = { pages: 0, shards: { total: plan.shards.length, indexed: 0, pagesIndexed: 0 }, bytes: 0, offlineBytes: 0 };
  try {
    for (const shard of plan.shards) {
      if (!shard.documents) continue;
      signal?.throwIfAborted();
      const pages = await indexWithPagefind(shard.documents, join(bundle, shard.folder), { onLine, signal });
      if (pages !== shard.essays) throw new Error(`Pagefind indexed ${pages} pages of the ${shard.essays} essays of a shard (${shard.folder}).`);
      const listing = finishShard(bundle, shard, pages);
      const cached = listings.get(shard.key);
      if (audit && cache !== false) auditShard(cached, listing, shard, bundle, files);
      if (cache !== false && !cached) {
        for (const file of listing.files) files.keep(cacheKey(shard.key, file), join(bundle, file));
        for (const file of listing.client) files.keep(cacheKey(shard.key, "client", file), join(bundle, file));
        listings.set(shard.key, listing);
      }
      shard.listing = listing;
      result.shards.indexed++;
      result.shards.pagesIndexed += pages;
    }
  } finally {
    if (plan.documents) rmSync(plan.documents, { recursive: true, force: true });
  }
  const list: ShardsFile = { languages: {} };
  for (const shard of plan.shards) {
    const listing = shard.listing!;
    result.pages += listing.pages;
    (list.languages[shard.lang] ??= { wasm: listing.wasm, shards: [] }).shards.push({
      path: shard.folder,
      pages: listing.pages,
      first: shard.first,
      last: shard.last,
      meta: listing.meta,
    });
  }
  const listBytes = Buffer.from(`${JSON.stringify(list)}\n`);
  // Written whole under another name and renamed: the dev server's reader never reads half a list.
  writeOffline(bundle, SHARDS_FILE, listBytes);
  writeFileSync(join(bundle, `${SHARDS_FILE}.tmp`), listBytes);
  renameSync(join(bundle, `${SHARDS_FILE}.tmp`), join(bundle, SHARDS_FILE));
  if (removeOthers) removeOtherShards(bundle, plan);
  // The shards' sizes are in their listings; only the few files at the bundle's top (Pagefind's client,
  // its WebAssembly, the list) are looked at, so a next build does not stat every file of the archive's index.
  for (const shard of plan.shards) {
    result.bytes += shard.listing!.bytes;
    result.offlineBytes += shard.listing!.offlineBytes;
  }
  for (const [folder, into] of [
    ["", "bytes"],
    [OUTPUT.offline, "offlineBytes"],
  ] as const) {
    for (const entry of readdirSync(join(bundle, folder), { withFileTypes: true }))
      if (entry.isFile()) result[into] += statSync(join(bundle, folder, entry.name)).size;
  }
  return result;
}

/**
 * Tidies a shard Pagefind has just written: its UI files go, the client files every shard shares go up
 * to the bundle's top, its sort table joins it, and each file the client reads gets its copy for search
 * from disk. Returns its listing.
 */
function finishShard(bundle: string, shard: PlannedShard, pages: number): Listing {
  const folder = join(bundle, shard.folder);
  const listing: Listing = { pages, meta: "", wasm: "", files: [], client: [], bytes: 0, offlineBytes: 0 };
  writeFileSync(join(folder, SORTS_FILE), readFileSync(join(shard.documents!, SORTS_FILE)));
  const entry = JSON.parse(readFileSync(join(folder, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string; wasm?: string | null }> };
  const language = Object.values(entry.languages)[0];
  if (!language || Object.keys(entry.languages).length !== 1)
    throw new Error(`Pagefind made ${Object.keys(entry.languages).length} language indexes for one shard (${shard.folder}).`);
  listing.meta = `pagefind.${language.hash}.pf_meta`;
  listing.wasm = language.wasm ?? "unknown";
  for (const name of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort(byCodePoint)) {
    const inFolder = name.replaceAll("\\", "/");
    const path = `${shard.folder}${inFolder}`;
    if (isUnusedUi(inFolder)) rmSync(join(folder, inFolder));
    else if (isSharedClient(inFolder)) {
      if (!existsSync(join(bundle, inFolder))) {
        renameSync(join(folder, inFolder), join(bundle, inFolder));
        writeOffline(bundle, inFolder, readFileSync(join(bundle, inFolder)));
      } else rmSync(join(folder, inFolder));
      listing.client.push(inFolder, offlineScript(inFolder, new Uint8Array()).path);
    } else if (isClientFile(path)) {
      const bytes = readFileSync(join(bundle, path));
      const copy = writeOffline(bundle, path, bytes);
      listing.files.push(path, copy.path);
      listing.bytes += bytes.byteLength;
      listing.offlineBytes += copy.bytes;
    }
  }
  return listing;
}

/** Writes the classic-script copy of a bundle file; returns its path below the bundle, and its size. */
function writeOffline(bundle: string, path: string, bytes: Uint8Array): { path: string; bytes: number } {
  const copy = offlineScript(path, bytes);
  mkdirSync(dirname(join(bundle, copy.path)), { recursive: true });
  writeFileSync(join(bundle, copy.path), copy.content);
  return { path: copy.path, bytes: Buffer.byteLength(copy.content) };
}

/** Throws StaleShardError if the cache's shard differs from the one just indexed under the same key. */
function auditShard(cached: Listing | undefined, fresh: Listing, shard: PlannedShard, bundle: string, files: ReturnType<typeof fileShelf>): void {
  if (!cached) return;
  const differ: string[] = [];
  if (JSON.stringify(cached) !== JSON.stringify(fresh)) differ.push(`${shard.folder} (its list of files)`);
  const scratch = mkdtempSync(join(tmpdir(), "essay-archive-audit-"));
  try {
    const entries = [
      ...fresh.files.map((file) => [cacheKey(shard.key, file), file]),
      ...fresh.client.map((file) => [cacheKey(shard.key, "client", file), file]),
    ];
    for (const [entry, file] of entries as [string, string][]) {
      const copy = join(scratch, "file");
      if (!files.place(entry, copy) || !readFileSync(copy).equals(readFileSync(join(bundle, file)))) differ.push(file);
      rmSync(copy, { force: true });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (differ.length > 0)
    throw new StaleShardError(`the cache's search index differs from the one made anew: ${paths.searchBundle}${differ.join(`, ${paths.searchBundle}`)}`);
}

/** The dev server's bundle keeps only the planned shards (and their copies for search from disk). */
function removeOtherShards(bundle: string, plan: SearchPlan): void {
  const kept = new Set(plan.shards.map((s) => s.folder));
  for (const top of ["", OUTPUT.offline]) {
    for (const lang of readdirSync(join(bundle, top), { withFileTypes: true })) {
      if (!lang.isDirectory()) continue;
      for (const shard of readdirSync(join(bundle, top, lang.name))) {
        const folder = `${lang.name}/${shard}/`;
        if (SHARD_FOLDER.test(folder) && !kept.has(folder)) rmSync(join(bundle, top, folder), { recursive: true, force: true });
      }
    }
  }
}
