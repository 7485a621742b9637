// The tree of pages being rendered (lib/content/trees.ts: the site language's, or another language's under
// its prefix), which the layout sets: links to authors, series and the menu's pages stay in it.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { inTree, type Tree } from "../lib/content/trees.ts";

export const TreeContext = createContext<Tree | undefined>(undefined);

export function useTree(): Tree {
  const tree = useContext(TreeContext);
  if (!tree) throw new Error("a component that links within a tree was rendered outside the layout");
  return tree;
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
