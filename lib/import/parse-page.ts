// A commentary page as saved from the institution's site (plain text), read into its parts. The layout:
//
//   The Japan Institute of International Affairs      ← header: the institution
//   No.201                                            ← the essay number
//   What the US Now Craves from Japan                 ← the title
//   Keiko Iizuka 1 August 2014                        ← the byline: authors, then the date (or 2014年8月1日)
//   <body paragraphs, separated by blank lines>
//   Keiko Iizuka is …                                 ← one bio per author, each opening with the name
//   The views expressed in this piece are …           ← the series disclaimer
//   Page Top                                          ← optional
//   ©Copyright 2007 … All Right Reserved.             ← the copyright line
//
// A Japanese page of the series has the same layout with Japanese words: "飯塚恵子　2014年8月1日", names
// joined by "、", "第201号" (or "No.２０１"), "ページトップ", a disclaimer opening "本稿の…" and saying whose
// views (見解) they are; bios may run on from the name, and wrapped lines join with no space.
//
// Pages are saved by hand, so spacing varies: CRLF, a byte-order mark, trailing or non-breaking spaces
// are all accepted. Lines that carry structure are read with any run of spaces as one space; body text is
// kept as written, except that a paragraph's lines are trimmed and joined with one space.
import type { Problem } from "../content/problems.ts";
import { foldAccents } from "../content/slug.ts";
import { parseWrittenDate } from "../content/dates.ts";
import { codePointName, refusedLines } from "../content/text.ts";

export interface RawPage {
  /** The header line: "The Japan Institute of International Affairs". */
  institution: string;
  number: number;
  title: string;
  /** Display names, in byline order. */
  authors: string[];
  /** YYYY-MM-DD */
  date: string;
  /** "ja" for a page written mostly in kanji and kana, else "en": the languages the series' pages are in. */
  lang: "en" | "ja";
  paragraphs: string[];
  /** The bio paragraph printed for each author, in the same order; undefined where the page has none. */
  bios: (string | undefined)[];
  disclaimer?: string;
  copyright?: string;
}

/** A line's structure: every run of spaces of any kind (NBSP included) as one space, ends trimmed. */
const tidy = (line: string) => line.replace(/\s+/gu, " ").trim();

/** "No.201", "No 201", "第201号"; full-width letters and digits are read as their ASCII (NFKC). */
const NUMBER_LINE = /^(?:No\.? ?|第 ?)(\d+) ?号?$/i;
const numberLine = (line: string) => NUMBER_LINE.exec(tidy(line).normalize("NFKC"));
const PAGE_TOP = /^[^\p{L}\p{N}]*(?:page top|back to top|ページトップ|ページの先頭へ|このページの先頭へ|トップへ戻る)[^\p{L}\p{N}]*$/iu;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)/i;
/** A disclaimer opens with these words, and says whose views they are not (or are). */
const DISCLAIMER = /^(?:the views expressed\b|本稿|本論考|本コメンタリー)/i;
const DISCLAIMS = /\b(?:author|authors|attributed|necessarily|own|represent|reflect)\b|見解/i;

/** A date at the end of the byline, in any form parseWrittenDate reads; whether it is a real day is checked after. */
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const ORDINAL = "(?:st|nd|rd|th)?";
/** "2014年8月1日", digits full-width or not. */
const JAPANESE_DATE = String.raw`[0-9０-９]{4} ?年 ?[0-9０-９]{1,2} ?月 ?[0-9０-９]{1,2} ?日`;
const DATE_TAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2}${ORDINAL} ${MONTH},? \d{4}|${MONTH} \d{1,2}${ORDINAL},? \d{4}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|${JAPANESE_DATE})$`,
  "iu",
);

/** Kanji and kana; with Japanese punctuation and full-width forms, what a Japanese line can end or begin with. */
const JAPANESE = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}`;
const JAPANESE_LETTERS = new RegExp(`[${JAPANESE}]`, "gu");
const JAPANESE_END = new RegExp(`[${JAPANESE}\\u3000-\\u303f\\uff00-\\uffef]$`, "u");
const JAPANESE_START = new RegExp(`^[${JAPANESE}\\u3000-\\u303f\\uff00-\\uffef]`, "u");

