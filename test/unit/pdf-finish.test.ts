// lib/pdf/finish.ts on what Chromium really prints: an English and a Japanese page, printed by the run's
// Chromium (test/global-setup.ts) with playwright-core's page.pdf({ tagged: true, outline: true }),
// finished, then read back by poppler's tools the way a library's ingest would: pdfinfo for the metadata
// and tagging, pdffonts for embedding, pdftotext for the text. Each page is printed twice, in different
// seconds and as a new document (so new DOM node ids): the raw prints differ, the finished files must not.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { finishPdf, type PdfFacts } from "../../lib/pdf/finish.ts";
import { watchedPage, type Watched } from "../helpers/browser.ts";
import { poppler } from "../helpers/poppler.ts";
import { tempDir } from "../helpers/scratch.ts";

const EN_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ignored</title>
<style>body { font-family: "Liberation Serif", serif; }</style></head><body>
<h1>Alliances in Flux</h1>
<h2>The Background</h2>
<p>Maritime order in the region has changed quickly.</p>
<p>Trade and security are now discussed together.</p>
<h2>What Follows</h2>
<p>Cooperation will need new institutions.</p>
<table><tr><th>Year</th><th>Exercises</th></tr><tr><td>2023</td><td>12</td></tr></table>
</body></html>`;

const JA_HTML = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>無視</title>
<style>body { font-family: "Noto Sans CJK JP", sans-serif; }</style></head><body>
<h1>日本の外交政策</h1>
<h2>背景</h2>
<p>地域の海洋秩序は急速に変化している。</p>
<h2>今後の課題</h2>
<p>協力には新たな制度が必要である。</p>
</body></html>`;

const EN: PdfFacts = {
  title: "Alliances in Flux",
  authors: ["Taro Yamada", "Jane Doe, Jr."],
  subject: "AJISS-Commentary No.201",
  keywords: ["security", "foreign policy"],
  language: "en",
  date: "2024-03-05",
  id: "essays/ajiss-commentary/201.pdf",
};

const JA: PdfFacts = {
  title: "日本の外交政策",
  authors: ["山田太郎"],
  subject: "国際問題 No.700",
  keywords: [],
  language: "ja",
  date: "2023-11-30",
  id: "https://example.org/ja/essays/kokusai-mondai/700.pdf",
};

interface Printed {
  raw: Uint8Array[];
  finished: Uint8Array[];
  file: string;
}

let watched: Watched;
let folder: string;
const printed: Record<"en" | "ja", Printed> = {
  en: { raw: [], finished: [], file: "" },
  ja: { raw: [], finished: [], file: "" },
};

async function print(html: string): Promise<Uint8Array> {
  await watched.page.setContent(html);
  return watched.page.pdf({ tagged: true, outline: true, format: "A4", printBackground: true });
}

beforeAll(async () => {
  await poppler("pdfinfo", "-v").catch((error: Error) => {
    // pdfinfo -v exits 99 on older poppler; only a missing tool matters here.
    if (error.message.includes("apt-get install")) throw error;
  });
  [watched, folder] = await Promise.all([watchedPage("about:"), tempDir("pdf-finish-")]);
  const pages = [
    ["en", EN_HTML, EN],
    ["ja", JA_HTML, JA],
  ] as const;
  for (const round of [0, 1]) {
    // Chromium's dates are to the second: print the second time in another second.
    if (round === 1) await new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() % 1_000)));
    for (const [lang, html, facts] of pages) {
      const raw = await print(html);
      printed[lang].raw.push(raw);
      printed[lang].finished.push(await finishPdf(raw, facts));
    }
  }
  for (const lang of ["en", "ja"] as const) {
    printed[lang].file = join(folder, `${lang}.pdf`);
    await writeFile(printed[lang].file, printed[lang].finished[0]!);
  }
});

afterAll(() => {
  expect(watched.problems).toEqual([]);
});

/** pdfinfo's "Key: value" lines. */
async function info(file: string): Promise<Map<string, string>> {
  const lines = (await poppler("pdfinfo", "-isodates", "-enc", "UTF-8", file)).split("\n");
  const fields = new Map<string, string>();
  for (const [, key, value] of lines.map((line) => /^([^:]+):\s*(.*)$/.exec(line) ?? [])) if (key) fields.set(key, value ?? "");
  return fields;
}

