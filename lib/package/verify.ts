// Checking a packaged copy against its own manifests: every file listed is there with the checksum
// listed, and nothing is there that is not listed (RFC 8493 §3, plus "nothing extra" for tag files too).
// Pure: it compares the digests of what a zip holds (zip.ts reads them) with what its manifests say.
//
// Before any checksum is compared, every entry must be one a reader's unzip tool makes into exactly the
// file the verifier read (entries.ts): a plain file or folder, named once, with a plain relative path.
// An entry that is not is named as invalid and nothing it holds is trusted, so the file the manifest
// lists under its name is then missing too.
import { BAG, bagInfoValue, byPath, parseManifest, type Digest } from "./bag.ts";
import { entryProblems } from "./entries.ts";
import type { ReadEntry } from "./zip.ts";

export interface Difference {
  kind: "changed" | "missing" | "extra" | "invalid";
  /** Relative to the bag's folder (or the zip's root, for an entry outside it). */
  path: string;
  detail?: string;
}

export interface BagCheck {
  /** The bag's folder in the zip. */
  name?: string;
  payload: { files: number; bytes: number };
  differences: Difference[];
}

/** The tag files whose text the check reads. */
export function isReadTagFile(entryName: string): boolean {
  const [folder, file, ...rest] = entryName.split("/");
  return folder !== undefined && rest.length === 0 && [BAG.declaration, BAG.info, BAG.manifest, BAG.tagManifest].includes(file as never);
}

/** The bag's folder: the one holding bagit.txt at the top of the zip, else the top folder most entries are in. */
function bagFolder(names: string[]): string | undefined {
  const declared = names.filter((n) => isReadTagFile(n) && n.endsWith(`/${BAG.declaration}`));
  if (declared.length === 1) return declared[0]!.split("/")[0];
  const counts = new Map<string, number>();
  for (const n of names) if (n.includes("/")) counts.set(n.split("/")[0]!, (counts.get(n.split("/")[0]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || byPath(a[0], b[0]))[0]?.[0];
}

/** What differs between a zip's entries and the bag's manifests; no differences: a complete, intact bag. */
export function checkBag(entries: readonly ReadEntry[]): BagCheck {
  const differences: Difference[] = [];
  const problems = entryProblems(entries);
  const name = bagFolder(entries.filter((e) => !problems.has(e)).map((e) => e.name));
  const inBag = (entryName: string) => (name !== undefined && entryName.startsWith(`${name}/`) ? entryName.slice(name.length + 1) : entryName);
  const files = new Map<string, Digest>();
  const texts = new Map<string, string>();
  for (const entry of entries) {
    const problem = problems.get(entry);
    if (problem !== undefined) differences.push({ kind: "invalid", path: inBag(entry.name), detail: problem });
    else if (entry.name.endsWith("/")) continue;
    else if (name !== undefined && entry.name.startsWith(`${name}/`)) {
      const path = inBag(entry.name);
      files.set(path, { sha256: entry.sha256!, size: entry.size! });
      if (entry.text !== undefined) texts.set(path, entry.text);
    } else differences.push({ kind: "extra", path: entry.name, detail: "outside the bag's folder" });
  }
  const payloadFiles = [...files.keys()].filter((p) => p.startsWith(BAG.payload));
  const payload = { files: payloadFiles.length, bytes: payloadFiles.reduce((sum, p) => sum + files.get(p)!.size, 0) };
  if (files.size === 0) return { name, payload, differences: [...differences, { kind: "invalid", path: "", detail: "the zip holds no bag" }] };

  const declaration = texts.get(BAG.declaration);
  if (declaration === undefined) differences.push({ kind: "missing", path: BAG.declaration });
  else if (!/^BagIt-Version: \d+\.\d+$/m.test(declaration)) differences.push({ kind: "invalid", path: BAG.declaration, detail: "no BagIt-Version" });

  // The payload against the manifest.
  const manifest = texts.get(BAG.manifest);
  const payloadDifferences: Difference[] = [];
  if (manifest === undefined) payloadDifferences.push({ kind: "missing", path: BAG.manifest });
  else {
    const listed = listedFiles(BAG.manifest, manifest, files, payloadDifferences);
    for (const path of listed)
      if (!path.startsWith(BAG.payload)) payloadDifferences.push({ kind: "invalid", path: BAG.manifest, detail: `lists ${path}, outside ${BAG.payload}` });
    for (const path of payloadFiles) if (!listed.has(path)) payloadDifferences.push({ kind: "extra", path, detail: `not in ${BAG.manifest}` });
  }
  differences.push(...payloadDifferences);

  // The tag files against the tag manifest; the bag's own tag files need no listing.
  const tagManifest = texts.get(BAG.tagManifest);
  const expected = new Set<string>([BAG.declaration, BAG.info, BAG.manifest, BAG.tagManifest]);
  if (tagManifest === undefined) differences.push({ kind: "missing", path: BAG.tagManifest });
  else for (const path of listedFiles(BAG.tagManifest, tagManifest, files, differences)) expected.add(path);
  for (const path of files.keys()) {
    if (!path.startsWith(BAG.payload) && !expected.has(path)) differences.push({ kind: "extra", path, detail: `not in ${BAG.tagManifest}` });
  }

  // The quick count bag-info.txt carries, where the manifest found nothing wrong with the payload.
  const oxum = bagInfoValue(texts.get(BAG.info) ?? "", "Payload-Oxum");
  if (oxum !== undefined && payloadDifferences.length === 0 && oxum !== `${payload.bytes}.${payload.files}`) {
    differences.push({ kind: "invalid", path: BAG.info, detail: `Payload-Oxum says ${oxum}, the payload is ${payload.bytes}.${payload.files}` });
  }
  return { name, payload, differences };
}

/** The paths a manifest lists, each compared with the file there; its differences added to `differences`. */
function listedFiles(manifestPath: string, text: string, files: ReadonlyMap<string, Digest>, differences: Difference[]): Set<string> {
  const { lines, problems } = parseManifest(text);
  for (const problem of problems) differences.push({ kind: "invalid", path: manifestPath, detail: problem });
  const listed = new Set<string>();
  for (const { sha256, path } of lines) {
    listed.add(path);
    const file = files.get(path);
    if (!file) differences.push({ kind: "missing", path, detail: `listed in ${manifestPath}` });
    else if (file.sha256 !== sha256) differences.push({ kind: "changed", path, detail: `SHA-256 ${file.sha256}, ${manifestPath} says ${sha256}` });
  }
  return listed;
}

/** A difference as one line: "changed  data/index.html: SHA-256 …". */
export function describeDifference(d: Difference): string {
  return `${d.kind.padEnd(7)}  ${d.path}${d.detail ? `: ${d.detail}` : ""}`;
}
