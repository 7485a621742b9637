// The editor's parts without a browser: its configuration made from the content schemas (a field added to a
// schema reaches it; a type with no widget fails), the patterns the browser checks, the shapes records take
// in the editor, files written back with only what changed, and the local backend's refusals.
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AuthorSchema, frontMatterSchema, SeriesSchema, SiteSchema, Text } from "../../lib/content/schema/index.ts";
import { editorBackend } from "../../lib/edit/backend.ts";
import { CONTENT_SCHEMAS, editorConfig, type EditorSchemas } from "../../lib/edit/config.ts";
import type { EditorField } from "../../lib/edit/fields.ts";
import { spliceFile } from "../../lib/edit/front-matter.ts";
import { onlineConfig, parseGitHost } from "../../lib/edit/online.ts";
import { EDITOR_LANGUAGES, hasLabel } from "../../lib/edit/labels.ts";
import { fromEditor, sameValue, toEditor } from "../../lib/edit/shapes.ts";
import { fixture } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

const input = { lang: "en" as const, languages: ["en", "ja"], nextNumbers: { "policy-notes": 4 } };
type Collection = { name: string; fields?: EditorField[]; files?: { fields: EditorField[] }[] };
const collections = (schemas?: EditorSchemas, lang: "en" | "ja" = "en") => editorConfig({ ...input, lang, schemas }).collections as Collection[];
const fieldsOf = (name: string, schemas?: EditorSchemas) => {
  const found = collections(schemas).find((c) => c.name === name)!;
  return found.fields ?? found.files![0]!.fields;
};
/** Every field's path ("authors.id"), depth first. */
const paths = (fields: EditorField[], prefix = ""): string[] =>
  fields.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    return [path, ...paths(f.fields ?? [], path)];
  });

describe("the editor's configuration", () => {
  const schemaFields: [string, z.ZodObject][] = [
    ["essays", frontMatterSchema()],
    ["authors", AuthorSchema],
    ["series", SeriesSchema],
    ["settings", SiteSchema],
  ];
  it.each(schemaFields)("has a field for every field of the %s schema", (name, schema) => {
    expect(fieldsOf(name).map((f) => f.name)).toEqual(expect.arrayContaining(Object.keys(schema.shape)));
  });

  it("labels every field in each language the editor has", () => {
    const missing = EDITOR_LANGUAGES.flatMap((lang) =>
      collections(undefined, lang).flatMap((c) => {
        const scope = c.name === "settings" ? "site" : c.name;
        return paths(c.fields ?? c.files![0]!.fields)
          .filter((p) => !hasLabel(lang, scope, p))
          .map((p) => `${lang}: ${scope}.${p}`);
      }),
    );
    expect(missing).toEqual([]);
  });

  it("takes a field added to a schema into the editor, with its rules", () => {
    const schemas = { ...CONTENT_SCHEMAS, essay: frontMatterSchema().extend({ subtitle: Text.max(80, "is too long").optional() }) };
    const subtitle = fieldsOf("essays", schemas).find((f) => f.name === "subtitle");
    expect(subtitle).toMatchObject({ widget: "string", required: false, label: "subtitle" });
    const [pattern, message] = subtitle!.pattern!;
    expect(new RegExp(pattern).test("x".repeat(80))).toBe(true);
    expect(new RegExp(pattern).test("x".repeat(81))).toBe(false);
    expect(message).toContain("is too long");
  });

  it("fails on a schema type it has no widget for, naming the field", () => {
    const schemas = { ...CONTENT_SCHEMAS, author: AuthorSchema.extend({ born: z.bigint() }) };
    expect(() => editorConfig({ ...input, schemas })).toThrow(/no widget for the schema type "bigint" \(field "born" of authors\)/);
  });

  it("checks in the browser what the schema checks, in its words", () => {
    const title = fieldsOf("essays").find((f) => f.name === "title")!;
    const [pattern, message] = title.pattern!;
    expect(["A title", "x".repeat(300)].map((t) => new RegExp(pattern).test(t))).toEqual([true, true]);
    expect(["x".repeat(301), "two\tparts"].map((t) => new RegExp(pattern).test(t))).toEqual([false, false]);
    expect(message).toBe("must be one line, without tabs or line breaks; is longer than 300 characters (was something pasted by mistake?)");
    const issn = fieldsOf("series").find((f) => f.name === "issn")!;
    expect(issn.pattern![1]).toBe("must look like 1234-567X");
  });

  it("chooses series and authors from their records, and offers the next free number", () => {
    const essays = fieldsOf("essays");
    expect(essays.find((f) => f.name === "series")).toMatchObject({ widget: "relation", collection: "series", default: "policy-notes" });
    expect(essays.find((f) => f.name === "authors")!.fields!.find((f) => f.name === "id")).toMatchObject({ widget: "relation", collection: "authors" });
    expect(essays.find((f) => f.name === "number")).toMatchObject({ widget: "number", default: 4 });
    expect(editorConfig({ ...input, lang: "ja" }).locale).toBe("ja");
  });
});

