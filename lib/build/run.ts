// `npm run build`: the whole archive, staged beside the output and swapped in only when everything
// succeeded, so a failed or interrupted build leaves the previous output as it was (./swap.ts).
// The pages are written by Eleventy in a child process (scripts/build-pages.ts) that exits before Pagefind
// indexes them, so the memory of the two is never held at once: the build's peak is the larger of the
// two parts, not their sum.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTENT, OUTPUT } from "../layout.ts";
import { writeSearchIndex } from "../search/index.ts";
import { CacheWriteError, checkCacheWritable, type CacheDir } from "../tools/cache.ts";
import { record, timed, timedAsync } from "../tools/timings.ts";
import type { CacheCounts, PagesMessage } from "./pages.ts";
import { buildFolders, lockOutput, OutputLockedError, outputProblem, recoverLeftovers, swapIn } from "./swap.ts";

export interface BuildOptions {
  root: string;
  output: string;
  verbose?: boolean;
  /** The build cache's folder (default: the content root's `.cache/`), or `false` to build without it. */
  cache?: CacheDir;
  /** Told as each phase starts ("Loading and checking the essays"). */
  onPhase?: (phase: string) => void;
}

export interface BuildReport {
  essays: number;
  pages: number;
  /** Bytes of the search index (without its file:// copies) and of the copies. */
  searchBytes: number;
  offlineBytes: number;
  /** Peak memory of the pages process, in KiB. */
  pagesRssKiB: number;
  /** What the build cache gave (absent with `cache: false`). */
  cache?: CacheCounts;
}

export class BuildError extends Error {}

/** The page writer, and how it loads TypeScript, as absolute paths: a build may run from any folder. */
const PAGES_SCRIPT = fileURLToPath(new URL("../../scripts/build-pages.ts", import.meta.url));
const TSX = createRequire(import.meta.url).resolve("tsx");

/**
 * Builds into `<output>.partial-<pid>` and swaps it in for `output` (./swap.ts), holding the output's lock
 * throughout. Throws BuildError with the reason.
 */
export async function buildArchive(options: BuildOptions): Promise<BuildReport> {
  const output = resolve(options.output);
  const { staging, retired } = buildFolders(output);
  let child: ChildProcess | undefined;
  let unlock = () => {};

  // Interrupted: stop the pages process first (so it cannot write into the staging folder again), then
  // remove the staging folder and the lock. The swap cannot be under way: it never yields to the event loop.
  const abandon = () => {
    rmSync(staging, { recursive: true, force: true, maxRetries: 5 });
    unlock();
  };
  const interrupted = () => {
    if (child && child.exitCode === null) {
      child.once("exit", () => {
        abandon();
        process.exit(130);
      });
      child.kill("SIGKILL");
    } else {
      abandon();
      process.exit(130);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, interrupted);

  try {
    const problem = outputProblem(options.output, options.root);
    if (problem) throw new BuildError(`The archive was not built: ${problem}.`);
    mkdirSync(dirname(output), { recursive: true });
    try {
      unlock = lockOutput(output);
    } catch (error) {
      if (error instanceof OutputLockedError) throw new BuildError(`The archive was not built: ${error.message}`);
      throw error;
    }
    const leftovers = recoverLeftovers(output);
    const root = resolve(options.root);
    const cache = options.cache === undefined ? join(root, CONTENT.cache) : options.cache && resolve(options.cache);
    checkCacheWritable(cache);
    options.onPhase?.("Loading and checking the essays");
    const pages = await timedAsync("write pages", async () => {
      const args = [root, staging, cache === false ? "--no-cache" : cache, ...(options.verbose ? ["--verbose"] : [])];
      child = spawn(process.execPath, ["--import", TSX, PAGES_SCRIPT, ...args], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
      return pagesProcess(child, (essays) => options.onPhase?.(`Rendering ${essays.toLocaleString("en")} essays and the pages around them`));
    });
    options.onPhase?.("Indexing for search");
    const index = await timedAsync("search index", () => writeSearchIndex(staging));
    if (index.pages !== pages.essays) throw new BuildError(`The archive was not built: Pagefind indexed ${index.pages} pages, not the ${pages.essays} essays.`);
    const report: BuildReport = {
      essays: pages.essays,
      pages: await timedAsync("count the pages", () => countPages(staging)),
      searchBytes: index.bytes,
      offlineBytes: index.offlineBytes,
      pagesRssKiB: pages.maxRssKiB,
      cache: cache === false ? undefined : pages.cache,
    };

    const previous = timed("swap into place", () => swapIn(output, staging, retired));
    unlock();
    // The previous output and any leftovers are deleted by a detached process, so the build is done as
    // soon as the new output is in place; a deletion cut short is finished by the next build.
    if (previous) {
      const deleting = `${output}.deleting-${process.pid}`;
      renameSync(previous, deleting);
      leftovers.push(deleting);
    }
    if (leftovers.length) {
      const remove = "for (const path of process.argv.slice(1)) require('node:fs').rmSync(path, { recursive: true, force: true })";
      spawn(process.execPath, ["-e", remove, ...leftovers], { detached: true, stdio: "ignore" }).unref();
    }
    return report;
  } catch (error) {
    abandon();
    if (error instanceof CacheWriteError) throw new BuildError(`The archive was not built: ${error.message}`);
    throw error;
  } finally {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.off(signal, interrupted);
  }
}

/** Waits for the pages process, records its timings within "write pages", and turns its failure into a BuildError. */
type PagesResult = { essays: number } & Extract<PagesMessage, { done: unknown }>["done"];

function pagesProcess(child: ChildProcess, loaded: (essays: number) => void): Promise<PagesResult> {
  return new Promise((done, fail) => {
    let error: string | undefined;
    let essays = 0;
    let result: PagesResult | undefined;
    child.on("message", (message: PagesMessage) => {
      if ("loaded" in message) loaded((essays = message.loaded));
      else if ("error" in message) error = message.error;
      else {
        result = { essays, ...message.done };
        // The child's phases, nested as they were measured, inside "write pages"; its "other" rows are derived again here.
        for (const row of message.done.timings) if (!row.phase.endsWith(" › other")) record(row.phase, row.ms, row.within ?? "write pages");
      }
    });
    child.on("error", fail);
    child.on("exit", (code) => {
      if (code === 0 && !error && result) done(result);
      else fail(new BuildError(error ?? `The archive was not built: the page writer stopped (exit code ${code}).`));
    });
  });
}

/** The pages written (HTML files outside the search bundle). */
async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const bundle = join(dir, OUTPUT.searchBundle);
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".html") && !`${entry.parentPath}/`.startsWith(bundle)).length;
}
