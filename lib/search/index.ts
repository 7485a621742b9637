// The Pagefind index, built through Pagefind's Node API, which runs Pagefind in its own process.
// https://pagefind.app/docs/node-api/
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import { isClientFile, isUnusedUi, offlineScript } from "./offline.ts";
import { ESSAY_PAGES, paths } from "../pages/urls.ts";

/**
 * Links inside an essay's body that are not its text, left out of the index so that excerpts read as
 * prose: each heading's permalink ("Link to the section “…” #", markdown-it-anchor's `header-anchor`) and
 * a note's marker and way back (markdown-it-footnote). Only the body is indexed at all: the essay page marks
 * it `data-pagefind-body`, and its header (title, byline, number) is metadata, filters and sorts.
 */
const NOT_TEXT = ["a.header-anchor", ".footnote-ref", "a.footnote-backref"];

/**
 * Indexes the essay pages written below `outputDir` and writes the bundle into `<outputDir>/pagefind/`,
 * replacing what was there, with a classic-script copy of each file the client reads (lib/search/offline.ts).
 *
 * Pages are read back from disk rather than handed over as they render: Pagefind's service handles
 * addHTMLFile messages one at a time, while addDirectory parses files on every core (measured at 4,000
 * essays: 6.2 s against 2.1 s; see the README's performance section).
 */
export async function writeSearchIndex(outputDir: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ writePlayground: false, excludeSelectors: NOT_TEXT });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: outputDir, glob: ESSAY_PAGES });
    if (added.errors.length) throw new Error(`Pagefind could not index the essays: ${added.errors.join("; ")}`);
    const bundle = join(outputDir, paths.searchBundle);
    await rm(bundle, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    for (const name of readdirSync(bundle, { recursive: true, encoding: "utf8" })) {
      const path = name.replaceAll("\\", "/");
      if (isUnusedUi(path)) rmSync(join(bundle, path));
      else if (isClientFile(path)) {
        const copy = offlineScript(path, readFileSync(join(bundle, path)));
        mkdirSync(dirname(join(bundle, copy.path)), { recursive: true });
        writeFileSync(join(bundle, copy.path), copy.content);
      }
    }
  } finally {
    await pagefind.close();
  }
}
