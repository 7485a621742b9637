// The dev server writes into the same output folder after every change, and Eleventy never removes a page
// it no longer makes: an essay deleted or renumbered, a year or listing page emptied, a language no longer
// listed. After a change that rewrote every page, what the archive no longer has is removed, so that
// neither a reader nor the sitemap and search index (both read from the folder) finds it. A build starts
// from an empty folder (lib/orchestration/swap.ts) and never needs this.
import { rmdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { filesBelow } from "../paths/files.ts";
import { OUTPUT } from "../paths/layout.ts";
import { paths } from "../paths/urls.ts";

/** What the archive's content decides: pages, feeds, and essays' downloads (beside their pages). */
const fromContent = (path: string) => /\.(html|xml)$/.test(path) || (path.startsWith(OUTPUT.essays) && /\.(bib|ris|json)$/.test(path));
/** Written again after every change, whatever the content: never outdated. */
const REWRITTEN = new Set<string>([paths.sitemap, paths.robots]);
const OTHER_FOLDERS = [OUTPUT.assets, OUTPUT.figures, OUTPUT.searchBundle];

/**
 * The file a page's URL is written to, below the output folder: Eleventy's `page.url` ("/", "/feed.xml",
 * "/years/2021.html") for the permalinks of src/. https://www.11ty.dev/docs/permalinks/
 */
export function outputFile(url: string): string {
  const path = decodeURI(url).replace(/^\//, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/**
 * Removes the files below `output` that the content decides and `current` (paths below `output`, with
 * "/") does not have, and the folders that leaves empty. Returns the removed files' paths.
 */
export function removeOutdated(output: string, current: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const path of filesBelow(output)) {
    if (!fromContent(path) || REWRITTEN.has(path) || current.has(path)) continue;
    if (OTHER_FOLDERS.some((folder) => path.startsWith(folder))) continue;
    rmSync(join(output, path));
    removed.push(path);
  }
  // Deepest first, so that a folder emptied of folders goes too; a folder that still holds anything stays.
  const folders = new Set(removed.flatMap((path) => ancestors(dirname(path))));
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(join(output, folder));
    } catch {
      // Not empty.
    }
  }
  return removed;
}

function ancestors(folder: string): string[] {
  return folder === "." ? [] : [folder, ...ancestors(dirname(folder))];
}
