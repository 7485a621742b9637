// The run's one folder for temporary files (made by test/global-setup.ts, removed when the run ends), so
// that tests leave nothing behind in the system's temporary folder.
import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "vitest";

/** A new folder inside the run's scratch folder. */
export function tempDir(prefix = "archive-"): Promise<string> {
  return mkdtemp(join(inject("scratch"), prefix));
}
