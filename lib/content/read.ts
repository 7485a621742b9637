// Reading the content root: records (_data/*.json) and essays (src/essays/*.md), each validated on its
// own. The parsers are pure functions of a file's text; only the functions named read* touch the disk.
// Rules across files (unique numbers) are lib/archive/link.ts's.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import matter from "gray-matter";
import { parse as parseJsonc, type ParseError, printParseErrorCode } from "jsonc-parser";
import yaml from "js-yaml";
import type { z } from "zod";
import { CONTENT } from "../paths/layout.ts";
import { readUtf8 } from "./encoding.ts";
import { zodProblems, type Problem } from "./problems.ts";
import {
  AuthorsFileSchema,
  frontMatterSchema,
  SeriesFileSchema,
  SiteSchema,
  type AuthorRecord,
  type FrontMatter,
  type KnownIds,
  LIMITS,
  type SeriesRecord,
  type SiteRecord,
} from "./schema/index.ts";
import { SLUG_PATTERN } from "./slug.ts";
import { bodyTextProblems, textProblems } from "./text.ts";

/** A figure's size in CSS pixels, as its `width` and `height` attributes give it (lib/bodies/figures.ts measures it). */
export interface FigureSize {
  width: number;
  height: number;
}

/** The figures an essay shows, by name (relative to CONTENT.figures): what rendering its body needs. */
export type FigureSizes = Record<string, FigureSize>;

/** An essay file, as read and validated. */
export interface EssaySource {
  /** Relative to the content root: "src/essays/201-what-the-us-now-craves-from-japan.md". */
  file: string;
  slug: string;
  frontMatter: FrontMatter;
  /** Markdown. */
  body: string;
  /** The file's line on which the body begins, for problems found in it. */
  bodyLine: number;
  /** The figures the body shows, measured (lib/bodies/figures.ts); filled in by the loader, which reads them. */
  figures: FigureSizes;
}

export interface Records {
  site?: SiteRecord;
  authors?: Record<string, AuthorRecord>;
  series?: Record<string, SeriesRecord>;
  /** The ids of each records file that is an object, valid or not: what essays may point to. */
  known: KnownIds;
  problems: Problem[];
}

export const RECORD_FILES = ["site.json", "authors.json", "series.json"] as const;
export type RecordTexts = Record<(typeof RECORD_FILES)[number], string | Error>;

/** A file that was read but is not UTF-8: the problem says where and what to do. */
export class NotUtf8Error extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** A content file's text, strictly UTF-8 (lib/content/encoding.ts), or a NotUtf8Error. */
export function contentText(file: string, bytes: Uint8Array): string | NotUtf8Error {
  const read = readUtf8(file, bytes);
  return "text" in read ? read.text : new NotUtf8Error(read.problem);
}

// ---- records ----------------------------------------------------------------------------------------

/** The text of each record file, or why it could not be read. */
export async function readRecordTexts(root: string): Promise<RecordTexts> {
  const texts = await Promise.all(
    RECORD_FILES.map((name) =>
      readFile(join(root, CONTENT.data, name)).then(
        (bytes) => contentText(`${CONTENT.data}/${name}`, bytes),
        (e: Error) => e,
      ),
    ),
  );
  return Object.fromEntries(RECORD_FILES.map((name, i) => [name, texts[i]!])) as RecordTexts;
}

/** "line 3, column 5" of an offset into a text. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

const JSON_ERRORS: Record<string, string> = {
  PropertyNameExpected: "expected a field name in double quotes",
  CommaExpected: "a comma is missing",
  ColonExpected: "a colon is missing",
  ValueExpected: "a value is missing (or there is a comma too many)",
  CloseBraceExpected: "a closing } is missing",
  CloseBracketExpected: "a closing ] is missing",
  EndOfFileExpected: "there is text after the end",
  InvalidSymbol: "unexpected text (strings need double quotes)",
  UnexpectedEndOfString: "a string is not closed",
  InvalidCommentToken: "JSON has no comments",
};

/** JSON, with a syntax error reported at its line and column in plain words. */
function parseJson(file: string, text: string, problems: Problem[]): unknown {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const error = errors[0];
  // jsonc-parser finds the error's place; the value is JSON.parse's, which keeps a "__proto__" key as a key
  // (jsonc-parser's objects take it as their prototype, and the record vanished).
  if (!error) return JSON.parse(text) as unknown;
  const code = printParseErrorCode(error.error);
  problems.push({ file, where: lineAndColumn(text, error.offset), message: `is not valid JSON: ${JSON_ERRORS[code] ?? code}` });
  return undefined;
}

function parseRecordFile<T>(name: string, text: string | Error, schema: z.ZodType<T>, problems: Problem[]) {
  const file = `${CONTENT.data}/${name}`;
  if (text instanceof NotUtf8Error) {
    problems.push(text.problem);
    return {};
  }
  if (text instanceof Error) {
    problems.push({ file, message: "cannot be read (is it there?)" });
    return {};
  }
  const count = problems.length;
  const value = parseJson(file, text, problems);
  if (problems.length > count) return {};
  const ids = value && typeof value === "object" && !Array.isArray(value) ? new Set(Object.keys(value)) : undefined;
  problems.push(...textProblems(file, value));
  const parsed = schema.safeParse(value);
  if (!parsed.success) problems.push(...zodProblems(file, parsed.error));
  return { data: parsed.data, ids };
}

