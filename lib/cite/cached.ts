// An essay's citations as the build cache keeps them (lib/cache/cache.ts): formatting them is the
// costliest per-essay work of a build (about 3 ms an essay, nearly all in citeproc), so it is done once.
// The key is the code (lib/cache/cache.ts, `codeVersion`: the lockfile's libraries, with the built-in APA
// style and the en-US locale, the vendored styles, the code that makes the item and the strings) and the
// essay's record as citations are made from it.
import { z } from "zod";
import { cacheKey, codeVersion } from "../cache/cache.ts";
import type { Citations } from "./types.ts";
import type { CitableEssay } from "./types.ts";

/** The cache's folder for citations. */
export const CITATIONS_SHELF = "citations";

export const CitationsSchema: z.ZodType<Citations> = z.strictObject({
  references: z.strictObject({ apa: z.string(), chicago: z.string(), mla: z.string(), sist02: z.string().optional() }),
  downloads: z.strictObject({ bibtex: z.string(), ris: z.string(), cslJson: z.string() }),
});

/** The cache key of an essay's citations. */
export function citationsKey(essay: CitableEssay): string {
  return cacheKey(codeVersion(), JSON.stringify(essay));
}
