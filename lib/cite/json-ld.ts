// schema.org JSON-LD for an essay page, and its safe serialisation into a <script> element.
//
// The essay is a Report (its number the reportNumber) and an Article (what search engines look for; Report
// is a kind of Article, so the pair only makes that explicit). The publisher, and copyright holder, is the
// series' publisher, as in the other citation formats (see csl.ts); `isPartOf` is the series, `position`
// the essay's number in it.
import type {
  ArticleLeaf,
  CreativeWorkSeriesLeaf,
  Graph,
  JsonLdObject,
  MediaObjectLeaf,
  MergeLeafTypes,
  OrganizationLeaf,
  PersonLeaf,
  ReportLeaf,
  WithContext,
} from "schema-dts";
import type { CitableEssay } from "./types.ts";

export type EssayJsonLd = WithContext<MergeLeafTypes<[ReportLeaf, ArticleLeaf]>>;

/**
 * The essay as schema.org JSON-LD. `description` is what the page's meta description says (see
 * description.ts); without one, the essay's summary, if any. `pdf` is the address of the essay's PDF, when
 * the archive makes PDFs: the same work in another encoding. Properties without a value are left out.
 */
export function essayJsonLd(essay: CitableEssay, description: string | undefined = essay.summary, pdf?: string): EssayJsonLd {
  const encoding: MediaObjectLeaf | undefined = pdf ? { "@type": "MediaObject", contentUrl: pdf, encodingFormat: "application/pdf" } : undefined;
  const publisher: OrganizationLeaf = { "@type": "Organization", name: essay.series.publisher };
  const series: CreativeWorkSeriesLeaf = {
    "@type": "CreativeWorkSeries",
    name: essay.series.title,
    ...(essay.series.url ? { url: essay.series.url } : {}),
    ...(essay.series.issn ? { issn: essay.series.issn } : {}),
  };
  const authors: PersonLeaf[] = essay.authors.map((a) => ({
    "@type": "Person",
    name: a.name,
    ...(a.given ? { givenName: a.given } : {}),
    familyName: a.family,
    ...(a.pageUrl ? { url: a.pageUrl } : {}),
  }));
  return {
    "@context": "https://schema.org",
    "@type": ["Report", "Article"],
    headline: essay.title,
    name: essay.title,
    reportNumber: String(essay.number),
    datePublished: essay.date,
    inLanguage: essay.lang,
    author: authors,
    publisher,
    copyrightHolder: publisher,
    ...(essay.copyright ? { copyrightNotice: essay.copyright } : {}),
    isPartOf: series,
    position: essay.number,
    ...(essay.url ? { url: essay.url } : {}),
    ...(description ? { description } : {}),
    ...(encoding ? { encoding } : {}),
  };
}

/** What can be serialised: a JSON-LD node (with its @context) or a graph. */
export type JsonLd = JsonLdObject | Graph;

/**
 * Characters that must not appear raw inside <script type="application/ld+json">: `<` (so no text can
 * make `</script>` or `<!--`, which would end the element or change how it is parsed), `>` and `&` for
 * good measure (and XHTML), and U+2028/U+2029, line terminators to older JavaScript parsers.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON text for the inside of a <script type="application/ld+json"> element. It is JSON.stringify's,
 * with the characters above written as \u escapes: those only ever occur inside JSON strings, where the
 * escape means the same character, so JSON.parse of the result gives back the value unchanged.
 */
export function jsonLdScript(value: JsonLd): string {
  return JSON.stringify(value).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
