// Builds, or writes an archive's pages, in the test's own process, as the build does (lib/orchestration/run.ts,
// lib/orchestration/pages.ts): a test worker has the code loaded already, so this costs a fraction of a
// command's run (a new Node process loading tsx, the code and Eleventy: about two seconds of CPU). For what
// the command itself shows (its messages, exit codes, signals), tests run it (./build.ts). Eleventy imports the
// TSX templates with Node's own import(), which learns TypeScript here as the build's processes do, through
// tsx. https://tsx.is/dev-api/register-esm
import { join } from "node:path";
import { register } from "tsx/esm/api";
import { keepFiles, type KeptFile } from "../../lib/outputs/pages/keep-pages.ts";
import { writePages, type CacheCounts } from "../../lib/orchestration/pages.ts";
import { forgetTimings } from "../../lib/runtime/timings.ts";
import { buildArchive, type BuildOptions, type BuildReport } from "../../lib/orchestration/run.ts";
import { buildCommand } from "../../lib/orchestration/build-command.ts";
import type { BuildResult } from "./build.ts";
import { tempDir } from "./scratch.ts";

let registered = false;
/**
 * One at a time in a worker, each with no phases measured yet: a build measures its phases in the
 * process's one table of timings (lib/runtime/timings.ts), which two at once, or one after the other in
 * one test, would mix.
 */
let queue: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (!registered) register();
  registered = true;
  const done = queue.then(() => {
    forgetTimings();
    return work();
  });
  queue = done.catch(() => {});
  return done;
}

/**
 * Writes the pages of `root` into a new folder, with the build cache `cache` or none; returns the folder
 * and what the cache gave.
 */
export function writePagesHere(root: string, cache: string | false): Promise<{ output: string; cache: CacheCounts }> {
  return oneAtATime(async () => {
    const output = join(await tempDir("pages-"), "out");
    let error = "";
    let counts: CacheCounts | undefined;
    let keep: KeptFile[] = [];
    const ok = await writePages({
      root,
      staging: output,
      cache,
      verbose: false,
      send: async (m) => {
        if ("error" in m) error = m.error;
        if ("done" in m) {
          counts = m.done.cache;
          keep = m.done.handovers.pages?.keep ?? [];
        }
      },
    });
    if (!ok || !counts) throw new Error(error);
    // Kept in the cache as the build keeps them, after the pages (the pages kind's step beside the index, lib/outputs/pages/index.ts).
    if (cache !== false) await keepFiles(cache, output, keep);
    return { output, cache: counts };
  });
}

/** `npm run build`'s work (`buildArchive()`) in this process: the whole archive, search index and all, into `options.output`. */
export function buildHere(options: BuildOptions): Promise<BuildReport> {
  return oneAtATime(() => buildArchive(options));
}

/** `npm run build -- ARGS`, the command, in this process, with no SITE_URL: its exit code and the lines it wrote. */
export function runBuildHere(args: string[]): Promise<BuildResult> {
  return oneAtATime(async () => {
    let stdout = "";
    let stderr = "";
    const lines = { out: (line: string) => void (stdout += `${line}\n`), err: (line: string) => void (stderr += `${line}\n`) };
    const code = await buildCommand(args, { ...process.env, SITE_URL: "" }, lines);
    return { code, stdout, stderr };
  });
}
