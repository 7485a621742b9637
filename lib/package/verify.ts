// Checking a packaged copy against its own manifests: every file listed is there with the checksum
// listed, and nothing is there that is not listed (RFC 8493 §3, plus "nothing extra" for tag files too).
// Pure: it compares the digests of what a zip holds (zip.ts reads them) with what its manifests say.
import { BAG, bagInfoValue, byPath, parseManifest, type Digest } from "./bag.ts";
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
export function checkBag(entries: ReadonlyMap<string, ReadEntry>): BagCheck {
  const differences: Difference[] = [];
  const name = bagFolder([...entries.keys()]);
  const files = new Map<string, ReadEntry>();
  for (const [entryName, entry] of entries) {
    if (name !== undefined && entryName.startsWith(`${name}/`)) files.set(entryName.slice(name.length + 1), entry);
    else differences.push({ kind: "extra", path: entryName, detail: "outside the bag's folder" });
  }
  const payloadFiles = [...files.keys()].filter((p) => p.startsWith(BAG.payload));
  const payload = { files: payloadFiles.length, bytes: payloadFiles.reduce((sum, p) => sum + files.get(p)!.size, 0) };
  if (files.size === 0) return { name, payload, differences: [...differences, { kind: "invalid", path: "", detail: "the zip holds no bag" }] };

  const declaration = files.get(BAG.declaration);
  if (!declaration) differences.push({ kind: "missing", path: BAG.declaration });
  else if (!/^BagIt-Version: \d+\.\d+$/m.test(declaration.text ?? "")) differences.push({ kind: "invalid", path: BAG.declaration, detail: "no BagIt-Version" });

  // The payload against the manifest.
  const manifest = files.get(BAG.manifest);
  const payloadDifferences: Difference[] = [];
  if (!manifest) payloadDifferences.push({ kind: "missing", path: BAG.manifest });
  else {
    const listed = listedFiles(BAG.manifest, manifest.text ?? "", files, payloadDifferences);
    for (const path of listed) if (!path.startsWith(BAG.payload)) payloadDifferences.push({ kind: "invalid", path: BAG.manifest, detail: `lists ${path}, outside ${BAG.payload}` });
    for (const path of payloadFiles) if (!listed.has(path)) payloadDifferences.push({ kind: "extra", path, detail: `not in ${BAG.manifest}` });
  }
  differences.push(...payloadDifferences);

  // The tag files against the tag manifest; the bag's own tag files need no listing.
  const tagManifest = files.get(BAG.tagManifest);
  const expected = new Set<string>([BAG.declaration, BAG.info, BAG.manifest, BAG.tagManifest]);
  if (!tagManifest) differences.push({ kind: "missing", path: BAG.tagManifest });
  else for (const path of listedFiles(BAG.tagManifest, tagManifest.text ?? "", files, differences)) expected.add(path);
  for (const path of files.keys()) {
    if (!path.startsWith(BAG.payload) && !expected.has(path)) differences.push({ kind: "extra", path, detail: `not in ${BAG.tagManifest}` });
  }

  // The quick count bag-info.txt carries, where the manifest found nothing wrong with the payload.
  const oxum = bagInfoValue(files.get(BAG.info)?.text ?? "", "Payload-Oxum");
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
