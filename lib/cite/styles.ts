// The CSL styles "Cite this" formats with, and where their XML comes from.
//
// APA 7 is built into @citation-js/plugin-csl. Chicago (author-date, 18th edition) and MLA (9th edition)
// are not, and no npm package ships them as plain .csl files worth depending on (rehype-citation 2.3.2
// has older copies as JS strings, behind a dependency tree with a second Citation.js 0.7), so they are
// vendored, unchanged, in ./styles/ (CC BY-SA 3.0; provenance in ./styles/README.md). If they ever come
// from a package instead, `styleDirectory` is the one line to change.
import { readFileSync } from "node:fs";

export type ReferenceStyle = "apa" | "chicago" | "mla";

export const referenceStyles: readonly ReferenceStyle[] = ["apa", "chicago", "mla"];

interface StyleSource {
  /** The name the style is registered under with Citation.js. */
  name: string;
  /** The vendored file, or none for a style built into @citation-js/plugin-csl. */
  file?: string;
  /** What a reader is told the style is. */
  label: string;
}

export const styleSources: Readonly<Record<ReferenceStyle, StyleSource>> = {
  apa: { name: "apa", label: "APA (7th edition)" },
  chicago: { name: "chicago-author-date", file: "chicago-author-date.csl", label: "Chicago (author-date, 18th edition)" },
  mla: { name: "modern-language-association", file: "modern-language-association.csl", label: "MLA (9th edition)" },
};

/** Where the vendored .csl files are. */
export const styleDirectory = new URL("./styles/", import.meta.url);

/** The XML of a vendored CSL style file. */
export function readStyleXml(file: string): string {
  return readFileSync(new URL(file, styleDirectory), "utf8");
}
