// Which zip entries the verifier trusts, by allowlist: an entry must be one that every unzip tool makes into
// exactly the file the verifier read, whatever the tool and the file system. That is a regular file or a
// folder (no symbolic link, device or Windows reparse point), readable (stored or deflated, not encrypted),
// named once (not twice, not twice where case or Unicode normalisation is ignored, as on macOS and
// Windows), with the same name in the central directory and in its local header (streaming tools read the
// latter), no extra field that could give it another name or kind, and a plain relative path (below).
// Zip's format: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (4.3.12, 4.4.2, 4.4.4, 4.4.15, 4.5).
import type { ReadEntry } from "./zip.ts";

/**
 * A path segment: letters, marks, numbers, punctuation, symbols and spaces, but not the characters that
 * separate or root paths somewhere (`/`, `\`, `:`), and not "." or "..". No control or format character,
 * no line separator, no private-use or unassigned code point.
 */
const SEGMENT = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]+$/u;
const SEPARATORS = /[\\:]/;

/** Extra fields that carry times, owners and 64-bit sizes, nothing that names or makes a file (APPNOTE 4.5, Info-ZIP's extra fields). */
const HARMLESS_EXTRA_FIELDS = new Set([0x0001, 0x000a, 0x5455, 0x7875]);

const UNIX_TYPE = 0o170000;
const UNIX_FILE = 0o100000;
const UNIX_FOLDER = 0o040000;
const UNIX_LINK = 0o120000;

/** MS-DOS attributes a plain file or folder may carry: read-only, hidden, system, folder, archive, normal. */
const DOS_FOLDER = 0x10;
const DOS_PLAIN = 0x01 | 0x02 | 0x04 | DOS_FOLDER | 0x20 | 0x80;

function isPlainPath(name: string): boolean {
  const path = name.endsWith("/") ? name.slice(0, -1) : name;
  return path.split("/").every((segment) => SEGMENT.test(segment) && !SEPARATORS.test(segment) && segment !== "." && segment !== "..");
}

/** What is wrong with one entry on its own, in words; undefined when nothing is. */
function ownProblem(entry: ReadEntry): string | undefined {
  const folder = entry.name.endsWith("/");
  if (!entry.nameIsUtf8) return "its name is not UTF-8";
  if (entry.localName !== undefined) return `its local header names it ${JSON.stringify(entry.localName)}`;
  if (!isPlainPath(entry.name)) return "its name is not a plain relative path (no leading /, no . or .. folder, no \\ or :, no control characters)";
  const type = (entry.unixMode ?? 0) & UNIX_TYPE;
  if (type === UNIX_LINK) return "is a symbolic link";
  if (type !== 0 && type !== (folder ? UNIX_FOLDER : UNIX_FILE))
    return `is not a ${folder ? "folder" : "regular file"} (Unix mode 0o${entry.unixMode!.toString(8)})`;
  if ((entry.dosAttributes & ~DOS_PLAIN) !== 0 || ((entry.dosAttributes & DOS_FOLDER) !== 0 && !folder)) {
    return `is not a plain ${folder ? "folder" : "file"} (MS-DOS attributes 0x${entry.dosAttributes.toString(16)})`;
  }
  if (entry.encrypted) return "is encrypted";
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return `uses compression method ${entry.compressionMethod}, neither stored nor deflated`;
  const unknown = entry.extraFieldIds.find((id) => !HARMLESS_EXTRA_FIELDS.has(id));
  if (unknown !== undefined) return `carries zip extra field 0x${unknown.toString(16).padStart(4, "0")}, which may give it another name or kind`;
  if (folder && entry.declaredSize > 0) return `is a folder holding ${entry.declaredSize} bytes`;
  return undefined;
}

/** The name as a file system that ignores case and Unicode normalisation sees it, without a folder's slash. */
function looseName(name: string): string {
  return name.replace(/\/$/, "").normalize("NFC").toLowerCase();
}

/** Every entry the verifier must not trust, with why. */
export function entryProblems(entries: readonly ReadEntry[]): Map<ReadEntry, string> {
  const problems = new Map<ReadEntry, string>();
  const byName = new Map<string, ReadEntry[]>();
  for (const entry of entries) {
    const problem = ownProblem(entry);
    if (problem !== undefined) problems.set(entry, problem);
    const loose = looseName(entry.name);
    byName.set(loose, [...(byName.get(loose) ?? []), entry]);
  }
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    for (const entry of same) {
      const twins = same.filter((other) => other.name === entry.name).length;
      const other = same.find((o) => o.name !== entry.name);
      problems.set(
        entry,
        twins > 1
          ? `the zip holds ${twins} entries of this name, and unzip tools differ in which one they keep`
          : `has the same name as ${other!.name} where case or Unicode normalisation is ignored (macOS, Windows)`,
      );
    }
  }
  // A file where another entry needs a folder: one of the two cannot be unzipped.
  const folders = new Set(
    entries.flatMap((e) =>
      looseName(e.name)
        .split("/")
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join("/")),
    ),
  );
  for (const entry of entries) {
    if (!entry.name.endsWith("/") && folders.has(looseName(entry.name))) problems.set(entry, "is a file where other entries need a folder of that name");
  }
  return problems;
}
