// Each essay's citation downloads beside its page (BibTeX, RIS, CSL-JSON: lib/cite/files.ts), from the
// citations the pages are given. A build writes them while Eleventy renders (the writing waits on the
// disk, Eleventy on the CPU); the dev server after, for the essays an edit changed.
import { CITATIONS_SHELF } from "../cite/cached.ts";
import { writeCitationFiles } from "../cite/files.ts";
import { timedAsync } from "../runtime/timings.ts";
import type { OutputKind } from "./kind.ts";
import { ESSAY_PAGES_SHELF } from "./pages/keep-pages.ts";

export const citationDownloads = {
  name: "citationDownloads",
  writes: "essays/<series>/<number>.bib, .ris and .json beside each essay's page",
  modes: ["build", "dev"],
  // The citations under their own key; the files, with their essay's page, under its key.
  cache: { shelf: [CITATIONS_SHELF, ESSAY_PAGES_SHELF], key: "citationsKey() (lib/cite/cached.ts); the files under their page's" },
  async withPages({ mode, output, archive, toWrite, citations }) {
    // (In a build not a phase of its own in --timings: it overlaps "eleventy", and phases are counted once.)
    const writing = () => writeCitationFiles(output, toWrite.essays, archive.site.url, citations);
    await (mode === "dev" ? timedAsync("citation files", writing, "eleventy") : writing());
  },
} satisfies OutputKind<"citationDownloads", void, void>;
