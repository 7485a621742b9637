// How listing pages order, group and count essays and authors, so that browsing stays usable (and pages
// stay small) at thousands of essays. Pure functions of the model; templates only render what they return.
import type { Archive, Author, Essay, Series, Year } from "./model.ts";
import { foldAccents } from "../content/slug.ts";
import { listingPage } from "../paths/urls.ts";
import { byCodePoint, collatorFor } from "../content/order.ts";

/** How many of the newest essays the home page lists. */
export const HOME_NEWEST = 20;

/**
 * How many essays a series page lists in full: whole years, newest first, until the next year would pass
 * this (the newest year is always listed). Older years are linked to their year pages. At about 300 bytes
 * an entry this keeps a series page near 150 KB of HTML however long the series runs.
 */
export const SERIES_PAGE_ESSAYS = 400;

/**
 * The essays just newer and just older than `essay` in `essays` (an author's, newest first, as a tree
 * shows them): what an essay page shows of its author's other essays (lib/views/essay.ts).
 */
export function beside(essays: readonly Essay[], essay: Essay): { newer?: Essay; older?: Essay } {
  const at = essays.indexOf(essay);
  if (at < 0) return {};
  return { ...(at > 0 && { newer: essays[at - 1] }), ...(at + 1 < essays.length && { older: essays[at + 1] }) };
}

/** Newest first; on the same day, the higher number first. */
export function newestFirst(essays: readonly Essay[]): Essay[] {
  return [...essays].sort((a, b) => (a.date === b.date ? b.number - a.number : a.date < b.date ? 1 : -1));
}

export interface YearGroup {
  year: number;
  /** Newest first. */
  essays: Essay[];
}

/** Essays grouped by year of publication, newest year first, each year newest first. */
export function groupByYear(essays: readonly Essay[]): YearGroup[] {
  const groups: YearGroup[] = [];
  for (const essay of newestFirst(essays)) {
    const last = groups.at(-1);
    if (last?.year === essay.year) last.essays.push(essay);
    else groups.push({ year: essay.year, essays: [essay] });
  }
  return groups;
}

/** The first and last publication dates (YYYY-MM-DD), or undefined for no essays. */
export function dateRange(essays: readonly Essay[]): { first: string; last: string } | undefined {
  if (essays.length === 0) return undefined;
  let first = essays[0]!.date;
  let last = first;
  for (const { date } of essays) {
    if (date < first) first = date;
    if (date > last) last = date;
  }
  return { first, last };
}

/** A series' years split into those its page lists in full and those it only links to. */
export function seriesYears(series: Series, limit = SERIES_PAGE_ESSAYS): { listed: YearGroup[]; linked: YearGroup[] } {
  const groups = groupByYear(series.essays);
  let total = 0;
  let cut = 0;
  // A newest year longer than the limit is linked too: its year pages list it, a page at a time.
  while (cut < groups.length && total + groups[cut]!.essays.length <= limit) total += groups[cut++]!.essays.length;
  return { listed: groups.slice(0, cut), linked: groups.slice(cut) };
}

/**
 * Essays a year or author page lists at most, the rest going on over further pages of the same listing:
 * a page stays well under 250 KB however many essays a year (a daily series) or an author has.
 */
export const LISTING_PAGE_ESSAYS = 250;

/** One page of a year's essays, grouped by series as on the year page (each group newest first). */
export interface YearPage {
  year: Year;
  /** From 1, of `pages`. */
  page: number;
  pages: number;
  path: string;
  /** `total`: the series' essays in the whole year, of which `essays` are on this page. */
  groups: { series: Series; essays: Essay[]; total: number }[];
}

/**
 * A year's pages: its essays grouped by series in the archive's order of series, cut into pages of at
 * most `size` (a series' group may go on over the next page).
 */
export function yearPages(year: Year, allSeries: readonly Series[], size = LISTING_PAGE_ESSAYS): YearPage[] {
  const whole = yearBySeries(year, allSeries);
  const totals = new Map(whole.map((g) => [g.series, g.essays.length]));
  return cut(
    whole.flatMap((g) => g.essays),
    size,
  ).map((essays, i, all) => ({
    year,
    page: i + 1,
    pages: all.length,
    path: listingPage(year.path, i + 1),
    groups: yearBySeries({ essays }, allSeries).map((g) => ({ ...g, total: totals.get(g.series)! })),
  }));
}

/**
 * Where a year's pages show a series' essays: the page they begin on (after the essays of the series
 * before it, as yearPages orders them), at the series' section.
 */
export function yearSectionPath(year: Year, series: Series, allSeries: readonly Series[], size = LISTING_PAGE_ESSAYS): string {
  const order = new Map(allSeries.map((s, i) => [s.id, i]));
  const rank = order.get(series.id)!;
  const before = year.essays.filter((e) => order.get(e.series.id)! < rank).length;
  return `${listingPage(year.path, Math.floor(before / size) + 1)}#${seriesSectionId(series)}`;
}

/** One page of an author's essays, newest first. */
export interface AuthorPage {
  author: Author;
  page: number;
  pages: number;
  path: string;
  essays: Essay[];
}

export function authorPages(author: Author, size = LISTING_PAGE_ESSAYS): AuthorPage[] {
  return cut(author.essays, size).map((essays, i, all) => ({ author, page: i + 1, pages: all.length, path: listingPage(author.path, i + 1), essays }));
}

