// _data/site.json: the archive itself.
import { z } from "zod";
import { LanguageTag, Paragraphs, SiteUrl, Text } from "./common.ts";

/** Another language the archive has pages in: their title and description, in that language. */
const TreeLanguageSchema = z.strictObject({ title: Text, description: Paragraphs }, { error: 'must be { "title": …, "description": … } in that language' });

/**
 * A PDF of every essay, beside its page (lib/pdf/): `{ "paper": "A4" }` or `{ "paper": "Letter" }`.
 * Without it, no PDFs, and nothing else changes.
 */
const PdfSchema = z.strictObject(
  { paper: z.enum(["A4", "Letter"], { error: 'must be "A4" or "Letter"' }).default("A4") },
  { error: 'must be { "paper": "A4" } or { "paper": "Letter" }' },
);

export const SiteSchema = z.strictObject(
  {
    title: Text,
    description: Paragraphs,
    /** Absolute base URL of the deployed archive; only standards that need absolute URLs use it. */
    url: SiteUrl.optional(),
    /** The language of the pages, and of essays that do not say otherwise. */
    language: LanguageTag,
    /**
     * Other languages with pages of their own, under a prefix (`ja/index.html`), each listing its essays:
     * { "ja": { "title": …, "description": … } }. Without it, every essay is listed in one set of pages.
     */
    languages: z.record(LanguageTag, TreeLanguageSchema).optional(),
    /** PDFs of the essays, and their paper size; see PdfSchema. */
    pdf: PdfSchema.optional(),
  },
  { error: 'must be an object: { "title": … }' },
);

export type SiteRecord = z.infer<typeof SiteSchema>;
export type PdfSettings = z.infer<typeof PdfSchema>;
