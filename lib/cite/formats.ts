// "Cite this": an essay's reference in APA, Chicago and MLA, and its BibTeX, RIS and CSL-JSON downloads,
// all made by Citation.js from the one CSL-JSON item of csl.ts.
//
// Deterministic: nothing here reads the clock (no `accessed` date is ever set, so no style prints
// "Retrieved …"), and the same essay always gives the same bytes.
//
// Cost, measured on the 2-core development machine while it was busy (so upper bounds): the first
// essay ≈0.3–0.5 s (citeproc builds one engine per style, kept for the process), then ≈3 ms per essay for
// the three references (Chicago is the slowest), ≈0.1 ms for the three downloads; 4,000 essays ≈12 s of
// references. What made it so: styles in their one-item form (styles.ts: references ≈2.4 times faster,
// engines 5–50 times faster to build), items handed to the output plugins directly
// (`plugins.output.format`, skipping `new Cite()`'s input parsing of an item already in CSL-JSON), and
// no sorting. Formatting several essays in one citeproc call saved only another ≈12%, not worth making
// sure entries cannot affect each other. Each essay is formatted once: the build cache keeps the result
// (./cached.ts), and a clean build formats on worker threads (lib/orchestration/citations.ts).
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { cslRecord, type CslItem } from "./csl.ts";
import { readStyleXml, singleItemStyle, styleSources, stylesFor, type ReferenceStyle } from "./styles.ts";
import type { CitableEssay, Citations, Downloads, References } from "./types.ts";

/** The name a style is registered under with Citation.js: its one-item form (see `singleItemStyle`). */
const registeredName = (style: ReferenceStyle) => `essay-archive-${style}`;

let stylesRegistered = false;

/**
 * Registers the three styles with Citation.js, once, on first use (not on import), under names of their
 * own: Citation.js's "apa" stays as it was for anyone else in the process.
 */
function registerStyles(): void {
  if (stylesRegistered) return;
  const csl = plugins.config.get("@csl");
  for (const style of Object.keys(styleSources) as ReferenceStyle[]) {
    const { builtIn, file, locale, localeFile } = styleSources[style];
    const xml = file ? readStyleXml(file) : csl.styles.get(builtIn ?? style);
    csl.styles.add(registeredName(style), singleItemStyle(xml));
    if (localeFile && !csl.locales.has(locale)) csl.locales.add(locale, readStyleXml(localeFile));
  }
  stylesRegistered = true;
}

/** A CSL item as styles should see it: see `styledItem`. */
type StyledItem = Omit<CslItem, "collection-title" | "language"> & { genre: string; "container-title"?: string };

/**
 * The item the reference styles format, which differs from the record in two ways.
 * - The series goes in `genre` (the kind of report) rather than `collection-title`, because that is where
 *   APA, Chicago and MLA put the label of a report number: APA 7 gives "Title (AJISS-Commentary No. 201)",
 *   as it does "(NIH Publication No. 18-2059)", where a series in `collection-title` comes out as
 *   "(No. 201; AJISS-Commentary)"; Chicago gives "AJISS-Commentary No. 201." and MLA "AJISS-Commentary
 *   no. 201,". The downloads keep the series as a series (`collection-title`: BibTeX `series`, RIS `T2`).
 * - No `language`: citeproc would write a romanised name in a Japanese essay "Iizuka Keiko" (family
 *   name first, no comma), wrong in an English reference list. What `language` did for titles, leave a
 *   non-English one's capitals alone where Chicago and MLA title-case English ones, is done by marking
 *   such a title `nocase`.
 */
function styledItem(record: CslItem): StyledItem {
  const { "collection-title": series, language, ...rest } = record;
  const english = /^en(-|$)/i.test(language);
  return { ...rest, title: english ? rest.title : `<span class="nocase">${rest.title}</span>`, genre: series };
}

/**
 * One reference, in the style's locale: APA, Chicago and MLA are for an English reference list whatever
 * the essay's language (see `styledItem` for a title that is not in English); SIST 02 is Japanese.
 */
function bibliography(item: StyledItem, style: ReferenceStyle): string {
  registerStyles();
  const out = plugins.output.format("bibliography", [item], { style: registeredName(style), lang: styleSources[style].locale, format: "text", nosort: true });
  if (typeof out !== "string") throw new TypeError(`Citation.js gave no ${style} reference`);
  // One space where a style's affixes meet with two (SIST 02's author and quoted title), as a page shows it.
  return out.trim().replace(/ {2,}/g, " ");
}

/**
 * The essay's reference in each style, as plain text (to be escaped by the page). Typographic quotes
 * (“ ” ’) replace straight ones, as the styles ask; the styles' italics are lost, as they are in any
 * reference copied as text.
 */
export function references(essay: CitableEssay): References {
  const item = styledItem(cslRecord(essay));
  const made: References = { apa: bibliography(item, "apa"), chicago: bibliography(item, "chicago"), mla: bibliography(item, "mla") };
  // SIST 02 names what a report is part of from `container-title`: "米国がいま日本に求めるもの. 現地報告. …, 2021, 8."
  if (stylesFor(essay.lang).includes("sist02")) made.sist02 = bibliography({ ...item, "container-title": item.genre }, "sist02");
  return made;
}

