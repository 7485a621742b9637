// What the page being rendered is, for every component in it (the layout sets it): the language of its
// content (authors' names and series' titles are shown as written in it), its words (lib/words/strings.ts),
// and its tree of pages (lib/views/layout.ts), within which links to the menu and search stay.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Strings } from "../lib/words/strings.ts";
import type { TreeView } from "../lib/views/layout.ts";

export interface PageContext {
  /** The page's `<html lang>`. */
  lang: string;
  words: Strings;
  tree: TreeView;
}

export const Page = createContext<PageContext | undefined>(undefined);

export function usePage(): PageContext {
  const page = useContext(Page);
  if (!page) throw new Error("a component was rendered outside the layout, which says what page it is on");
  return page;
}
