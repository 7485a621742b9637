// npm run package on the basic fixture's build: one folder holding a BagIt bag whose payload is the built
// archive, the same bytes every time, and a verifier that names what a tampered copy lost, gained or changed.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createWriteStream } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import yazl from "yazl";
import { bagInfoValue, parseManifest } from "../../lib/package/bag.ts";
import { packageArchive, PackageError, verifyPackage, type PackageReport } from "../../lib/package/run.ts";
import { HOST_FILES, isHostFile } from "../../lib/http/rules.ts";
import { REPO } from "../helpers/build.ts";
import { built } from "../helpers/built.ts";
import { files } from "../helpers/html.ts";
import { packagedFixture, unzip } from "../helpers/package.ts";
import { tempDir } from "../helpers/scratch.ts";

const NAME = "fixture-archive-2021-09-09";

/** The package command's entry point, as `npm run package --` runs it. */
function runPackage(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/package.ts", ...args], { cwd: REPO });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((done) => child.on("close", (code) => done({ code, stdout, stderr })));
}

let report: PackageReport;
let bag: string;
let names: string[];
beforeAll(async () => {
  report = await packagedFixture();
  const into = await tempDir("unpacked-");
  names = await unzip(report.out, into);
  bag = join(into, NAME);
});

describe("npm run package", () => {
  it("zips the built archive into one folder named after it and its newest essay: the bag's files, then data/, then the manifests", async () => {
    expect(report.name).toBe(NAME);
    expect(names.every((n) => n.startsWith(`${NAME}/`))).toBe(true);
    const inBag = names.map((n) => n.slice(NAME.length + 1));
    // Every file of the archive but the host configurations, which mean nothing offline.
    const dist = (await files(built("basic"))).filter((path) => !isHostFile(path));
    expect(dist.length).toBe((await files(built("basic"))).length - Object.keys(HOST_FILES).length);
    expect(inBag).toEqual([
      "README.txt",
      "bag-info.txt",
      "bagit.txt",
      ...dist.map((f) => `data/${f}`).sort(),
      "index.html",
      "manifest-sha256.txt",
      "tagmanifest-sha256.txt",
    ]);
    for (const file of ["index.html", "essays/field-reports/8.html", "pagefind/shards.json"]) {
      expect((await readFile(join(bag, "data", file))).equals(await readFile(join(built("basic"), file))), file).toBe(true);
    }
  });

  it("is a BagIt bag whose manifests hold every file's SHA-256, and whose bag-info.txt describes the archive", async () => {
    const read = (file: string) => readFile(join(bag, file), "utf8");
    expect(await read("bagit.txt")).toBe("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
    const sha = async (file: string) =>
      createHash("sha256")
        .update(await readFile(join(bag, file)))
        .digest("hex");
    const manifest = parseManifest(await read("manifest-sha256.txt"));
    expect(manifest.lines.map((l) => l.path)).toEqual(names.map((n) => n.slice(NAME.length + 1)).filter((p) => p.startsWith("data/")));
    for (const { path, sha256 } of manifest.lines) expect(await sha(path), path).toBe(sha256);
    const tags = parseManifest(await read("tagmanifest-sha256.txt"));
    expect(tags.lines.map((l) => l.path)).toEqual(["README.txt", "bag-info.txt", "bagit.txt", "index.html", "manifest-sha256.txt"]);
    for (const { path, sha256 } of tags.lines) expect(await sha(path), path).toBe(sha256);

    const info = await read("bag-info.txt");
    const sizes = await Promise.all(manifest.lines.map(async (l) => (await readFile(join(bag, l.path))).length));
    expect(bagInfoValue(info, "Source-Organization")).toBe("The Fixture Institute");
    expect(bagInfoValue(info, "Essay-Count")).toBe("5");
    expect(bagInfoValue(info, "Essay-Dates")).toBe("2019-03-04/2021-09-09");
    expect(bagInfoValue(info, "Bagging-Date")).toBe("2021-09-09");
    expect(bagInfoValue(info, "Payload-Oxum")).toBe(`${sizes.reduce((a, b) => a + b, 0)}.${sizes.length}`);
    const readme = await read("README.txt");
    expect(readme).toMatch(/^Fixture Archive\nA small archive for the tests\.\n/);
    expect(readme).toContain("== English ==");
    expect(readme.replace(/\s+/g, " ")).toContain("then open index.html in this folder with a web browser");
    expect(readme).toContain("== 日本語 =="); // No.8 is in Japanese
  });

  it("gives the same bytes every time: one timestamp and mode for every entry, no extra fields; SOURCE_DATE_EPOCH sets the date", async () => {
    const again = await packagedFixture();
    expect((await readFile(again.out)).equals(await readFile(report.out))).toBe(true);
    const zip = await new Promise<yauzl.ZipFile>((done, fail) => yauzl.open(report.out, { lazyEntries: true }, (e, z) => (e ? fail(e) : done(z))));
    const seen = new Set<string>();
    await new Promise<void>((done, fail) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        seen.add(
          `${entry.getLastModDate().toString()} ${(entry.externalFileAttributes >>> 16).toString(8)} ${entry.extraFieldLength} ${entry.fileCommentLength}`,
        );
        zip.readEntry();
      });
      zip.on("end", done).on("error", fail);
      zip.readEntry();
    });
    expect(seen).toEqual(new Set([`${new Date(2021, 8, 9, 12).toString()} 100644 0 0`]));

    const dated = await packagedFixture({ sourceDateEpoch: "1700000000" });
    expect(dated.baggingDate).toBe("2023-11-14");
    expect(dated.name).toBe(NAME);
  });

  it("--verify passes an intact copy, and names a changed, a missing and an extra file in a tampered one (exit 1)", async () => {
    expect(await verifyPackage(report.out)).toEqual({
      name: NAME,
      payload: expect.objectContaining({ files: (await files(built("basic"))).filter((path) => !isHostFile(path)).length }),
      differences: [],
    });

    // The unpacked copy zipped again with one page edited, one file gone and one added.
    const tampered = join(await tempDir("tampered-"), "copy.zip");
    const zip = new yazl.ZipFile();
    for (const name of names) {
      if (name === `${NAME}/data/robots.txt`) continue;
      const bytes = await readFile(join(bag, "..", name));
      zip.addBuffer(name === `${NAME}/data/index.html` ? Buffer.from(bytes.toString().replace("Fixture Archive", "Fixture Archives")) : bytes, name);
    }
    zip.addBuffer(Buffer.from("<p>new</p>"), `${NAME}/data/extra.html`);
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(tampered));
    const check = await verifyPackage(tampered);
    expect(check.differences.map((d) => [d.kind, d.path])).toEqual([
      ["changed", "data/index.html"],
      ["missing", "data/robots.txt"],
      ["extra", "data/extra.html"],
    ]);

    const cli = await runPackage("--verify", tampered);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/^changed {2}data\/index\.html: SHA-256 [0-9a-f]{64}, manifest-sha256\.txt says [0-9a-f]{64}$/m);
    expect(cli.stdout).toContain("missing  data/robots.txt: listed in manifest-sha256.txt\n");
    expect(cli.stdout).toContain("extra    data/extra.html: not in manifest-sha256.txt\n");
    expect(cli.stderr).toContain("3 differences from the bag's manifests");
  });

  it("--verify names a duplicate entry (a tampered copy before the original), a symbolic link and a path out of the bag, though every checksum is right", async () => {
    /** The package's own entries, in order, with `before` added first and `after` last; `patch` rewrites bytes of the finished zip. */
    const rezip = async (before: (zip: yazl.ZipFile) => void, after: (zip: yazl.ZipFile) => void = () => {}, patch: (bytes: Buffer) => Buffer = (b) => b) => {
      const out = join(await tempDir("hostile-zip-"), "copy.zip");
      const zip = new yazl.ZipFile();
      before(zip);
      for (const name of names) zip.addBuffer(await readFile(join(bag, "..", name)), name);
      after(zip);
      zip.end();
      const chunks: Buffer[] = [];
      for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
      await writeFile(out, patch(Buffer.concat(chunks)));
      return (await verifyPackage(out)).differences.map((d) => `${d.kind} ${d.path}: ${d.detail}`);
    };
    const duplicate = await rezip((zip) => zip.addBuffer(Buffer.from("<p>tampered</p>"), `${NAME}/data/index.html`));
    expect(duplicate).toContain("invalid data/index.html: the zip holds 2 entries of this name, and unzip tools differ in which one they keep");
    expect(duplicate).toContain("missing data/index.html: listed in manifest-sha256.txt");

    const link = await rezip(
      () => {},
      (zip) => zip.addBuffer(Buffer.from("/etc/passwd"), `${NAME}/data/passwd`, { mode: 0o120777 }),
    );
    expect(link).toContain("invalid data/passwd: is a symbolic link");

    // yazl refuses ".." in a name: written as "XX" and patched, in the local header and the central directory alike.
    const outside = await rezip(
      () => {},
      (zip) => zip.addBuffer(Buffer.from("#!/bin/sh\n"), `${NAME}/XX/evil.sh`),
      (bytes) => {
        const from = Buffer.from(`${NAME}/XX/evil.sh`);
        const to = Buffer.from(`${NAME}/../evil.sh`);
        for (let at = bytes.indexOf(from); at !== -1; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
        return bytes;
      },
    );
    expect(outside).toEqual([expect.stringMatching(/^invalid \.\.\/evil\.sh: its name is not a plain relative path/)]);
  });

  it("refuses to package a folder holding names --verify would not trust (two names one where case is ignored), naming them", async () => {
    const dist = join(await tempDir("case-twins-"), "dist");
    await cp(built("basic"), dist, { recursive: true });
    await writeFile(join(dist, "Index.html"), "<p>another home</p>");
    const refused = await packageArchive({ dist, out: join(dist, "..", "copy.zip") }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(PackageError);
    expect((refused as Error).message).toMatch(
      /holds files a zip cannot carry safely:\n {2}data\/Index\.html: has the same name as \S+\/data\/index\.html where case or Unicode normalisation is ignored/,
    );
    await expect(readFile(join(dist, "..", "copy.zip"))).rejects.toThrow();
  });
});
