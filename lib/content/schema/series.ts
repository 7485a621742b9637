// _data/series.json: one record per numbered series, keyed by id.
import { z } from "zod";
import { HttpUrl, InLanguages, LIMITS, Paragraphs, recordsById, ShortText, Text } from "./common.ts";

export const SeriesSchema = z.strictObject(
  {
    /** "AJISS-Commentary" */
    title: ShortText(LIMITS.title),
    /** The title as written in other languages, for pages in them: { "ja": "AJISSコメンタリー" }. */
    titles: InLanguages(LIMITS.title).optional(),
    /** Who publishes the series (the citation's publisher). */
    publisher: Text,
    /** The institution named at the top of every page. */
    institution: Text,
    /** Printed under every essay, unless the essay has its own. */
    disclaimer: Paragraphs,
    copyright: Paragraphs,
    description: Paragraphs.optional(),
    issn: z
      .string()
      .regex(/^\d{4}-\d{3}[\dX]$/, "must look like 1234-567X")
      .optional(),
    url: HttpUrl.optional(),
  },
  { error: 'must be a series record: { "title": … }' },
);

export const SeriesFileSchema = recordsById(SeriesSchema);

export type SeriesRecord = z.infer<typeof SeriesSchema>;
