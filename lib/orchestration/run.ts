// `npm run build`: the whole archive, staged beside the output and swapped in only when everything
// succeeded, so a failed or interrupted build leaves the previous output as it was (./swap.ts).
// From 500 essays the pages are written by Eleventy in a child process (scripts/build-pages.ts) that exits
// before Pagefind indexes them, so the memory of the two is never held at once: the build's peak is the
// larger of the two parts, not their sum. Below that, in this process (`pagesHere`).
import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { filesBelow } from "../paths/files.ts";
import { CONTENT, OUTPUT } from "../paths/layout.ts";
import { CacheWriteError, checkCacheWritable, type CacheDir } from "../cache/cache.ts";
import { record, timed, timedAsync, timedWithin } from "../runtime/timings.ts";
import type { CacheCounts, PagesMessage, PagesOptions } from "./pages.ts";
import { OutputError } from "../outputs/kind.ts";
import { besideIndex, besideIndexDoing, type Reports } from "../outputs/registry.ts";
import { buildFolders, lockOutput, OutputLockedError, outputProblem, recoverLeftovers, swapIn } from "./swap.ts";

export interface BuildOptions {
  root: string;
  output: string;
  /** The address this deployment is published at, over site.json's `url`: SITE_URL, checked by the command (`checkSiteUrl`). */
  siteUrl?: string | undefined;
  verbose?: boolean;
  /** The build cache's folder (default: the content root's `.cache/`), or `false` to build without it. */
  cache?: CacheDir;
  /**
   * Writes the pages twice, from the cache and without it, and fails naming every file that differs: a
   * cache entry that would have published a stale file. The output is the build without the cache. The
   * PDFs are all printed anew, each the cache has compared with it (lib/pdf/print.ts, `audit`).
   */
  auditCache?: boolean;
  /** From how many essays the pages are written in a process of their own (default `OWN_PROCESS_FROM`). */
  ownProcessFrom?: number;
  /** Told as each phase starts ("Loading and checking the essays"). */
  onPhase?: (phase: string) => void;
}

export interface BuildReport {
  essays: number;
  pages: number;
  /** What each kind of output reported (lib/outputs/registry.ts): the search index's bytes, the PDFs printed, … */
  outputs: Reports;
  /** Peak memory of the pages process, in KiB. */
  pagesRssKiB: number;
  /** What the build cache gave (absent with `cache: false`, and in an audit). */
  cache?: CacheCounts;
  /** With `auditCache`: how many files the cache's build and the build without it both wrote, the same. */
  audited?: number;
}

export class BuildError extends Error {}

/** The build was stopped by a signal: nothing was written. Its `exitCode` is the shell's for that signal (130 for Ctrl+C). */
export class BuildInterrupted extends Error {
  readonly exitCode: number;
  constructor(readonly signal: NodeJS.Signals) {
    super(`The build was stopped (${signal}).`);
    this.exitCode = 128 + (constants.signals[signal] ?? 0);
  }
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** The page writer, and how it loads TypeScript, as absolute paths: a build may run from any folder. */
const PAGES_SCRIPT = fileURLToPath(new URL("../../scripts/build-pages.ts", import.meta.url));
const TSX = createRequire(import.meta.url).resolve("tsx");

/**
 * Builds into `<output>.partial-<pid>` and swaps it in for `output` (./swap.ts), holding the output's lock
 * throughout. Throws BuildError with the reason.
 */
export async function buildArchive(options: BuildOptions): Promise<BuildReport> {
  const output = resolve(options.output);
  const { staging, retired, audit } = buildFolders(output);
  let unlock = () => {};

  // Interrupted (Ctrl+C, SIGTERM, a closed terminal): the running phase's processes are stopped (the page
  // writer, or Pagefind and the Chromium printing PDFs), the phase fails once they have ended, and the failure below removes the
  // staging folder and the lock. The swap cannot be under way: it never yields to the event loop.
  const stop = new AbortController();
  const interrupted = (signal: NodeJS.Signals) => stop.abort(new BuildInterrupted(signal));
  for (const signal of SIGNALS) process.once(signal, interrupted);
  const abandon = () => {
    for (const folder of [staging, audit]) rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
    unlock();
  };

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
    const loaded = (essays: number) => options.onPhase?.(`Rendering ${essays.toLocaleString("en")} essays and the pages around them`);
    const inProcess = essayFiles(root) < (options.ownProcessFrom ?? OWN_PROCESS_FROM);
    const writePages = (into: string, from: CacheDir) => {
      const pages = { root, staging: into, previous: output, cache: from, siteUrl: options.siteUrl, verbose: !!options.verbose };
      if (inProcess) return timedWithin("write pages", () => pagesHere(pages, loaded));
      return timedAsync("write pages", () => pagesInTheirOwnProcess(pages, stop.signal, loaded));
    };
    let audited: number | undefined;
    let pages: PagesResult;
    if (options.auditCache && cache !== false) {
      // The pages as the cache would have given them, beside the staging folder, then the pages made anew
      // into it: what is published is the build without the cache.
      const cached = await writePages(audit, cache);
      const keep = cached.handovers.pages?.keep ?? [];
      await timedAsync("keep the pages", async () => (await import("../outputs/pages/keep-pages.ts")).keepFiles(cache, audit, keep));
      options.onPhase?.("Writing every page again without the cache, to compare");
      pages = await writePages(staging, false);
      const { differingFiles } = await import("./audit.ts");
      // The search index is made beside the other steps, below, and audits its own shards (lib/search/index.ts).
      const cachedSearch = cached.handovers.search?.documents;
      if (cachedSearch) rmSync(cachedSearch, { recursive: true, force: true });
      const differ = timed("audit the cache", () => differingFiles(audit, staging).filter((file) => !file.startsWith(OUTPUT.searchBundle)));
      audited = filesBelow(staging).length;
      rmSync(audit, { recursive: true, force: true });
      if (differ.length > 0) throw new BuildError(staleCache(cache, differ));
    } else {
      pages = await writePages(staging, cache);
    }
    stop.signal.throwIfAborted();
    // The output kinds' steps beside the index (lib/outputs/registry.ts), the index among them, each handed
    // what its step after the pages handed on: Pagefind, the Chromium printing PDFs and keeping the essay
    // pages in the cache only read the pages. When one fails, the others are stopped, and all have ended
    // before the build goes on or fails (and the staging folder they use is removed); the first failure is the build's.
    const doing = besideIndexDoing("build", pages.handovers).join(", and ");
    options.onPhase?.(doing.charAt(0).toUpperCase() + doing.slice(1));
    const outputs = await besideIndex(
      { mode: "build", output: staging, previous: output, cache, audit: audited !== undefined, signal: stop.signal, onPhase: options.onPhase },
      pages.handovers,
    );
    const report: BuildReport = {
      essays: pages.essays,
      pages: await timedAsync("count the pages", () => countPages(staging)),
      outputs,
      pagesRssKiB: pages.maxRssKiB,
      cache: cache === false || audited !== undefined ? undefined : pages.cache,
      audited,
    };

    stop.signal.throwIfAborted();
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
    if (stop.signal.aborted) throw stop.signal.reason;
    // Pagefind stopped by a signal this process has not handled yet: Ctrl+C in a terminal reaches both.
    const signal = (error as { signal?: unknown }).signal;
    if (SIGNALS.some((s) => s === signal)) throw new BuildInterrupted(signal as NodeJS.Signals);
    if (error instanceof CacheWriteError || error instanceof OutputError) throw new BuildError(`The archive was not built: ${error.message}`);
    throw error;
  } finally {
    for (const signal of SIGNALS) process.off(signal, interrupted);
  }
}

