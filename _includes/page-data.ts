import type { ListingViews } from "../lib/views/listing.ts";

/** What every page template is handed: the archive, the pages to write, the listing pages' views to write, and its essays' citations (.eleventy.ts). */
export type { PagesData as PageData } from "../.eleventy.ts";

/**
 * The data of a listing template (lib/views/listing.ts): one page per view of its kind that this build
 * writes (those the build cache has not got), each given its view as `view`, at the view's path.
 * https://www.11ty.dev/docs/pagination/
 */
export function listingsOf(kind: keyof ListingViews) {
  return {
    pagination: { data: `listings.${kind}`, size: 1, alias: "view" },
    permalink: (data: { view: { path: string } }) => data.view.path,
  };
}
