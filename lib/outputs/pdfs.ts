// Each essay's PDF, when site.json asks for them (`pdf`): its jobs are made from the archive after the
// pages (lib/pdf/jobs.ts) and handed to the build's process, which prints them from the written pages
// while Pagefind indexes (lib/pdf/print.ts, loaded only then). A build's only: the dev server prints none.
import { PdfError } from "../pdf/fonts.ts";
import { pdfJobs } from "../pdf/jobs.ts";
import { count } from "../runtime/messages.ts";
import { timedAsync } from "../runtime/timings.ts";
import { OutputError, type OutputKind } from "./kind.ts";

type PdfJobs = ReturnType<typeof pdfJobs>;

export const pdfs = {
  name: "pdfs",
  writes: "essays/<series>/<number>.pdf beside each essay's page",
  modes: ["build"],
  cache: {
    shelf: ["essay-pdfs", "essay-pdf-reads"],
    key: "the code, Chromium, the fonts, the paper, the job, the page and every file its printing read (lib/pdf/print.ts)",
  },
  async afterPages({ archive }) {
    return pdfJobs(archive);
  },
  doing: (jobs) => jobs && `printing ${count(jobs.jobs.length, "PDF")}`,
  async besideIndex({ output, previous, cache, audit, signal, onPhase }, handover) {
    if (!handover) return undefined;
    const { settings, siteUrl, jobs } = handover;
    const { printPdfs } = await import("../pdf/print.ts");
    const step = Math.max(25, Math.ceil(jobs.length / 10));
    const onPrinted = (printed: number, of: number) => {
      if (printed % step === 0 && printed < of) onPhase?.(`Printed ${printed.toLocaleString("en")} of ${count(of, "PDF")}`);
    };
    try {
      return await timedAsync("print PDFs", () => printPdfs({ output, previous, cache, settings, siteUrl, jobs, signal, onPrinted, audit }));
    } catch (error) {
      throw error instanceof PdfError ? new OutputError(error.message) : error;
    }
  },
} satisfies OutputKind<"pdfs", PdfJobs, { printed: number; cached: number; audited?: number } | undefined>;
