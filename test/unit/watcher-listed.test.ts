// The dev server shows its address only once its file watcher knows every content file: chokidar can say
// "ready" before it has listed a watched folder, and misses a deletion made before then.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { watcherListed } from "../../lib/orchestration/dev-server.ts";
import { tempDir } from "../helpers/scratch.ts";

it("waits until the watcher lists every file of each content folder, and warns if it never does", async () => {
  const folder = join(await tempDir("watched-"), "essays");
  await mkdir(folder);
  await writeFile(join(folder, "1-a.md"), "");
  await writeFile(join(folder, "2-b.md"), "");
  // The folder watched but empty twice (as seen on a busy machine), then with one file, then whole.
  const listings = [{ [folder]: [] }, { [folder]: [] }, { [folder]: ["1-a.md"] }, { [folder]: ["1-a.md", "2-b.md"] }];
  let asked = 0;
  await watcherListed({ getWatched: () => listings[Math.min(asked++, listings.length - 1)]! }, [folder]);
  expect(asked).toBe(listings.length);

  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    await watcherListed({ getWatched: () => ({ [folder]: ["1-a.md"] }) }, [folder, join(folder, "missing")], 60);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/has not listed every content file/));
  } finally {
    warn.mockRestore();
  }
});
