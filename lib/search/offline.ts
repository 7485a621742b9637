// Search from disk. Browsers refuse fetch() and module imports on file:// pages, so Pagefind cannot load
// its own files there (Pagefind issues #202, #241). Each file its client reads is therefore also written
// as a classic script that hands its bytes to assets/search.js, which answers Pagefind's fetches from
// them, loading only the chunks a query needs. Over http(s) these copies are never requested.
import { OUTPUT } from "../paths/layout.ts";

/** The bundle files Pagefind's client fetches or imports (not a UI's scripts and styles, nor its worker's). */
export function isClientFile(path: string): boolean {
  return (
    path === "pagefind.js" ||
    path === "pagefind-entry.json" ||
    /^pagefind\.[\w-]+\.pf_meta$/.test(path) ||
    /^wasm\.[\w-]+\.pagefind$/.test(path) ||
    /^(index|filter|fragment)\/[\w-]+\.pf_(index|filter|fragment)$/.test(path)
  );
}

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
