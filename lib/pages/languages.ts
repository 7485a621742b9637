// Languages as readers see them named: each in its own words, for links to a page in that language.

/** "Read in English", as a reader of that language would be invited; others get the language's own name. */
const READ_IN: Readonly<Record<string, string>> = { en: "Read in English", ja: "日本語で読む" };

/** A language's name in itself: "English", "日本語", "français". */
export function autonym(lang: string): string {
  return new Intl.DisplayNames([lang], { type: "language" }).of(lang) ?? lang;
}

/** The words of a link to the same page in `lang`, in that language. */
export function readIn(lang: string): string {
  return READ_IN[lang] ?? READ_IN[lang.split("-")[0]!] ?? autonym(lang);
}
