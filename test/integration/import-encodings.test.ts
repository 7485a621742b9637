// Saved pages come in the encodings the old sites used. The importer reads each as what it is, says which,
// and refuses a page whose encoding it cannot tell rather than import wrong letters.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { importPages } from "../../lib/import/run.ts";
import { AJISS, emptyArchive, SEED } from "../helpers/imported.ts";
import { tempDir } from "../helpers/scratch.ts";

/** The seed page with Windows-1252's typographic quotes and dash, as a word processor saves it. */
async function smartSeed(): Promise<string> {
  return (await readFile(SEED, "utf8"))
    .replace("Until then, President Obama", "\u201cUntil then,\u201d President Obama")
    .replace("298 lives,", "298 lives \u2014");
}
/** A page with a Japanese title and date, as Japanese sites printed them. */
const JAPANESE_PAGE = [
  "The Japan Institute of International Affairs",
  "",
  "No.202",
  "日米同盟の新しい役割：ワシントンから見た日本",
  "Keiko Iizuka 2014年8月1日",
  "",
  "ロシアのプーチン大統領が不安をかき立て続ける中、7月17日のマレーシア航空機撃墜は、欧州の世論に大きな変化をもたらした。ドイツとフランスは米国に接近し、ロシアに対して協調行動をとりつつある。",
  "",
  "それまでオバマ大統領は、対ロ制裁の強化で欧州の主要国を米国の側に完全に結束させることができなかった。",
  "",
  "The views expressed in this piece are the author's own and should not be attributed to The Association of Japanese Institutes of Strategic Studies.",
  "",
  "Copyright 2007 The Association of Japanese Institutes of Strategic Studies All Right Reserved.",
  "",
].join("\n");

async function importOne(name: string, bytes: Uint8Array, options: { encoding?: "Shift_JIS" } = {}) {
  const dir = await tempDir("import-enc-");
  const root = await emptyArchive(dir);
  const file = join(dir, name);
  await writeFile(file, bytes);
  const result = await importPages(root, [file], { ...AJISS, ...options });
  const essay = result.writes.find((w) => w.path.endsWith(".md"));
  return { result, file, essay: essay?.text ?? "" };
}

describe("importing saved pages in legacy encodings", () => {
  it("reads a Windows-1252 page as Windows-1252, quotes and © included, and says so", async () => {
    const { result, file, essay } = await importOne("ajiss-201.txt", iconv.encode(await smartSeed(), "windows-1252"));
    expect(result.problems).toEqual([]);
    expect(result.lines[0]).toBe(`read ${file} as Windows-1252 (detected)`);
    expect(essay).toContain("\u201cUntil then,\u201d President Obama");
    expect(essay).toContain("298 lives \u2014 more");
    expect(essay).toContain("vis-\u00e0-vis");
    expect(essay).not.toContain("\uFFFD");
  });

  it.each([
    ["Shift_JIS", iconv.encode(JAPANESE_PAGE, "Shift_JIS")],
    ["EUC-JP", iconv.encode(JAPANESE_PAGE, "EUC-JP")],
    ["UTF-16LE", iconv.encode(JAPANESE_PAGE, "utf-16le", { addBOM: true })],
    ["UTF-8", Buffer.from(JAPANESE_PAGE)],
  ])("reads a %s page, and its Japanese date", async (encoding, bytes) => {
    const { result, file, essay } = await importOne("japanese.txt", bytes);
    expect(result.problems).toEqual([]);
    expect(result.lines[0]).toMatch(new RegExp(`^read ${file} as ${encoding} \\(`));
    expect(essay).toContain("title: 日米同盟の新しい役割：ワシントンから見た日本");
    expect(essay).toContain("date: 2014-08-01");
    expect(essay).toContain("マレーシア航空機撃墜");
  });

  it("refuses a page whose encoding it cannot tell, and reads it with --encoding", async () => {
    // Two Japanese letters among English lines: chardet leans to Windows-1252, without confidence.
    const short = JAPANESE_PAGE.replace(/^ロシア.*$/m, "Text.")
      .replace(/^それまで.*$/m, "More text.")
      .replace("日米同盟の新しい役割：ワシントンから見た日本", "日本")
      .replace("2014年8月1日", "1 August 2014");
    const bytes = iconv.encode(short, "Shift_JIS");
    const refused = await importOne("short.txt", bytes);
    expect(refused.result.written).toBe(false);
    expect(refused.result.problems).toEqual([
      {
        file: refused.file,
        message: expect.stringMatching(/^is not UTF-8 \(line 4, column 1\), and its encoding cannot be told with confidence: name it with --encoding/),
      },
    ]);
    const given = await importOne("short.txt", bytes, { encoding: "Shift_JIS" });
    expect(given.result.problems).toEqual([]);
    expect(given.result.lines[0]).toBe(`read ${given.file} as Shift_JIS (given)`);
    expect(given.essay).toContain("title: 日本");
  });

  it("holds the whole batch back for one page it cannot read", async () => {
    const dir = await tempDir("import-enc-");
    const root = await emptyArchive(dir);
    await writeFile(join(dir, "good.txt"), iconv.encode(await smartSeed(), "windows-1252"));
    await writeFile(join(dir, "unknown.txt"), iconv.encode("café\n", "windows-1252"));
    const result = await importPages(root, [join(dir, "good.txt"), join(dir, "unknown.txt")], AJISS);
    expect(result.written).toBe(false);
    expect(result.lines).toEqual([`read ${join(dir, "good.txt")} as Windows-1252 (detected)`, "held back src/essays/201-what-the-us-now-craves-from-japan.md"]);
    expect(result.problems.map((p) => p.file)).toEqual([join(dir, "unknown.txt")]);
  });

  it("refuses to import into an archive holding an essay that is not UTF-8, and says which", async () => {
    const dir = await tempDir("import-enc-");
    const root = await emptyArchive(dir);
    await mkdir(join(root, "src/essays"), { recursive: true });
    await writeFile(join(root, "src/essays/9-old.md"), iconv.encode("---\ntitle: \u201cOld\u201d \u2014 text\n---\n", "windows-1252"));
    const result = await importPages(root, [SEED], AJISS);
    expect(result.written).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ file: "src/essays/9-old.md", where: "line 2, column 8" })]);
  });

  it("refuses bytes that are not valid in the encoding given", async () => {
    const { result, file } = await importOne("x.txt", Uint8Array.from([0x41, 0x82, 0x0a]), { encoding: "Shift_JIS" });
    expect(result.problems).toEqual([{ file, message: "is not valid Shift_JIS text (given with --encoding)" }]);
  });
});
