// Rendered essay bodies as the build cache keeps them (lib/tools/cache.ts): markdown-it with its plugins
// costs a few tenths of a millisecond a body in a fresh process, more than reading the result back. The
// key is the body's text, the size of each figure it shows, the library versions and the code that
// renders it (./markdown.ts, and ./figures.ts and ./urls.ts for a figure's element and link).
import { z } from "zod";
import { cacheKey, versionKey } from "../tools/cache.ts";
import type { FigureSizes } from "./figures.ts";
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
export function renderedBodyKey(body: string, figures: FigureSizes): string {
  const code = ["./markdown.ts", "./figures.ts", "./urls.ts"].map((module) => new URL(module, import.meta.url));
  version ??= versionKey(["markdown-it", "markdown-it-anchor", "markdown-it-footnote"], code);
  const sizes = Object.entries(figures).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return cacheKey(version, body, JSON.stringify(sizes));
}
