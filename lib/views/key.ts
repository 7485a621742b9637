// A page's cache key is its view, hashed with the code: the template is given the view and nothing else
// (./essay.ts, ./listing.ts), and the code (every template, component and module, the words files, the
// lockfile and Node's versions: `codeVersion`) decides what it makes of it. Nothing else can change the page.
import { cacheKey, codeVersion } from "../cache/cache.ts";
import type { EssayPageView } from "./essay.ts";

/** The key of the page a view renders to. */
export function pageKey(view: unknown): string {
  return cacheKey(codeVersion(), JSON.stringify(view));
}

/**
 * What an essay page prints on paper: its view without what the print stylesheet hides and nothing
 * else on the page shows (src/assets/site.css, `@media print`: the pager, the "more by" lists, the
 * language switch). An essay's PDF is keyed by this (lib/pdf/print.ts), so a neighbour's new essay
 * does not print it again. A field added to the view is printed unless named here.
 */
export function printView(view: EssayPageView): unknown {
  const { pager: _pager, moreBy: _moreBy, layout, ...printed } = view;
  const { trees: _trees, ...frame } = layout;
  return { ...printed, layout: frame };
}
