// Packages of the basic fixture's build (npm run package's code, in this process), and unpacking a zip
// with yauzl as a reader's unzip tool would.
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import { packageArchive, type PackageReport } from "../../lib/package/run.ts";
import { built } from "./built.ts";
import { tempDir } from "./scratch.ts";

/** The basic fixture's build packaged into a new temporary folder. */
export async function packagedFixture(env: { sourceDateEpoch?: string } = {}): Promise<PackageReport> {
  return packageArchive({ dist: built("basic"), out: join(await tempDir("package-"), "basic.zip"), ...env });
}

/** Every entry of a zip written under `into`; returns their names in the zip's order. */
export async function unzip(zip: string, into: string): Promise<string[]> {
  const file = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zip, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const names: string[] = [];
  await new Promise<void>((resolve, reject) => {
    file.on("error", reject).on("end", resolve);
    file.on("entry", (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      file.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const target = join(into, entry.fileName);
        await mkdir(dirname(target), { recursive: true });
        pipeline(stream, createWriteStream(target)).then(() => file.readEntry(), reject);
      });
    });
    file.readEntry();
  });
  return names;
}
