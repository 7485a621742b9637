// Building blocks shared by the record schemas, each with its message in the editor's words.
import { z } from "zod";
import { isIsoDate, isRealDate } from "../dates.ts";
import { normalSiteUrl, siteUrlProblem } from "../site-url.ts";
import { SLUG_PATTERN } from "../slug.ts";

/** zod's "expected string, received undefined" becomes "is required"; any other type mismatch, `must be …`. */
export const required = (kind: string) => (issue: { input: unknown }) => (issue.input === undefined ? "is required" : `must be ${kind}`);

/**
 * Text an editor writes, in paragraphs: trimmed, never empty; tabs and line breaks allowed. Which
 * characters any text may hold is checked before the schemas, over every string (lib/content/text.ts).
 */
export const Paragraphs = z
  .string({ error: required("text") })
  .trim()
  .min(1, "must not be empty");

/** One line of text (a title, a name): Paragraphs without tabs or line breaks, which no title, byline or citation field can show. */
export const Text = Paragraphs.regex(/^[^\t\n\r]*$/, "must be one line, without tabs or line breaks");

export const HttpUrl = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" });

/**
 * The archive's own address, checked by its one rule (../site-url.ts) and kept as WHATWG URL writes it
 * (%-escaped), so every absolute URL and host file built from it agrees.
 */
export const SiteUrl = z
  .string({ error: required("an absolute http(s) URL") })
  .check((ctx) => {
    const problem = siteUrlProblem(ctx.value);
    if (problem) ctx.issues.push({ code: "custom", input: ctx.value, message: problem });
  })
  .transform(normalSiteUrl);

/** Ids become file names and URL segments (authors/<id>.html), so they are ASCII slugs. */
export const Id = z.string({ error: required("an id") }).regex(SLUG_PATTERN, "must be a lowercase ASCII slug (a-z, 0-9, single hyphens)");

/** YYYY-MM-DD naming a real calendar day: one message whichever way it is wrong. */
export const IsoDate = z.string({ error: required("a date written YYYY-MM-DD") }).check((ctx) => {
  if (!isIsoDate(ctx.value)) ctx.issues.push({ code: "custom", input: ctx.value, message: "must be a date written YYYY-MM-DD" });
  else if (!isRealDate(ctx.value)) ctx.issues.push({ code: "custom", input: ctx.value, message: "is not a real calendar date" });
});

/** A language tag as the platform's Intl reads it: "de-1" has the shape of one but is none. */
function isLanguageTag(tag: string): boolean {
  try {
    return /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(tag) && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** BCP 47, as in `lang` attributes. */
export const LanguageTag = z.string({ error: required("a language tag") }).refine(isLanguageTag, "must be a BCP 47 language tag (en, ja, pt-BR)");

/**
 * Sizes past which a value is a paste gone wrong, not writing: docs/content.md lists them.
 * Characters are counted as JavaScript counts them (UTF-16 code units); the body in bytes of UTF-8.
 */
export const LIMITS = {
  title: 300,
  summary: 1000,
  authors: 50,
  bodyBytes: 2_000_000,
} as const;

/** Text (one line, or `Paragraphs`) of at most `max` characters. */
export const ShortText = (max: number, text: typeof Paragraphs = Text) =>
  text.max(max, `is longer than ${max.toLocaleString("en")} characters (was something pasted by mistake?)`);

/**
 * A name or title as written in other languages, by language tag: `{ "ja": "飯塚恵子" }`. Pages in one of
 * those languages show it; citations and sorting keep the record's own.
 */
export const InLanguages = (max?: number) => z.record(LanguageTag, max ? ShortText(max) : Text, { error: 'must be words by language tag: { "ja": "…" }' });

/**
 * A JSON object of records keyed by id. Every key is checked (one message per bad key, "__proto__" and
 * "constructor" as any other), and every record under it, so nothing is dropped in silence. The result has
 * no prototype: `authors[id]` is a record or undefined, never something inherited from Object.
 */
export function recordsById<T extends z.ZodType>(record: T) {
  return z
    .custom<Record<string, unknown>>((value) => value !== null && typeof value === "object" && !Array.isArray(value), {
      error: "must be an object of records, keyed by id",
    })
    .transform((value, ctx) => {
      const records: Record<string, z.output<T>> = Object.create(null) as Record<string, z.output<T>>;
      for (const [key, item] of Object.entries(value)) {
        if (!SLUG_PATTERN.test(key)) {
          ctx.issues.push({
            code: "custom",
            input: key,
            path: [key],
            message: `"${key}" is not a valid id: use a lowercase ASCII slug (a-z, 0-9, single hyphens)`,
          });
        }
        const parsed = record.safeParse(item);
        if (parsed.success) records[key] = parsed.data;
        else for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, path: [key, ...issue.path] } as z.core.$ZodRawIssue);
      }
      return records;
    });
}
