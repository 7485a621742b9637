// Keeping the essay pages a build made in the cache (./essay-pages.ts has their keys), on its own so that
// the build's process, which does it while Pagefind indexes (lib/orchestration/run.ts), loads no more than it needs.
import { join } from "node:path";
import { fileShelf, type CacheDir } from "../../cache/cache.ts";

/** The cache's folder for essay pages. */
export const ESSAY_PAGES_SHELF = "essay-pages";

/** An output file to keep in the cache: its key, and its path below the output folder. */
export interface KeptFile {
  key: string;
  file: string;
}

/**
 * Keeps files just written below `output` in the cache, each written anew (FileShelf.keep). Writing a
 * clean build's 16,000 files at 4,000 essays takes seconds, so a build does it while Pagefind indexes
 * the same folder, which Pagefind only reads; it lets other work run every hundred files.
 */
export async function keepFiles(cache: CacheDir, output: string, files: readonly KeptFile[]): Promise<void> {
  const shelf = fileShelf(cache, ESSAY_PAGES_SHELF);
  for (let i = 0; i < files.length; i++) {
    if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    shelf.keep(files[i]!.key, join(output, files[i]!.file));
  }
}