/** "ja" for text mostly in kanji and kana (over 30% of its letters), else "en". */
function languageOf(paragraphs: readonly string[]): "en" | "ja" {
  const text = paragraphs.join("");
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && (text.match(JAPANESE_LETTERS)?.length ?? 0) / letters > 0.3 ? "ja" : "en";
}

/** Lowercase name particles ("Ursula von der Leyen"): the one place a byline name may have a lowercase word. */
const PARTICLES = new Set([
  "al",
  "bin",
  "binti",
  "da",
  "das",
  "de",
  "del",
  "della",
  "der",
  "di",
  "do",
  "dos",
  "du",
  "e",
  "el",
  "la",
  "le",
  "ten",
  "ter",
  "van",
  "von",
  "y",
]);

const EXAMPLE_NUMBER = '(a line like "No.201")';
const EXAMPLE_BYLINE = '(a line like "Keiko Iizuka 1 August 2014" under the title)';

/** "A, B and C", "A and B", "A & B", "By A": the names, or none when the text does not read as names. */
function splitNames(text: string): string[] | undefined {
  const names = text
    .replace(/^by /i, "")
    .split(/ ?, ?(?:and |& )?| and | ?& ?| ?[、，] ?/i)
    .map(tidy)
    .filter((name) => name !== "");
  const plausible = (name: string) => name.split(" ").length <= 6 && name.split(" ").every((word) => !/^\p{Ll}/u.test(word) || PARTICLES.has(word));
  return names.length > 0 && names.length <= 12 && names.every(plausible) ? names : undefined;
}

interface Byline {
  names: string[];
  dateText: string;
}

/** A byline with a date at its end: "Keiko Iizuka 1 August 2014", "A, B and C — August 1, 2014", or a date alone. */
function readByline(line: string): Byline | undefined {
  const match = DATE_TAIL.exec(line);
  if (!match) return undefined;
  const before = line.slice(0, match.index).replace(/[\s,;:|/·•—–-]+$/u, "");
  if (before === "") return { names: [], dateText: match[1]! };
  const names = splitNames(before);
  return names ? { names, dateText: match[1]! } : undefined;
}

/** Whether `paragraph` opens with `name` (accents, case and spacing aside), as a bio does. */
function opensWith(paragraph: string, name: string): boolean {
  const fold = (s: string) => tidy(foldAccents(s).toLowerCase());
  const p = fold(paragraph);
  const n = fold(name);
  // Japanese writes no space after a name ("飯塚恵子は…"): a name ending in kanji or kana may run on.
  return p.startsWith(n) && (!/^[\p{L}\p{N}]/u.test(p.slice(n.length)) || JAPANESE_END.test(n));
}

