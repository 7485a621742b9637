// The files below a folder, as the archive names them: relative paths with "/" between folders, sorted,
// whatever the platform's separator.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every file below `dir` (not folders), as a path relative to it with `/` between folders, sorted. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}
