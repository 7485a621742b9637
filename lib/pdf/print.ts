// Each essay's PDF, printed from its own page and the print stylesheet by Debian's Chromium (through
// playwright-core), then finished (./finish.ts): metadata, and the same bytes from build to build.
// https://playwright.dev/docs/api/class-page#page-pdf
//
// Paid once per essay. A PDF's key is made of the code (`codeVersion`), Chromium's version, the machine's
// fonts, the paper, the job (metadata, running head, words, and what the page prints: its view without the
// navigation the print stylesheet hides, lib/views/key.ts `printView`), and the path and bytes of every file
// Chromium fetched to print it (stylesheet, figures, scripts), as that very printing recorded them. The page
// is made from its view by the code, so the view and the code stand for the page; what the view leaves
// out (the pager, the essays beside it by its authors, the language switch) is `display: none` in print,
// so it makes no box, no link and no tag in the PDF (test/integration/pdfs.test.ts prints a neighbour's PDF
// again without the cache and compares the bytes). So a next build looks up what an unchanged print read
// last time, hashes those files as they are now, and puts the PDF in place from the cache when all are the same.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { cacheKey, cacheShelf, codeVersion, fileShelf, type CacheDir } from "../cache/cache.ts";
import type { PdfSettings } from "../content/schema/index.ts";
import { contentTypeOf } from "../http/rules.ts";
import type { Browser } from "playwright-core";
import { CHROMIUM, launch } from "../runtime/browser.ts";
import { finishPdf } from "./finish.ts";
import { checkFonts, fontsFingerprint, PdfError } from "./fonts.ts";
import type { PdfJob } from "./jobs.ts";

export interface PrintOptions {
  /** The built archive the pages are printed from and the PDFs written into. */
  output: string;
  /** The output folder being replaced, whose unchanged PDFs are moved in rather than copied. */
  previous?: string;
  cache: CacheDir;
  settings: PdfSettings;
  /** The archive's address: the pages are printed as if from there, so that the PDFs' links go there. */
  siteUrl?: string | undefined;
  jobs: readonly PdfJob[];
  signal?: AbortSignal;
  /** Told after each PDF printed (not those from the cache), for a terminal's progress line. */
  onPrinted?: (printed: number, toPrint: number) => void;
  /** Pages printed at once: Chromium uses about a core for each. */
  atOnce?: number;
  /** A Chromium already running, to print with (and leave running) rather than start one. */
  browser?: Browser;
  /**
   * Print every PDF, and compare each the cache has with what it has (`--audit-cache`): a PDF that differs
   * fails the printing, naming it, as a PDF the cache would have published stale.
   */
  audit?: boolean;
}

export interface PrintReport {
  printed: number;
  cached: number;
  /** With `audit`: how many PDFs the cache had, each the same as printed anew. */
  audited?: number;
}

/** Japanese sans-serif faces, those with TrueType outlines first. */
const CJK_SANS = '"IPAexGothic", "IPAGothic", "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP"';

/** How many pages a tab prints before it is closed for a new one. */
const TAB_PAGES = 50;

/** The cache's folders: the PDFs, and the files each page read when it was printed. */
const PDFS = "essay-pdfs";
const READS = "essay-pdf-reads";

/**
 * The first page's line on how to cite the essay; and Japanese in IPAex fonts where the machine has them
 * (Debian's fonts-ipaexfont-gothic): Chromium embeds a font with TrueType outlines as a font, but one
 * with CFF outlines (Noto Sans CJK) as drawings of its glyphs (Type 3), which a library's checks may refuse;
 * so is a bold made up from a regular face, which IPAex (with no bold) would need.
 */
const PDF_STYLE = `
.pdf-cite { margin: 0 0 4mm; padding: 1.5mm 0; border-block: 0.5pt solid #999; font-size: 8.5pt; line-height: 1.4; overflow-wrap: anywhere; }
:root { --cjk-sans: ${CJK_SANS}; --cjk-serif: "IPAexMincho", "IPAMincho", "Noto Serif CJK JP"; --ui: "DejaVu Sans", "Liberation Sans", "Noto Sans", var(--cjk-sans), sans-serif; }
:lang(ja) { font-synthesis: none; }
`;

