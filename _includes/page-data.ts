import type { CitationSource } from "../lib/cite/essay.ts";
import type { Archive } from "../lib/content/model.ts";
import { inTree, type Tree } from "../lib/content/trees.ts";

/** What every page template is handed: the archive, and its essays' citations. */
export interface PageData {
  archive: Archive;
  citations: CitationSource;
}

/**
 * The data of a template with one page per tree (home, years, authors, series and search pages): paginated
 * over the trees, each page at `path` under its tree's prefix. https://www.11ty.dev/docs/pagination/
 */
export function onePerTree(path: string) {
  return {
    pagination: { data: "archive.trees", size: 1, alias: "tree" },
    permalink: (data: { tree: Tree }) => inTree(data.tree, path),
  };
}
