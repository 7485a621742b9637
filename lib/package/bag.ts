// The BagIt bag (RFC 8493, https://www.rfc-editor.org/rfc/rfc8493) a package holds, as pure text: its
// declaration, its description (bag-info.txt), and the manifests and their reading.
//
// The built archive is the payload, under data/. Beside it, as tag files (listed in the tag manifest):
// README.txt, and an index.html that opens data/index.html, so that the folder opens like the archive
// itself; RFC 8493 allows tag files other than its own (§2.2.4), the payload must stay under data/.
import { toSlug } from "../content/slug.ts";
import type { ArchiveFacts } from "./facts.ts";

export const BAG = {
  declaration: "bagit.txt",
  info: "bag-info.txt",
  manifest: "manifest-sha256.txt",
  tagManifest: "tagmanifest-sha256.txt",
  readme: "README.txt",
  opener: "index.html",
  /** The payload folder, with its slash. */
  payload: "data/",
} as const;

/** A file's SHA-256 (lowercase hex) and its size in bytes. */
export interface Digest {
  sha256: string;
  size: number;
}

/** The package's name, its folder's and its zip's: the archive's title as a slug and its newest essay's date. */
export function packageName(facts: Pick<ArchiveFacts, "title" | "lastDate">): string {
  return `${toSlug(facts.title) || "archive"}-${facts.lastDate}`;
}

/**
 * The bag's date: the day of SOURCE_DATE_EPOCH (seconds since 1970, UTC) when it is set, else the newest
 * essay's, so that the same archive packages to the same bytes; never the clock.
 */
export function baggingDate(facts: Pick<ArchiveFacts, "lastDate">, sourceDateEpoch?: string): string {
  if (sourceDateEpoch === undefined || sourceDateEpoch === "") return facts.lastDate;
  if (!/^\d+$/.test(sourceDateEpoch)) throw new Error(`SOURCE_DATE_EPOCH must be a number of seconds, not "${sourceDateEpoch}"`);
  return new Date(Number(sourceDateEpoch) * 1000).toISOString().slice(0, 10);
}

export const BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

/** "1.2 MiB" */
export function humanSize(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

export interface Payload {
  files: number;
  bytes: number;
}

/** bag-info.txt: RFC 8493's reserved labels where one fits (§2.2.2), and the archive's own facts. */
export function bagInfo(facts: ArchiveFacts, name: string, payload: Payload, date: string): string {
  const { essays, firstDate, lastDate } = facts;
  const description =
    `${facts.title}: a static HTML archive of ${essays} ${essays === 1 ? "essay" : "essays"} (${facts.series.join(", ")}), ` +
    `${firstDate === lastDate ? firstDate : `${firstDate} to ${lastDate}`}, with full-text search. Open index.html, ` +
    `or data/index.html, in a web browser; it works from disk.`;
  const fields: [string, string][] = [
    ...facts.publishers.map((p): [string, string] => ["Source-Organization", p]),
    ["External-Identifier", name],
    ["External-Description", description],
    ["Title", facts.title],
    ["Essay-Count", String(essays)],
    ["Essay-Dates", `${firstDate}/${lastDate}`],
    ...facts.languages.map((l): [string, string] => ["Language", l]),
    ["Bagging-Date", date],
    ["Bag-Size", humanSize(payload.bytes)],
    ["Payload-Oxum", `${payload.bytes}.${payload.files}`],
    ["Bag-Software-Agent", "essay-archive (npm run package)"],
  ];
  return fields.map(([label, value]) => foldLine(`${label}: ${oneLine(value)}`)).join("");
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** A metadata line folded at 79 characters, continuation lines indented (RFC 8493 §2.2.2). */
function foldLine(line: string, width = 79): string {
  const out: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = `  ${word}`;
    } else current = current ? `${current} ${word}` : word;
  }
  out.push(current);
  return `${out.join("\n")}\n`;
}

/** A path as a manifest writes it: CR, LF and % percent-encoded (RFC 8493 §2.1.3). */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, "\r").replace(/%0A/gi, "\n").replace(/%25/g, "%");
}

/** A manifest: one `checksum  path` line per file, by path. */
export function manifest(digests: ReadonlyMap<string, Digest>): string {
  return [...digests.keys()]
    .sort(byPath)
    .map((path) => `${digests.get(path)!.sha256}  ${encodeManifestPath(path)}\n`)
    .join("");
}

export interface ManifestLine {
  sha256: string;
  path: string;
}

/** A manifest's lines; a line that is not a checksum and a path is a problem, with its number. */
export function parseManifest(text: string): { lines: ManifestLine[]; problems: string[] } {
  const lines: ManifestLine[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const match = /^([0-9a-fA-F]{64})[ \t]+(.+)$/.exec(line);
    if (match) lines.push({ sha256: match[1]!.toLowerCase(), path: decodeManifestPath(match[2]!) });
    else problems.push(`line ${i + 1} is not a SHA-256 checksum and a path`);
  });
  return { lines, problems };
}

/** bag-info.txt's value for a label (the first), continuation lines joined. */
export function bagInfoValue(text: string, label: string): string | undefined {
  const unfolded = text.replace(/\r?\n[ \t]+/g, " ");
  const prefix = `${label.toLowerCase()}:`;
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).trim();
}

/** One order for paths everywhere (manifests, zip entries): by UTF-16 code unit, as plain `<` compares. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
