// Building blocks shared by the record schemas, each with its message in the editor's words.
import { z } from "zod";
import { isIsoDate, isRealDate } from "../../pages/dates.ts";
import { SLUG_PATTERN } from "../slug.ts";

/** zod's "expected string, received undefined" becomes "is required"; any other type mismatch, `must be …`. */
export const required = (kind: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${kind}`;

/** Text an editor writes: trimmed, never empty. */
export const Text = z.string({ error: required("text") }).trim().min(1, "must not be empty");

export const HttpUrl = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" });

/** Ids become file names and URL segments (authors/<id>.html), so they are ASCII slugs. */
export const Id = z.string({ error: required("an id") }).regex(SLUG_PATTERN, "must be a lowercase ASCII slug (a-z, 0-9, single hyphens)");

/** YYYY-MM-DD naming a real calendar day: one message whichever way it is wrong. */
export const IsoDate = z.string({ error: required("a date written YYYY-MM-DD") }).check((ctx) => {
  if (!isIsoDate(ctx.value)) ctx.issues.push({ code: "custom", input: ctx.value, message: "must be a date written YYYY-MM-DD" });
  else if (!isRealDate(ctx.value)) ctx.issues.push({ code: "custom", input: ctx.value, message: "is not a real calendar date" });
});

/** BCP 47, as in `lang` attributes. */
export const LanguageTag = z
  .string({ error: required("a language tag") })
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, "must be a BCP 47 language tag (en, ja, pt-BR)");

/**
 * A JSON object of records keyed by id. Keys are checked here, one message per bad key, rather than by
 * z.record's key schema, whose failure reads "Invalid key in record".
 */
export function recordsById<T extends z.ZodType>(record: T) {
  return z.record(z.string(), record, { error: "must be an object of records, keyed by id" }).check((ctx) => {
    for (const key of Object.keys(ctx.value)) {
      if (!SLUG_PATTERN.test(key)) {
        ctx.issues.push({ code: "custom", input: key, path: [key], message: `"${key}" is not a valid id: use a lowercase ASCII slug (a-z, 0-9, single hyphens)` });
      }
    }
  });
}
