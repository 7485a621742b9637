// The import of a batch of saved pages, planned without touching the disk: which files to write, which
// records to add, and why anything was refused. The command applies the plan; keeping this pure makes
// the rules testable and the outcome all or nothing: one problem anywhere and nothing is written.
import yaml from "js-yaml";
import { isLanguage } from "../content/languages.ts";
import type { Problem } from "../content/problems.ts";
import { SLUG_PATTERN, toSlug } from "../content/slug.ts";
import type { AuthorRecord, SeriesRecord } from "../content/schema/index.ts";
import { CONTENT } from "../paths/layout.ts";
import { essayFile, type EssayCredit } from "./essay-file.ts";
import { parsePage, type RawPage } from "./parse-page.ts";

export interface Existing {
  authors: Record<string, AuthorRecord>;
  series: Record<string, SeriesRecord>;
  /** Every essay file: path relative to the content root ("src/essays/201-x.md") → its text. */
  essays: Map<string, string>;
  /** The site's language (site.json): an essay in another gets its own `lang`. Default "en". */
  language?: string;
}

export interface PlanOptions {
  /** The id of the series the pages belong to. */
  series: string;
  /** Needed when the series is new. */
  seriesTitle?: string;
  /** Replace an essay already in the archive under the same number. */
  force?: boolean;
  /** The URL each page was saved from, recorded as the essay's `source`. */
  source?: (file: string) => string | undefined;
}

export interface Write {
  path: string;
  text: string;
}

export interface Plan {
  problems: Problem[];
  /** Empty whenever there is a problem. Records come first: an essay must never point to a missing record. */
  writes: Write[];
  /** Essay files a forced import replaces under another name (the title, so the slug, changed). */
  removes: string[];
  /** One per input file, in essay-number order. */
  lines: string[];
  summary: string;
}

export const AUTHORS_FILE = `${CONTENT.data}/authors.json`;
export const SERIES_FILE = `${CONTENT.data}/series.json`;

/** Records as the site keeps them: two-space JSON, keys in their order with new ones appended sorted. */
function recordsText<T>(existing: Record<string, T>, added: Map<string, T>): string {
  const merged: Record<string, T> = { ...existing };
  for (const id of [...added.keys()].sort()) merged[id] = added.get(id)!;
  return `${JSON.stringify(merged, null, 2)}\n`;
}

/** "should not be attributed to X." or "©Copyright 2007 X All Right Reserved." → X */
function publisherOf(page: RawPage): string | undefined {
  const fromDisclaimer = /attributed to (.+?)\.?$/i.exec(page.disclaimer ?? "")?.[1];
  const fromCopyright = /^(?:©|\(c\)|copyright|\s|\d{4}[-–]?)+(.+?)[.,]?\s*(?:all rights? reserved\.?)?$/i.exec(page.copyright ?? "")?.[1];
  return (fromDisclaimer ?? fromCopyright)?.trim() || undefined;
}

