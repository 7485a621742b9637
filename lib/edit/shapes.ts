// A record's value as the content contract writes it, and as the editor's fields hold it (./fields.ts), walked
// by the same schema: a record keyed by language ({ "ja": "飯塚恵子" }) is a list of items with their key
// ([{ lang: "ja", name: "飯塚恵子" }]), a name given as text is the object it abbreviates ({ name }), an
// author credited by id alone is { id }. Back from the editor, an optional field left empty is left out,
// and an object holding only its first field is written as that text where the schema allows it.
import type { z } from "zod";
import { LanguageTag } from "../content/schema/index.ts";
import { defOf, textOrObject, unwrap } from "./fields.ts";

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> => value !== null && typeof value === "object" && !Array.isArray(value);

/** The key field of a record's items in the editor: "lang" for languages, else "id" (as ./fields.ts names it). */
const keyName = (keyType: z.ZodType) => (unwrap(keyType).schema === LanguageTag ? "lang" : "id");

/** An object schema's first field: the one a text value abbreviates. */
const firstField = (object: z.ZodType) => Object.keys(defOf(object).shape!)[0]!;

/** The contract's value of `schema` as the editor's fields hold it. */
export function toEditor(schema: z.ZodType, value: Json): Json {
  if (value === undefined || value === null) return value;
  const inner = unwrap(schema).schema;
  const def = defOf(inner);
  const object = textOrObject(inner) ?? (def.type === "object" ? inner : undefined);
  if (object) {
    const shape = defOf(object).shape!;
    const fields = typeof value === "string" ? { [firstField(object)]: value } : value;
    if (!isObject(fields)) return value;
    return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, shape[k] ? toEditor(shape[k], v) : v]));
  }
  if (def.type === "array" && Array.isArray(value)) return value.map((item) => toEditor(def.element!, item));
  if (def.type === "record" && isObject(value)) {
    const key = keyName(def.keyType!);
    const valueSchema = unwrap(def.valueType!).schema;
    const objectValue = textOrObject(valueSchema) ?? (defOf(valueSchema).type === "object" ? valueSchema : undefined);
    return Object.entries(value).map(([k, v]) => ({ [key]: k, ...(objectValue ? (toEditor(valueSchema, v) as Record<string, Json>) : { text: v }) }));
  }
  return value;
}

/** Empty in the editor: a field left blank, a list emptied, an object with nothing in it. */
const isEmpty = (value: Json): boolean =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);

/** The editor's value of `schema` as the contract writes it; undefined for an empty value. */
export function fromEditor(schema: z.ZodType, value: Json): Json {
  if (isEmpty(value)) return undefined;
  const inner = unwrap(schema).schema;
  const def = defOf(inner);
  const union = textOrObject(inner);
  const object = union ?? (def.type === "object" ? inner : undefined);
  if (object && isObject(value)) {
    const shape = defOf(object).shape!;
    const entries = Object.entries(value)
      .map(([k, v]) => [k, shape[k] ? fromEditor(shape[k], v) : v] as const)
      .filter(([, v]) => v !== undefined);
    if (entries.length === 0) return undefined;
    const first = firstField(object);
    // { name: "飯塚恵子" } alone is written as the text it is, where the schema takes text.
    if (union && entries.length === 1 && entries[0]![0] === first) return entries[0]![1];
    return Object.fromEntries(entries);
  }
  if (def.type === "array" && Array.isArray(value)) {
    const items = value.map((item) => fromEditor(def.element!, item)).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (def.type === "record" && Array.isArray(value)) {
    const key = keyName(def.keyType!);
    const valueSchema = unwrap(def.valueType!).schema;
    const objectValue = textOrObject(valueSchema) ?? (defOf(valueSchema).type === "object" ? valueSchema : undefined);
    const entries = value.filter(isObject).flatMap((item) => {
      const { [key]: k, ...rest } = item;
      const v = fromEditor(valueSchema, objectValue ? rest : rest.text);
      return typeof k === "string" && k !== "" && v !== undefined ? [[k, v] as const] : [];
    });
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return typeof value === "string" ? value.trim() : value;
}

/** Two values the editor cannot tell apart: what a field holds once written out and read back. */
export function sameValue(schema: z.ZodType, a: Json, b: Json): boolean {
  const norm = (v: Json) => JSON.stringify(sorted(toEditor(schema, fromEditor(schema, v))));
  return norm(a) === norm(b);
}

/** Objects with their keys in one order, so equal values stringify alike. */
function sorted(value: Json): Json {
  if (Array.isArray(value)) return value.map(sorted);
  if (isObject(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted(value[k])]),
    );
  return value;
}