export function citations(essay: CitableEssay): Citations {
  return { references: references(essay), downloads: downloads(essay) };
}

/**
 * The downloads carry what reference managers file a report under, as each one's importer reads it
 * (Zotero's translators: BibTeX.js, RIS.js, CSL JSON.js): the series as the report type (BibTeX `type`,
 * RIS `M3`, CSL `genre`), the full date (BibTeX `date`, RIS `DA`), the language, the summary as the
 * abstract, and the copyright line as the rights (BibTeX `copyright`, RIS `CR`, CSL `license`).
 */
export function downloads(essay: CitableEssay): Downloads {
  const record = cslRecord(essay);
  const download: CslDownload = { ...record, genre: record["collection-title"] };
  if (essay.copyright) download.license = essay.copyright;
  return {
    bibtex: bibtex(record, essay.copyright),
    ris: ris(record, essay.copyright),
    cslJson: `${JSON.stringify([download], null, 2)}\n`,
  };
}

/** The CSL-JSON download: the item, with the variables only reference managers read. */
interface CslDownload extends CslItem {
  /** The report type: the series. */
  genre: string;
  /** The rights: the copyright line. */
  license?: string;
}

// ---- BibTeX ----

interface BibtexEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

function isBibtexEntry(value: unknown): value is BibtexEntry {
  if (typeof value !== "object" || value === null) return false;
  const { type, label, properties } = value as Record<string, unknown>;
  return (
    typeof type === "string" &&
    typeof label === "string" &&
    typeof properties === "object" &&
    properties !== null &&
    Object.values(properties).every((v) => typeof v === "string")
  );
}

const MONTH_MACROS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * BibTeX @techreport. Citation.js maps the fields and escapes their values for (La)TeX; this writes them
 * out as Citation.js would, with these changes:
 * - The key is the essay id with `_` for `-` ("ajiss_commentary_201"): unique in the archive, where
 *   Citation.js's author-year-word key is not, and is "undefined…" for a name not in Latin script.
 * - `month` is the standard macro (`month = aug`), which every .bst and biblatex read, where Citation.js
 *   writes `{aug 1}` for a full date (BibTeX has no day; plain.bst would print "aug 1 2014").
 * - `type` is the series name, so the report is labelled "AJISS-Commentary 201", not "Technical Report
 *   201"; `series` is the series too, for styles that print it.
 * - Characters Citation.js's LaTeX escaping has no command for, and would silently drop (all of
 *   Japanese, for one), are kept as they are (UTF-8), see `keepUnescapable`.
 */
function bibtex(record: CslItem, copyright: string | undefined): string {
  const { item, restore } = keepUnescapable({
    ...record,
    "citation-key": record.id.replace(/[^A-Za-z0-9_]/g, "_"),
    genre: record["collection-title"],
  });
  const entry = bibtexEntry(item);
  if (!entry) throw new TypeError("Citation.js gave no BibTeX entry");
  const [y, m, d] = record.issued["date-parts"][0];
  const pad = (n: number) => String(n).padStart(2, "0");
  const lines = Object.entries(entry.properties).flatMap(([field, value]) =>
    // The full date too, which biblatex and Zotero read (BibTeX itself has no day).
    field === "month" ? [`\tmonth = ${MONTH_MACROS[m - 1]},`, `\tdate = {${y}-${pad(m)}-${pad(d)}},`] : [`\t${field} = {${value}},`],
  );
  lines.push(`\tlanguage = {${record.language}},`);
  if (record.abstract) lines.push(`\tabstract = {${bibtexText(record.abstract)}},`);
  if (copyright) lines.push(`\tcopyright = {${bibtexText(copyright)}},`);
  return restore(`@${entry.type}{${entry.label},\n${lines.join("\n")}\n}\n`);
}

/** Text for a field Citation.js does not write for a report, escaped as it escapes those it does (as a `note`). */
function bibtexText(text: string): string {
  const { item, restore } = keepUnescapable({ id: "field", type: "book", note: text });
  const escaped = bibtexEntry(item)?.properties.note;
  if (escaped === undefined) throw new TypeError("Citation.js gave no BibTeX note");
  return restore(escaped);
}

function bibtexEntry(item: object): BibtexEntry | undefined {
  const out = plugins.output.format("bibtex", [item], { format: "object" });
  const entry: unknown = Array.isArray(out) ? out[0] : undefined;
  return isBibtexEntry(entry) ? entry : undefined;
}

/**
 * Whether Citation.js's BibTeX escaping keeps the character: writes it so that it reads back as itself.
 * - A Latin letter with accents it has commands for ("Ü" as {\" U}): yes. (These are the combining
 *   marks of Citation.js 0.8's escaper; the tests check a sample reads back.)
 * - Han, kana, hangul: no, it drops them, so no need to ask.
 * - Anything else is asked, once per character: escaped, then read back with Citation.js. Among what
 *   fails: characters it drops, and compatibility forms its NFKD normalisation changes (full-width
 *   "：" to ":", "…" to "...", "ﬁ" to "fi").
 */
