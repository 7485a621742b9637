// The characters content may hold, checked once over everything read, before the schemas: every string of
// a record or of front matter (values and field names, at any depth, so a field added later is covered
// without remembering to), and the essay body line by line.
//
// An allowlist: what XML 1.0 allows (https://www.w3.org/TR/xml/#charsets), less the control characters
// (Unicode category Cc: C0, DEL, C1) and the noncharacters. Tab, line feed and carriage return pass here;
// whether a field may hold them is its schema's (a title is one line: lib/content/schema/common.ts).
// What passes can be written in HTML, in XML (feed.xml, sitemap.xml) and in the citation files alike.
import type { Problem } from "./problems.ts";

const LINE_CHARACTERS = new Set([0x09, 0x0a, 0x0d]);
const REMEDY = "pages and feeds cannot carry it; remove it";

/** Why a code point may not be in content, or undefined when it may. Lone surrogates come here as such. */
export function refusal(codePoint: number): string | undefined {
  if (LINE_CHARACTERS.has(codePoint)) return undefined;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return "a control character";
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return "half of a surrogate pair, alone (not a character)";
  if ((codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe) return "a noncharacter";
  return undefined;
}

/** "U+001B": how a message names a character, visible or not. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * The same refusal as one regular expression, which the engine runs over a whole text at once: a build reads
 * every essay's body, and walking a thousand essays character by character took a quarter of a second.
 * Only a text it finds something in is walked, to name what and where (test/unit/text.test.ts checks that
 * the two agree on every code point).
 */
export const REFUSED = /[^\P{Cc}\t\n\r]|\p{Cs}|\p{Noncharacter_Code_Point}/u;

/** The first character in `text` content may not hold: what it is, why not, and its place (counted in characters, from 1). */
export function firstRefused(text: string): { codePoint: number; why: string; position: number } | undefined {
  if (!REFUSED.test(text)) return undefined;
  let position = 0;
  // for…of walks code points, and yields a lone surrogate on its own.
  for (const character of text) {
    position++;
    const codePoint = character.codePointAt(0)!;
    const why = refusal(codePoint);
    if (why !== undefined) return { codePoint, why, position };
  }
  return undefined;
}

/** "holds U+001B, a control character, at character 6: …", or undefined when the text may be published. */
export function refusedCharacter(text: string): string | undefined {
  const found = firstRefused(text);
  return found && `holds ${codePointName(found.codePoint)}, ${found.why}, at character ${found.position}: ${REMEDY}`;
}

/** A problem for every string in a parsed value (JSON or YAML) holding a character content may not hold, at its field's path. */
export function textProblems(file: string, value: unknown, path: string[] = []): Problem[] {
  const where = (p: string[]) => (p.length > 0 ? p.join(".") : undefined);
  if (typeof value === "string") {
    const why = refusedCharacter(value);
    return why === undefined ? [] : [{ file, where: where(path), message: why }];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => textProblems(file, item, [...path, String(i)]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => {
      const why = refusedCharacter(key);
      const own = why === undefined ? [] : [{ file, where: where([...path, JSON.stringify(key)]), message: `the field's name ${why}` }];
      return [...own, ...textProblems(file, item, [...path, key])];
    });
  }
  return [];
}

/** Each line of `lines` holding a character content may not hold, with the first such character: its index and what was found. */
export function refusedLines(lines: readonly string[]): { index: number; found: NonNullable<ReturnType<typeof firstRefused>> }[] {
  return lines.flatMap((line, index) => {
    const found = firstRefused(line);
    return found === undefined ? [] : [{ index, found }];
  });
}

/** A problem for every line of an essay's body holding a character content may not hold; `firstLine` is the file's line the body begins on. */
export function bodyTextProblems(file: string, body: string, firstLine: number): Problem[] {
  if (!REFUSED.test(body)) return [];
  return refusedLines(body.split("\n")).map(({ index, found }) => ({
    file,
    where: `line ${firstLine + index}, column ${found.position}`,
    message: `the body holds ${codePointName(found.codePoint)}, ${found.why}: ${REMEDY}`,
  }));
}
