// The words of the pages around the essays (menu, headings, counts, dates, the search page's messages), one
// JSON file per language in lib/words/, named by its language tag ("ja.json"). en.json is the
// reference: every other file has each of its keys, or the build stops, naming the file and the keys.
// A page is in its content's language's words where there is a file for it, else the site language's,
// else English's. A value is text with `{names}` to fill in, or, where a number decides the words, one
// text per plural category (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
import { readdirSync, readFileSync } from "node:fs";
import { localesFor, primaryLanguage } from "../content/languages.ts";
import type { Problem } from "../content/problems.ts";
import { formatDate } from "../content/dates.ts";

type Reference = typeof import("./en.json", { with: { type: "json" }});
type Key = Exclude<keyof Reference, "$comment" | "locale" | "dateFormat">;
/** Keys whose words depend on a number. */
export type CountKey = { [K in Key]: Reference[K] extends { other: string } ? K : never }[Key];
/** Keys of plain text. */
export type TextKey = Exclude<Key, CountKey>;
type Values = Record<string, string | number>;

export interface Strings {
  /** The language these words are in: "ja", or "en" where a page's language has no file. */
  readonly lang: string;
  text(key: TextKey, values?: Values): string;
  /** The words for `n` of something ("3 essays", "3件"): `{n}` is the number, formatted for the language. */
  count(key: CountKey, n: number, values?: Values): string;
  /** "1 August 2014", "2014年8月1日". */
  date(iso: string): string;
  /** A text as pieces, each `{name}` replaced by `parts[name]` (a link, say) and the rest as strings. */
  parts<T>(key: TextKey, parts: Record<string, T>): (string | T)[];
  /** Items with the language's separators between them: "A, B and C", "A、B、C". */
  list<T>(items: readonly T[]): (string | T)[];
  /** A key's words as the file has them, {names} unfilled: for a script to fill in (the search page's). */
  source(key: TextKey | CountKey): string | Readonly<Record<string, string>>;
}

const FOLDER = new URL("./", import.meta.url);
/** Where a file is, for messages: as the repository names it. */
const fileName = (lang: string) => `lib/words/${lang}.json`;
const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

type Words = Record<string, string | Record<string, string>>;

/** What is wrong with one language's file against the reference: each missing, unknown or misshapen key. */
export function stringsProblems(file: string, words: unknown, reference: Words): Problem[] {
  if (typeof words !== "object" || words === null || Array.isArray(words)) return [{ file, message: "is not a JSON object of words by key" }];
  const given = words as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const [key, wanted] of Object.entries(reference)) {
    const value = given[key];
    if (value === undefined) problems.push({ file, where: key, message: "is missing: every key of en.json needs its words in each language" });
    else if (typeof wanted === "string" ? typeof value !== "string" : !isPlural(value)) {
      problems.push({
        file,
        where: key,
        message: typeof wanted === "string" ? "must be text" : 'must be words by plural category, with at least "other" ({ "other": "{n} …" })',
      });
    }
  }
  for (const key of Object.keys(given)) if (!(key in reference)) problems.push({ file, where: key, message: "is not a key of en.json (misspelt?)" });
  return problems;
}

const isPlural = (value: unknown): value is Record<string, string> =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Record<string, unknown>).other === "string" &&
  Object.entries(value).every(([k, v]) => PLURAL_CATEGORIES.has(k) && typeof v === "string");

let files: { words: Map<string, Words>; problems: Problem[] } | undefined;

/** Every language's file, read once, with what is wrong with them. */
function readFiles(): { words: Map<string, Words>; problems: Problem[] } {
  if (files) return files;
  const words = new Map<string, Words>();
  const problems: Problem[] = [];
  for (const name of readdirSync(FOLDER)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const lang = name.slice(0, -".json".length);
    try {
      words.set(lang, JSON.parse(readFileSync(new URL(name, FOLDER), "utf8")) as Words);
    } catch (error) {
      problems.push({ file: fileName(lang), message: `is not valid JSON: ${(error as Error).message}` });
    }
  }
  const reference = words.get("en")!;
  for (const [lang, given] of words) if (lang !== "en") problems.push(...stringsProblems(fileName(lang), given, reference));
  files = { words, problems };
  return files;
}

/** What is wrong with the words files: the build lists these with the content's problems. */
export const wordsProblems = (): Problem[] => readFiles().problems;

/** The file a language's pages take their words from: its own, its primary language's ("ja" for "ja-JP"), or none. */
function fileFor(lang: string): string | undefined {
  const { words } = readFiles();
  return [lang, primaryLanguage(lang)].find((l) => words.has(l));
}

const made = new Map<string, Strings>();

/** The words for a page whose content is in `lang`, in an archive whose language is `siteLanguage`. */
export function stringsFor(lang: string, siteLanguage: string): Strings {
  const chosen = fileFor(lang) ?? fileFor(siteLanguage) ?? "en";
  let strings = made.get(chosen);
  if (!strings) made.set(chosen, (strings = makeStrings(chosen, readFiles().words.get(chosen)!)));
  return strings;
}

function makeStrings(lang: string, words: Words): Strings {
  const locale = words.locale as string;
  const numbers = new Intl.NumberFormat(localesFor(locale));
  const plurals = new Intl.PluralRules(localesFor(locale));
  const dates = new Map<string, string>();
  const fill = (text: string, values: Values = {}) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  return {
    lang,
    text: (key, values) => fill(words[key] as string, values),
    count(key, n, values) {
      const forms = words[key] as Record<string, string>;
      return fill(forms[plurals.select(n)] ?? forms.other!, { ...values, n: numbers.format(n) });
    },
    date(iso) {
      let text = dates.get(iso);
      if (text === undefined) dates.set(iso, (text = formatDate(iso, locale, words.dateFormat as string)));
      return text;
    },
    parts<T>(key: TextKey, parts: Record<string, T>) {
      return (words[key] as string).split(/(\{\w+\})/).flatMap((piece): (string | T)[] => {
        const name = /^\{(\w+)\}$/.exec(piece)?.[1];
        if (name !== undefined && name in parts) return [parts[name]!];
        return piece === "" ? [] : [piece];
      });
    },
    source: (key) => words[key]!,
    list<T>(items: readonly T[]) {
      return items.flatMap((item, i): (string | T)[] =>
        i === 0 ? [item] : [i === items.length - 1 ? (words["list.and"] as string) : (words["list.comma"] as string), item],
      );
    },
  };
}

/** The words of a link to the same page in `lang`, in that language ("日本語で読む"), else the language's own name. */
export function readIn(lang: string): string {
  const file = fileFor(lang);
  return file ? stringsFor(file, file).text("essay.readIn") : autonym(lang);
}

/** A language's name in itself: "English", "日本語", "français"; in English for one the platform has no names in ("Latin"). */
export function autonym(lang: string): string {
  return new Intl.DisplayNames(localesFor(lang), { type: "language" }).of(lang) ?? lang;
}

/** "AJISS-Commentary No.201", "現地報告 No.8": an essay's series, as titled in `lang`, and number, in `words`. */
export const essayLabel = (words: Strings, essay: LabelledEssay, lang: string): string =>
  words.text("essay.label", { series: essay.series.titleIn(lang), number: essay.number });

/** What an essay's label is made of (lib/archive/model.ts's Essay has it). */
interface LabelledEssay {
  number: number;
  series: { titleIn(lang: string): string };
}

/** The words of one of the archive's pages: those of its content's language (`lang`), else the site's. */
export const pageStrings = (site: { language: string }, lang?: string): Strings => stringsFor(lang ?? site.language, site.language);
