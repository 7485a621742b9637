// Rendered essay bodies as the build cache keeps them (lib/tools/cache.ts): markdown-it with its plugins
// costs a few tenths of a millisecond a body in a fresh process, more than reading the result back. The
// key is the body's text, the library versions and the code that renders it (./markdown.ts).
import { z } from "zod";
import { cacheKey, versionKey } from "../tools/cache.ts";
import type { RenderedBody } from "./markdown.ts";

/** The cache's folder for rendered bodies. */
export const BODIES_SHELF = "bodies";

export const RenderedBodySchema: z.ZodType<RenderedBody> = z.strictObject({
  html: z.string(),
  headings: z.array(z.strictObject({ id: z.string(), text: z.string(), level: z.number() })),
  readingMinutes: z.number(),
  lead: z.string(),
});

let version: string | undefined;

/** The cache key of a rendered body. */
export function renderedBodyKey(body: string): string {
  version ??= versionKey(["markdown-it", "markdown-it-anchor", "markdown-it-footnote"], [new URL("./markdown.ts", import.meta.url)]);
  return cacheKey(version, body);
}