export async function printPdfs(options: PrintOptions): Promise<PrintReport> {
  const { output, previous, cache, jobs, settings } = options;
  if (jobs.length === 0) return { printed: 0, cached: 0 };
  checkFonts(jobs.map((job) => job.facts.language));
  const pdfs = fileShelf(cache, PDFS);
  const reads = cacheShelf(cache, READS, z.array(z.string()));
  const origin = options.siteUrl ? options.siteUrl.replace(/\/?$/, "/") : NO_ADDRESS;
  const machine = cacheKey(codeVersion(), chromiumVersion(), fontsFingerprint(), JSON.stringify(settings), origin);
  const digests = new Map<string, string>();
  /** A file of the output as a key's part: its path and its bytes' hash, or that it is missing. */
  const digest = (path: string) => {
    let known = digests.get(path);
    if (known === undefined) {
      try {
        known = cacheKey(readFileSync(join(output, path)));
      } catch {
        known = "missing";
      }
      digests.set(path, known);
    }
    return known;
  };
  const keyOf = (page: string, read: readonly string[]) => cacheKey(page, ...read.flatMap((path) => [path, digest(path)]));

  const toPrint: { job: PdfJob; page: string }[] = [];
  /** In an audit, the cache's PDF of each job it has one for, beside the PDF printed anew, to compare. */
  const cachedCopies = new Map<PdfJob, string>();
  for (const job of jobs) {
    const page = cacheKey(machine, JSON.stringify(job));
    const read = reads.get(page);
    if (options.audit) {
      const copy = join(output, `${job.pdf}.cached`);
      if (read && pdfs.place(keyOf(page, read), copy)) cachedCopies.set(job, copy);
    } else if (read && pdfs.place(keyOf(page, read), join(output, job.pdf), previous && join(previous, job.pdf))) continue;
    toPrint.push({ job, page });
  }
  if (toPrint.length === 0) return { printed: 0, cached: jobs.length };

  options.signal?.throwIfAborted();
  // The signals are the build's (lib/orchestration/run.ts): it stops the printing through `signal`, and removes
  // its staging folder only once this has returned, Chromium closed.
  const browser = options.browser ?? (await launch({ ownSignals: false }));
  const contexts: Context[] = [];
  // Stopped, or a page failed: a Chromium of its own is closed; one it was lent is left running, its tabs
  // closed. Each tab's printing then fails at once.
  const stop = () => void (options.browser ? Promise.all(contexts.map((context) => context.close())) : browser.close()).catch(() => undefined);
  options.signal?.addEventListener("abort", stop, { once: true });
  try {
    // Aborted while Chromium started: the listener above came too late to hear it.
    options.signal?.throwIfAborted();
    // The pages' own policy would refuse the style added for print; the pages' scripts run as for a reader.
    const context = await browser.newContext({ bypassCSP: true });
    contexts.push(context);
    await serveArchive(context, origin, output);
    let next = 0;
    let printed = 0;
    // Each worker prints its pages in one tab, a new one every TAB_PAGES: opening a tab costs a quarter of
    // a page's printing, and a tab kept for hundreds of pages grew Chromium to 3.2 GiB at 1,000 essays.
    const worker = async () => {
      let tab = await printingTab(context, origin);
      let pages = 0;
      try {
        for (let item = toPrint[next++]; item; item = toPrint[next++]) {
          const { job, page } = item;
          if (++pages % TAB_PAGES === 0) {
            await tab.close();
            tab = await printingTab(context, origin);
          }
          const read = await tab.print(job, settings, join(output, job.pdf));
          reads.set(page, read);
          pdfs.keep(keyOf(page, read), join(output, job.pdf));
          printed++;
          options.onPrinted?.(printed, toPrint.length);
        }
      } finally {
        await tab.close();
      }
    };
    // Every worker ended before this returns, so that nothing prints into the output after it (a build
    // removes its staging folder as soon as this fails); the first failure stops the others.
    let failure: { error: unknown } | undefined;
    const failed = (error: unknown) => {
      failure ??= { error };
      stop();
    };
    await Promise.all(Array.from({ length: Math.min(options.atOnce ?? 2, toPrint.length) }, () => worker().catch(failed)));
    options.signal?.throwIfAborted();
    if (failure) throw failure.error;
    if (options.audit) return { printed, cached: 0, audited: auditCopies(output, cachedCopies) };
    return { printed, cached: jobs.length - printed };
  } catch (error) {
    options.signal?.throwIfAborted();
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", stop);
    if (options.browser) await Promise.all(contexts.map((context) => context.close()));
    else await browser.close();
  }
}

/**
 * Compares each PDF printed anew with the cache's copy beside it, which it then removes; throws naming
 * every PDF that differs. Returns how many were compared.
 */
function auditCopies(output: string, copies: Map<PdfJob, string>): number {
  const differ: string[] = [];
  for (const [job, copy] of copies) {
    if (!readFileSync(copy).equals(readFileSync(join(output, job.pdf)))) differ.push(job.pdf);
    rmSync(copy);
  }
  if (differ.length > 0) {
    throw new PdfError(
      `the build cache would have published ${differ.length === 1 ? "a PDF" : `${differ.length} PDFs`} unlike ${differ.length === 1 ? "it is" : "they are"} printed anew:\n${differ
        .sort()
        .map((pdf) => `  ${pdf}`)
        .join("\n")}\nThis is a fault of the build cache's keys: please report it. Delete the cache's essay-pdfs/ folder to print them again.`,
    );
  }
  return copies.size;
}

