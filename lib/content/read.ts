// Reads the content root (src/essays/*.md and _data/*.json) and validates each file on its own.
// Ids are checked against the records here; duplicate numbers, a rule across essays, in lib/archive.ts.
import { readFileSync, statSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import matter from "gray-matter";
import yaml from "js-yaml";
import type { z } from "zod";
import { zodProblems, type Problem } from "./problems.ts";
import {
  AuthorsFileSchema,
  frontMatterSchema,
  SeriesFileSchema,
  SiteSchema,
  type AuthorRecord,
  type FrontMatter,
  type KnownIds,
  type SeriesRecord,
  type SiteRecord,
} from "./schema.ts";

export const ESSAYS_DIR = "src/essays";
export const DATA_DIR = "_data";
/** `<number>-<slug>.md` */
const ESSAY_FILE = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

export interface EssaySource {
  file: string;
  slug: string;
  frontMatter: FrontMatter;
  body: string;
}

type FrontMatterParser = ReturnType<typeof frontMatterSchema>;

export interface Records {
  site?: SiteRecord;
  authors?: Record<string, AuthorRecord>;
  series?: Record<string, SeriesRecord>;
  essays: EssaySource[];
  problems: Problem[];
}

/**
 * YAML's core schema: no timestamps, so `date: 2014-13-45` stays the string it is instead of
 * quietly rolling over into another day, as js-yaml's default schema would.
 */
const frontMatterOptions = {
  engines: { yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object },
};

interface JsonFile<T> {
  text?: string;
  /** The validated record, when it is valid. */
  data?: T;
  /** The ids of a JSON object of records, valid or not, for checking what essays point to. */
  ids?: Set<string>;
}

async function readJson<T>(root: string, name: string, schema: z.ZodType<T>, problems: Problem[]): Promise<JsonFile<T>> {
  const file = `${DATA_DIR}/${name}`;
  let value: unknown;
  let text: string | undefined;
  try {
    text = await readFile(join(root, file), "utf8");
    value = JSON.parse(text);
  } catch (error) {
    problems.push({ file, message: `cannot be read as JSON: ${(error as Error).message}` });
    return { text };
  }
  const ids = value && typeof value === "object" && !Array.isArray(value) ? new Set(Object.keys(value)) : undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) problems.push(...zodProblems(file, parsed.error));
  return { text, data: parsed.data, ids };
}

function readEssay(file: string, text: string, schema: FrontMatterParser, problems: Problem[]): EssaySource | undefined {
  const name = ESSAY_FILE.exec(file.slice(ESSAYS_DIR.length + 1));
  if (!name) {
    problems.push({ file, message: "an essay file must be named <number>-<slug>.md (lowercase slug)" });
    return undefined;
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, frontMatterOptions);
  } catch (error) {
    const mark = (error as yaml.YAMLException).mark;
    // The front matter starts on the file's second line, after `---`.
    const where = mark ? `line ${mark.line + 2}` : undefined;
    problems.push({ file, where, message: `front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}` });
    return undefined;
  }
  const fm = schema.safeParse(parsed.data);
  const count = problems.length;
  if (!fm.success) problems.push(...zodProblems(file, fm.error));
  if (fm.success && fm.data.number !== Number(name[1])) {
    problems.push({ file, where: "number", message: `is ${fm.data.number}, but the file name says ${Number(name[1])}` });
  }
  if (parsed.content.trim() === "") problems.push({ file, message: "has no body text" });
  if (!fm.success || problems.length > count) return undefined;
  return { file, slug: name[2]!, frontMatter: fm.data, body: parsed.content };
}

/** Valid essays by path and file stamp, as last read against `validAgainst` (the records' text). */
const validEssays = new Map<string, { stamp: string; source: EssaySource }>();
let validAgainst = "";

export interface ReadOptions {
  /** Keep the valid essays this read parses, for a later read to reuse (the dev server). */
  remember?: boolean;
  /** Take the remembered essays whose file and records are unchanged instead of parsing them again. */
  reuse?: boolean;
}

/** Reads and validates everything: the records, and each essay (parsed again only when it must be). */
export async function readRecords(root: string, { remember = false, reuse = false }: ReadOptions = {}): Promise<Records> {
  const problems: Problem[] = [];
  const [site, authors, series] = await Promise.all([
    readJson(root, "site.json", SiteSchema, problems),
    readJson(root, "authors.json", AuthorsFileSchema, problems),
    readJson(root, "series.json", SeriesFileSchema, problems),
  ]);
  let names: string[] = [];
  try {
    names = (await readdir(join(root, ESSAYS_DIR))).filter((n) => n.endsWith(".md")).sort();
  } catch (error) {
    problems.push({ file: ESSAYS_DIR, message: `cannot be read: ${(error as Error).message}` });
  }
  const known: KnownIds = { authors: authors.ids, series: series.ids };
  const schema = frontMatterSchema(known);
  const records = `${site.text}\0${authors.text}\0${series.text}`;
  if (!reuse || records !== validAgainst) validEssays.clear();
  validAgainst = records;
  const essays: EssaySource[] = [];
  for (const n of names) {
    const path = join(root, ESSAYS_DIR, n);
    const { mtimeMs, size } = statSync(path);
    const stamp = `${mtimeMs}:${size}`;
    const cached = validEssays.get(path);
    if (cached?.stamp === stamp) {
      essays.push(cached.source);
      continue;
    }
    // Read one after another: for thousands of small files this is several times faster than in parallel.
    const essay = readEssay(`${ESSAYS_DIR}/${n}`, readFileSync(path, "utf8"), schema, problems);
    if (essay) {
      essays.push(essay);
      if (remember) validEssays.set(path, { stamp, source: essay });
    }
  }
  return { site: site.data, authors: authors.data, series: series.data, essays, problems };
}
