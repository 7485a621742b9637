// The pages: everything Eleventy renders from src/*.11ty.tsx (essay, author, year and series pages, the
// lists, the feeds, the 404 page) and src/assets/. Eleventy itself is the frame each mode runs the other
// kinds around (lib/orchestration/pages.ts, dev-server.ts); what this kind adds is the build cache's part:
// a build puts the essay pages and the listing pages the cache has in place before Eleventy runs
// (./essay-pages.ts, ./listing-pages.ts), and keeps those it wrote in the cache while the index is built
// (./keep-pages.ts).
import { timedAsync } from "../../runtime/timings.ts";
import type { OutputKind } from "../kind.ts";
import { ESSAY_PAGES_SHELF, keepFiles, LISTING_PAGES_SHELF, type KeptFile } from "./keep-pages.ts";

export const pages = {
  name: "pages",
  writes: "every page the templates in src/ render, and src/assets/ as assets/",
  modes: ["build", "dev"],
  cache: {
    shelf: [ESSAY_PAGES_SHELF, LISTING_PAGES_SHELF],
    key:
      "each page's view, the one value its template is given, hashed with the code: essayPageKeys() (./essay-pages.ts, lib/views/essay.ts) for " +
      "an essay's page and downloads, the listing page's kind and view (./listing-pages.ts, lib/views/listing.ts) for the others",
  },
  async afterPages({ essayPages, listingPages, toWrite, listings }) {
    return { keep: [...(essayPages?.toKeep(toWrite.essays) ?? []), ...(listingPages?.toKeep(listings) ?? [])] };
  },
  async besideIndex({ cache, output }, { keep }) {
    if (cache !== false && keep.length > 0) await timedAsync("keep the pages", () => keepFiles(cache, output, keep));
  },
} satisfies OutputKind<"pages", { keep: KeptFile[] }, void>;
