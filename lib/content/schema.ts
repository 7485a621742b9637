// The content contract, as zod schemas: one per record kind. Everything the build reads is parsed
// through these before anything is rendered (see lib/load.ts).
import { z } from "zod";
import { parseIsoDate } from "../pages/dates.ts";

/** Ids become URL segments (authors/<id>.html), so they are plain lowercase slugs. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug (a-z, 0-9, single hyphens)");

/** zod's own wording ("Invalid input: expected string, received undefined") in an editor's terms. */
const required = (kind: string) => (issue: { input: unknown }) => (issue.input === undefined ? "is required" : `must be ${kind}`);

const Text = z.string({ error: required("text") }).trim().min(1, "must not be empty");
const HttpUrl = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" });

export const AuthorSchema = z.strictObject({
  name: Text,
  bio: Text,
  affiliation: Text.optional(),
  url: HttpUrl.optional(),
});

export const SeriesSchema = z.strictObject({
  title: Text,
  publisher: Text,
  institution: Text,
  disclaimer: Text,
  copyright: Text,
  description: Text.optional(),
  issn: z
    .string()
    .regex(/^\d{4}-\d{3}[\dX]$/, "must look like 1234-567X")
    .optional(),
  url: HttpUrl.optional(),
});

export const SiteSchema = z.strictObject({
  title: Text,
  description: Text,
  /** Absolute base URL of the deployed archive; only canonical, feed and sitemap URLs use it. */
  url: HttpUrl.optional(),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, "must be a BCP 47 language tag"),
});

export const AuthorsFileSchema = z.record(Id, AuthorSchema);
export const SeriesFileSchema = z.record(Id, SeriesSchema);

/** YYYY-MM-DD that names a real calendar day. */
export const IsoDate = z
  .string({ error: "must be a date written YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((s) => parseIsoDate(s) !== null, "is not a real calendar date");

/** The ids that front matter may point to; a set left out (its file was broken) is not checked. */
export interface KnownIds {
  authors?: ReadonlySet<string>;
  series?: ReadonlySet<string>;
}

function knownId(set: ReadonlySet<string> | undefined, file: string) {
  return Id.refine((id) => !set || set.has(id), {
    error: (issue) => `unknown id "${String(issue.input)}" (not in _data/${file})`,
  });
}

/** Essay front matter, with its author and series ids checked against the records. */
export function frontMatterSchema(known: KnownIds = {}) {
  return z.strictObject({
    title: Text,
    series: knownId(known.series, "series.json"),
    number: z
      .number({ error: "must be a positive whole number" })
      .int("must be a positive whole number")
      .positive("must be a positive whole number"),
    date: IsoDate,
    authors: z
      .array(knownId(known.authors, "authors.json"), { error: required("a list of author ids") })
      .min(1, "must list at least one author id")
      .refine((ids) => new Set(ids).size === ids.length, "lists the same author twice"),
    summary: Text.optional(),
    topics: z.array(Text, { error: required("a list of topics") }).optional(),
    lang: SiteSchema.shape.language.optional(),
  });
}

export type AuthorRecord = z.infer<typeof AuthorSchema>;
export type SeriesRecord = z.infer<typeof SeriesSchema>;
export type SiteRecord = z.infer<typeof SiteSchema>;
export type FrontMatter = z.infer<ReturnType<typeof frontMatterSchema>>;