/** The failure of an audit: each file the cache would have published stale, and what to do. */
function staleCache(cache: string, files: string[]): string {
  const shown = files.slice(0, 20).map((file) => `  ${file}`);
  if (files.length > shown.length) shown.push(`  … and ${files.length - shown.length} more`);
  return [
    `The archive was not built: the build cache ${cache} would have published ${files.length === 1 ? "a file" : `${files.length} files`} unlike a build without it:`,
    ...shown,
    `Build with --no-cache, or delete ${cache}, to publish; and please report this, with the files named, as a fault of the cache's keys.`,
  ].join("\n");
}

/**
 * Below this many essays the pages are written in this process. A process of their own costs about
 * 0.4 s to start and end (Node, tsx, the IPC) and pays for itself only in memory: it exits before Pagefind
 * starts, so the two never hold theirs at once, which matters at thousands of essays (docs/performance.md).
 */
export const OWN_PROCESS_FROM = 500;

/** How many files the content root's essays folder holds (each an essay, or a problem the build names). */
function essayFiles(root: string): number {
  try {
    return readdirSync(join(root, CONTENT.essays)).length;
  } catch {
    return 0;
  }
}

/**
 * The page writing of a small archive, in this process: the same function the pages process runs,
 * loaded only now (Eleventy, the templates). It is not stopped midway by a signal: the build stops as
 * soon as it returns, a second or two at most at this size.
 */
async function pagesHere(options: Omit<PagesOptions, "send">, loaded: (essays: number) => void): Promise<PagesResult> {
  const { writePages } = await import("./pages.ts");
  let essays = 0;
  let result: PagesResult | undefined;
  let error: string | undefined;
  await writePages({
    ...options,
    async send(message) {
      if ("loaded" in message) loaded((essays = message.loaded));
      else if ("error" in message) error = message.error;
      else result = { essays, ...message.done, maxRssKiB: process.resourceUsage().maxRSS };
    },
  });
  if (!result) throw new BuildError(error ?? "The archive was not built: the pages were not written.");
  return result;
}

/** The page writing in a process of its own (scripts/build-pages.ts), killed when `signal` aborts. */
function pagesInTheirOwnProcess(options: Omit<PagesOptions, "send">, signal: AbortSignal, loaded: (essays: number) => void): Promise<PagesResult> {
  const args = [options.root, options.staging, options.cache === false ? "--no-cache" : options.cache];
  if (options.previous) args.push("--previous", options.previous);
  if (options.siteUrl) args.push("--site-url", options.siteUrl);
  if (options.verbose) args.push("--verbose");
  const child = spawn(process.execPath, ["--import", TSX, PAGES_SCRIPT, ...args], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    signal,
    killSignal: "SIGKILL",
  });
  return pagesProcess(child, loaded);
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
    // Stopped (the build was interrupted): "exit" follows, once it has ended.
    child.on("error", (error) => void (error.name === "AbortError" || fail(error)));
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
