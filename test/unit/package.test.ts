// The pure parts of npm run package (lib/package/): the facts read from a built archive, the bag's tag
// files, the README's languages, and the verifier's comparison on small in-memory bags.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { packageCommand } from "../../lib/package/args.ts";
import { bagInfo, bagInfoValue, baggingDate, encodeManifestPath, manifest, packageName, parseManifest, type Digest } from "../../lib/package/bag.ts";
import { archiveFacts, isEssayRecord, parseEssayRecord, readHomePage, type ArchiveFacts } from "../../lib/package/facts.ts";
import { opener, readme, readmeLanguages } from "../../lib/package/readme.tsx";
import { checkBag, describeDifference } from "../../lib/package/verify.ts";
import type { EntryFacts, ReadEntry } from "../../lib/package/zip.ts";

const facts: ArchiveFacts = {
  title: "AJISS-Commentary Archive",
  description: "Policy commentaries.",
  language: "en",
  languages: ["en", "ja"],
  publishers: ["The Association of Japanese Institutes of Strategic Studies"],
  series: ["AJISS-Commentary"],
  essays: 4000,
  firstDate: "2006-05-01",
  lastDate: "2014-08-01",
};

describe("the facts of a built archive", () => {
  it("reads the home page's head, entities decoded", () => {
    const html = `<!doctype html><html lang="ja"><head><title>Other</title><meta name="description" content="A &amp; B"/>
      <meta property="og:site_name" content="Tom &amp; Jerry&#39;s Archive"/></head><body><h1>x</h1></body></html>`;
    expect(readHomePage(html)).toEqual({ language: "ja", title: "Tom & Jerry's Archive", description: "A & B" });
    expect(readHomePage("<html lang=en><head><title> Plain </title></head></html>").title).toBe("Plain");
  });

  it("knows an essay's record by its path, and names the file and field of a record it cannot read", () => {
    expect(isEssayRecord("essays/policy-notes/12.json")).toBe(true);
    for (const path of ["essays/policy-notes/12.html", "pagefind/shards.json", "essays/x/y/1.json", "essays/x/a.json"]) expect(isEssayRecord(path)).toBe(false);
    const record = (issued: unknown) => JSON.stringify([{ issued, publisher: "P", "collection-title": "S", language: "ja" }]);
    expect(parseEssayRecord("essays/s/1.json", record({ "date-parts": [[2014, 8, 1]] }))).toEqual({
      date: "2014-08-01",
      publisher: "P",
      series: "S",
      language: "ja",
    });
    expect(() => parseEssayRecord("essays/s/1.json", record({}))).toThrow(/^essays\/s\/1\.json: 0\.issued\.date-parts: /);
    expect(() => parseEssayRecord("essays/s/2.json", "{")).toThrow(/^essays\/s\/2\.json: not JSON/);
  });

  it("gathers count, dates, publishers and languages, the site's language first", () => {
    const essay = (date: string, language?: string, publisher = "P") => ({ date, publisher, series: "S", language });
    const result = archiveFacts({ title: "T", language: "ja" }, [essay("2020-01-02", "en"), essay("2019-05-06"), essay("2021-03-04", "de", "Q")]);
    expect(result).toMatchObject({ essays: 3, firstDate: "2019-05-06", lastDate: "2021-03-04", languages: ["ja", "de", "en"], publishers: ["P", "Q"] });
    expect(() => archiveFacts({ title: "T", language: "en" }, [])).toThrow(/no essay records/);
    expect(() => archiveFacts({ language: "en" }, [essay("2020-01-02")])).toThrow(/names no site/);
  });
});