describe("the configuration for an online copy", () => {
  it("reads a git host, its repository and branch", () => {
    expect(parseGitHost("github:org/archive@edits")).toEqual({ name: "github", repo: "org/archive", branch: "edits" });
    expect(parseGitHost("git-gateway")).toEqual({ name: "git-gateway", branch: "main" });
    expect(parseGitHost("github")).toBeUndefined();
  });
  it("keeps the essays, without what only the local backend does, choosing records from lists", () => {
    const choices = { authors: [{ label: "Ada Okafor", value: "ada-okafor" }], series: [{ label: "Policy Notes", value: "policy-notes" }] };
    const online = onlineConfig(editorConfig(input), parseGitHost("gitlab:group/archive")!, choices);
    expect(online.backend).toEqual({ name: "gitlab", repo: "group/archive", branch: "main", auth_type: "pkce", app_id: "THE-OAUTH-APPLICATION-ID" });
    const [essays] = online.collections as unknown as { name: string; fields: EditorField[] }[];
    expect(online.collections.map((c) => (c as { name?: string }).name)).toEqual(["essays"]);
    expect(essays!.fields.map((f) => f.name)).toEqual([...Object.keys(frontMatterSchema().shape), "body"]);
    expect(essays!.fields.find((f) => f.name === "series")).toMatchObject({ widget: "select", options: choices.series });
    expect(essays!.fields.find((f) => f.name === "authors")!.fields!.find((f) => f.name === "id")).toMatchObject({
      widget: "select",
      options: choices.authors,
    });
  });
});

describe("records in the editor's shape", () => {
  const names = AuthorSchema.shape.names;
  it("edits a record keyed by language as a list, and a name given as text as its object", () => {
    const record = { ja: "飯塚恵子", ko: { name: "이이즈카 케이코", reading: "x" } };
    const edited = toEditor(names, record);
    expect(edited).toEqual([
      { lang: "ja", name: "飯塚恵子" },
      { lang: "ko", name: "이이즈카 케이코", reading: "x" },
    ]);
    expect(fromEditor(names, edited)).toEqual(record);
    expect(sameValue(names, record, edited)).toBe(true);
    expect(sameValue(names, record, [{ lang: "ja", name: "飯塚恵子", family: "飯塚" }])).toBe(false);
  });
  it("leaves out what the editor left empty", () => {
    expect(fromEditor(SeriesSchema.shape.titles, [])).toBeUndefined();
    expect(fromEditor(frontMatterSchema().shape.authors, [{ id: "a", bio: "", affiliation: null }])).toEqual([{ id: "a" }]);
    expect(sameValue(frontMatterSchema().shape.authors, ["a"], [{ id: "a", bio: "" }])).toBe(true);
  });
});

describe("an essay written back", () => {
  const text = "---\n# kept\ntitle: Old   # a comment\nnumber: 2\ntopics: [a, b]\nsummary: gone\n---\n\nBody.\n";
  it("rewrites only the fields that changed, in place", () => {
    const written = spliceFile(text, {
      set: new Map([["title", "New: a title"]]),
      remove: new Set(["summary"]),
      order: ["title", "number", "topics", "summary"],
    });
    expect(written).toBe('---\n# kept\ntitle: "New: a title"   # a comment\nnumber: 2\ntopics: [a, b]\n---\n\nBody.\n');
  });
  it("puts a new field after the one before it in the schema's order, and a list in block style", () => {
    const written = spliceFile(text, {
      set: new Map<string, unknown>([
        ["date", "2024-05-06"],
        ["authors", [{ id: "a" }]],
      ]),
      remove: new Set(),
      order: ["title", "date", "number", "authors", "topics"],
    });
    expect(written).toBe(
      "---\n# kept\ntitle: Old   # a comment\ndate: 2024-05-06\nnumber: 2\nauthors:\n  - id: a\ntopics: [a, b]\nsummary: gone\n---\n\nBody.\n",
    );
  });
  it("replaces the body only when it is given", () => {
    expect(spliceFile(text, { set: new Map(), remove: new Set(), order: [], body: "New body." })).toBe(text.replace("Body.", "New body."));
  });
});

