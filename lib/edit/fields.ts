// The editor's fields, made from the content schemas (lib/content/schema/): one Decap CMS field per schema
// field, its widget chosen by the schema's type, `required` by whether the field is optional, and the
// schema's own patterns and length limits with their messages, so the browser refuses what the build
// refuses, in its words. A schema type with no widget here throws: a field added to a schema reaches the
// editor, or `npm run edit` and test/unit/edit-fields.test.ts fail.
// https://decapcms.org/docs/widgets/
import type { z } from "zod";
import { HttpUrl, IsoDate, LanguageTag, SiteUrl } from "../content/schema/index.ts";
import { labelFor, type EditorLanguage } from "./labels.ts";

/** A Decap CMS field (the subset of its configuration the editor writes). */
export interface EditorField {
  label: string;
  name: string;
  widget: string;
  required?: boolean;
  hint?: string;
  pattern?: [string, string];
  fields?: EditorField[];
  field?: EditorField;
  options?: string[];
  default?: unknown;
  [option: string]: unknown;
}

/** What a field is given beyond its schema: a relation to records, a list of languages, a default. */
export type FieldOverride = Partial<EditorField>;

export interface FieldContext {
  /** The collection, for labels ("essays.title" before "title"). */
  collection: string;
  lang: EditorLanguage;
  /** The site's languages: the choices wherever a language is asked for. */
  languages: string[];
  /** By the field's path ("series", "authors.id"): what replaces or adds to the widget the schema's type gives. */
  overrides?: Record<string, FieldOverride>;
}

/** A zod schema's definition, as zod 4 exposes it (`_zod.def`). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  maximum?: number;
  minimum?: number;
  inclusive?: boolean;
  value?: number;
  error?: (issue: { input: unknown }) => unknown;
}

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A schema without its optional or default wrapper, and whether it had one. */
export function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let optional = false;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === "optional" || def.type === "default") {
      optional = true;
      current = def.innerType!;
    } else if (def.type === "pipe") {
      // z.preprocess(fn, schema): the schema; a schema with .transform(fn) after it: the schema before.
      current = defOf(def.in!).type === "transform" ? def.out! : def.in!;
    } else return { schema: current, optional };
  }
}

/** A union of one line of text and an object whose first field is that text (NameInLanguage): the object, in the editor. */
export function textOrObject(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(schema);
  if (def.type !== "union" || def.options?.length !== 2) return undefined;
  const [text, object] = def.options.map((o) => unwrap(o).schema) as [z.ZodType, z.ZodType];
  return defOf(text).type === "string" && defOf(object).type === "object" ? object : undefined;
}

/** The message a check words for a value that breaks it. */
function message(check: CheckDef): string {
  const worded = check.error?.({ input: "" });
  return typeof worded === "string" ? worded : "";
}

/** The string checks the browser can run, as one pattern: each rule a lookahead, the messages together. */
function stringPattern(def: Def): [string, string] | undefined {
  const rules: { source: string; message: string }[] = [];
  for (const { _zod } of def.checks ?? []) {
    const check = _zod.def;
    if (check.check === "string_format" && check.format === "regex" && check.pattern) rules.push({ source: check.pattern.source, message: message(check) });
    if (check.check === "max_length" && check.maximum !== undefined) rules.push({ source: `^[\\s\\S]{0,${check.maximum}}$`, message: message(check) });
  }
  if (rules.length === 0) return undefined;
  return [rules.map((r) => `(?=${r.source})`).join(""), rules.map((r) => r.message).join("; ")];
}

/** One line of text (a check that refuses line breaks) gets an input; paragraphs get a text area. */
function isOneLine(def: Def): boolean {
  return (def.checks ?? []).some(({ _zod }) => _zod.def.pattern !== undefined && !_zod.def.pattern.test("a\nb") && _zod.def.pattern.test("a"));
}

/** The widget a record's key is edited with: a language from the site's, or an id. */
function keyField(keyType: z.ZodType, path: string, context: FieldContext): EditorField {
  const isLanguage = unwrap(keyType).schema === LanguageTag;
  return field(isLanguage ? "lang" : "id", keyType, `${path}.${isLanguage ? "lang" : "id"}`, context);
}

/** The fields of an object schema, each made by `field`. */
export function objectFields(shape: Record<string, z.ZodType>, path: string, context: FieldContext): EditorField[] {
  return Object.entries(shape).map(([name, schema]) => field(name, schema, path ? `${path}.${name}` : name, context));
}

/**
 * The editor's field for one schema field. `path` is the field's place in the record ("authors.id",
 * "names.reading"), by which labels and overrides are found.
 */
export function field(name: string, schema: z.ZodType, path: string, context: FieldContext): EditorField {
  const { schema: inner, optional } = unwrap(schema);
  const def = defOf(inner);
  const base = { label: labelFor(context.lang, context.collection, path), name, required: !optional };
  const made = ((): EditorField => {
    if (inner === IsoDate) return { ...base, widget: "datetime", date_format: "YYYY-MM-DD", time_format: false, format: "YYYY-MM-DD", picker_utc: true };
    if (inner === LanguageTag) return { ...base, widget: "select", options: context.languages };
    if (inner === HttpUrl || inner === unwrap(SiteUrl).schema)
      return { ...base, widget: "string", pattern: ["^https?://[^\\s]+$", "must be an absolute http(s) URL"] };
    const object = textOrObject(inner);
    if (object) return { ...base, widget: "object", fields: objectFields(defOf(object).shape!, path, context) };
    switch (def.type) {
      case "string": {
        const pattern = stringPattern(def);
        return { ...base, widget: isOneLine(def) ? "string" : "text", ...(pattern && { pattern }) };
      }
      case "number":
        return { ...base, widget: "number", value_type: "int", min: 1, step: 1 };
      case "boolean":
        return { ...base, widget: "boolean" };
      case "enum":
        return { ...base, widget: "select", options: Object.values(def.entries!) };
      case "object":
        return { ...base, widget: "object", collapsed: optional, fields: objectFields(def.shape!, path, context) };
      case "array": {
        const element = unwrap(def.element!).schema;
        const elementDef = defOf(element);
        const max = (def.checks ?? []).map(({ _zod }) => _zod.def).find((c) => c.check === "max_length")?.maximum;
        const list = { ...base, widget: "list", ...(max !== undefined && { max }), ...(!optional && { min: 1 }) };
        if (elementDef.type === "object") return { ...list, fields: objectFields(elementDef.shape!, path, context) };
        return { ...list, field: field(name, element, path, context) };
      }
      case "record": {
        // A record keyed by language or id ({ "ja": "…" }) is a list in the editor, its key a field of each item.
        const value = unwrap(def.valueType!).schema;
        const valueObject = textOrObject(value) ?? (defOf(value).type === "object" ? value : undefined);
        const valueFields = valueObject ? objectFields(defOf(valueObject).shape!, path, context) : [field("text", value, `${path}.text`, context)];
        return { ...base, widget: "list", fields: [keyField(def.keyType!, path, context), ...valueFields] };
      }
      default:
        throw new Error(`lib/edit/fields.ts has no widget for the schema type "${def.type}" (field "${path}" of ${context.collection})`);
    }
  })();
  const override = context.overrides?.[path];
  return override ? { ...made, ...override } : made;
}
