// Each essay's PDF (lib/pdf/), with PDFs turned on in site.json, read by poppler's tools as a library's
// ingest would. One archive, built once and once more after a new essay: the bilingual fixture's field
// reports with this repository's No.201 (its essay, author and series records; its text is the seed's)
// added, on A4, No.201 with a figure of 400 × 9,000 px that must stay within a page; and a Japanese essay printed again on US Letter. Page size, metadata, tagging, fonts, the whole text in
// reading order, Japanese text; the same bytes printed again without the cache; a next build prints only
// the essays whose printed part changed (not those whose navigation did); the page, its JSON-LD and the offline package name the PDF. With PDFs off
// nothing changes.
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { filesBelow } from "../../lib/paths/files.ts";
import { packageArchive } from "../../lib/package/run.ts";
import { checkFonts, PdfError } from "../../lib/pdf/fonts.ts";
import { pdfJobs } from "../../lib/pdf/jobs.ts";
import { printPdfs, type PrintReport } from "../../lib/pdf/print.ts";
import { isHostFile } from "../../lib/http/rules.ts";
import { bilingualArchive } from "../helpers/bilingual.ts";
import { browser } from "../helpers/browser.ts";
import { buildInto, REPO, runBuild } from "../helpers/build.ts";
import { built } from "../helpers/built.ts";
import { page } from "../helpers/html.ts";
import { SEED } from "../helpers/imported.ts";
import { pdfFonts, pdfInfo, poppler } from "../helpers/poppler.ts";
import { FIXTURE_SITE_URL } from "../helpers/site-url.ts";
import { tempDir } from "../helpers/scratch.ts";

const NO_201 = "essays/ajiss-commentary/201.pdf";
const NO_8 = "essays/field-reports/8.pdf";
/** No.201's pages at most: its text's and its tall figure's (5 here; 13 when the figure is not kept to a page). */
const PAGES_201 = 6;

