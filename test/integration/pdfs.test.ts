// Each essay's PDF (lib/pdf/), with PDFs turned on in site.json, read by poppler's tools as a library's
// ingest would: the repository's own archive (No.201, whose text is the seed's) on A4, and the bilingual
// fixture on US Letter. Page size, metadata, tagging, fonts, the whole text in reading order, Japanese text;
// the same bytes from a second build without the cache; a next build prints only the essays whose page
// changed; the page, its JSON-LD and the offline package name the PDF. With PDFs off nothing changes.
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { filesBelow } from "../../lib/paths/files.ts";
import { packageArchive } from "../../lib/package/run.ts";
import { checkFonts, PdfError } from "../../lib/pdf/fonts.ts";
import { bilingualArchive } from "../helpers/bilingual.ts";
import { buildInto, REPO, runBuild } from "../helpers/build.ts";
import { built } from "../helpers/built.ts";
import { page } from "../helpers/html.ts";
import { SEED } from "../helpers/imported.ts";
import { pdfFonts, pdfInfo, poppler } from "../helpers/poppler.ts";
import { tempDir } from "../helpers/scratch.ts";

const SITE_URL = "https://archive.example.org/ajiss/";
const NO_201 = "essays/ajiss-commentary/201.pdf";
const NO_8 = "essays/field-reports/8.pdf";

/** `root`'s site.json with PDFs on, on `paper`. */
async function turnOnPdfs(root: string, paper: "A4" | "Letter"): Promise<void> {
  const file = join(root, "_data/site.json");
  const site = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  await writeFile(file, `${JSON.stringify({ ...site, pdf: { paper } }, null, 2)}\n`);
}

/** This repository's archive (its essays, figures and records), as a content folder of its own. */
async function repositoryArchive(folder: string): Promise<string> {
  const root = join(folder, "content");
  await mkdir(join(root, "src"), { recursive: true });
  for (const path of ["src/essays", "src/figures", "_data"]) if (existsSync(join(REPO, path))) await cp(join(REPO, path), join(root, path), { recursive: true });
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

let repository: { output: string; again: string };
let bilingual: { root: string; output: string; first: string; next: { stdout: string; stderr: string; code: number | null }; before: Buffer };

beforeAll(async () => {
  const [repoFolder, bilingualFolder] = await Promise.all([tempDir("pdf-repository-"), tempDir("pdf-bilingual-")]);
  const [repoRoot, bilingualRoot] = await Promise.all([repositoryArchive(repoFolder), bilingualArchive(bilingualFolder)]);
  await Promise.all([turnOnPdfs(repoRoot, "A4"), turnOnPdfs(bilingualRoot, "Letter")]);
  const env = { SITE_URL };
  const [first, fixture] = await Promise.all([buildInto(repoRoot, repoFolder, { env }), buildInto(bilingualRoot, bilingualFolder)]);
  const before = await readFile(join(fixture.output, "essays/policy-notes/1.pdf"));
  // A new essay: its page, and the pages that show it (a neighbour's, its author's other essays'), change.
  const essay = (await readFile(join(bilingualRoot, "src/essays/7-mekong-delta.md"), "utf8"))
    .replace(/^number: 7$/m, "number: 9")
    .replace(/^title: .*$/m, "title: The Delta Again")
    .replace(/^translationKey: .*\n/m, "");
  await writeFile(join(bilingualRoot, "src/essays/9-the-delta-again.md"), essay);
  // The next build beside a second build of the repository's archive, without the cache, to compare.
  const [next, again] = await Promise.all([runBuild(bilingualRoot, fixture.output), buildInto(repoRoot, join(repoFolder, "again"), { env, cache: false })]);
  repository = { output: first.output, again: again.output };
  bilingual = { root: bilingualRoot, output: fixture.output, first: fixture.stdout, next, before };
});

describe("No.201's PDF, from the repository's archive", () => {
  const file = () => join(repository.output, NO_201);

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
    // The language, in the document's XMP metadata.
    expect(await poppler("pdfinfo", "-meta", file())).toMatch(/<dc:language>\s*<rdf:Bag>\s*<rdf:li>en<\/rdf:li>/);
  });

  it("embeds every font it uses, each as a font (none drawn as Type 3 glyphs)", async () => {
    const fonts = await pdfFonts(file());
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded || font.type === "Type 3")).toEqual([]);
  });

  it("holds the seed's 21 paragraphs in reading order, after a first-page line on how to cite it, at its permanent address", async () => {
    const lines = (await readFile(SEED, "utf8")).split("\n").map((l) => l.trim());
    const paragraphs = lines.slice(lines.findIndex((l) => l.startsWith("As Russia's President Putin")), lines.findIndex((l) => l.startsWith("Keiko Iizuka is"))).filter(Boolean);
    expect(paragraphs).toHaveLength(21);
    const text = await bodyText(file(), "AJISS-Commentary No.201", /^Page \d+ of \d+$/);
    let from = text.indexOf("Cite as: Iizuka, K. (2014). What the US Now Craves from Japan");
    expect(from).toBeGreaterThan(0);
    expect(text.slice(from, text.indexOf("As Russia's"))).toContain(`${SITE_URL}essays/ajiss-commentary/201.html`);
    for (const paragraph of paragraphs) {
      const at = text.indexOf(paragraph.replace(/\s+/g, " "), from);
      expect(at, paragraph.slice(0, 40)).toBeGreaterThan(from);
      from = at + paragraph.length;
    }
  });

  it("is the same, byte for byte, from a build without the cache", async () => {
    expect((await readFile(file())).equals(await readFile(join(repository.again, NO_201)))).toBe(true);
  });

  it("is named by the page's download row, its citation_pdf_url and its JSON-LD, and in the offline package's manifest", async () => {
    const doc = await page(repository.output, "essays/ajiss-commentary/201.html");
    const link = doc.querySelector('.cite-downloads a[href="201.pdf"]');
    expect([link?.getAttribute("type"), link?.hasAttribute("download")]).toEqual(["application/pdf", true]);
    expect(doc.querySelector('meta[name="citation_pdf_url"]')?.getAttribute("content")).toBe(`${SITE_URL}${NO_201}`);
    const jsonLd = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}") as { encoding?: unknown };
    expect(jsonLd.encoding).toEqual({ "@type": "MediaObject", contentUrl: `${SITE_URL}${NO_201}`, encodingFormat: "application/pdf" });
    const report = await packageArchive({ dist: repository.output, out: join(await tempDir("pdf-package-"), "archive.zip"), sourceDateEpoch: "0" });
    expect(report.payload.files).toBe(filesBelow(repository.output).filter((path) => !/^(_headers|\.htaccess|nginx\.conf)$/.test(path)).length);
    expect(filesBelow(repository.output)).toContain(NO_201);
  });
});

