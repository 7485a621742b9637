// _data/site.json: the archive itself.
import { z } from "zod";
import { LanguageTag, SiteUrl, Text } from "./common.ts";

export const SiteSchema = z.strictObject({
  title: Text,
  description: Text,
  /** Absolute base URL of the deployed archive; only standards that need absolute URLs use it. */
  url: SiteUrl.optional(),
  /** The language of the pages, and of essays that do not say otherwise. */
  language: LanguageTag,
}, { error: 'must be an object: { "title": … }' });

export type SiteRecord = z.infer<typeof SiteSchema>;
