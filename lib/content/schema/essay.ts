// An essay's front matter: src/essays/<number>-<slug>.md. Author and series ids are checked against the
// records read in the same pass.
import { z } from "zod";
import { HttpUrl, Id, IsoDate, LanguageTag, LIMITS, Paragraphs, required, ShortText, Text } from "./common.ts";

/** The ids front matter may point to; a set left out (its file was broken) is not checked. */
export interface KnownIds {
  authors?: ReadonlySet<string>;
  series?: ReadonlySet<string>;
}

function knownId(set: ReadonlySet<string> | undefined, file: string) {
  return Id.refine((id) => !set || set.has(id), {
    error: (issue) => `unknown id "${String(issue.input)}" (not in _data/${file})`,
  });
}

/** One author of the essay: an id, or an id with the bio (and affiliation) printed with this essay. */
function credit(known: KnownIds) {
  const object = z.strictObject({ id: Id, bio: Paragraphs.optional(), affiliation: Text.optional() }).check((ctx) => {
    const { id } = ctx.value;
    if (known.authors && !known.authors.has(id)) {
      ctx.issues.push({ code: "custom", input: id, message: `unknown id "${id}" (not in _data/authors.json)` });
    }
  });
  return z.preprocess((item) => (typeof item === "string" ? { id: item } : item), object);
}

export function frontMatterSchema(known: KnownIds = {}) {
  return z.strictObject({
    title: ShortText(LIMITS.title),
    series: knownId(known.series, "series.json"),
    number: z.number({ error: "must be a positive whole number" }).int("must be a positive whole number").positive("must be a positive whole number"),
    date: IsoDate,
    authors: z
      .array(credit(known), { error: required("a list of authors") })
      .min(1, "must list at least one author")
      .max(LIMITS.authors, `lists more than ${LIMITS.authors} authors (was something pasted by mistake?)`)
      .refine((credits) => new Set(credits.map((c) => c.id)).size === credits.length, "lists the same author twice"),
    summary: ShortText(LIMITS.summary, Paragraphs).optional(),
    topics: z.array(Text, { error: required("a list of topics") }).default([]),
    /** Default: the site's language. */
    lang: LanguageTag.optional(),
    /**
     * Shared by an essay and its translations (each in another language), as Hugo's `translationKey`:
     * their pages link to each other and name each other as alternates (`hreflang`).
     */
    translationKey: Id.optional(),
    /** The original page this essay was imported from. */
    source: HttpUrl.optional(),
    /** This essay's own lines, where they differ from its series record's. */
    disclaimer: Paragraphs.optional(),
    copyright: Paragraphs.optional(),
  });
}

export type FrontMatter = z.infer<ReturnType<typeof frontMatterSchema>>;
export type Credit = FrontMatter["authors"][number];
