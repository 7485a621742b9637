// The tree of pages being rendered (lib/content/trees.ts: the site language's, or another language's under
// its prefix), which the layout sets: links to authors, series and the menu's pages stay in it.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Tree } from "../lib/content/trees.ts";

export const TreeContext = createContext<Tree | undefined>(undefined);

export function useTree(): Tree {
  const tree = useContext(TreeContext);
  if (!tree) throw new Error("a component that links within a tree was rendered outside the layout");
  return tree;
}