type Context = Awaited<ReturnType<Browser["newContext"]>>;

/** Where an archive with no address is printed from: its links to its own pages are then taken out. */
const NO_ADDRESS = "https://archive.invalid/";

/**
 * Answers every request below `origin` from the archive's folder (never the network): the pages are
 * printed from their own address, so each PDF's links name it, and are the same from build to build.
 */
async function serveArchive(context: Context, origin: string, output: string): Promise<void> {
  await context.route(`${origin}**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.slice(new URL(origin).pathname.length));
    const file = join(output, path);
    if (!path || path.split("/").includes("..") || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
    await route.fulfill({ status: 200, path: file, contentType: contentTypeOf(path) ?? "application/octet-stream" });
  });
}

/**
 * A tab that prints pages one after another: each `print` loads a page, prints it into `target`, and
 * returns the files below the archive it read besides the page, sorted. Every request is answered by
 * `serveArchive`'s route (which turns the browser's cache off), so each page's reads are all seen.
 */
async function printingTab(
  context: Context,
  base: string,
): Promise<{ print: (job: PdfJob, settings: PdfSettings, target: string) => Promise<string[]>; close: () => Promise<void> }> {
  const page = await context.newPage();
  // Print media: the print stylesheet, and the page laid out as printed.
  await page.emulateMedia({ media: "print" });
  let read = new Set<string>();
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith(base)) read.add(decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length)));
  });
  const print = async (job: PdfJob, settings: PdfSettings, target: string) => {
    read = new Set();
    await page.goto(base + job.page, { waitUntil: "load" });
    await page.evaluate(citeLine, { label: job.citeAs });
    if (base === NO_ADDRESS) await page.evaluate(unlink, base);
    await page.addStyleTag({ content: PDF_STYLE });
    // Every figure loaded: a lazy image below the fold loads only when printed.
    await page.evaluate(() =>
      Promise.all(
        [...document.images].map((image) => {
          image.loading = "eager";
          return image.decode().catch(() => undefined);
        }),
      ),
    );
    const printed = await page.pdf({
      format: settings.paper,
      displayHeaderFooter: true,
      headerTemplate: runningHead(job),
      footerTemplate: folio(job),
      // The stylesheet's @page margins hold the running head and the folio.
      margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
      tagged: true,
      outline: true,
    });
    writeFileSync(target, await finishPdf(printed, job.facts));
    read.delete(job.page);
    return [...read].sort();
  };
  return { print, close: () => page.close() };
}

/**
 * In the page: the first page's line on how to cite the essay, after the byline: the page's first
 * reference (the style its language cites in first) and its permanent address, when it has one.
 */
function citeLine({ label }: { label: string }): void {
  const reference = document.querySelector(".cite-reference")?.textContent?.trim();
  if (!reference) return;
  const address = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const line = document.createElement("p");
  line.className = "pdf-cite";
  line.textContent = `${label}: ${reference}${address && !reference.includes(address) ? ` ${address}` : ""}`;
  (document.querySelector(".byline") ?? document.querySelector("h1"))?.after(line);
}

/** In the page: links to the archive's own pages become plain text, when the archive has no address to link to. */
function unlink(base: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    if (link.href.startsWith(base) && !link.getAttribute("href")?.startsWith("#")) link.removeAttribute("href");
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Chromium's header and footer are small documents of their own, with no stylesheet but their own. */
const MARGIN_STYLE = `width: 100%; margin: 0 16mm; font-size: 8pt; color: #444; font-family: 'Noto Sans', 'DejaVu Sans', ${CJK_SANS.replaceAll('"', "'")}, sans-serif;`;

function runningHead(job: PdfJob): string {
  return `<div style="${MARGIN_STYLE} text-align: right;" lang="${escapeHtml(job.facts.language)}">${escapeHtml(job.head)}</div>`;
}

function folio(job: PdfJob): string {
  const words = escapeHtml(job.folio).replace("{page}", '<span class="pageNumber"></span>').replace("{pages}", '<span class="totalPages"></span>');
  return `<div style="${MARGIN_STYLE} text-align: center;" lang="${escapeHtml(job.facts.language)}">${words}</div>`;
}

let version: string | undefined;
/** "Chromium 156.0.8078.114 …": a new Chromium prints anew. */
function chromiumVersion(): string {
  version ??= execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  return version;
}
