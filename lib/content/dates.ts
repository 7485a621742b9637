// All dates are calendar days in UTC: parsed and formatted here only.
import { DateTime, Info } from "luxon";

/** How the content contract writes a date. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Written YYYY-MM-DD (not necessarily a real day). */
export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text);
}

/** A DateTime for a strict YYYY-MM-DD string, or null when it is not a real day. */
export function parseIsoDate(iso: string): DateTime | null {
  if (!isIsoDate(iso)) return null;
  // In English unless a caller says otherwise: luxon's default is the machine's locale.
  const dt = DateTime.fromISO(iso, { zone: "utc", locale: "en" });
  return dt.isValid ? dt : null;
}

/** YYYY-MM-DD naming a real calendar day. */
export function isRealDate(iso: string): boolean {
  return parseIsoDate(iso) !== null;
}

/** Each day parsed and written once: an essay's date is printed on every page that lists it, and luxon takes tens of microseconds a time. */
const parsed = new Map<string, DateTime>();

function mustParse(iso: string): DateTime {
  let dt = parsed.get(iso);
  if (dt) return dt;
  dt = parseIsoDate(iso) ?? undefined;
  if (!dt) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  parsed.set(iso, dt);
  return dt;
}

/**
 * A day written in a locale's words with luxon's tokens: ("2014-08-01", "en-GB", "d LLLL yyyy") gives
 * "1 August 2014". Each language's pattern is in its words file (lib/words/), which keeps these.
 */
export function formatDate(iso: string, locale: string, pattern: string): string {
  return mustParse(iso).setLocale(locale).toFormat(pattern);
}

export function yearOf(iso: string): number {
  return mustParse(iso).year;
}

/** Midnight UTC of the day, as a Date (for the feed). */
export function toDate(iso: string): Date {
  return mustParse(iso).toJSDate();
}

/** "2014/08/01", as Highwire's citation_publication_date wants it. */
export function slashDate(iso: string): string {
  return mustParse(iso).toFormat("yyyy/MM/dd");
}

// ---- dates as pages print them ----------------------------------------------------------------------

/** "january" → 1, "jan" → 1, "sept" → 9: English month names, whole or cut short. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const index = Info.months("long", { locale: "en" }).findIndex((m) => m.toLowerCase().startsWith(w));
  return index < 0 ? null : index + 1;
}

/** Writes Y-M-D as YYYY-MM-DD when it names a real day (luxon, UTC); null otherwise. */
function realDay(year: number, month: number | null, day: number): string | null {
  if (month === null) return null;
  const dt = DateTime.fromObject({ year, month, day }, { zone: "utc" });
  return dt.isValid ? dt.toISODate() : null;
}

/**
 * A date as a page prints it — "1 August 2014", "1 Aug. 2014", "August 1, 2014", "01.08.2014" (day first)
 * "2014-08-01" or "2014年8月1日" — as YYYY-MM-DD; null when it is none of these or not a real day ("31 February 2014").
 * Any kind of space may separate the parts.
 */
export function parseWrittenDate(text: string): string | null {
  // NFKC: full-width digits ("２０１４年") as ASCII ones.
  const t = text.normalize("NFKC").replace(/\s+/gu, " ").trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日$/.exec(t))) return realDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+\.?),? (\d{4})$/i.exec(t))) return realDay(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  if ((m = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(t))) return realDay(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t))) return realDay(Number(m[3]), Number(m[2]), Number(m[1]));
  return parseIsoDate(t)?.toISODate() ?? null;
}
