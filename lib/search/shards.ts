// The search index in shards: which essays each shard indexes. Pagefind cannot add a page to an index
// (its issue #71), so one index is made again, whole, for every new essay. Split into shards, a build
// indexes again only the shards whose essays changed; the search page merges them (assets/search-merge.js
// ranks the merged results as one index would).
//
// The partition is a pure function of the essays' languages and dates (never of the order in which they
// were added), so a clean build and a next build make the same shards. It cuts time, not a list: each
// language's calendar, from year 0 to 9999, is halved again and again, and a span is a shard once it
// holds few enough essays. Since a span's bounds are fixed days, an essay added, edited or removed changes
// the one shard its date falls in, whatever its date: a back-dated import does not shift every later
// shard, as a cut every thousand essays would. The span with the newest essay is cut finer (RECENT
// essays), so the week's new essay re-indexes a small shard; once newer essays move on, its small spans
// join into one of up to SEALED essays, indexed again once (about once per SEALED / 2 new essays at
// a steady rate). At 20,000 essays over 33 years, that is 19 shards (test/unit/search-shards.test.ts).
import type { Essay } from "../archive/model.ts";

/** At most this many essays in a shard that does not hold its language's newest day (unless they share one day). */
export const SEALED = 2048;
/** At most this many essays in the shard of the newest day (unless they share one day). */
export const RECENT = 128;

/** Days from 0000-01-01 that the halving starts from: 2^22, past 9999-12-31. */
const CALENDAR_DAYS = 2 ** 22;

export interface SearchShard {
  lang: string;
  /** Its oldest and newest essays' dates (YYYY-MM-DD). */
  first: string;
  last: string;
  /** Its essays, oldest first (ties in the archive's order). */
  essays: Essay[];
}

const days = new Map<string, number>();

/** Days from 0000-01-01 to an ISO date (YYYY-MM-DD), in the proleptic Gregorian calendar. */
export function dayNumber(iso: string): number {
  let day = days.get(iso);
  if (day === undefined) {
    const date = new Date(0);
    date.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    days.set(iso, (day = Math.round((date.getTime() - EPOCH) / 86_400_000)));
  }
  return day;
}

const EPOCH = (() => {
  const epoch = new Date(0);
  epoch.setUTCFullYear(0, 0, 1);
  return epoch.getTime();
})();

/**
 * The shards of an archive's essays: per language, in order of their days (oldest first). `sealed` and
 * `recent` are the shards' capacities (tests give small ones).
 */
export function searchShards(essays: readonly Essay[], { sealed = SEALED, recent = RECENT } = {}): SearchShard[] {
  const byLang = new Map<string, { day: number; essay: Essay }[]>();
  for (const essay of essays) {
    const list = byLang.get(essay.lang) ?? [];
    list.push({ day: dayNumber(essay.date), essay });
    byLang.set(essay.lang, list);
  }
  const shards: SearchShard[] = [];
  for (const lang of [...byLang.keys()].sort()) {
    // Stable: essays of one day keep the archive's order.
    const dated = byLang.get(lang)!.sort((a, b) => a.day - b.day);
    const newest = dated[dated.length - 1]!.day;
    const split = (from: number, to: number, items: typeof dated) => {
      if (items.length === 0) return;
      const capacity = from <= newest && newest < to ? recent : sealed;
      if (items.length <= capacity || to - from === 1) {
        shards.push({ lang, first: items[0]!.essay.date, last: items[items.length - 1]!.essay.date, essays: items.map((i) => i.essay) });
        return;
      }
      const middle = from + (to - from) / 2;
      const cut = items.findIndex((i) => i.day >= middle);
      split(from, middle, cut < 0 ? items : items.slice(0, cut));
      split(middle, to, cut < 0 ? [] : items.slice(cut));
    };
    split(0, CALENDAR_DAYS, dated);
  }
  return shards;
}