describe("the bilingual fixture's PDFs", () => {
  it("are on US Letter, one per essay (the six after the next build); the Japanese essay's text is extractable, in a Japanese font embedded", async () => {
    expect(filesBelow(bilingual.output).filter((path) => path.endsWith(".pdf"))).toHaveLength(6);
    const file = join(bilingual.output, NO_8);
    const info = await pdfInfo(file);
    expect(info).toMatchObject({ Title: "港湾都市の再生", Author: "武田ベン", Tagged: "yes" });
    expect(info["Page size"]).toMatch(/\(letter\)$/);
    const text = await bodyText(file, "現地報告 No.8", /^\d+ \/ \d+$/);
    expect(text).toContain("横浜港の再開発は、倉庫街を市民の広場に変えた。");
    expect(text).toContain("引用表記: 武田ベン");
    const fonts = await pdfFonts(file);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.some((font) => /IPAex|CJK|JP/.test(font.name) || font.type === "Type 3")).toBe(true);
  });

  it("are printed again only for the essays whose page changed in a next build", async () => {
    expect(bilingual.first).toContain("PDFs: 5 printed, 0 from the build cache.");
    const { next } = bilingual;
    expect(next.code, next.stderr).toBe(0);
    const cachedPages = Number(/the pages and downloads of (\d+) of 6 essays/.exec(next.stdout)?.[1]);
    const printed = Number(/PDFs: (\d+) printed, (\d+) from the build cache/.exec(next.stdout)?.[1]);
    expect(printed).toBe(6 - cachedPages);
    expect(printed).toBeGreaterThanOrEqual(1);
    expect(printed).toBeLessThan(6);
    expect(existsSync(join(bilingual.output, "essays/field-reports/9.pdf"))).toBe(true);
    expect((await readFile(join(bilingual.output, "essays/policy-notes/1.pdf"))).equals(bilingual.before)).toBe(true);
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
