// All dates are calendar days in UTC: parsed and formatted here only.
import { DateTime } from "luxon";

/** A DateTime for a strict YYYY-MM-DD string, or null when it is not a real day. */
export function parseIsoDate(iso: string): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const dt = DateTime.fromISO(iso, { zone: "utc" });
  return dt.isValid ? dt : null;
}

function mustParse(iso: string): DateTime {
  const dt = parseIsoDate(iso);
  if (!dt) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return dt;
}

/** "1 August 2014" */
export function displayDate(iso: string): string {
  return mustParse(iso).setLocale("en-GB").toFormat("d LLLL yyyy");
}

export function yearOf(iso: string): number {
  return mustParse(iso).year;
}
