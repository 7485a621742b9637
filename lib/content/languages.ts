// Language tags (BCP 47) as the archive compares them: a regional tag stands for its language too, so an
// essay in "ja-JP" is listed with "ja", takes the words of ja.json and a record's `names.ja`.

/** "ja" for "ja-JP". */
export const primaryLanguage = (tag: string): string => tag.split("-")[0]!;

/** Whether `tag` is `lang` or a regional form of it ("ja-JP" is "ja"; "ja" is not "ja-JP"). */
export const isLanguage = (tag: string, lang: string): boolean => tag === lang || primaryLanguage(tag) === lang;

/** A record's words in a language (`{ "ja": "飯塚恵子" }`): its own tag's, else its primary language's. */
export const inLanguage = <T>(words: Readonly<Record<string, T>> | undefined, tag: string): T | undefined => words?.[tag] ?? words?.[primaryLanguage(tag)];

/**
 * The locales to give Intl for `tag`: itself, then English. Intl falls back to the machine's own locale
 * (LANG) for a language it has no data for ("la", "grc"), so a list that ends in one it always has keeps
 * what is written the same on every machine (https://tc39.es/ecma402/#sec-resolvelocale).
 */
export const localesFor = (tag: string): string[] => [tag, "en"];
