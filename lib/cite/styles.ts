// The CSL styles "Cite this" formats with, and where their XML comes from.
//
// APA 7 is built into @citation-js/plugin-csl. Chicago (author-date, 18th edition) and MLA (9th edition)
// are not, and no npm package ships them as plain .csl files worth depending on (rehype-citation 2.3.2
// has older copies as JS strings, behind a dependency tree with a second Citation.js 0.7), so they are
// vendored, unchanged, in ./styles/ (CC BY-SA 3.0; provenance in ./styles/README.md). If they ever come
// from a package instead, `styleDirectory` is the one line to change. All three are used in a one-item
// form made at run time (`singleItemStyle`).
import { readFileSync } from "node:fs";

export type ReferenceStyle = "apa" | "chicago" | "mla";

export const referenceStyles: readonly ReferenceStyle[] = ["apa", "chicago", "mla"];

interface StyleSource {
  /** The name of a style built into @citation-js/plugin-csl. */
  builtIn?: string;
  /** Or the vendored .csl file. */
  file?: string;
  /** What a reader is told the style is. */
  label: string;
}

export const styleSources: Readonly<Record<ReferenceStyle, StyleSource>> = {
  apa: { builtIn: "apa", label: "APA (7th edition)" },
  chicago: { file: "chicago-author-date.csl", label: "Chicago (author-date, 18th edition)" },
  mla: { file: "modern-language-association.csl", label: "MLA (9th edition)" },
};

/** Where the vendored .csl files are. */
export const styleDirectory = new URL("./styles/", import.meta.url);

/** The XML of a vendored CSL style file. */
export function readStyleXml(file: string): string {
  return readFileSync(new URL(file, styleDirectory), "utf8");
}

/**
 * The style, for bibliographies of exactly one item, as every reference here is. Its `<citation>` (the
 * in-text form, never asked for here) becomes a stub, and its bibliography loses its sort keys: those
 * only order and tell apart several items, yet citeproc computes sort keys and renders each item's
 * citation (to look for ambiguity) for every item, one or many. The bibliography entry is the same: it
 * depends on the citation only through disambiguation (year suffixes), which one item never needs.
 * Measured on the three styles (on a busy machine): engines built 5 to 50 times faster (Chicago's from
 * 2.7–6 s to ≈0.13 s), each reference ≈2.4 times faster. The tests check both forms give the same.
 */
export function singleItemStyle(xml: string): string {
  return xml
    .replace(/<citation\b[^>]*>[\s\S]*?<\/citation>/, '<citation><layout><text variable="title"/></layout></citation>')
    .replace(/<sort>[\s\S]*?<\/sort>/g, "");
}
