// How an essay describes itself to reference managers: Highwire Press `citation_*` meta tags, which
// Zotero, Mendeley and Google Scholar read from the page. An essay in a numbered series is a report:
// its number is the report number, the series' publisher the institution.
// https://www.zotero.org/support/dev/exposing_metadata
import type { Essay } from "../archive/model.ts";
import { slashDate } from "../content/dates.ts";

export function citationMeta(essay: Essay, pageUrl?: string): [name: string, content: string][] {
  const { series } = essay;
  const tags: [string, string][] = [
    ["citation_title", essay.title],
    ...essay.authors.map((a): [string, string] => ["citation_author", a.name]),
    ["citation_publication_date", slashDate(essay.date)],
    ["citation_technical_report_institution", series.publisher],
    ["citation_technical_report_number", String(essay.number)],
    ["citation_series_title", series.title],
    ["citation_publisher", series.publisher],
    ["citation_language", essay.lang],
  ];
  if (series.issn) tags.push(["citation_issn", series.issn]);
  if (essay.topics.length) tags.push(["citation_keywords", essay.topics.join("; ")]);
  if (pageUrl) tags.push(["citation_public_url", pageUrl]);
  return tags;
}