const LATIN_WITH_ACCENTS = /^[A-Za-z][\u0300-\u0308\u030a-\u030c\u0323\u0326-\u0328\u0332\u0361]+$/;
const DROPPED_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const keptByEscaping = new Map<string, boolean>();

function escapedFaithfully(char: string): boolean {
  if (LATIN_WITH_ACCENTS.test(char.normalize("NFD"))) return true;
  if (DROPPED_SCRIPTS.test(char)) return false;
  let kept = keptByEscaping.get(char);
  if (kept === undefined) {
    const escaped = bibtexEntry({ id: "probe", type: "book", publisher: char })?.properties.publisher;
    const back = escaped ? new Cite(`@book{probe, publisher = {${escaped}}}`).data[0]?.publisher : undefined;
    kept = typeof back === "string" && back.normalize("NFC") === char.normalize("NFC");
    keptByEscaping.set(char, kept);
  }
  return kept;
}

/**
 * Citation.js escapes BibTeX values to ASCII, and drops what it cannot escape: "日本の安全保障" becomes "".
 * Its other mode, UTF-8 (`asciiOnly: false`), escapes nothing at all, not even & % $ # { }, which breaks
 * the file. So: every run of characters it would not write faithfully is swapped, in the item's text, for an
 * ASCII token of lowercase letters (which escaping and title case protection leave alone), and `restore`
 * puts the original characters back into the finished BibTeX, where they are plain UTF-8 text. The same
 * trick writes a literal "--" as "-{}-", so that it stays two hyphens.
 */
function keepUnescapable<T extends object>(item: T): { item: T; restore: (bibtex: string) => string } {
  const runs: string[] = [];
  let mark = "zqz";
  while (JSON.stringify(item).includes(mark)) mark += "q";
  // The run's number in letters (0 → a, 12 → bc): only [a-j] between two marks, so tokens cannot overlap.
  const token = (i: number) => `${mark}${String(i).replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}${mark}`;
  const protect = (text: string): string => {
    let out = "";
    let run = "";
    const chars = Array.from(text.normalize("NFC"));
    chars.forEach((char, i) => {
      if (char > "\u007f" && !escapedFaithfully(char)) {
        run += char;
        return;
      }
      if (run) out += token(runs.push(run) - 1);
      run = "";
      // "--" is an en dash to LaTeX (and Citation.js writes "–" as "--"): a hyphen before a hyphen is "-{}".
      out += char === "-" && chars[i + 1] === "-" ? token(runs.push("-{}") - 1) : char;
    });
    if (run) out += token(runs.push(run) - 1);
    return out;
  };
  const walk = (value: unknown): unknown =>
    typeof value === "string"
      ? protect(value)
      : Array.isArray(value)
        ? value.map(walk)
        : typeof value === "object" && value !== null
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "URL" ? v : walk(v)]))
          : value;
  const protectedItem = walk(item) as T;
  const restore = (bibtex: string) => (runs.length ? runs.reduce((text, run, i) => text.replaceAll(token(i), run), bibtex) : bibtex);
  return { item: protectedItem, restore };
}

// ---- RIS ----

/**
 * RIS (type RPRT): Citation.js maps the fields; this writes the lines, because Citation.js's own RIS text
 * hard-wraps every value at 70 characters, mid-word and mid-URL (its own parser then reads the pieces
 * back joined by a space). Each value stays on its one line, line breaks in it become spaces, and lines
 * end in CR LF as the RIS specification asks. `DA` is written YYYY/MM/DD/ with leading zeros.
 */
function ris(record: CslItem, copyright: string | undefined): string {
  const out = plugins.output.format("ris", [record], { format: "object" });
  const entry: unknown = Array.isArray(out) ? out[0] : undefined;
  if (typeof entry !== "object" || entry === null) throw new TypeError("Citation.js gave no RIS entry");
  const [y, m, d] = record.issued["date-parts"][0];
  const pad = (n: number) => String(n).padStart(2, "0");
  const { TY: type, ...tags } = entry as Record<string, unknown>;
  if (type !== "RPRT") throw new TypeError(`Citation.js gave a RIS entry of type ${String(type)}, not RPRT`);
  const lines = [`TY  - ${type}`];
  // The report type (the series) and the rights, which Citation.js does not write.
  const extra: Record<string, unknown> = { M3: record["collection-title"], ...(copyright ? { CR: copyright } : {}) };
  for (const [tag, value] of [...Object.entries(tags), ...Object.entries(extra)]) {
    const values = (Array.isArray(value) ? value : [value]).map((v) => (tag === "DA" ? `${y}/${pad(m)}/${pad(d)}/` : String(v).replace(/\s*[\r\n]+\s*/g, " ")));
    for (const v of values) lines.push(`${tag}  - ${v}`);
  }
  lines.push("ER  - ");
  return `${lines.join("\r\n")}\r\n`;
}
