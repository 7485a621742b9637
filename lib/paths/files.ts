// A folder's names, and the files below a folder as the archive names them: relative paths with "/" between
// folders, sorted, whatever the platform's separator.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** The names in the folder `dir`, or none when there is no such folder (or it is a file). */
export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Every file below `dir` (not folders), as a path relative to it with `/` between folders, sorted. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}
