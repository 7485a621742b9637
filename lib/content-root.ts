// The folder that holds src/essays/ and _data/: this repository, or another (a test fixture, the
// benchmark's corpus) named by the ARCHIVE_ROOT environment variable.
import { resolve } from "node:path";

export function contentRoot(): string {
  return resolve(process.env.ARCHIVE_ROOT ?? ".");
}
