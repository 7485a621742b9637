// What printing an essay's PDF needs to know, from the archive: the pages step makes the list (in the
// build's process or its own, hence plain data) and the print step (./print.ts) works through it.
import type { Archive } from "../archive/model.ts";
import { essayPdf } from "../cite/essay.ts";
import type { PdfSettings } from "../content/schema/index.ts";
import { absoluteUrl } from "../paths/urls.ts";
import { essayLabel, pageStrings } from "../words/strings.ts";
import { essayPageView } from "../views/essay.ts";
import { pageKey, printView } from "../views/key.ts";
import type { PdfFacts } from "./finish.ts";

export interface PdfJob {
  /** The essay's page, below the output folder, and its PDF beside it. */
  page: string;
  pdf: string;
  /** The document's metadata. */
  facts: PdfFacts;
  /** The running head: "AJISS-Commentary No.201". */
  head: string;
  /** The footer, in the essay's language, with `{page}` and `{pages}`. */
  folio: string;
  /** What introduces the first page's line on how to cite the essay: "Cite as". */
  citeAs: string;
  /**
   * What the page prints, hashed with the code: its view without the navigation the print stylesheet hides
   * (lib/views/key.ts, `printView`). Part of the PDF's key in place of the page's bytes, so a new neighbour
   * (a pager's link, an author's newer essay) does not print the PDF again.
   */
  printed: string;
}

/**
 * The archive's PDFs: its setting, its address (the PDFs' links to its pages go there), and one job per
 * essay; none when the site does not ask for them.
 */
export function pdfJobs(archive: Archive): { settings: PdfSettings; siteUrl?: string; jobs: PdfJob[] } | undefined {
  const { site } = archive;
  if (!site.pdf) return undefined;
  const jobs = archive.essays.map((essay): PdfJob => {
    const words = pageStrings(site, essay.lang);
    const pdf = essayPdf(essay);
    const head = essayLabel(words, essay, essay.lang);
    return {
      page: essay.path,
      pdf,
      facts: {
        title: essay.title,
        authors: essay.authors.map((author) => author.nameIn(essay.lang)),
        subject: head,
        keywords: essay.topics,
        language: essay.lang,
        date: essay.date,
        // The PDF's permanent address where the archive has one; else its place in the archive.
        id: site.url ? absoluteUrl(site.url, pdf) : pdf,
      },
      head,
      // As the words file has it, {page} and {pages} unfilled: Chromium fills them on each page.
      folio: String(words.source("pdf.page")),
      citeAs: words.text("pdf.citeAs"),
      printed: pageKey(printView(essayPageView(archive, essay))),
    };
  });
  return { settings: site.pdf, ...(site.url ? { siteUrl: site.url } : {}), jobs };
}