/** A list in pieces of at most `size`; an empty list is one empty piece (a listing always has its first page). */
function cut<T>(list: readonly T[], size: number): T[][] {
  const pieces: T[][] = [];
  for (let i = 0; i < list.length; i += size) pieces.push(list.slice(i, i + size));
  return pieces.length > 0 ? pieces : [[]];
}

/** The id of a year page's section for one series, which series pages link to. */
export const seriesSectionId = (series: Series) => `series-${series.id}`;

/** A year's essays by series, in the archive's order of series; each newest first. */
export function yearBySeries(year: Pick<Year, "essays">, allSeries: readonly Series[]): { series: Series; essays: Essay[] }[] {
  return (
    allSeries
      // By id: a tree's series (lib/archive/trees.ts) stand for the essays' own.
      .map((series) => ({ series, essays: year.essays.filter((e) => e.series.id === series.id) }))
      .filter((g) => g.essays.length > 0)
  );
}

/** The years before (older) and after (newer) a year that have essays. `years` is newest first. */
export function neighbours(year: Year, years: readonly Year[]): { earlier?: Year; later?: Year } {
  const i = years.findIndex((y) => y.year === year.year);
  return { earlier: i < 0 ? undefined : years[i + 1], later: i <= 0 ? undefined : years[i - 1] };
}

/** Family name, then given names, then the whole name, in the site language's collation (English's where the platform has none for it). */
export function byFamilyName(authors: readonly Author[], locale: string): Author[] {
  const collator = collatorFor(locale, { sensitivity: "base", numeric: true });
  return [...authors].sort(
    (a, b) =>
      collator.compare(a.family, b.family) || collator.compare(a.given ?? "", b.given ?? "") || collator.compare(a.name, b.name) || byCodePoint(a.id, b.id),
  );
}

export interface LetterGroup {
  /** "A"…"Z" (or a gojūon row, "あ"…"わ"), or "#" for names that do not begin with one. */
  letter: string;
  /** The anchor of the group on the authors page: "letter-a", "letter-other". */
  id: string;
  authors: Author[];
}

/** The A–Z letter a family name files under: its first letter without accents, or "#". */
export function initialOf(family: string): string {
  const first = foldAccents(family).charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : "#";
}

/**
 * Authors in groups by initial, A–Z first, then "#" (names in other scripts). `authors` come in
 * family-name order, as `archive.authors` does.
 */
export function groupByInitial(authors: readonly Author[]): LetterGroup[] {
  const groups = new Map<string, Author[]>();
  for (const author of authors) {
    const letter = initialOf(author.family);
    const group = groups.get(letter);
    if (group) group.push(author);
    else groups.set(letter, [author]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === "#" ? 1 : b === "#" ? -1 : byCodePoint(a, b)))
    .map(([letter, list]) => ({ letter, id: letter === "#" ? "letter-other" : `letter-${letter.toLowerCase()}`, authors: list }));
}

/** The first kana of each row of the gojūon table (あ行, か行, …), in hiragana. */
const KANA_ROWS = "あかさたなはまやらわ";

/** The gojūon row a reading files under ("か" for "かとう" and "ガトウ"), or "#" for one that does not begin with kana. */
export function kanaRowOf(reading: string): string {
  // Katakana as hiragana, voiced kana as their plain form (が → か + ゛).
  const first = reading.normalize("NFKC").normalize("NFD").charAt(0);
  const code = first.charCodeAt(0);
  const hiragana = code >= 0x30a1 && code <= 0x30f6 ? code - 0x60 : code;
  if (hiragana < 0x3041 || hiragana > 0x3096) return "#";
  return [...KANA_ROWS].filter((row) => row.charCodeAt(0) <= hiragana).at(-1) ?? "あ";
}

/**
 * Authors in groups by the gojūon row of their reading in `lang` (authors.json's `names`), in 五十音順
 * within each, as Japanese readers look names up; those with no reading last ("#"), in the order given.
 */
export function groupByKanaRow(authors: readonly Author[], lang: string): LetterGroup[] {
  const collator = collatorFor("ja", { numeric: true });
  const read = authors.flatMap((author) => {
    const reading = author.readingIn(lang);
    return reading && kanaRowOf(reading) !== "#" ? [{ author, reading }] : [];
  });
  read.sort((a, b) => collator.compare(a.reading, b.reading) || byCodePoint(a.author.id, b.author.id));
  const groups: LetterGroup[] = [];
  for (const { author, reading } of read) {
    const row = kanaRowOf(reading);
    const last = groups.at(-1);
    if (last?.letter === row) last.authors.push(author);
    else groups.push({ letter: row, id: `row-${KANA_ROWS.indexOf(row) + 1}`, authors: [author] });
  }
  const withReading = new Set(read.map((r) => r.author));
  const unread = authors.filter((author) => !withReading.has(author));
  if (unread.length) groups.push({ letter: "#", id: "letter-other", authors: unread });
  return groups;
}

/** Each translated essay's page in each of its languages, itself included (for the sitemap). */
export function essayAlternates(archive: Archive): Map<string, { lang: string; path: string }[]> {
  const alternates = new Map<string, { lang: string; path: string }[]>();
  for (const essay of archive.essays) {
    if (essay.translations.length > 0)
      alternates.set(
        essay.path,
        [essay, ...essay.translations].map(({ lang, path }) => ({ lang, path })),
      );
  }
  return alternates;
}
