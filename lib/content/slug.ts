// The one slug rule: ids (authors, series) and essay file names are ASCII slugs, because they become file
// names and URL segments that must survive any host, any file system and any copy-paste.

/**
 * A slug: lowercase ASCII letters and digits in words joined by single hyphens, none leading or
 * trailing ("keiko-iizuka", "201", "ajiss-commentary").
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Text with its accents taken off: "Kōji Éluard" → "Koji Eluard" (letters of other scripts stay). */
export function foldAccents(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "");
}

/**
 * Text as a slug: accents folded ("Kōji Hirose" → "koji-hirose"), anything else not a-z or 0-9 becomes
 * a hyphen. Letters with no ASCII decomposition (港, ø) drop out, so the result may be "" when nothing
 * ASCII is left; callers decide what an empty slug means.
 */
export function toSlug(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
