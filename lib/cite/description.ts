// The one-line description of an essay (meta description, og:description, JSON-LD description).

/** The longest description made from the essay's text, in characters, the ellipsis included. */
export const DESCRIPTION_MAX = 160;

const ELLIPSIS = "…";

/** Collapses runs of whitespace (line breaks included) to one space and trims. */
function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The essay's summary when it has one (whitespace tidied, never shortened: it was written to be one).
 * Otherwise the first paragraph's text, whole if it fits in 160 characters, else cut at the last word
 * boundary that leaves room for a trailing "…" (≤ 160 characters in all, counted in code points so an
 * emoji or rare kanji is never split). Punctuation left dangling at the cut (, ; : and dashes) goes.
 * A single word longer than the limit is cut inside. No text at all gives "".
 */
export function describe(summary: string | undefined, firstParagraphText: string): string {
  const given = squash(summary ?? "");
  if (given) return given;
  const text = squash(firstParagraphText);
  const chars = Array.from(text);
  if (chars.length <= DESCRIPTION_MAX) return text;

  const room = DESCRIPTION_MAX - ELLIPSIS.length;
  // A cut just before a space keeps every word whole; so does one at `room` when a word ends there.
  let cut = chars[room] === " " ? room : chars.lastIndexOf(" ", room - 1);
  // Only one long word (or a boundary uselessly early): cut inside it rather than say almost nothing.
  if (cut < room / 2) cut = room;
  const head = chars.slice(0, cut).join("").replace(/[\s,;:\-–—]+$/u, "");
  return head + ELLIPSIS;
}
