// The CSL styles "Cite this" formats with, and where their XML comes from.
//
// APA 7 is built into @citation-js/plugin-csl. Chicago (author-date, 18th edition), MLA (9th edition) and
// SIST 02 (with the ja-JP locale it is written in, which Citation.js does not ship) are not, and no npm package ships them as plain .csl files worth depending on (rehype-citation 2.3.2
// has older copies as JS strings, behind a dependency tree with a second Citation.js 0.7), so they are
// vendored, unchanged, in ./styles/ (CC BY-SA 3.0; provenance in ./styles/README.md). If they ever come
// from a package instead, `styleDirectory` is the one line to change. All three are used in a one-item
// form made at run time (`singleItemStyle`).
import { readFileSync } from "node:fs";

export type ReferenceStyle = "apa" | "chicago" | "mla" | "sist02";

/** The styles every essay is cited in. */
export const referenceStyles: readonly ReferenceStyle[] = ["apa", "chicago", "mla"];

/**
 * The styles an essay in `lang` is cited in: a Japanese essay in SIST 02 too (the Japan Science and
 * Technology Agency's standard for references, as Japanese readers cite), first.
 */
export const stylesFor = (lang: string): readonly ReferenceStyle[] => (/^ja(-|$)/i.test(lang) ? ["sist02", ...referenceStyles] : referenceStyles);

interface StyleSource {
  /** The name of a style built into @citation-js/plugin-csl. */
  builtIn?: string;
  /** Or the vendored .csl file. */
  file?: string;
  /** The locale its references are written in, and its vendored file where Citation.js has none. */
  locale: string;
  localeFile?: string;
}

export const styleSources: Readonly<Record<ReferenceStyle, StyleSource>> = {
  apa: { builtIn: "apa", locale: "en-US" },
  chicago: { file: "chicago-author-date.csl", locale: "en-US" },
  mla: { file: "modern-language-association.csl", locale: "en-US" },
  sist02: { file: "sist02.csl", locale: "ja-JP", localeFile: "locales-ja-JP.xml" },
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
  return (
    xml
      .replace(/<citation\b[^>]*>[\s\S]*?<\/citation>/, '<citation><layout><text variable="title"/></layout></citation>')
      .replace(/<sort>[\s\S]*?<\/sort>/g, "")
      // A numeric style's entry number ("(1)" in SIST 02): one entry's number says nothing.
      .replace(/<text variable="citation-number"[^>]*\/>/g, "")
  );
}