describe("the bag's tag files", () => {
  it("names the package after the archive and its newest essay; dates the bag from SOURCE_DATE_EPOCH, else that essay", () => {
    expect(packageName(facts)).toBe("ajiss-commentary-archive-2014-08-01");
    expect(packageName({ title: "港湾", lastDate: "2014-08-01" })).toBe("archive-2014-08-01");
    expect(baggingDate(facts)).toBe("2014-08-01");
    expect(baggingDate(facts, "")).toBe("2014-08-01");
    expect(baggingDate(facts, "1700000000")).toBe("2023-11-14");
    expect(() => baggingDate(facts, "yesterday")).toThrow(/SOURCE_DATE_EPOCH must be a number of seconds/);
  });

  it("bag-info.txt carries the publisher, counts, dates, size and date, long values folded", () => {
    const text = bagInfo(facts, "ajiss-commentary-archive-2014-08-01", { files: 12000, bytes: 125_829_120 }, "2014-08-01");
    expect(text.split("\n").every((line) => line.length <= 79)).toBe(true);
    expect(bagInfoValue(text, "Source-Organization")).toBe("The Association of Japanese Institutes of Strategic Studies");
    expect(bagInfoValue(text, "Essay-Count")).toBe("4000");
    expect(bagInfoValue(text, "Essay-Dates")).toBe("2006-05-01/2014-08-01");
    expect(bagInfoValue(text, "Bagging-Date")).toBe("2014-08-01");
    expect(bagInfoValue(text, "Payload-Oxum")).toBe("125829120.12000");
    expect(bagInfoValue(text, "Bag-Size")).toBe("120.0 MiB");
    expect(bagInfoValue(text, "External-Description")).toMatch(
      /^AJISS-Commentary Archive: a static HTML archive of 4000 essays \(AJISS-Commentary\), 2006-05-01 to 2014-08-01, .* Open index\.html/,
    );
  });

  it("manifests list each file by path, CR, LF and % encoded, and read back", () => {
    const digests = new Map<string, Digest>([
      ["data/b.html", { sha256: "b".repeat(64), size: 1 }],
      ["data/a%\n.html", { sha256: "a".repeat(64), size: 1 }],
    ]);
    const text = manifest(digests);
    expect(text).toBe(`${"a".repeat(64)}  data/a%25%0A.html\n${"b".repeat(64)}  data/b.html\n`);
    expect(parseManifest(text).lines.map((l) => l.path)).toEqual(["data/a%\n.html", "data/b.html"]);
    expect(encodeManifestPath("x\ry")).toBe("x%0Dy");
    expect(parseManifest("nonsense\n").problems).toEqual(["line 1 is not a SHA-256 checksum and a path"]);
  });

  it("README.txt and index.html speak the archive's languages, English always", () => {
    expect(readmeLanguages(["en", "ja"])).toEqual(["en", "ja"]);
    expect(readmeLanguages(["ja"])).toEqual(["ja", "en"]);
    expect(readmeLanguages(["fr", "en-GB"])).toEqual(["en"]);
    const text = readme(facts);
    expect(text.replace(/\s+/g, " ")).toContain(
      "This is an offline copy of AJISS-Commentary Archive: 4,000 essays published by The Association of Japanese Institutes of Strategic Studies between 1 May 2006 and 1 August 2014.",
    );
    expect(text).toContain("== 日本語 ==");
    expect(text).toContain("2006年5月1日から2014年8月1日までに発行した4000本の論考");
    expect(
      text
        .split("\n")
        .filter((l) => /^[\x20-\x7e]*$/.test(l))
        .every((l) => l.length <= 76),
    ).toBe(true);
    const page = opener({ ...facts, title: "A <b> & C" });
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=data/index.html"/>');
    expect(page).toContain('<a href="data/index.html">Open A &lt;b> &amp; C</a>');
    expect(page).not.toContain("<script");
  });
});