describe("finishPdf", () => {
  test("the info dictionary says what the essay is, and the file stays tagged and A4", async () => {
    const en = await info(printed.en.file);
    expect(en.get("Title")).toBe("Alliances in Flux");
    expect(en.get("Author")).toBe("Taro Yamada; Jane Doe, Jr.");
    expect(en.get("Subject")).toBe("AJISS-Commentary No.201");
    expect(en.get("Keywords")).toBe("security; foreign policy");
    expect(en.get("CreationDate")).toBe("2024-03-05T00:00:00Z");
    expect(en.get("ModDate")).toBe("2024-03-05T00:00:00Z");
    expect(en.get("Creator")).toBe("essay-archive");
    expect(en.get("Producer")).not.toMatch(/Chrome|Skia|\d+\.\d+\.\d+/);
    expect(en.get("Tagged")).toBe("yes");
    expect(en.get("Metadata Stream")).toBe("yes");
    expect(en.get("Page size")).toMatch(/^595\.\d+ x 842\.\d+ pts \(A4\)$/);

    const ja = await info(printed.ja.file);
    expect(ja.get("Title")).toBe("日本の外交政策");
    expect(ja.get("Author")).toBe("山田太郎");
    expect(ja.get("Subject")).toBe("国際問題 No.700");
    expect(ja.has("Keywords")).toBe(false);
    expect(ja.get("CreationDate")).toBe("2023-11-30T00:00:00Z");
    expect(ja.get("Tagged")).toBe("yes");
  });

  test("the XMP agrees with the info dictionary and carries ids from the essay's id", async () => {
    const xmp = await poppler("pdfinfo", "-meta", printed.en.file);
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">Alliances in Flux</rdf:li>`);
    expect(xmp).toContain("<dc:creator><rdf:Seq><rdf:li>Taro Yamada</rdf:li><rdf:li>Jane Doe, Jr.</rdf:li></rdf:Seq></dc:creator>");
    expect(xmp).toContain("<pdf:Keywords>security; foreign policy</pdf:Keywords>");
    expect(xmp).toContain("<xmp:CreateDate>2024-03-05T00:00:00Z</xmp:CreateDate>");
    expect(xmp).toContain("<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>");
    expect(xmp).toMatch(/<xmpMM:DocumentID>uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/xmpMM:DocumentID>/);
    expect(await poppler("pdfinfo", "-meta", printed.ja.file)).toContain(`<rdf:li xml:lang="x-default">日本の外交政策</rdf:li>`);
  });

  test("the catalog keeps the structure tree, marking and outline, and gains /Lang and DisplayDocTitle", async () => {
    for (const [lang, facts] of [
      ["en", EN],
      ["ja", JA],
    ] as const) {
      const doc = await PDFDocument.load(printed[lang].finished[0]!, { updateMetadata: false });
      const catalog = doc.catalog;
      expect(catalog.lookup(PDFName.of("StructTreeRoot"))).toBeInstanceOf(PDFDict);
      expect(catalog.lookup(PDFName.of("MarkInfo"), PDFDict).get(PDFName.of("Marked"))?.toString()).toBe("true");
      expect(catalog.lookup(PDFName.of("Outlines"), PDFDict).get(PDFName.of("Count"))?.toString()).toBe("3");
      expect(catalog.get(PDFName.of("Lang"))?.toString()).toBe(`(${facts.language})`);
      expect(catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict).get(PDFName.of("DisplayDocTitle"))?.toString()).toBe("true");
      const id = doc.context.trailerInfo.ID?.toString() ?? "";
      expect(id).toMatch(/^\[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]$/);
      expect(new Set(id.match(/<[0-9A-F]{32}>/g)).size).toBe(1);
    }
    // poppler reads the headings and paragraphs, in order, from the structure tree.
    const blocks = (await poppler("pdfinfo", "-struct", printed.en.file)).match(/^ {2}\S+/gm)?.map((line) => line.trim());
    expect(blocks?.slice(0, 5)).toEqual(["H1", "H2", "P", "P", "H2"]);
  });

  test("every font is embedded, with a ToUnicode map", async () => {
    for (const lang of ["en", "ja"] as const) {
      const rows = (await poppler("pdffonts", printed[lang].file)).trim().split("\n").slice(2);
      expect(rows.length, lang).toBeGreaterThan(0);
      for (const row of rows) {
        // name, type, encoding, then emb sub uni and the object number: read from the right.
        const [emb, , uni] = /(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(row)?.slice(1) ?? [];
        expect({ row, emb, uni }).toEqual({ row, emb: "yes", uni: "yes" });
      }
    }
  });

  test("the text comes out in reading order, the Japanese text too", async () => {
    const en = (await poppler("pdftotext", "-enc", "UTF-8", printed.en.file, "-")).replace(/\s+/g, " ");
    const order = ["Alliances in Flux", "The Background", "Maritime order in the region", "Trade and security", "What Follows", "Cooperation will need"];
    expect(order.map((text) => en.indexOf(text))).toEqual(order.map((text) => en.indexOf(text)).sort((a, b) => a - b));
    expect(order.every((text) => en.includes(text))).toBe(true);

    const ja = (await poppler("pdftotext", "-enc", "UTF-8", printed.ja.file, "-")).replace(/\s+/g, "");
    expect(ja).toBe("日本の外交政策背景地域の海洋秩序は急速に変化している。今後の課題協力には新たな制度が必要である。");
  });

  test("two prints of the same page, in different seconds, finish to the same bytes", () => {
    for (const lang of ["en", "ja"] as const) {
      const { raw, finished } = printed[lang];
      // The raw prints differ (at least their CreationDate), so the comparison below means something.
      expect(Buffer.from(raw[0]!).equals(Buffer.from(raw[1]!)), lang).toBe(false);
      expect(Buffer.from(finished[0]!).equals(Buffer.from(finished[1]!)), lang).toBe(true);
    }
    // Finishing a finished file changes nothing.
    return finishPdf(printed.en.finished[0]!, EN).then((again) => expect(Buffer.from(again).equals(Buffer.from(printed.en.finished[0]!))).toBe(true));
  });
});
