// The one-line description of an essay (meta description, og:description, JSON-LD description).

/** The longest description made from the essay's text, in characters, the ellipsis included. */
export const DESCRIPTION_MAX = 160;

const ELLIPSIS = "…";

/** Punctuation after which Japanese or Chinese text may be cut. */
const CJK_BREAK = /[、。，．！？；：」』）】〉》]/u;

/** Punctuation not to leave before the ellipsis. */
const DANGLING = /[\s,;:\-–—、，；：]+$/u;

/** Collapses runs of whitespace (line breaks included) to one space and trims. */
function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The essay's summary when it has one (whitespace tidied, never shortened: it was written to be one).
 * Otherwise the first paragraph's text, whole if it fits in 160 characters, else cut at the last word
 * boundary that leaves room for a trailing "…" (≤ 160 characters in all, counted in code points so an
 * emoji or rare kanji is never split). Punctuation left dangling at the cut (, ; : and dashes) goes.
 * Text without a boundary in the second half of that room (one very long word) is cut inside a word.
 * No text at all gives "".
 */
export function describe(summary: string | undefined, firstParagraphText: string): string {
  const given = squash(summary ?? "");
  if (given) return given;
  const text = squash(firstParagraphText);
  const chars = Array.from(text);
  if (chars.length <= DESCRIPTION_MAX) return text;

  const room = DESCRIPTION_MAX - ELLIPSIS.length;
  // The longest head that ends at a word boundary: before a space, or after CJK punctuation (Japanese
  // and Chinese put no spaces between words). Only one long word, or a boundary uselessly early: cut
  // inside, rather than say almost nothing.
  let cut = room;
  for (let i = room; i > room / 2; i--) {
    if (/\s/u.test(chars[i]!) || CJK_BREAK.test(chars[i - 1]!)) {
      cut = i;
      break;
    }
  }
  const head = chars.slice(0, cut).join("").replace(DANGLING, "");
  return head + ELLIPSIS;
}
