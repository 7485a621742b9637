// The pages: everything Eleventy renders from src/*.11ty.tsx (essay, author, year and series pages, the
// lists, the feeds, the 404 page) and src/assets/. Eleventy itself is the frame each mode runs the other
// kinds around (lib/orchestration/pages.ts, dev-server.ts); what this kind adds is the build cache's part:
// a build puts the essay pages the cache has in place before Eleventy runs (./essay-pages.ts), and keeps
// those it wrote in the cache while the index is built (./keep-pages.ts).
import { timedAsync } from "../../runtime/timings.ts";
import type { OutputKind } from "../kind.ts";
import { ESSAY_PAGES_SHELF, keepFiles, type KeptFile } from "./keep-pages.ts";

export const pages = {
  name: "pages",
  writes: "every page the templates in src/ render, and src/assets/ as assets/",
  modes: ["build", "dev"],
  cache: {
    shelf: ESSAY_PAGES_SHELF,
    key: "essayPageKeys() (./essay-pages.ts): the code and the essay page's view (lib/views/essay.ts), the one value its template is given",
  },
  async afterPages({ essayPages, toWrite }) {
    return { keep: essayPages?.toKeep(toWrite.essays) ?? [] };
  },
  async besideIndex({ cache, output }, { keep }) {
    if (cache !== false && keep.length > 0) await timedAsync("keep the essay pages", () => keepFiles(cache, output, keep));
  },
} satisfies OutputKind<"pages", { keep: KeptFile[] }, void>;
