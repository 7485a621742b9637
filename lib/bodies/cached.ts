// Rendered essay bodies as the build cache keeps them (lib/cache/cache.ts): markdown-it with its plugins
// costs a few tenths of a millisecond a body in a fresh process, more than reading the result back. The
// key is the code (lib/cache/cache.ts, `codeVersion`), the language of the words the body is given (its
// headings' link labels, its notes' way back), the body's text and the size of each figure it shows: all
// that `renderBody` is given.
import { z } from "zod";
import { cacheKey, codeVersion } from "../cache/cache.ts";
import type { FigureSizes } from "../content/read.ts";
import type { RenderedBody } from "./markdown.ts";

/** The cache's folder for rendered bodies. */
export const BODIES_SHELF = "bodies";

export const RenderedBodySchema: z.ZodType<RenderedBody> = z.strictObject({
  html: z.string(),
  headings: z.array(z.strictObject({ id: z.string(), text: z.string(), level: z.number() })),
  readingMinutes: z.number(),
  lead: z.string(),
});

/** The cache key of a body rendered with the words of `wordsLang`. */
export function renderedBodyKey(wordsLang: string, body: string, figures: FigureSizes): string {
  const sizes = Object.entries(figures).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return cacheKey(codeVersion(), wordsLang, body, JSON.stringify(sizes));
}
