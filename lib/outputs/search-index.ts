// The search index: Pagefind's, in shards, of the essays' search documents, and its file:// copies
// (lib/search/). After the pages, the shards the cache has are put in place and the others' documents
// written; beside the other steps, in the build's process, those are indexed. In the dev server, in the
// background after each rebuild, only the shards an edit changed.
import { planSearchIndex, SEARCH_SHELVES, StaleShardError, writeSearchIndex, type SearchIndex, type SearchPlan } from "../search/index.ts";
import { timed, timedAsync } from "../runtime/timings.ts";
import { count } from "../runtime/messages.ts";
import { OutputError, type OutputKind } from "./kind.ts";

export const searchIndex = {
  name: "search",
  writes: "pagefind/: the index of the essays, a Pagefind bundle per shard, and its classic-script copies for search from disk",
  modes: ["build", "dev"],
  cache: {
    shelf: [SEARCH_SHELVES.listings, SEARCH_SHELVES.files],
    key: "per shard: the code, the Pagefind binary, and its essays' search documents (lib/search/index.ts)",
  },
  async afterPages({ archive, output, previous, cache }) {
    return timed("plan the search index", () => planSearchIndex(archive, { output, previous, cache }));
  },
  doing: (plan) => {
    const indexing = plan?.shards.filter((s) => s.documents) ?? [];
    return indexing.length > 0 ? `indexing ${count(indexing.length, "search shard")}` : undefined;
  },
  async besideIndex({ mode, output, cache, audit, signal }, plan) {
    try {
      return await timedAsync(
        "search index",
        () => writeSearchIndex(plan, { output, cache, audit, removeOthers: mode === "dev", signal }),
        mode === "dev" ? "eleventy" : undefined,
      );
    } catch (error) {
      throw error instanceof StaleShardError ? new OutputError(error.message) : error;
    }
  },
} satisfies OutputKind<"search", SearchPlan, SearchIndex>;
