// Orderings that come out the same on every machine. `localeCompare()` and `new Intl.Collator()` without
// a locale follow the machine's (LANG, LC_ALL): under da_DK "aa-notes" sorts after "zz-notes", as Danish
// files "aa" as "å". Ids, dates, language tags and paths are compared by code point; people's names and
// titles by the collation of a language named here, never the machine's.
import { localesFor } from "./languages.ts";

/** As `<` compares (UTF-16 code units: code point order below U+10000): for ids, YYYY-MM-DD dates, language tags, paths. */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Words in `lang`'s collation (English's where the platform has none for it). */
export const collatorFor = (lang: string, options?: Intl.CollatorOptions): Intl.Collator => new Intl.Collator(localesFor(lang), options);
