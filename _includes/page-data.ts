import { inTree, type Tree } from "../lib/archive/trees.ts";

/** What every page template is handed: the archive, the pages to write, and its essays' citations (.eleventy.ts). */
export type { PagesData as PageData } from "../.eleventy.ts";

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
