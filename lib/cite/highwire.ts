// How an essay describes itself to reference managers: Highwire Press `citation_*` meta tags, which
// Zotero, Mendeley and Google Scholar read from the page, and the two Dublin Core tags for what they
// have no tag for. An essay in a numbered series is a report (Zotero's Embedded Metadata translator makes
// a report of a page with `citation_technical_report_institution`): its number is the report number, the
// series' publisher the institution, the series the report type (`DC.type`: a report has no series in
// Zotero, and `citation_series_title` goes to its Extra field), the summary the abstract, the copyright
// line the rights (`DC.rights`). https://www.zotero.org/support/dev/exposing_metadata
import type { Essay } from "../archive/model.ts";
import { slashDate } from "../content/dates.ts";

/** `pdfUrl`: the absolute address of the essay's PDF, when the archive makes PDFs and knows its address. */
export function citationMeta(essay: Essay, pageUrl?: string, pdfUrl?: string): [name: string, content: string][] {
  const { series } = essay;
  const tags: [string, string][] = [
    ["citation_title", essay.title],
    // Zotero takes a name's last word as its family name, unless it is written "Family, Given": so a name
    // whose parts are not that ("Iizuka Keiko", "武田ベン") is written with them; a name in one piece as it is.
    ...essay.authors.map((a): [string, string] => {
      const { name, family, given } = a.citedIn(essay.lang);
      return ["citation_author", given && `${given} ${family}` !== name ? `${family}, ${given}` : name];
    }),
    ["citation_publication_date", slashDate(essay.date)],
    ["citation_technical_report_institution", series.publisher],
    ["citation_technical_report_number", String(essay.number)],
    ["citation_series_title", series.titleIn(essay.lang)],
    ["citation_publisher", series.publisher],
    ["citation_language", essay.lang],
    ["DC.type", series.titleIn(essay.lang)],
  ];
  if (essay.summary) tags.push(["citation_abstract", essay.summary]);
  const rights = essay.copyright ?? series.copyright;
  if (rights) tags.push(["DC.rights", rights]);
  if (series.issn) tags.push(["citation_issn", series.issn]);
  if (essay.topics.length) tags.push(["citation_keywords", essay.topics.join("; ")]);
  if (pageUrl) tags.push(["citation_public_url", pageUrl]);
  // Google Scholar indexes the PDF named here: https://scholar.google.com/intl/en/scholar/inclusion.html#indexing
  if (pdfUrl) tags.push(["citation_pdf_url", pdfUrl]);
  return tags;
}
