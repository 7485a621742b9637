// Content files are strict UTF-8; anything else is a problem that says where and what to do.
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { fixture } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";
import { convertCommand, detectEncoding, encodingNamed, firstInvalidUtf8, readUtf8 } from "../../lib/content/encoding.ts";

const FILE = "src/essays/1-x.md";

describe("reading a content file", () => {
  it("takes UTF-8, with or without a byte-order mark, and drops the mark", () => {
    expect(readUtf8(FILE, Buffer.from("---\ntitle: Café “quoted”\n"))).toEqual({ text: "---\ntitle: Café “quoted”\n" });
    expect(readUtf8(FILE, Buffer.from("\uFEFF---\ntitle: x\n"))).toEqual({ text: "---\ntitle: x\n" });
  });
  it("loads essays and records saved with a byte-order mark as if they had none", async () => {
    const root = join(await tempDir("bom-"), "content");
    await cp(fixture("basic"), root, { recursive: true });
    for (const file of ["src/essays/1-tidal-power.md", "_data/authors.json", "_data/site.json"]) {
      await writeFile(join(root, file), `\uFEFF${await readFile(join(root, file), "utf8")}`);
    }
    const archive = await createArchiveLoader(root, { cache: false }).load();
    expect(archive.essays.find((e) => e.number === 1 && e.series.id === "policy-notes")!.title).toBe("Tidal Power and Coastal Grids");
    expect(archive.authors.map((a) => a.id)).toContain("ada-okafor");
  });
  it("names the first bad byte's line and column, counted in characters", () => {
    const bytes = Buffer.concat([Buffer.from("line one\nnaïve “"), Buffer.from([0xff]), Buffer.from(" rest\n")]);
    expect(readUtf8(FILE, bytes)).toEqual({ problem: expect.objectContaining({ file: FILE, where: "line 2, column 8" }) });
  });
  it("says so when it cannot tell the encoding, instead of guessing", () => {
    const result = readUtf8(FILE, iconv.encode("café", "windows-1252"));
    expect(result).toEqual({
      problem: expect.objectContaining({ where: "line 1, column 4", message: expect.stringContaining("save it as UTF-8 in your editor") }),
    });
  });
  it("gives one command that converts the file in place, quoted for the shell", () => {
    expect(convertCommand("src/essays/it's.md", "Shift_JIS")).toBe(
      "iconv -f SHIFT_JIS -t UTF-8 'src/essays/it'\\''s.md' > 'src/essays/it'\\''s.md.utf8' && mv 'src/essays/it'\\''s.md.utf8' 'src/essays/it'\\''s.md'",
    );
  });
});

describe("encodings", () => {
  it("finds the first byte that is not UTF-8 where TextDecoder would", () => {
    const cases = [
      [0x41, 0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x41, 0xe3, 0x81],
      [0xf0, 0x9f, 0x98, 0x80, 0x80],
    ];
    expect(cases.map((c) => firstInvalidUtf8(Uint8Array.from(c)))).toEqual([1, 0, 0, 0, 1, 4]);
    expect(firstInvalidUtf8(Buffer.from("日本語 “ok” 😀"))).toBe(-1);
  });
  it("detects a long enough page's encoding, and refuses to guess from a few bytes", () => {
    const japanese = "日本の外交政策について、米国は何を求めているのか。2014年8月1日 飯塚恵子";
    expect(detectEncoding(iconv.encode(japanese, "Shift_JIS"))).toBe("Shift_JIS");
    expect(detectEncoding(iconv.encode(japanese, "EUC-JP"))).toBe("EUC-JP");
    expect(detectEncoding(iconv.encode("He said “no” — and that’s final. © 2014 The Institute.", "windows-1252"))).toBe("Windows-1252");
    expect(detectEncoding(iconv.encode("café", "windows-1252"))).toBeUndefined();
    // chardet scores this Shift_JIS as Windows-1252 (80), but the bytes are valid Shift_JIS too: no guess.
    expect(detectEncoding(iconv.encode("The Japan Institute\n\nNo.5\n日本\nKeiko Iizuka 1 August 2014\n\nText.\n", "Shift_JIS"))).toBeUndefined();
  });
  it("knows the names people give encodings", () => {
    expect(["sjis", "SHIFT-JIS", "cp1252", "latin1", "euc-jp", "ISO-2022-JP", "utf8", "koi8-r"].map(encodingNamed)).toEqual([
      "Shift_JIS",
      "Shift_JIS",
      "Windows-1252",
      "Windows-1252",
      "EUC-JP",
      "ISO-2022-JP",
      "UTF-8",
      undefined,
    ]);
  });
});