/** Validates the three record files. */
export function parseRecords(texts: RecordTexts): Records {
  const problems: Problem[] = [];
  const site = parseRecordFile("site.json", texts["site.json"], SiteSchema, problems);
  const authors = parseRecordFile("authors.json", texts["authors.json"], AuthorsFileSchema, problems);
  const series = parseRecordFile("series.json", texts["series.json"], SeriesFileSchema, problems);
  return {
    site: site.data,
    authors: authors.data,
    series: series.data,
    known: { authors: authors.ids, series: series.ids },
    problems,
  };
}

// ---- essays -----------------------------------------------------------------------------------------

/** `<number>-<slug>.md` */
export function essayFileName(name: string): { number: number; slug: string } | undefined {
  const match = /^(\d+)-(.+)\.md$/.exec(name);
  if (!match || !SLUG_PATTERN.test(match[2]!)) return undefined;
  return { number: Number(match[1]), slug: match[2]! };
}

/**
 * Every essay file's path (relative to the root), and a problem for anything else in the essays folder:
 * nothing there is skipped in silence. Dot-files (.DS_Store, .gitkeep) are the system's, not the editor's.
 */
export async function listEssays(root: string): Promise<{ files: string[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  let entries: { name: string; isFile(): boolean }[] = [];
  try {
    entries = await readdir(join(root, CONTENT.essays), { withFileTypes: true });
  } catch {
    problems.push({ file: CONTENT.essays, message: "cannot be read (is the folder there?)" });
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = `${CONTENT.essays}/${entry.name}`;
    if (entry.name.startsWith(".")) continue;
    if (!entry.isFile()) problems.push({ file, message: "is a folder: essays go directly in src/essays/, one file each" });
    else if (/\.(png|jpe?g|gif|webp|avif|svg)$/i.test(entry.name))
      problems.push({ file, message: `is an image: figures go in ${CONTENT.figures}/, and an essay shows one with ![What it shows](${entry.name})` });
    else if (!essayFileName(entry.name))
      problems.push({
        file,
        message: "is not an essay file: name it <number>-<slug>.md, e.g. 201-what-the-us-now-craves-from-japan.md (lowercase a-z, 0-9, hyphens)",
      });
    else files.push(file);
  }
  return { files, problems };
}

/** js-yaml's reasons, in an editor's words. */
const YAML_ERRORS: [RegExp, string][] = [
  [/bad indentation of a mapping entry|can not read a block mapping entry/, 'a line is not "field: value" — a value that contains ": " must be in quotes'],
  [/flow collection/, "a list in [brackets] is not closed, or misses a comma"],
  [/within a (double|single) quoted scalar/, "a quoted value is not closed"],
  [/duplicated mapping key/, "a field is given twice"],
  [/tab characters/, "indent with spaces, not tabs"],
];

/** YAML's core schema: no timestamps, so `date: 2014-13-45` stays the string it is instead of rolling over. */
export const frontMatterOptions = {
  engines: { yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object },
};

/** One schema per set of records: zod compiles a schema on its first use, which costs more than a parse. */
const schemas = new WeakMap<KnownIds, ReturnType<typeof frontMatterSchema>>();
function schemaFor(known: KnownIds): ReturnType<typeof frontMatterSchema> {
  let schema = schemas.get(known);
  if (!schema) schemas.set(known, (schema = frontMatterSchema(known)));
  return schema;
}

/**
 * Validates one essay file's text against the records' ids. `body`: the body and the line it begins on,
 * whenever the front matter could be read, so that what is checked in it is reported with the rest.
 */
export function parseEssay(file: string, text: string, known: KnownIds): { essay?: EssaySource; problems: Problem[]; body?: { text: string; line: number } } {
  const problems: Problem[] = [];
  const name = essayFileName(file.slice(file.lastIndexOf("/") + 1));
  if (!name) return { problems: [{ file, message: "is not an essay file name: <number>-<slug>.md" }] };
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, frontMatterOptions);
  } catch (error) {
    const { mark, reason } = error as yaml.YAMLException;
    const plain = YAML_ERRORS.find(([pattern]) => pattern.test(reason ?? ""))?.[1] ?? "this line cannot be read";
    // The front matter gray-matter hands to YAML begins at the `---` line: its line index is the file's line number.
    return { problems: [{ file, where: mark ? `line ${mark.line + 1}` : undefined, message: `front matter: ${plain}` }] };
  }
  if (Object.keys(parsed.data).length === 0) return { problems: [{ file, message: "has no front matter (fields between --- lines at the top)" }] };
  problems.push(...textProblems(file, parsed.data));
  const fm = schemaFor(known).safeParse(parsed.data);
  if (!fm.success) problems.push(...zodProblems(file, fm.error));
  if (fm.success && fm.data.number !== name.number) {
    problems.push({ file, where: "number", message: `is ${fm.data.number}, but the file name says ${name.number}` });
  }
  if (parsed.content.trim() === "") problems.push({ file, message: "has no body text" });
  const bytes = Buffer.byteLength(parsed.content);
  if (bytes > LIMITS.bodyBytes) {
    problems.push({
      file,
      message: `has a body of ${bytes.toLocaleString("en")} bytes, more than the ${LIMITS.bodyBytes.toLocaleString("en")} an essay may have (was something pasted by mistake?)`,
    });
  }
  // gray-matter's content is the text after the closing `---` line.
  const bodyLine = text.endsWith(parsed.content) ? text.slice(0, text.length - parsed.content.length).split("\n").length : 1;
  problems.push(...bodyTextProblems(file, parsed.content, bodyLine));
  const body = { text: parsed.content, line: bodyLine };
  if (!fm.success || problems.length > 0) return { problems, body };
  return { essay: { file, slug: name.slug, frontMatter: fm.data, body: parsed.content, bodyLine, figures: {} }, problems, body };
}
