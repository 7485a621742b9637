// The page model's essay as the plain record the citation code takes (types.ts), with the absolute URLs
// it can only have when the site's address is known.
import type { Essay } from "../archive/model.ts";
import { absoluteUrl, paths } from "../paths/urls.ts";
import type { Citations } from "./types.ts";
import type { CitableEssay } from "./types.ts";

/**
 * Where pages get each essay's citations: the build cache, or formatted as they are asked for
 * (lib/orchestration/citations.ts). An essay is named by its page's path; its citations are made from
 * `record` (what `citable` gives), which is all they depend on besides the code.
 */
export interface CitationSource {
  of(path: string, record: CitableEssay): Promise<Citations>;
}

export function citable(essay: Essay, siteUrl: string | undefined): CitableEssay {
  const url = (path: string) => (siteUrl ? absoluteUrl(siteUrl, path) : undefined);
  const { series } = essay;
  return {
    id: `${series.id}-${essay.number}`,
    title: essay.title,
    number: essay.number,
    date: essay.date,
    lang: essay.lang,
    // As the essay's language writes them: a Japanese essay credits its authors' Japanese names.
    authors: essay.authors.map((a) => ({ ...a.citedIn(essay.lang), pageUrl: url(a.path) })),
    // The series as the essay's language names it, as its page does.
    series: { title: series.titleIn(essay.lang), publisher: series.publisher, institution: series.institution, issn: series.issn, url: url(series.path) },
    url: url(essay.path),
    summary: essay.summary,
    copyright: essay.copyright ?? series.copyright,
  };
}

/** The essay's PDF, beside its page, when the archive makes them (lib/pdf/): "essays/ajiss-commentary/201.pdf". */
export function essayPdf(essay: Essay): string {
  return paths.essayFile(essay.series.id, essay.number, ".pdf");
}

/** The citation downloads beside an essay's page: "essays/ajiss-commentary/201.bib". */
export function citationFile(essay: Essay, extension: string): string {
  return paths.essayFile(essay.series.id, essay.number, extension);
}
