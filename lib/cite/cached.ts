// An essay's citations as the build cache keeps them (lib/tools/cache.ts): formatting them is the
// costliest per-essay work of a build (about 3 ms an essay, nearly all in citeproc), so it is done once.
// The key covers everything the result depends on besides the essay's record: the library versions
// (the built-in APA style and the en-US locale come with them), the vendored style files, and the code
// in this folder that makes the item and the strings.
import { z } from "zod";
import { cacheKey, versionKey } from "../tools/cache.ts";
import type { Citations } from "./formats.ts";
import { styleDirectory, styleSources } from "./styles.ts";
import type { CitableEssay } from "./types.ts";

/** The cache's folder for citations. */
export const CITATIONS_SHELF = "citations";

export const CitationsSchema: z.ZodType<Citations> = z.strictObject({
  references: z.strictObject({ apa: z.string(), chicago: z.string(), mla: z.string() }),
  downloads: z.strictObject({ bibtex: z.string(), ris: z.string(), cslJson: z.string() }),
});

let version: string | undefined;

/** The cache key of an essay's citations. */
export function citationsKey(essay: CitableEssay): string {
  version ??= versionKey(
    ["@citation-js/core", "@citation-js/plugin-csl", "@citation-js/plugin-bibtex", "@citation-js/plugin-ris", "citeproc"],
    [
      ...["./formats.ts", "./csl.ts", "./styles.ts"].map((module) => new URL(module, import.meta.url)),
      ...Object.values(styleSources).flatMap(({ file }) => (file ? [new URL(file, styleDirectory)] : [])),
    ],
  );
  return cacheKey(version, JSON.stringify(essay));
}