describe("the local backend", () => {
  const persist = (path: string, raw: string) => ({ action: "persistEntry", params: { dataFiles: [{ path, raw, slug: "x" }], assets: [], options: {} } });
  it("refuses in the build's words what the build would refuse, writing nothing", async () => {
    const root = join(await tempDir("edit-backend-"), "archive");
    await cp(fixture("basic"), root, { recursive: true });
    const backend = editorBackend(root);
    const authors = await readFile(join(root, "_data/authors.json"), "utf8");
    // Ada Okafor is credited by essays 1 and 3: deleting her would leave them pointing nowhere.
    const refused = await backend.handle({ action: "deleteFile", params: { path: "_data/authors/ada-okafor.json" } });
    expect(refused).toEqual({ status: 422, json: { error: expect.stringContaining('src/essays/1-tidal-power.md (authors.0): unknown id "ada-okafor"') } });
    expect(await readFile(join(root, "_data/authors.json"), "utf8")).toBe(authors);
    // A series whose ISSN is not one.
    const series = JSON.stringify({
      id: "policy-notes",
      title: "Policy Notes",
      publisher: "P",
      institution: "I",
      disclaimer: "D",
      copyright: "C",
      issn: "12345",
    });
    expect(await backend.handle(persist("_data/series/policy-notes.json", series))).toEqual({
      status: 422,
      json: { error: "_data/series.json (policy-notes.issn): must look like 1234-567X" },
    });
    // A file in another encoding is refused, never rewritten (the build reads only UTF-8).
    const latin1 = Buffer.from("---\ntitle: Caf\xe9\nseries: policy-notes\n---\nB\n", "latin1");
    await writeFile(join(root, "src/essays/2-fisheries-diplomacy.md"), latin1);
    const essay = "---\nslug: fisheries-diplomacy\ntitle: T\nseries: policy-notes\nnumber: 2\ndate: 2020-06-15\nauthors:\n  - id: ben-takeda\n---\nB\n";
    expect(await backend.handle(persist("src/essays/2-fisheries-diplomacy.md", essay))).toEqual({
      status: 422,
      json: { error: expect.stringContaining("src/essays/2-fisheries-diplomacy.md (line 2, column 11): is not UTF-8 text") },
    });
    expect(await readFile(join(root, "src/essays/2-fisheries-diplomacy.md"))).toEqual(latin1);
    // Nothing outside the content root is read or written.
    expect((await backend.handle({ action: "getEntry", params: { path: "../outside.md" } })).status).toBe(422);
    expect((await backend.handle(persist("src/essays/../../outside.md", "---\ntitle: T\n---\nB\n"))).status).toBe(422);
    // A new author, written after the others, which keep their bytes.
    const added = await backend.handle(persist("_data/authors/dan-ito.json", JSON.stringify({ id: "dan-ito", name: "Dan Ito", bio: "" })));
    expect(added.status).toBe(200);
    const after = await readFile(join(root, "_data/authors.json"), "utf8");
    expect(after.startsWith(authors.slice(0, authors.lastIndexOf("}", authors.length - 3) + 1))).toBe(true);
    expect(JSON.parse(after)["dan-ito"]).toEqual({ name: "Dan Ito" });
    await writeFile(join(root, "_data/authors.json"), authors);
  });

  it("links an essay's translation from either side, writing the key they share into both, and unlinks it", async () => {
    const root = join(await tempDir("edit-translation-"), "archive");
    await cp(fixture("basic"), root, { recursive: true });
    const backend = editorBackend(root);
    const english = "src/essays/2-fisheries-diplomacy.md";
    const original = await readFile(join(root, english), "utf8");
    const japanese = (translation: string) =>
      `---\nslug: gyogyo\ntitle: 北太平洋の漁業外交\nseries: policy-notes\nnumber: 9\ndate: 2020-07-01\nlang: ja\nauthors:\n  - id: ben-takeda\ntranslation: "${translation}"\n---\n漁業交渉は毎年春に始まる。\n`;
    expect((await backend.handle(persist("src/essays/9-gyogyo.md", japanese("2-fisheries-diplomacy")))).status).toBe(200);
    expect(await readFile(join(root, "src/essays/9-gyogyo.md"), "utf8")).toContain("lang: ja\ntranslationKey: gyogyo\n");
    expect(await readFile(join(root, english), "utf8")).toBe(original.replace("  - diplomacy\n---", "  - diplomacy\ntranslationKey: gyogyo\n---"));
    // The English essay names its translation too.
    const entry = (await backend.handle({ action: "getEntry", params: { path: english } })).json as { data: string };
    expect(entry.data).toContain("translation: 9-gyogyo\n");
    expect((await backend.handle(persist("src/essays/9-gyogyo.md", japanese("")))).status).toBe(200);
    expect(await readFile(join(root, english), "utf8")).toBe(original);
    expect(await readFile(join(root, "src/essays/9-gyogyo.md"), "utf8")).not.toContain("translationKey");
  });
});
