// Writes an archive's pages in the test's own process, as the build's page process does (lib/orchestration/pages.ts),
// and keeps the essay pages in the cache as the build then does, without the search index. Eleventy imports the TSX templates with Node's own import(), which learns
// TypeScript here as the build's processes do, through tsx. https://tsx.is/dev-api/register-esm
import { join } from "node:path";
import { register } from "tsx/esm/api";
import { keepFiles, type KeptFile } from "../../lib/outputs/pages/keep-pages.ts";
import { writePages, type CacheCounts } from "../../lib/orchestration/pages.ts";
import { tempDir } from "./scratch.ts";

let registered = false;

/**
 * Writes the pages of `root` into a new folder, with the build cache `cache` or none; returns the folder
 * and what the cache gave.
 */
export async function writePagesHere(root: string, cache: string | false): Promise<{ output: string; cache: CacheCounts }> {
  if (!registered) register();
  registered = true;
  const output = join(await tempDir("pages-"), "out");
  let error = "";
  let counts: CacheCounts | undefined;
  let keep: KeptFile[] = [];
  const ok = await writePages({
    root,
    staging: output,
    cache,
    verbose: false,
    send: async (m) => {
      if ("error" in m) error = m.error;
      if ("done" in m) {
        counts = m.done.cache;
        keep = m.done.handovers.pages?.keep ?? [];
      }
    },
  });
  if (!ok || !counts) throw new Error(error);
  // Kept in the cache as the build keeps them, after the pages (the pages kind's step beside the index, lib/outputs/pages/index.ts).
  if (cache !== false) await keepFiles(cache, output, keep);
  return { output, cache: counts };
}
