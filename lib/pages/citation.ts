// How an essay describes itself to reference managers: Highwire Press `citation_*` meta tags, which
// Zotero, Mendeley and Google Scholar read from the page. An essay in a numbered series is a report:
// its number is the report number, the series' publisher the institution.
// https://www.zotero.org/support/dev/exposing_metadata
import type { Essay } from "../content/model.ts";

export function citationMeta(essay: Essay, pageUrl?: string): [name: string, content: string][] {
  const { fields, series } = essay;
  const tags: [string, string][] = [
    ["citation_title", fields.title],
    ...essay.authors.map((a): [string, string] => ["citation_author", a.name]),
    ["citation_publication_date", fields.date.replaceAll("-", "/")],
    ["citation_technical_report_institution", series.record.publisher],
    ["citation_technical_report_number", String(fields.number)],
    ["citation_series_title", series.title],
    ["citation_publisher", series.record.publisher],
    ["citation_language", fields.lang],
  ];
  if (series.record.issn) tags.push(["citation_issn", series.record.issn]);
  if (fields.topics.length) tags.push(["citation_keywords", fields.topics.join("; ")]);
  if (pageUrl) tags.push(["citation_public_url", pageUrl]);
  return tags;
}
