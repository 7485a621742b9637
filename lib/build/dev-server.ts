// `npm start`: Eleventy's own watch and dev server (live reload), on the content root ARCHIVE_ROOT, with the
// wiring of .eleventy.ts, rewriting only the pages a change touches (`--incremental`).
// https://www.11ty.dev/docs/usage/incremental/
// One addition: Eleventy 3 does not rebuild when a watched file is deleted (11ty/eleventy#2798, fixed in
// Eleventy 4), so a deleted essay would stay listed and searchable until the next edit. Here a deletion
// rebuilds like any change, and the pages the archive no longer has are removed (lib/pages/outdated.ts).
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { CONTENT } from "../layout.ts";
import { CacheWriteError, checkCacheWritable } from "../tools/cache.ts";

/** The wiring, wherever the command runs from. */
const CONFIG = fileURLToPath(new URL("../../.eleventy.ts", import.meta.url));

export class DevServerError extends Error {}

export interface DevServer {
  stop(): Promise<void>;
}

/** Builds the content root `root` (the wiring reads it as ARCHIVE_ROOT) into `output`, then watches and serves it on `port` until stopped. */
export async function startDevServer({ root, output, port }: { root: string; output: string; port: number }): Promise<DevServer> {
  try {
    checkCacheWritable(join(root, CONTENT.cache));
  } catch (error) {
    throw error instanceof CacheWriteError ? new DevServerError(error.message) : error;
  }
  const eleventy = new Eleventy(undefined, output, { source: "cli", configPath: CONFIG, runMode: "serve", quietMode: true });
  await eleventy.init();
  eleventy.setIncrementalBuild(true);
  let rebuild: (path: string) => Promise<void>;
  try {
    rebuild = await eleventy.watch();
  } catch {
    // Eleventy has shown why, in the editor's words where it was the content (.eleventy.ts).
    throw new DevServerError("The dev server did not start: its first build failed (see above).");
  }
  eleventy.watcher.on("unlink", (path: string) => void rebuild(path));
  await eleventy.serve(port);
  return {
    async stop() {
      await eleventy.stopWatch();
    },
  };
}