export function parsePage(text: string, file: string): { page?: RawPage; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (message: string, index?: number) => problems.push({ file, ...(index === undefined ? {} : { where: `line ${index + 1}` }), message });

  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  // A character the content check refuses (a control character, a noncharacter) is refused here, at its
  // line, rather than written into an essay that the next build would refuse (lib/content/text.ts).
  const refused = refusedLines(lines);
  if (refused.length > 0) {
    for (const { index, found } of refused) {
      problem(`holds ${codePointName(found.codePoint)}, ${found.why}, at column ${found.position}: remove it from the saved page`, index);
    }
    return { problems };
  }
  const blank = (i: number) => tidy(lines[i]!) === "";
  const nonBlank = lines.flatMap((_, i) => (blank(i) ? [] : [i]));
  if (nonBlank.length === 0) {
    problem("is empty");
    return { problems };
  }

  // ---- the top: header, number, title, byline ----
  const top = nonBlank.slice(0, 10);
  const numberAt = top.find((i) => numberLine(lines[i]!) !== null);
  let institution: string | undefined;
  let number: number | undefined;
  let title = "";
  let byline: Byline | undefined;
  let bylineAt: number | undefined;
  let bodyStart: number;

  if (numberAt !== undefined) {
    const header = nonBlank.filter((i) => i < numberAt);
    institution = header.length > 0 ? tidy(lines[header[0]!]!) : undefined;
    if (!institution) problem(`no institution name (the header line above "${tidy(lines[numberAt]!)}")`, numberAt);
    number = Number(numberLine(lines[numberAt]!)![1]);
    if (number < 1) problem(`the essay number must be a positive whole number, not ${number}`, numberAt);

    // The byline is the first of the next few lines that ends in a date; the lines between are the title.
    const after = nonBlank.filter((i) => i > numberAt).slice(0, 4);
    const isByline = (j: number) => j < after.length && readByline(tidy(lines[after[j]!]!)) !== undefined;
    let k = after.findIndex((_, j) => isByline(j));
    // A title that itself ends in a date ("Tokyo Since March 11, 2011") is followed by the real byline.
    if (k === 0 && isByline(1)) k = 1;
    if (k >= 0) {
      bylineAt = after[k]!;
      byline = readByline(tidy(lines[bylineAt]!))!;
      let titleLines = after.slice(0, k);
      // The names on a line of their own, the date on the next.
      if (byline.names.length === 0 && k >= 2) {
        byline = { ...byline, names: splitNames(tidy(lines[after[k - 1]!]!)) ?? [] };
        titleLines = after.slice(0, k - 1);
      }
      title = tidy(titleLines.map((i) => lines[i]).join(" "));
      bodyStart = bylineAt + 1;
    } else {
      // No date anywhere near: the lines right under the number are the title and, if there is one, the byline.
      let end = numberAt + 1;
      while (end < lines.length && !blank(end)) end++;
      const block = lines.slice(numberAt + 1, end).map(tidy);
      title = block.length > 1 ? tidy(block.slice(0, -1).join(" ")) : (block[0] ?? "");
      if (block.length > 1) {
        bylineAt = end - 1;
        byline = { names: splitNames(block.at(-1)!.replace(/[\s,;:|/·•—–-]+$/u, "")) ?? [], dateText: "" };
      }
      bodyStart = end;
    }
  } else {
    // No number: if a byline is still there, say what is missing; otherwise this is not such a page.
    const k = top.findIndex((i) => (readByline(tidy(lines[i]!))?.names.length ?? 0) > 0);
    if (k < 2) {
      problem(
        `the page's layout was not recognised: it should open with the institution's name, the essay number ${EXAMPLE_NUMBER}, the title and the byline ("Keiko Iizuka 1 August 2014")`,
      );
      return { problems };
    }
    problem(`no essay number ${EXAMPLE_NUMBER} near the top`);
    institution = tidy(lines[top[0]!]!);
    bylineAt = top[k]!;
    byline = readByline(tidy(lines[bylineAt]!))!;
    title = tidy(
      top
        .slice(1, k)
        .map((i) => lines[i])
        .join(" "),
    );
    bodyStart = bylineAt + 1;
  }

  if (!title) problem(`no title (the line under "No.${number ?? ""}")`, numberAt);
  let date: string | undefined;
  if (!byline) problem(`no byline ${EXAMPLE_BYLINE}`, numberAt);
  else {
    if (byline.names.length === 0) problem(`no author names in the byline ${EXAMPLE_BYLINE}`, bylineAt);
    if (!byline.dateText) problem(`no date in the byline ${EXAMPLE_BYLINE}`, bylineAt);
    else {
      date = parseWrittenDate(byline.dateText) ?? undefined;
      if (!date) problem(`the byline's date "${byline.dateText}" is not a real calendar day`, bylineAt);
    }
  }

  // ---- the foot, peeled from the end: Page Top, the copyright line, the disclaimer ----
  // "Page Top" is page furniture wherever it is: read as a blank line.
  const gap = (i: number) => blank(i) || PAGE_TOP.test(tidy(lines[i]!));
  const isCopyright = (i: number) => COPYRIGHT.test(tidy(lines[i]!)) && /\d{4}|reserved/i.test(lines[i]!);
  /** The text of the paragraph from line i on, if it is a disclaimer. */
  const disclaimerFrom = (i: number, end: number): string | undefined => {
    if (!DISCLAIMER.test(tidy(lines[i]!))) return undefined;
    let last = i + 1;
    while (last < end && !gap(last) && !isCopyright(last)) last++;
    const text = tidy(lines.slice(i, last).join(" "));
    return DISCLAIMS.test(text) ? text : undefined;
  };
  let end = lines.length;
  let copyright: string | undefined;
  let disclaimer: string | undefined;
  for (;;) {
    while (end > bodyStart && gap(end - 1)) end--;
    if (end <= bodyStart) break;
    if (copyright === undefined && isCopyright(end - 1)) {
      copyright = tidy(lines[--end]!);
      continue;
    }
    // The disclaimer runs from its opening words to the end of its paragraph (which may have no blank
    // line above it).
    let start = end - 1;
    while (start > bodyStart && !DISCLAIMER.test(tidy(lines[start]!)) && !gap(start - 1) && !isCopyright(start - 1)) start--;
    const text = disclaimer === undefined ? disclaimerFrom(start, end) : undefined;
    if (text === undefined) break;
    disclaimer = text;
    end = start;
  }
  // A footer line still above what was left means the text after it was not recognised: say so rather
  // than import the footer as body text.
  let footerAt = -1;
  for (let i = end - 1; i >= bodyStart && footerAt < 0; i--) {
    if ((copyright === undefined && isCopyright(i)) || (disclaimer === undefined && disclaimerFrom(i, end) !== undefined)) footerAt = i;
  }
  if (footerAt >= 0) {
    const kind = isCopyright(footerAt) ? "copyright" : "disclaimer";
    let stray = footerAt + 1;
    if (kind === "disclaimer") while (stray < end && !gap(stray) && !isCopyright(stray)) stray++;
    while (stray < end && (gap(stray) || isCopyright(stray))) stray++;
    problem(`unrecognised text after the page's ${kind} line: "${tidy(lines[stray] ?? "").slice(0, 60)}"`, stray);
  }

  // ---- body and bios: paragraphs between the byline and the foot ----
  const paragraphs: string[] = [];
  let lastLine: number | undefined;
  for (let i = bodyStart; i < end; i++) {
    if (gap(i)) continue;
    const line = lines[i]!.trim();
    // Japanese puts no space where a line wraps.
    if (lastLine === i - 1) paragraphs[paragraphs.length - 1] += `${JAPANESE_END.test(paragraphs.at(-1)!) && JAPANESE_START.test(line) ? "" : " "}${line}`;
    else paragraphs.push(line);
    lastLine = i;
  }
  // Bios are the last paragraphs, each opening with an author's name, in byline order; an author may
  // have none.
  const authors = byline?.names ?? [];
  const bios: (string | undefined)[] = authors.map(() => undefined);
  let bodyEnd = paragraphs.length;
  let next = authors.length - 1;
  while (bodyEnd > 0 && next >= 0) {
    const paragraph = paragraphs[bodyEnd - 1]!;
    let k = next;
    while (k >= 0 && !opensWith(paragraph, authors[k]!)) k--;
    if (k < 0) break;
    bios[k] = paragraph;
    next = k - 1;
    bodyEnd--;
  }
  const body = paragraphs.slice(0, bodyEnd);
  if (body.length === 0) problem("no body text (paragraphs between the byline and the authors' bios)");

  if (problems.length > 0 || !institution || number === undefined || !date) return { problems };
  return {
    page: {
      institution,
      number,
      title,
      authors,
      date,
      lang: languageOf(body),
      paragraphs: body,
      bios,
      ...(disclaimer === undefined ? {} : { disclaimer }),
      ...(copyright === undefined ? {} : { copyright }),
    },
    problems,
  };
}