/** The `series` field of an essay file's front matter, if it can be read. */
function seriesOfEssay(text: string): string | undefined {
  const yamlText = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  try {
    const data: unknown = yamlText === undefined ? undefined : yaml.load(yamlText, { schema: yaml.CORE_SCHEMA });
    const series = data && typeof data === "object" ? (data as Record<string, unknown>).series : undefined;
    return typeof series === "string" ? series : undefined;
  } catch {
    return undefined;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The id of the existing author record a printed name belongs to: one whose `name`, or whose name in another
 * language (`names`), is that name. A Japanese page prints "飯塚恵子" for the record keiko-iizuka.
 */
function recordOf(authors: Record<string, AuthorRecord>, name: string): string | undefined {
  const fold = (s: string) => s.replace(/\s+/gu, "").toLowerCase();
  const written = (id: string) => Object.values(authors[id]!.names ?? {}).map((n) => (typeof n === "string" ? n : n.name));
  return Object.keys(authors).find((id) => [authors[id]!.name, ...written(id)].some((n) => fold(n) === fold(name)));
}

export function planImport(pages: { file: string; text: string }[], existing: Existing, options: PlanOptions): Plan {
  const problems: Problem[] = [];
  const lines: string[] = [];

  if (!SLUG_PATTERN.test(options.series)) {
    problems.push({ file: SERIES_FILE, where: options.series, message: "the series id must be a lowercase ASCII slug (a-z, 0-9, single hyphens)" });
  }

  // Pages in essay-number order, so which page a new record is taken from does not depend on file order.
  const parsed: { file: string; page: RawPage }[] = [];
  const unreadable: string[] = [];
  for (const { file, text } of [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const result = parsePage(text, file);
    problems.push(...result.problems);
    if (result.page) parsed.push({ file, page: result.page });
    else unreadable.push(`refused ${file}: ${result.problems[0]?.message ?? "not readable"}`);
  }
  parsed.sort((a, b) => a.page.number - b.page.number);

  // ---- the series: the existing record, or a new one from the first page ----
  let series = existing.series[options.series];
  let newSeries: SeriesRecord | undefined;
  const first = parsed[0]?.page;
  if (!series && first) {
    const missing = (what: string) =>
      problems.push({
        file: SERIES_FILE,
        where: options.series,
        message: `series ${options.series} is new, and ${parsed[0]!.file} has no ${what} line to take the series' ${what} from`,
      });
    if (!options.seriesTitle?.trim()) {
      problems.push({ file: SERIES_FILE, where: options.series, message: `series ${options.series} is new: give its title with --series-title` });
    }
    const publisher = publisherOf(first);
    if (!publisher)
      problems.push({
        file: SERIES_FILE,
        where: options.series,
        message: `series ${options.series} is new, and ${parsed[0]!.file} names no publisher (in its disclaimer or copyright line)`,
      });
    if (!first.disclaimer) missing("disclaimer");
    if (!first.copyright) missing("copyright");
    newSeries = {
      title: options.seriesTitle?.trim() ?? "",
      publisher: publisher ?? "",
      institution: first.institution,
      disclaimer: first.disclaimer ?? "",
      copyright: first.copyright ?? "",
    };
    series = newSeries;
  }

  // ---- authors: existing records are kept as they are; a new one takes the first bio printed ----
  const newAuthors = new Map<string, AuthorRecord>();
  const creditsOf = (file: string, page: RawPage): EssayCredit[] =>
    page.authors.map((name, i) => {
      const id = recordOf(existing.authors, name) ?? toSlug(name);
      const bio = page.bios[i];
      if (!id) {
        problems.push({
          file,
          where: "byline",
          message: `no author record has the name "${name}", and it has no letters a-z or digits to make an id from: add the author's record to ${AUTHORS_FILE} with the name in "names" ("names": { "ja": "${name}" }), then import again`,
        });
      } else if (!existing.authors[id]) {
        const known = newAuthors.get(id);
        if (!known) newAuthors.set(id, bio === undefined ? { name } : { name, bio });
        else if (known.bio === undefined && bio !== undefined) newAuthors.set(id, { ...known, bio });
      }
      return bio === undefined ? { id } : { id, bio };
    });

  // ---- essays ----
  const writes: Write[] = [];
  const removes: string[] = [];
  const counts = { imported: 0, replaced: 0, unchanged: 0, refused: unreadable.length };
  const numbersSeen = new Map<number, string>();
  for (const { file, page } of parsed) {
    const credits = creditsOf(file, page);
    if (new Set(credits.map((c) => c.id)).size < credits.length) {
      problems.push({ file, where: "byline", message: "names the same author twice" });
    }
    const earlier = numbersSeen.get(page.number);
    if (earlier) {
      problems.push({ file, message: `has the same essay number (No.${page.number}) as ${earlier}` });
      lines.push(`refused ${file}: No.${page.number} is also ${earlier}`);
      counts.refused++;
      continue;
    }
    numbersSeen.set(page.number, file);

    const source = options.source?.(file);
    if (source !== undefined && !/^https?:\/\/\S+$/.test(source)) {
      problems.push({ file, where: "source", message: `the source address "${source}" is not an absolute http(s) URL` });
    }
    const essay = essayFile({
      title: page.title,
      series: options.series,
      number: page.number,
      date: page.date,
      authors: credits,
      paragraphs: page.paragraphs,
      ...(isLanguage(existing.language ?? "en", page.lang) ? {} : { lang: page.lang }),
      // The essay keeps its own lines only where they are not the series'.
      ...(page.disclaimer !== undefined && page.disclaimer !== series?.disclaimer ? { disclaimer: page.disclaimer } : {}),
      ...(page.copyright !== undefined && page.copyright !== series?.copyright ? { copyright: page.copyright } : {}),
      ...(source === undefined ? {} : { source }),
    });

    // The same number in the same series (or the very same file name) is already in the archive.
    const same = [...existing.essays.keys()]
      .filter((path) => {
        const name = path.slice(CONTENT.essays.length + 1);
        if (path === essay.path) return true;
        if (!path.startsWith(`${CONTENT.essays}/`) || !name.startsWith(`${page.number}-`)) return false;
        const other = seriesOfEssay(existing.essays.get(path)!);
        return other === undefined || other === options.series;
      })
      .sort();
    if (same.length === 1 && same[0] === essay.path && existing.essays.get(essay.path) === essay.text) {
      lines.push(`unchanged ${essay.path}`);
      counts.unchanged++;
      continue;
    }
    if (same.length > 0 && !options.force) {
      problems.push({
        file,
        message: `No.${page.number} is already in the archive as ${same.join(" and ")}, with other content: import with --force to replace it`,
      });
      lines.push(`refused ${file}: No.${page.number} is already ${same.join(" and ")}`);
      counts.refused++;
      continue;
    }
    writes.push(essay);
    removes.push(...same.filter((path) => path !== essay.path));
    lines.push(`${same.length > 0 ? "replaced" : "imported"} ${essay.path}`);
    counts[same.length > 0 ? "replaced" : "imported"]++;
  }
  lines.push(...unreadable);

  const records: Write[] = [];
  if (newAuthors.size > 0) records.push({ path: AUTHORS_FILE, text: recordsText(existing.authors, newAuthors) });
  if (newSeries) records.push({ path: SERIES_FILE, text: recordsText(existing.series, new Map([[options.series, newSeries]])) });

  if (problems.length > 0) {
    return {
      problems,
      writes: [],
      removes: [],
      lines: lines.map((line) => line.replace(/^(imported|replaced) /, "held back ")),
      summary: `nothing written: ${plural(problems.length, "problem")}${counts.refused ? `, ${plural(counts.refused, "file")} refused` : ""}`,
    };
  }
  const summary = [
    `imported ${plural(counts.imported, "essay")}`,
    ...(counts.replaced ? [`replaced ${counts.replaced}`] : []),
    ...(newAuthors.size ? [`${plural(newAuthors.size, "new author")}`] : []),
    ...(newSeries ? [`new series ${options.series}`] : []),
    ...(counts.unchanged ? [`${counts.unchanged} unchanged`] : []),
  ].join(", ");
  return { problems, writes: [...records, ...writes.sort((a, b) => (a.path < b.path ? -1 : 1))], removes: removes.sort(), lines, summary };
}
