// Auditing the build cache (`npm run build -- --audit-cache`): the pages written with the cache and
// without it are compared file by file. A difference is a cache entry that would have published a stale
// file; ./run.ts names each and stops.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file below `dir`, as a path relative to it with `/` between folders, sorted. */
export function filesBelow(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/** The files that differ between two output folders, sorted: in one of them only, or with other bytes. */
export function differingFiles(a: string, b: string): string[] {
  const inA = new Set(filesBelow(a));
  const inB = new Set(filesBelow(b));
  const differ = new Set([...inB].filter((file) => !inA.has(file)));
  for (const file of inA) {
    if (!inB.has(file) || !readFileSync(join(a, file)).equals(readFileSync(join(b, file)))) differ.add(file);
  }
  return [...differ].sort();
}
