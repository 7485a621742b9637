// What every page's frame shows beyond the page itself (_includes/Layout.tsx): the site's address and
// language, the tree of pages it belongs to (its title, description, language and prefix), and the other
// trees the language switch links to. A plain value, part of each page's view (./essay.ts, ./listing.ts),
// so that it is part of each page's key.
import type { Archive, Tree } from "../archive/model.ts";

/** A tree of pages as a page shows it (lib/archive/trees.ts): its own lists are not part of it. */
export interface TreeView {
  lang: string;
  /** "" for the site's language, else "ja/". */
  prefix: string;
  title: string;
  description: string;
}

export interface LayoutView {
  site: {
    /** The site's language: the words of a page whose language has no words file (lib/words/strings.ts). */
    language: string;
    /** The deployment's address, when known: canonical links, the feed. */
    url?: string;
  };
  tree: TreeView;
  /** Every tree's language and prefix, the site language's first: the language switch links to the others' homes. */
  trees: { lang: string; prefix: string }[];
}

/**
 * `{ [key]: value }`, or `{}` where the value is undefined: a view holds a field only where the page has it,
 * so that a view and the same view read back from JSON are one value.
 */
export const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

const treeView = ({ lang, prefix, title, description }: Tree): TreeView => ({ lang, prefix, title, description });

/** The frame of a page of `tree` (by default the site language's). */
export function layoutView(archive: Archive, tree: Tree = archive.trees[0]!): LayoutView {
  const { language, url } = archive.site;
  return {
    site: { language, ...optional("url", url) },
    tree: treeView(tree),
    trees: archive.trees.map(({ lang, prefix }) => ({ lang, prefix })),
  };
}