/** A JSON record file of `root`, changed by `edit`. */
async function editRecord(root: string, name: string, edit: (record: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const file = join(root, "_data", name);
  await writeFile(file, `${JSON.stringify(edit(JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>), null, 2)}\n`);
}

/**
 * The bilingual fixture's field reports (No.7 in English, No.8 in Japanese) with this repository's essays
 * and their author and series records, PDFs on A4: few essays, as each costs a print or two.
 */
async function archiveWithPdfs(folder: string): Promise<string> {
  const root = await bilingualArchive(folder);
  for (const name of await readdir(join(root, "src/essays"))) if (!/^[78]-/.test(name)) await rm(join(root, "src/essays", name));
  await cp(join(REPO, "src/essays"), join(root, "src/essays"), { recursive: true });
  for (const name of ["authors.json", "series.json"]) {
    const ours = JSON.parse(await readFile(join(REPO, "_data", name), "utf8")) as Record<string, unknown>;
    await editRecord(root, name, (record) => ({ ...record, ...ours }));
  }
  await editRecord(root, "site.json", (site) => ({ ...site, pdf: { paper: "A4" } }));
  // A figure as tall as the figure limits allow on a narrow side (400 × 9,000 px: 94 inches at 96 px an
  // inch), after No.201's first paragraph: the print stylesheet keeps it within one page.
  await mkdir(join(root, "src/figures"), { recursive: true });
  await writeFile(
    join(root, "src/figures/tall.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="9000"><rect width="400" height="9000" fill="#369"/></svg>',
  );
  const essay = join(root, "src/essays/201-what-the-us-now-craves-from-japan.md");
  await writeFile(
    essay,
    (await readFile(essay, "utf8")).replace(/^(As Russia's President Putin.*)$/m, "$1\n\n![A very tall bar, 400 by 9,000 pixels](tall.svg)"),
  );
  return root;
}

/** The text of a PDF in reading order, without each page's running head and folio, as one line. */
async function bodyText(file: string, head: string, folio: RegExp): Promise<string> {
  const pages = (await poppler("pdftotext", "-enc", "UTF-8", file, "-")).split("\f");
  const kept = pages.map((text) => {
    const lines = text.split("\n").filter((line) => line.trim());
    if (lines[0]?.trim() === head) lines.shift();
    if (folio.test(lines.at(-1)?.trim() ?? "")) lines.pop();
    return lines.join(" ");
  });
  return kept.join(" ").replace(/\s+/g, " ");
}

/**
 * The build's print step, run again without the cache on a copy of the built archive, for the PDFs named
 * (every one by default), on `paper` (the site's by default): each file printed, by its path.
 */
async function printAgain(only?: string[], paper?: "A4" | "Letter"): Promise<{ files: Map<string, string>; report: PrintReport }> {
  const again = join(await tempDir("pdf-again-"), "dist");
  await cp(archive.output, again, { recursive: true });
  const { settings, siteUrl, jobs } = pdfJobs(await createArchiveLoader(archive.root, { cache: false }).load())!;
  const chosen = jobs.filter((job) => !only || only.includes(job.pdf));
  await Promise.all(chosen.map((job) => rm(join(again, job.pdf))));
  const report = await printPdfs({ output: again, cache: false, settings: paper ? { paper } : settings, siteUrl, jobs: chosen, browser: await browser() });
  return { files: new Map(chosen.map((job) => [job.pdf, join(again, job.pdf)])), report };
}

let archive: { root: string; output: string; first: string; next: { stdout: string; stderr: string; code: number | null }; before: Buffer };

beforeAll(async () => {
  const folder = await tempDir("pdfs-");
  const root = await archiveWithPdfs(folder);
  // The command in this process (a process of its own costs seconds of CPU, and shows nothing more here).
  const first = await buildInto(root, folder, { here: true });
  const before = await readFile(join(first.output, NO_201));
  // A new essay: its page, and the pages that show it (a neighbour's, its author's newest until now), change.
  const essay = (await readFile(join(root, "src/essays/7-mekong-delta.md"), "utf8"))
    .replace(/^number: 7$/m, "number: 9")
    .replace(/^title: .*$/m, "title: The Delta Again")
    .replace(/^translationKey: .*\n/m, "");
  await writeFile(join(root, "src/essays/9-the-delta-again.md"), essay);
  const next = await runBuild(root, first.output, { here: true });
  archive = { root, output: first.output, first: first.stdout, next, before };
});

describe("No.201's PDF, this repository's essay", () => {
  const file = () => join(archive.output, NO_201);

  it("is an A4, tagged document with the essay's metadata and dates", async () => {
    const info = await pdfInfo(file());
    expect(info).toMatchObject({
      Title: "What the US Now Craves from Japan",
      Author: "Keiko Iizuka",
      Subject: "AJISS-Commentary No.201",
      CreationDate: "2014-08-01T00:00:00Z",
      ModDate: "2014-08-01T00:00:00Z",
      Tagged: "yes",
      "Metadata Stream": "yes",
    });
    expect(info["Page size"]).toMatch(/\(A4\)$/);
    // With its figure of 400 × 9,000 px, as many pages as its text needs (a dozen more without the cap).
    expect(Number(info.Pages)).toBeLessThanOrEqual(PAGES_201);
    // The language, in the document's XMP metadata.
    expect(await poppler("pdfinfo", "-meta", file())).toMatch(/<dc:language>\s*<rdf:Bag>\s*<rdf:li>en<\/rdf:li>/);
    // Tagged: the title and headings are such in the structure tree; the outline (bookmarks) holds them.
    const structure = await poppler("pdfinfo", "-struct-text", file());
    expect(structure).toMatch(/H1 \(block\)\n\s+NonStruct\n\s+"What the US Now/);
    expect(structure).toMatch(/H2 \(block\)\n\s+NonStruct\n\s+"About the author"/);
    const document = await PDFDocument.load(await readFile(file()), { updateMetadata: false });
    const outlines = document.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
    expect(outlines?.lookup(PDFName.of("Count"))?.toString()).toMatch(/^-?[1-9]/);
  });

  it("embeds every font it uses, each as a font (none drawn as Type 3 glyphs)", async () => {
    const fonts = await pdfFonts(file());
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded || font.type === "Type 3")).toEqual([]);
  });

  it("holds the seed's 21 paragraphs in reading order, after a first-page line on how to cite it, at its permanent address", async () => {
    const lines = (await readFile(SEED, "utf8")).split("\n").map((l) => l.trim());
    const paragraphs = lines
      .slice(
        lines.findIndex((l) => l.startsWith("As Russia's President Putin")),
        lines.findIndex((l) => l.startsWith("Keiko Iizuka is")),
      )
      .filter(Boolean);
    expect(paragraphs).toHaveLength(21);
    const text = await bodyText(file(), "AJISS-Commentary No.201", /^Page \d+ of \d+$/);
    let from = text.indexOf("Cite as: Iizuka, K. (2014). What the US Now Craves from Japan");
    expect(from).toBeGreaterThan(0);
    expect(text.slice(from, text.indexOf("As Russia's"))).toContain(`${FIXTURE_SITE_URL}essays/ajiss-commentary/201.html`);
    for (const paragraph of paragraphs) {
      const at = text.indexOf(paragraph.replace(/\s+/g, " "), from);
      expect(at, paragraph.slice(0, 40)).toBeGreaterThan(from);
      from = at + paragraph.length;
    }
  });

  it("is named by the page's download row, its citation_pdf_url and its JSON-LD, and in the offline package's manifest", async () => {
    const doc = await page(archive.output, "essays/ajiss-commentary/201.html");
    const link = doc.querySelector('.cite-downloads a[href="201.pdf"]');
    expect([link?.getAttribute("type"), link?.hasAttribute("download")]).toEqual(["application/pdf", true]);
    expect(doc.querySelector('meta[name="citation_pdf_url"]')?.getAttribute("content")).toBe(`${FIXTURE_SITE_URL}${NO_201}`);
    const jsonLd = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}") as { encoding?: unknown };
    expect(jsonLd.encoding).toEqual({ "@type": "MediaObject", contentUrl: `${FIXTURE_SITE_URL}${NO_201}`, encodingFormat: "application/pdf" });
    const report = await packageArchive({ dist: archive.output, out: join(await tempDir("pdf-package-"), "archive.zip"), sourceDateEpoch: "0" });
    expect(report.payload.files).toBe(filesBelow(archive.output).filter((path) => !isHostFile(path)).length);
    expect(filesBelow(archive.output)).toContain(NO_201);
  });
});

describe("the archive's other PDFs", () => {
  it("are one per essay; the Japanese essay's text is extractable, in a Japanese font embedded; on US Letter when asked", async () => {
    expect(filesBelow(archive.output).filter((path) => path.endsWith(".pdf"))).toHaveLength(4);
    const file = join(archive.output, NO_8);
    const info = await pdfInfo(file);
    expect(info).toMatchObject({ Title: "港湾都市の再生", Author: "武田ベン", Tagged: "yes" });
    expect(info["Page size"]).toMatch(/\(A4\)$/);
    const text = await bodyText(file, "現地報告 No.8", /^\d+ \/ \d+$/);
    expect(text).toContain("横浜港の再開発は、倉庫街を市民の広場に変えた。");
    expect(text).toContain("引用表記: 武田ベン");
    const fonts = await pdfFonts(file);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.some((font) => /IPAex|CJK|JP/.test(font.name) || font.type === "Type 3")).toBe(true);
    const letter = await printAgain([NO_8], "Letter");
    expect((await pdfInfo(letter.files.get(NO_8)!))["Page size"]).toMatch(/\(letter\)$/);
  });

  it("are printed again only for the essays whose printed part changed in a next build, each the same bytes as printed anew without the cache", async () => {
    expect(archive.first).toContain("PDFs: 3 printed, 0 from the build cache.");
    const { next } = archive;
    expect(next.code, next.stderr).toBe(0);
    // The new No.9 changes three pages: its own, No.8's pager (its next by number) and No.7's essays by its
    // author (No.9 is Chiyo Mori's newer essay); but only its own PDF, as print hides the pager and those
    // (lib/views/key.ts, printView). The PDFs of No.7 and No.8 come from the cache, and are compared below
    // with the same PDFs printed anew from the new pages.
    expect(next.stdout).toContain("the pages and downloads of 1 of 4 essays");
    expect(next.stdout).toContain("PDFs: 1 printed, 3 from the build cache.");
    expect(existsSync(join(archive.output, "essays/field-reports/9.pdf"))).toBe(true);
    expect((await readFile(join(archive.output, NO_201))).equals(archive.before)).toBe(true);
    // Every PDF the next build published, from the cache or printed, is what printing without the cache
    // gives, at another time, in another tab and order (the build's print step on a copy: a whole second
    // build costs seconds more and adds nothing a PDF depends on; reproducible.test.ts compares the pages).
    const { files, report } = await printAgain();
    expect(report).toEqual({ printed: 4, cached: 0 });
    for (const [pdf, again] of files) expect((await readFile(again)).equals(await readFile(join(archive.output, pdf))), pdf).toBe(true);
  });
});

describe("the cache audit (--audit-cache)", () => {
  it("prints every PDF anew and compares each the cache has: one the cache has otherwise fails the build, named alone", async () => {
    const cache = join(dirname(archive.output), "cache");
    // One entry made stale, whole (its name the hash of its bytes), as a key that missed something printed would leave it.
    const shelf = join(cache, "essay-pdfs");
    const stale = Buffer.from("%PDF-1.7 a PDF from before an edit\n");
    let replaced = 0;
    for (const shard of await readdir(shelf)) {
      for (const entry of await readdir(join(shelf, shard))) {
        if (entry.startsWith(".") || replaced++ > 0) continue;
        await rm(join(shelf, shard, entry));
        await writeFile(join(shelf, shard, `${entry.slice(0, 64)}.${createHash("sha1").update(stale).digest("hex")}`), stale);
      }
    }
    expect(replaced).toBeGreaterThan(1);
    const failed = await runBuild(archive.root, join(await tempDir("pdf-audit-"), "dist"), { cache, audit: true });
    expect(failed.code).toBe(1);
    // That one PDF, and no other: the cache's others are those printed anew, byte for byte.
    expect(failed.stderr).toMatch(/the build cache would have published a PDF unlike it is printed anew:\n {2}essays\/[\w-]+\/\d+\.pdf\nThis is a fault/);
  });
});

it("leaves an archive without PDFs as it was: no PDF, no link to one", async () => {
  const dist = built("basic");
  expect(filesBelow(dist).filter((path) => path.endsWith(".pdf"))).toEqual([]);
  const html = await readFile(join(dist, "essays/policy-notes/3.html"), "utf8");
  expect(html).not.toMatch(/\.pdf|citation_pdf_url|MediaObject/);
});

it("refuses to print essays in a language the machine has no font for, naming what to install", () => {
  expect(() => checkFonts(["en"])).not.toThrow();
  expect(() => checkFonts(["tlh"])).toThrow(PdfError);
  expect(() => checkFonts(["tlh"])).toThrow(/font for their language "tlh".*fc-list :lang=tlh.*Install one/);
});