describe("the verifier's comparison", () => {
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");
  const entry = (text: string, keep = false): Partial<ReadEntry> => ({ sha256: sha(text), size: Buffer.byteLength(text), ...(keep ? { text } : {}) });
  /** What yazl's zip says of a regular file entry (zip.ts's EntryFacts), for `name`. */
  const plain = (name: string): EntryFacts => ({
    name,
    nameIsUtf8: true,
    unixMode: 0o100644,
    dosAttributes: 0,
    encrypted: false,
    compressionMethod: 8,
    extraFieldIds: [],
    declaredSize: 0,
  });
  const list = (entries: Map<string, Partial<ReadEntry>>): ReadEntry[] => [...entries].map(([name, e]) => ({ ...plain(name), ...e }));

  /** A small bag as the zip reader gives it: its entries by name, tag files' text kept. */
  function bag(payload: Record<string, string>) {
    const digests = new Map(Object.entries(payload).map(([path, text]) => [path, entry(text) as Digest]));
    const bytes = [...digests.values()].reduce((sum, d) => sum + d.size, 0);
    const tags: Record<string, string> = {
      "bagit.txt": "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
      "bag-info.txt": `Payload-Oxum: ${bytes}.${digests.size}\n`,
      "manifest-sha256.txt": manifest(digests),
      "README.txt": "Read me.\n",
    };
    const tagDigests = new Map(Object.entries(tags).map(([path, text]) => [path, entry(text) as Digest]));
    tags["tagmanifest-sha256.txt"] = manifest(tagDigests);
    const entries = new Map<string, Partial<ReadEntry>>();
    for (const [path, text] of Object.entries(tags)) entries.set(`b/${path}`, entry(text, true));
    for (const [path, digest] of digests) entries.set(`b/${path}`, digest);
    return entries;
  }
  const lines = (entries: Map<string, Partial<ReadEntry>>) => checkBag(list(entries)).differences.map(describeDifference);

  it("finds nothing wrong with an intact bag, and counts its payload", () => {
    const check = checkBag(list(bag({ "data/index.html": "<p>home</p>", "data/a.html": "a" })));
    expect(check).toEqual({ name: "b", payload: { files: 2, bytes: 12 }, differences: [] });
  });

  it("names a changed, a missing and an extra file", () => {
    const entries = bag({ "data/index.html": "<p>home</p>", "data/a.html": "a", "data/b.html": "b" });
    entries.set("b/data/a.html", entry("A"));
    entries.delete("b/data/b.html");
    entries.set("b/data/c.html", entry("c"));
    expect(lines(entries)).toEqual([
      `changed  data/a.html: SHA-256 ${sha("A")}, manifest-sha256.txt says ${sha("a")}`,
      "missing  data/b.html: listed in manifest-sha256.txt",
      "extra    data/c.html: not in manifest-sha256.txt",
    ]);
  });

  it("checks the tag files too: a changed README, an unlisted tag file, a file outside the bag, a missing manifest", () => {
    const entries = bag({ "data/index.html": "x" });
    entries.set("b/README.txt", entry("Changed.\n", true));
    entries.set("b/notes.txt", entry("?"));
    entries.set("stray.txt", entry("?"));
    expect(lines(entries)).toEqual([
      "extra    stray.txt: outside the bag's folder",
      `changed  README.txt: SHA-256 ${sha("Changed.\n")}, tagmanifest-sha256.txt says ${sha("Read me.\n")}`,
      "extra    notes.txt: not in tagmanifest-sha256.txt",
    ]);
    const noManifest = bag({ "data/index.html": "x" });
    noManifest.delete("b/manifest-sha256.txt");
    expect(lines(noManifest)).toEqual(["missing  manifest-sha256.txt", "missing  manifest-sha256.txt: listed in tagmanifest-sha256.txt"]);
  });

  it("notices a Payload-Oxum that disagrees with a payload the manifest agrees with", () => {
    const entries = bag({ "data/index.html": "x" });
    const info = "Payload-Oxum: 2.1\n";
    entries.set("b/bag-info.txt", entry(info, true));
    expect(lines(entries)).toContain("invalid  bag-info.txt: Payload-Oxum says 2.1, the payload is 1.1");
  });

  describe("trusts no entry it did not check", () => {
    const intact = { "data/index.html": "<p>home</p>", "data/a.html": "a" };
    /** The intact bag's entries with `change` made to the one named `name` (relative to the bag), as a list. */
    const withEntry = (name: string, change: Partial<ReadEntry>) => list(bag(intact)).map((e) => (e.name === `b/${name}` ? { ...e, ...change } : e));
    const check = (entries: ReadEntry[]) => checkBag(entries).differences.map(describeDifference);

    it("names both copies of a duplicate entry, trusts neither, though each checksum is right", () => {
      const entries = list(bag(intact));
      const tampered = { ...plain("b/data/index.html"), ...entry("<p>tampered</p>") };
      expect(check([tampered, ...entries])).toEqual([
        "invalid  data/index.html: the zip holds 2 entries of this name, and unzip tools differ in which one they keep",
        "invalid  data/index.html: the zip holds 2 entries of this name, and unzip tools differ in which one they keep",
        "missing  data/index.html: listed in manifest-sha256.txt",
      ]);
    });

    it("names names that differ only by case or Unicode normalisation", () => {
      const entries = [...list(bag({ ...intact, "data/caf\u00e9.html": "x", "data/cafe\u0301.html": "y" }))];
      expect(check(entries).filter((line) => line.startsWith("invalid"))).toEqual([
        "invalid  data/caf\u00e9.html: has the same name as b/data/cafe\u0301.html where case or Unicode normalisation is ignored (macOS, Windows)",
        "invalid  data/cafe\u0301.html: has the same name as b/data/caf\u00e9.html where case or Unicode normalisation is ignored (macOS, Windows)",
      ]);
      expect(check([...list(bag(intact)), { ...plain("b/data/INDEX.html"), ...entry("x") }])).toContain(
        "invalid  data/INDEX.html: has the same name as b/data/index.html where case or Unicode normalisation is ignored (macOS, Windows)",
      );
    });

    it("names a symbolic link, a device, a Windows reparse point, and a file marked as a folder", () => {
      expect(check(withEntry("data/a.html", { unixMode: 0o120777 }))).toEqual([
        "invalid  data/a.html: is a symbolic link",
        "missing  data/a.html: listed in manifest-sha256.txt",
      ]);
      expect(check(withEntry("data/a.html", { unixMode: 0o020644 }))[0]).toBe("invalid  data/a.html: is not a regular file (Unix mode 0o20644)");
      expect(check(withEntry("data/a.html", { unixMode: undefined, dosAttributes: 0x420 }))[0]).toBe(
        "invalid  data/a.html: is not a plain file (MS-DOS attributes 0x420)",
      );
      expect(check(withEntry("data/a.html", { unixMode: undefined, dosAttributes: 0x10 }))[0]).toBe(
        "invalid  data/a.html: is not a plain file (MS-DOS attributes 0x10)",
      );
      expect(check(withEntry("data/a.html", { unixMode: undefined, dosAttributes: 0x21 }))).toEqual([]);
    });

    it("names absolute, .., backslashed, drive-lettered and control-character paths, and entries outside the bag", () => {
      const hostile = (name: string) => check([...list(bag(intact)), { ...plain(name), ...entry("x") }]);
      expect(hostile("b/data/../../evil.sh")).toEqual([
        "invalid  data/../../evil.sh: its name is not a plain relative path (no leading /, no . or .. folder, no \\ or :, no control characters)",
      ]);
      for (const name of ["/etc/evil", "b//data/x", "b/./x", "b/data\\x.html", "C:/evil", "b/data/a\u0000.html", "b/data/\u202egnp.html"]) {
        expect(hostile(name), name).toEqual([expect.stringMatching(/: its name is not a plain relative path/)]);
      }
      expect(hostile("other/x.html")).toEqual(["extra    other/x.html: outside the bag's folder"]);
      expect(hostile("b/data/index.html/x")).toEqual([
        "invalid  data/index.html: is a file where other entries need a folder of that name",
        "missing  data/index.html: listed in manifest-sha256.txt",
        "extra    data/index.html/x: not in manifest-sha256.txt",
      ]);
    });

    it("names an encrypted entry, an unknown compression, an extra field, a name not UTF-8 or another in the local header, a folder with data", () => {
      expect(check(withEntry("data/a.html", { encrypted: true }))[0]).toBe("invalid  data/a.html: is encrypted");
      expect(check(withEntry("data/a.html", { compressionMethod: 12 }))[0]).toBe(
        "invalid  data/a.html: uses compression method 12, neither stored nor deflated",
      );
      expect(check(withEntry("data/a.html", { extraFieldIds: [0x5455, 0x7075] }))[0]).toBe(
        "invalid  data/a.html: carries zip extra field 0x7075, which may give it another name or kind",
      );
      expect(check(withEntry("data/a.html", { extraFieldIds: [0x0001, 0x5455, 0x7875] }))).toEqual([]);
      expect(check(withEntry("data/a.html", { nameIsUtf8: false }))[0]).toBe("invalid  data/a.html: its name is not UTF-8");
      expect(check(withEntry("data/a.html", { localName: "b/data/evil.html" }))[0]).toBe('invalid  data/a.html: its local header names it "b/data/evil.html"');
      const folder = { ...plain("b/data/"), unixMode: 0o040755 };
      expect(check([...list(bag(intact)), folder])).toEqual([]);
      expect(check([...list(bag(intact)), { ...folder, declaredSize: 5 }])).toEqual(["invalid  data/: is a folder holding 5 bytes"]);
    });
  });
});

describe("the command's arguments", () => {
  // Unknown options, missing values and stray arguments are lib/commands/args.ts's (test/integration/arguments.test.ts).
  it("packages dist/ by default, takes --dist and --out, or --verify alone", () => {
    expect(packageCommand({})).toEqual({ dist: "dist", out: undefined });
    expect(packageCommand({ dist: "x/dist", out: "a.zip" })).toEqual({ dist: "x/dist", out: "a.zip" });
    expect(packageCommand({ verify: "a.zip" })).toEqual({ verify: "a.zip" });
    expect(() => packageCommand({ verify: "a.zip", dist: "d" })).toThrow("--verify takes a zip alone, without --dist or --out");
    expect(() => packageCommand({ out: "" })).toThrow("--out needs a value");
  });
});
