// _data/authors.json: one record per author, keyed by id. Bios as printed with a given essay live on the
// essay (essay.ts); the record holds the author's standing details.
import { z } from "zod";
import { HttpUrl, LanguageTag, Paragraphs, recordsById, Text } from "./common.ts";

/**
 * An author's name as written in another language: as printed ("飯塚恵子"), or with its parts, so that
 * citations in that language file it as family, given, and its reading, so that that language's author
 * index can be in its own order (for Japanese, 五十音順 by the kana reading).
 */
export const NameInLanguage = z.union(
  [
    Text,
    z.strictObject({
      /** As printed: "飯塚恵子". */
      name: Text,
      /** "飯塚": with `given`, citations in this language credit the author as family, given. */
      family: Text.optional(),
      given: Text.optional(),
      /** How the name is read, in kana for Japanese: "いいづか けいこ". */
      reading: Text.optional(),
    }),
  ],
  { error: 'must be the name as written ("飯塚恵子") or { "name": "飯塚恵子", "family": "飯塚", "given": "恵子", "reading": "いいづか けいこ" }' },
);

export const AuthorSchema = z.strictObject(
  {
    /** The name as printed in bylines: "Keiko Iizuka". */
    name: Text,
    /** The name as written in other languages, for pages and citations in them: { "ja": "飯塚恵子" }, or its parts (NameInLanguage). */
    names: z.record(LanguageTag, NameInLanguage, { error: 'must be names by language tag: { "ja": "…" }' }).optional(),
    /** For sorting and citing; by default the last word of `name` is the family name. */
    family: Text.optional(),
    given: Text.optional(),
    /** The author's current bio; an essay's own bio, when it has one, is shown with that essay. */
    bio: Paragraphs.optional(),
    affiliation: Text.optional(),
    url: HttpUrl.optional(),
  },
  { error: 'must be an author record: { "name": … }' },
);

export const AuthorsFileSchema = recordsById(AuthorSchema);

export type AuthorRecord = z.infer<typeof AuthorSchema>;
