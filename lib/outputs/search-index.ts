// The search index: Pagefind's, of the essay pages, and its file:// copies (lib/search/index.ts). Built in
// the build's process once the pages' process has ended, so the two never hold their memory at once; in
// the dev server, in the background after each rebuild.
import { writeSearchIndex, type SearchIndex } from "../search/index.ts";
import { timedAsync } from "../runtime/timings.ts";
import { OutputError, type OutputKind } from "./kind.ts";

export const searchIndex = {
  name: "search",
  writes: "pagefind/: the index of the essay pages, and its classic-script copies for search from disk",
  modes: ["build", "dev"],
  /** How many essays there are: a build's index must hold each. */
  async afterPages({ archive }) {
    return { essays: archive.essays.length };
  },
  doing: () => "indexing for search",
  async besideIndex({ mode, output, signal }, { essays }) {
    const index = await timedAsync("search index", () => writeSearchIndex(output, { signal }), mode === "dev" ? "eleventy" : undefined);
    if (mode === "build" && index.pages !== essays) throw new OutputError(`Pagefind indexed ${index.pages} pages, not the ${essays} essays.`);
    return index;
  },
} satisfies OutputKind<"search", { essays: number }, SearchIndex>;
