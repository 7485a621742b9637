// _data/site.json: the archive itself.
import { z } from "zod";
import { LanguageTag, SiteUrl, Text } from "./common.ts";

/** Another language the archive has pages in: their title and description, in that language. */
const TreeLanguageSchema = z.strictObject({ title: Text, description: Text }, { error: 'must be { "title": …, "description": … } in that language' });

export const SiteSchema = z.strictObject({
  title: Text,
  description: Text,
  /** Absolute base URL of the deployed archive; only standards that need absolute URLs use it. */
  url: SiteUrl.optional(),
  /** The language of the pages, and of essays that do not say otherwise. */
  language: LanguageTag,
  /**
   * Other languages with pages of their own, under a prefix (`ja/index.html`), each listing its essays:
   * { "ja": { "title": …, "description": … } }. Without it, every essay is listed in one set of pages.
   */
  languages: z.record(LanguageTag, TreeLanguageSchema).optional(),
}, { error: 'must be an object: { "title": … }' });

export type SiteRecord = z.infer<typeof SiteSchema>;
