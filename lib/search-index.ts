// The Pagefind index, built through Pagefind's Node API, which runs Pagefind in its own process.
// https://pagefind.app/docs/node-api/
import { mkdirSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import { isClientFile, isUnusedUi, offlineScript } from "./search-offline.ts";
import { ESSAY_PAGES } from "./urls.ts";

export const SEARCH_BUNDLE = "pagefind";

/**
 * Indexes the essay pages written below `outputDir` and writes the bundle into `<outputDir>/pagefind/`,
 * replacing what was there, with a classic-script copy of each file the client reads (lib/search-offline.ts).
 *
 * Pages are read back from disk rather than handed over as they render: Pagefind's service handles
 * addHTMLFile messages one at a time, while addDirectory parses files on every core (measured at 4,000
 * essays: 6.2 s against 2.1 s; see the README's performance section).
 */
export async function writeSearchIndex(outputDir: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ writePlayground: false });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: outputDir, glob: ESSAY_PAGES });
    if (added.errors.length) throw new Error(`Pagefind could not index the essays: ${added.errors.join("; ")}`);
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length) throw new Error(`Pagefind could not build its index: ${fileErrors.join("; ")}`);
    const bundle = join(outputDir, SEARCH_BUNDLE);
    await rm(bundle, { recursive: true, force: true });
    const outputs = files
      .filter((f) => !isUnusedUi(f.path))
      .flatMap((f) => (isClientFile(f.path) ? [f, offlineScript(f.path, f.content)] : [f]));
    // One file after another: a large archive has tens of thousands, more than may be open at once.
    for (const dir of new Set(outputs.map((f) => dirname(join(bundle, f.path))))) mkdirSync(dir, { recursive: true });
    for (const f of outputs) writeFileSync(join(bundle, f.path), f.content);
  } finally {
    await pagefind.close();
  }
}
