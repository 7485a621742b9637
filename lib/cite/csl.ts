// An essay as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), the
// one record every citation format is made from: Citation.js turns it into BibTeX and RIS, and citeproc
// formats it with a CSL style.
//
// An essay in a numbered series is a report ("report": BibTeX @techreport, RIS RPRT), its number the
// report number and the series the collection. The publisher is the series' publisher (AJISS), not the
// institution behind it (JIIA): AJISS is the publisher of record, named in every commentary's copyright
// line, and the `citation_technical_report_institution` / `citation_publisher` meta tags on the page
// (lib/pages/citation.ts) say the same, so a reference manager gets one answer whichever it reads.
// Citation.js maps CSL `publisher` to BibTeX `institution` (for @techreport) and to RIS `PB`.
import type { CitableEssay } from "./types.ts";

/** A personal name. A single-name author has `family` only. */
export interface CslName {
  family: string;
  given?: string;
}

export interface CslDate {
  /** One [year, month, day] triple. */
  "date-parts": [[number, number, number]];
}

/** The CSL-JSON variables an essay uses (Citation.js ships no CSL-JSON types). */
export interface CslItem {
  id: string;
  type: "report";
  title: string;
  /** The report number, as a string: "201". */
  number: string;
  issued: CslDate;
  author: CslName[];
  publisher: string;
  /** The series: "AJISS-Commentary". */
  "collection-title": string;
  /** The essay's language tag. */
  language: string;
  URL?: string;
  ISSN?: string;
  abstract?: string;
}

/** [year, month, day] of a YYYY-MM-DD date; throws on anything else, so a bad date never reaches a citation. */
export function dateParts(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new Error(`No such date: ${date}`);
  }
  return [y, m, d];
}

export function cslName(author: { family: string; given?: string }): CslName {
  return author.given ? { family: author.family, given: author.given } : { family: author.family };
}

/**
 * The essay's CSL-JSON item. Never has `accessed`: every output made from it is the same whenever it is
 * built. Optional variables are left out, not set to undefined, so the JSON is exactly what is stored.
 */
export function cslRecord(essay: CitableEssay): CslItem {
  const item: CslItem = {
    id: essay.id,
    type: "report",
    title: essay.title,
    number: String(essay.number),
    issued: { "date-parts": [dateParts(essay.date)] },
    author: essay.authors.map(cslName),
    publisher: essay.series.publisher,
    "collection-title": essay.series.title,
    language: essay.lang,
  };
  if (essay.url) item.URL = essay.url;
  if (essay.series.issn) item.ISSN = essay.series.issn;
  if (essay.summary) item.abstract = essay.summary;
  return item;
}
