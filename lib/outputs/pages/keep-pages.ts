// Keeping the pages a build made in the cache (./essay-pages.ts and ./listing-pages.ts have their keys), on
// its own so that the build's process, which does it while Pagefind indexes (lib/orchestration/run.ts),
// loads no more than it needs.
import { join } from "node:path";
import { fileShelf, type CacheDir } from "../../cache/cache.ts";

/** The cache's folders for essay pages (and their downloads), and for listing pages. */
export const ESSAY_PAGES_SHELF = "essay-pages";
export const LISTING_PAGES_SHELF = "listing-pages";

/** An output file to keep in the cache: its shelf (the essay pages' by default), its key, and its path below the output folder. */
export interface KeptFile {
  shelf?: typeof LISTING_PAGES_SHELF;
  key: string;
  file: string;
}

/**
 * Keeps files just written below `output` in the cache, each written anew (FileShelf.keep). Writing a
 * clean build's 16,000 files at 4,000 essays takes seconds, so a build does it while Pagefind indexes
 * the same folder, which Pagefind only reads; it lets other work run every hundred files.
 */
export async function keepFiles(cache: CacheDir, output: string, files: readonly KeptFile[]): Promise<void> {
  const shelves = { [ESSAY_PAGES_SHELF]: fileShelf(cache, ESSAY_PAGES_SHELF), [LISTING_PAGES_SHELF]: fileShelf(cache, LISTING_PAGES_SHELF) };
  for (let i = 0; i < files.length; i++) {
    if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    const { shelf = ESSAY_PAGES_SHELF, key, file } = files[i]!;
    shelves[shelf].keep(key, join(output, file));
  }
}
