// Auditing the build cache (`npm run build -- --audit-cache`): the pages written with the cache and
// without it are compared file by file. A difference is a cache entry that would have published a stale
// file; ./run.ts names each and stops.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { filesBelow } from "../paths/files.ts";

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
