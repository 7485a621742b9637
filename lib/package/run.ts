// `npm run package`: a built archive (dist/) as one zip holding one BagIt bag, and the check of such a zip.
// The bag's facts come from the built folder alone (facts.ts); its files are read once, streamed into the
// zip and hashed on the way (zip.ts), and the manifests, which come after the payload in the zip's order,
// are made from those hashes.
import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { paths } from "../paths/urls.ts";
import { isHostFile } from "../http/rules.ts";
import { BAG, BAGIT_TXT, bagInfo, baggingDate, byPath, manifest, packageName, type Digest, type Payload } from "./bag.ts";
import { archiveFacts, isEssayRecord, parseEssayRecord, readHomePage, type ArchiveFacts } from "./facts.ts";
import { opener, readme } from "./readme.tsx";
import { checkBag, isReadTagFile, type BagCheck } from "./verify.ts";
import { entryProblems } from "./entries.ts";
import { readZip, worthCompressing, writeZip, writtenFacts, type ZipEntry } from "./zip.ts";

/** A problem with the input (no built archive, a record it cannot read), in words for the person running it. */
export class PackageError extends Error {}

export interface PackageOptions {
  /** The built archive. */
  dist: string;
  /** The zip to write; default: `<name>.zip` beside `dist`. */
  out?: string;
  /** The SOURCE_DATE_EPOCH environment variable, if set. */
  sourceDateEpoch?: string;
}

export interface PackageReport {
  out: string;
  name: string;
  facts: ArchiveFacts;
  payload: Payload;
  baggingDate: string;
}

interface DistFile {
  /** Relative to dist, with forward slashes. */
  path: string;
  size: number;
}

/** Every file under `dir` but the host configurations, which mean nothing offline, by path (symbolic links followed). */
async function listFiles(dir: string): Promise<DistFile[]> {
  const files: DistFile[] = [];
  const walk = async (folder: string) => {
    const entries: Dirent[] = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
        continue;
      }
      const info = await stat(full);
      if (info.isDirectory()) await walk(full);
      const path = relative(dir, full).split(sep).join("/");
      if (info.isFile() && !isHostFile(path)) files.push({ path, size: info.size });
    }
  };
  await walk(dir);
  return files.sort((a, b) => byPath(a.path, b.path));
}

/** The archive's facts, from its home page and its essays' records. */
async function readFacts(dist: string, files: DistFile[]): Promise<ArchiveFacts> {
  if (!files.some((f) => f.path === paths.home)) throw new PackageError(`${dist} has no ${paths.home}: is it a built archive? Run npm run build first.`);
  try {
    const home = readHomePage(await readFile(join(dist, paths.home), "utf8"));
    const records = [];
    // One after another: thousands of small files read faster so than all at once.
    for (const { path } of files.filter((f) => isEssayRecord(f.path))) records.push(parseEssayRecord(path, await readFile(join(dist, path), "utf8")));
    return archiveFacts(home, records);
  } catch (error) {
    throw new PackageError(`${dist} is not an archive this can package: ${(error as Error).message}`);
  }
}

export async function packageArchive(options: PackageOptions): Promise<PackageReport> {
  const dist = resolve(options.dist);
  const found = await stat(dist).catch(() => null);
  if (!found?.isDirectory()) throw new PackageError(`${options.dist} is not a folder: run npm run build first (or name the built folder with --dist).`);
  const files = await listFiles(dist);
  const facts = await readFacts(options.dist, files);
  const name = packageName(facts);
  let date: string;
  try {
    date = baggingDate(facts, options.sourceDateEpoch);
  } catch (error) {
    throw new PackageError((error as Error).message);
  }
  const out = resolve(options.out ?? join(dirname(dist), `${name}.zip`));
  if (out.startsWith(dist + sep)) throw new PackageError(`the zip cannot go inside the folder it packages: ${options.out}`);
  const payload = { files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) };

  /** The digest of each entry written so far, by its name in the zip. */
  const written = new Map<string, Digest>();
  /** Digests by path in the bag, for a manifest: the files it lists must be in the zip already. */
  const digestsOf = (paths: string[]) =>
    new Map(
      paths.map((path) => {
        const digest = written.get(`${name}/${path}`);
        if (!digest) throw new Error(`${path} was due in the zip before the manifest that lists it`);
        return [path, digest];
      }),
    );
  const payloadPaths = files.map((f) => `${BAG.payload}${f.path}`);
  const tags: [string, () => string][] = [
    [BAG.declaration, () => BAGIT_TXT],
    [BAG.info, () => bagInfo(facts, name, payload, date)],
    [BAG.readme, () => readme(facts)],
    [BAG.opener, () => opener(facts)],
    [BAG.manifest, () => manifest(digestsOf(payloadPaths))],
  ];
  const tagManifest = (): string => manifest(digestsOf(tags.map(([path]) => path)));
  const entries: ZipEntry[] = [
    ...[...tags, [BAG.tagManifest, tagManifest] as const].map(([path, bytes]) => ({ name: `${name}/${path}`, source: { bytes }, compress: true })),
    ...files.map((f, i) => ({
      name: `${name}/${payloadPaths[i]}`,
      source: { file: join(dist, f.path), size: f.size },
      compress: worthCompressing(f.path, f.size),
    })),
  ].sort((a, b) => byPath(a.name, b.name));
  // A name the verifier would not trust (two names one where case is ignored, a control character) is
  // refused here, naming the file, rather than packaged into a copy that fails its own check.
  const refused = entryProblems(entries.map((e) => writtenFacts(e.name)));
  if (refused.size > 0) {
    const lines = [...refused].map(([entry, why]) => `  ${entry.name.slice(name.length + 1)}: ${why}`);
    throw new PackageError(`${options.dist} holds ${refused.size === 1 ? "a file" : "files"} a zip cannot carry safely:\n${lines.join("\n")}`);
  }
  // Sorted, the manifests come after what they list (README.txt < bag-info.txt < bagit.txt < data/ <
  // index.html < manifest-sha256.txt < tagmanifest-sha256.txt); `digestsOf` checks it.
  await writeZip(out, entries, date, written);
  return { out, name, facts, payload, baggingDate: date };
}

/** Checks a packaged zip against its manifests. */
export async function verifyPackage(file: string): Promise<BagCheck> {
  try {
    return checkBag(await readZip(file, isReadTagFile));
  } catch (error) {
    throw new PackageError(`${file} cannot be read as a zip: ${(error as Error).message}`);
  }
}
