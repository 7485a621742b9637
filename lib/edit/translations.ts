// An essay's translation, linked from either side. The content contract pairs translations by a key both
// essays carry (`translationKey`, docs/content.md); the editor shows it as a choice of the other essay
// (`translation`, an entry of the same collection), and on saving writes the shared key into both files:
// the key the pair already has, else this essay's file name's slug. Unlinking takes the key off both.
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import matter from "gray-matter";
import { essayFileName, frontMatterOptions, listEssays } from "../content/read.ts";
import { CONTENT } from "../paths/layout.ts";

/** Each essay's translationKey, by file; a file that cannot be read has none. */
export async function translationKeys(root: string): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const file of (await listEssays(root)).files) {
    try {
      const key = (matter(await readFile(join(root, file), "utf8"), frontMatterOptions).data as { translationKey?: unknown }).translationKey;
      if (typeof key === "string") keys.set(file, key);
    } catch {
      // Its own save, or the build, says what is wrong with it.
    }
  }
  return keys;
}

/** The other essays sharing `file`'s key. */
export function translationsOf(keys: Map<string, string>, file: string): string[] {
  const key = keys.get(file);
  return key === undefined ? [] : [...keys].filter(([other, k]) => k === key && other !== file).map(([other]) => other);
}

/** An essay's entry in the editor ("201-what-the-us-now-craves-from-japan") and back. */
export const entryOf = (file: string) => basename(file, ".md");
export const fileOf = (entry: string) => `${CONTENT.essays}/${entry}.md`;

export interface Link {
  /** The key this essay is saved with (undefined: none). */
  key: string | undefined;
  /** The other essay, and the key it is to be saved with (undefined: taken off). */
  other?: { file: string; key: string | undefined };
}

/**
 * What saving `file` with `translation` (an entry, or "" for none) and `typedKey` (the translation key as
 * the form has it) means for the keys of it and its translation. Throws a message when `translation` is no
 * other essay.
 */
export function linkTranslation(keys: Map<string, string>, file: string, translation: string, typedKey: string | undefined): Link {
  const current = translationsOf(keys, file)[0];
  const wanted = translation ? fileOf(translation) : undefined;
  if (wanted === current) return { key: typedKey };
  if (wanted === file) throw new Error(`${file}: an essay is not its own translation`);
  if (wanted && !essayFileName(basename(wanted))) throw new Error(`${file} (translation): ${translation} is not an essay`);
  if (wanted) {
    const key = typedKey ?? keys.get(file) ?? keys.get(wanted) ?? essayFileName(basename(file))?.slug;
    return { key, other: { file: wanted, key } };
  }
  // Unlinked: the key goes, and from the other essay too when no third essay shares it.
  const alone = current !== undefined && translationsOf(keys, current).length === 1;
  return { key: undefined, ...(alone && { other: { file: current, key: undefined } }) };
}
