// Search from disk. Browsers refuse fetch() and module imports on file:// pages, so Pagefind cannot load
// its own files there (Pagefind issues #202, #241). Each file its client reads is therefore also written
// as a classic script that hands its bytes to assets/search.js, which answers Pagefind's fetches from
// them, loading only the chunks a query needs. Over http(s) these copies are never requested.
import { OUTPUT } from "../paths/layout.ts";

/** A shard's folder in the bundle: its language, then the first 16 hex digits of its key ("en/0123456789abcdef/"). */
export const shardFolder = (lang: string, key: string): string => `${lang}/${key.slice(0, 16)}/`;
/** What starts a path in a shard's folder (`shardFolder`). */
export const SHARD_FOLDER = /^[A-Za-z0-9-]+\/[0-9a-f]{16}\//;

/**
 * The bundle files the search page reads: Pagefind's client and WebAssembly, the list of shards, and each
 * shard's entry, metadata, chunks and sort table (not a UI's scripts and styles, nor Pagefind's worker).
 */
export function isClientFile(path: string): boolean {
  if (path === "pagefind.js" || path === SHARDS_FILE || /^wasm\.[\w-]+\.pagefind$/.test(path)) return true;
  const folder = SHARD_FOLDER.exec(path);
  if (!folder) return false;
  const file = path.slice(folder[0].length);
  return (
    file === "pagefind-entry.json" ||
    file === SORTS_FILE ||
    /^pagefind\.[\w-]+\.pf_meta$/.test(file) ||
    /^(index|filter|fragment)\/[\w-]+\.pf_(index|filter|fragment)$/.test(file)
  );
}

/** The list of shards, at the bundle's top (lib/search/index.ts writes it, assets/search.js reads it). */
export const SHARDS_FILE = "shards.json";
/** In each shard's folder: its essays' sort values, in Pagefind's order, so that sorted results merge. */
export const SORTS_FILE = "sorts.json";

/** The classic script that registers one bundle file: `offline/<path>.js`. */
export function offlineScript(path: string, bytes: Uint8Array): { path: string; content: string } {
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  return {
    path: `${OUTPUT.offline}${path}.js`,
    content: `__pagefindOffline(${JSON.stringify(path)},"${base64}");\n`,
  };
}

/**
 * Pagefind's files the search page does not use, left out of dist/: its UIs (the page has its own, on
 * Pagefind's JS API) and its worker script (the page runs Pagefind in a worker of its own).
 */
export function isUnusedUi(path: string): boolean {
  return /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/.test(path) || path === "pagefind-worker.js";
}

/** Pagefind's files every shard's run writes the same (its client and WebAssembly): one copy, at the bundle's top. */
export function isSharedClient(path: string): boolean {
  return path === "pagefind.js" || /^wasm\.[\w-]+\.pagefind$/.test(path);
}
