// The editor's Decap CMS configuration, made for each page load from the content schemas (./fields.ts) and
// the records as they are: the site's languages, the series and their next free numbers. Decap reads it from
// CMS.init({ config }), not from a config.yml (https://decapcms.org/docs/configuration-options/).
// Authors and series are one file each (_data/authors.json, series.json) but one entry each in the editor:
// the local backend (./backend.ts) shows each record as a file of a folder that is not on disk.
import type { z } from "zod";
import { AuthorSchema, frontMatterSchema, Id, SeriesSchema, SiteSchema } from "../content/schema/index.ts";
import { CONTENT } from "../paths/layout.ts";
import { field, objectFields, type EditorField, type FieldContext, type FieldOverride } from "./fields.ts";
import { editorWord, type EditorLanguage } from "./labels.ts";

/** Where each collection lives, for the editor and its backend: authors and series are folders in name only. */
export const EDITOR_PATHS = {
  essays: CONTENT.essays,
  authors: `${CONTENT.data}/authors`,
  series: `${CONTENT.data}/series`,
  site: `${CONTENT.data}/site.json`,
  figures: CONTENT.figures,
} as const;

/** The schemas each collection is made from: a test swaps one for a schema with a field more. */
export interface EditorSchemas {
  essay: z.ZodObject;
  author: z.ZodObject;
  series: z.ZodObject;
  site: z.ZodObject;
}

export const CONTENT_SCHEMAS: EditorSchemas = { essay: frontMatterSchema(), author: AuthorSchema, series: SeriesSchema, site: SiteSchema };

export interface ConfigInput {
  lang: EditorLanguage;
  /** The site's language, then its other languages. */
  languages: string[];
  /** Each series' next free number, and the series a new essay is offered (the first). */
  nextNumbers: Record<string, number>;
  /** The dev server's address, where "View live" opens an essay's page; none without it. */
  siteUrl?: string;
  schemas?: EditorSchemas;
}

const relation = (collection: string, display: string): FieldOverride => ({
  widget: "relation",
  collection,
  value_field: "id",
  search_fields: [display, "id"],
  display_fields: [display],
});

export function editorConfig({ lang, languages, nextNumbers, siteUrl, schemas = CONTENT_SCHEMAS }: ConfigInput) {
  const word = (key: string) => editorWord(lang, key) ?? key;
  const hint = (key: string) => editorWord(lang, `hint.${key}`);
  const context = (collection: string, overrides: Record<string, FieldOverride> = {}): FieldContext => ({ collection, lang, languages, overrides });
  const withHints = (collection: string, fields: EditorField[], path = ""): EditorField[] =>
    fields.map((f) => {
      const here = path ? `${path}.${f.name}` : f.name;
      const text = hint(`${collection}.${here}`);
      return { ...f, ...(text && { hint: text }), ...(f.fields && { fields: withHints(collection, f.fields, here) }) };
    });
  const [firstSeries] = Object.keys(nextNumbers);
  const essays = context("essays", {
    series: { ...relation("series", "title"), ...(firstSeries && { default: firstSeries }) },
    "authors.id": relation("authors", "name"),
    ...(firstSeries && { number: { default: nextNumbers[firstSeries] } }),
    lang: { options: languages },
  });
  const recordId = (collection: string) => field("id", Id, "id", context(collection));
  return {
    backend: { name: "proxy", proxy_url: "/api/v1", branch: "main" },
    load_config_file: false,
    locale: lang,
    media_folder: EDITOR_PATHS.figures,
    public_folder: "",
    ...(siteUrl && { site_url: siteUrl, display_url: siteUrl, show_preview_links: true }),
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: "essays",
        label: word("collection.essays"),
        label_singular: word("collection.essay"),
        folder: EDITOR_PATHS.essays,
        extension: "md",
        format: "frontmatter",
        create: true,
        delete: true,
        // The file is <number>-<slug>.md (lib/content/read.ts, essayFileName): both are fields.
        slug: "{{fields.number}}-{{fields.slug}}",
        identifier_field: "title",
        summary: "{{fields.series}} No.{{fields.number}} — {{fields.title}}",
        sortable_fields: ["number", "date", "title"],
        ...(siteUrl && { preview_path: "essays/{{fields.series}}/{{fields.number}}.html" }),
        fields: withHints("essays", [
          field("slug", Id, "slug", essays),
          ...objectFields(schemas.essay.shape, "", essays),
          // Not a field of the contract: the other essay, whose shared translationKey the backend writes into both (./translations.ts).
          {
            label: word("essays.translation"),
            name: "translation",
            widget: "relation",
            collection: "essays",
            value_field: "{{slug}}",
            search_fields: ["title"],
            display_fields: ["title"],
            required: false,
          },
          { label: word("essays.body"), name: "body", widget: "markdown", modes: ["raw"], required: true },
        ]),
      },
      {
        name: "authors",
        label: word("collection.authors"),
        label_singular: word("collection.author"),
        folder: EDITOR_PATHS.authors,
        extension: "json",
        format: "json",
        create: true,
        delete: true,
        slug: "{{fields.id}}",
        identifier_field: "name",
        summary: "{{fields.name}}",
        fields: withHints("authors", [recordId("authors"), ...objectFields(schemas.author.shape, "", context("authors"))]),
      },
      {
        name: "series",
        label: word("collection.series"),
        label_singular: word("collection.seriesOne"),
        folder: EDITOR_PATHS.series,
        extension: "json",
        format: "json",
        create: true,
        delete: true,
        slug: "{{fields.id}}",
        identifier_field: "title",
        summary: "{{fields.title}}",
        fields: withHints("series", [recordId("series"), ...objectFields(schemas.series.shape, "", context("series"))]),
      },
      {
        name: "settings",
        label: word("collection.settings"),
        delete: false,
        files: [
          {
            name: "site",
            label: word("collection.site"),
            file: EDITOR_PATHS.site,
            format: "json",
            fields: withHints("site", objectFields(schemas.site.shape, "", context("site"))),
          },
        ],
      },
    ],
  };
}

export type EditorConfig = ReturnType<typeof editorConfig>;
