// The listing pages (home, years, each year's pages, each series, the series index, the authors, each
// author's pages, the feeds, the search pages, the 404 page) as the build cache keeps them, as the essay
// pages are (./essay-pages.ts): each is rendered from one plain value, its view (lib/views/listing.ts), and
// its template is given that value and nothing else, so its key is the view hashed with the code and its
// kind (lib/views/key.ts). A build puts each page whose key the cache holds in place before Eleventy runs,
// and Eleventy renders only the others: after a new essay, the home page, the years, its year's pages, its
// series' and its authors' pages, the indexes that count them, the feed; not the other years, series or
// authors. The differential tests (test/integration/cache-differential.test.ts) and `--audit-cache` compare
// them with pages written without the cache, as they do the essay pages.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Archive } from "../../archive/model.ts";
import { fileShelf, type CacheDir } from "../../cache/cache.ts";
import { pageKey } from "../../views/key.ts";
import { listingViews, type ListingViews } from "../../views/listing.ts";
import { LISTING_PAGES_SHELF, type KeptFile } from "./keep-pages.ts";

export interface ListingPages {
  /**
   * Puts the listing pages the cache has into `output`, moving in those `previous` has whole
   * (`FileShelf.place`); returns the views of the pages to render.
   */
  reuse(output: string, previous?: string): ListingViews;
  /** The pages rendered from these views, once written, to keep in the cache under their keys (`keepFiles`). */
  toKeep(views: ListingViews): KeptFile[];
  /** Listing pages that came from the cache, and pages rendered. */
  readonly counts: { hits: number; misses: number };
}

type Kind = keyof ListingViews;
const kindsOf = (views: ListingViews) => Object.keys(views) as Kind[];

export function listingPages(cache: CacheDir, archive: Archive): ListingPages {
  const shelf = fileShelf(cache, LISTING_PAGES_SHELF);
  const counts = { hits: 0, misses: 0 };
  const keys = new Map<object, string>();
  const keyOf = (kind: Kind, view: object) => {
    let key = keys.get(view);
    if (key === undefined) keys.set(view, (key = pageKey([kind, view])));
    return key;
  };
  return {
    counts,
    reuse(output, previous) {
      const all = listingViews(archive);
      const make = {} as Record<Kind, { path: string }[]>;
      for (const kind of kindsOf(all)) {
        const views: { path: string }[] = all[kind];
        make[kind] =
          cache === false
            ? views
            : views.filter((view) => {
                const target = join(output, view.path);
                mkdirSync(dirname(target), { recursive: true });
                return !shelf.place(keyOf(kind, view), target, previous && join(previous, view.path));
              });
        counts.misses += make[kind].length;
        counts.hits += views.length - make[kind].length;
      }
      return make as unknown as ListingViews;
    },
    toKeep(views) {
      if (cache === false) return [];
      return kindsOf(views).flatMap((kind) =>
        (views[kind] as { path: string }[]).map((view) => ({ shelf: LISTING_PAGES_SHELF, key: keyOf(kind, view), file: view.path })),
      );
    },
  };
}
