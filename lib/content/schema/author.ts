// _data/authors.json: one record per author, keyed by id. Bios as printed with a given essay live on the
// essay (essay.ts); the record holds the author's standing details.
import { z } from "zod";
import { HttpUrl, InLanguages, recordsById, Text } from "./common.ts";

export const AuthorSchema = z.strictObject({
  /** The name as printed in bylines: "Keiko Iizuka". */
  name: Text,
  /** The name as written in other languages, for pages in them: { "ja": "飯塚恵子" }. */
  names: InLanguages().optional(),
  /** For sorting and citing; by default the last word of `name` is the family name. */
  family: Text.optional(),
  given: Text.optional(),
  /** The author's current bio; an essay's own bio, when it has one, is shown with that essay. */
  bio: Text.optional(),
  affiliation: Text.optional(),
  url: HttpUrl.optional(),
}, { error: 'must be an author record: { "name": … }' });

export const AuthorsFileSchema = recordsById(AuthorSchema);

export type AuthorRecord = z.infer<typeof AuthorSchema>;
