// `npm run build`: the whole archive, staged beside the output and swapped in only when everything
// succeeded, so a failed or interrupted build leaves the previous output as it was.
// The pages are written by Eleventy in a child process (scripts/build-pages.ts) that exits before Pagefind
// indexes them, so the memory of the two is never held at once: the build's peak is the larger of the
// two parts, not their sum. That process runs the compiled copy of this code (./compile.ts), without tsx.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { moduleFile, OUTPUT } from "../layout.ts";
import { compiledCode } from "./compile.ts";
import { writeSearchIndex } from "../search/index.ts";
import { record, timedAsync, type TimingRow } from "../tools/timings.ts";

/** What the pages process tells its parent. */
export type PagesMessage = { loaded: number } | { timings: TimingRow[]; maxRssKiB: number } | { error: string };

export interface BuildOptions {
  root: string;
  output: string;
  verbose?: boolean;
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
}

export class BuildError extends Error {}

/** The page writer, in the compiled copy. */
const PAGES_SCRIPT = moduleFile("scripts/build-pages.ts", true);

/** Builds into `<output>.partial-<pid>` and swaps it in for `output`. Throws BuildError with the reason. */
export async function buildArchive(options: BuildOptions): Promise<BuildReport> {
  const output = resolve(options.output);
  const staging = `${output}.partial-${process.pid}`;
  const retired = `${output}.old-${process.pid}`;
  let child: ChildProcess | undefined;

  // Interrupted: stop the pages process first (so it cannot write into the staging folder again), then
  // remove the staging folder.
  const abandon = () => rmSync(staging, { recursive: true, force: true, maxRetries: 5 });
  const interrupted = () => {
    if (child && child.exitCode === null) {
      child.once("exit", () => (abandon(), process.exit(130)));
      child.kill("SIGKILL");
    } else {
      abandon();
      process.exit(130);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, interrupted);

  try {
    // A build killed outright (SIGKILL) can leave a staging folder behind: clear any such leftovers.
    for (const leftover of await readdir(dirname(output)).catch(() => [])) {
      if (leftover.startsWith(`${basename(output)}.partial-`) || leftover.startsWith(`${basename(output)}.old-`)) {
        await rm(join(dirname(output), leftover), { recursive: true, force: true });
      }
    }
    const code = await timedAsync("compile the code", compiledCode);
    options.onPhase?.("Loading and checking the essays");
    const pages = await timedAsync("write pages", async () => {
      child = spawn(process.execPath, [join(code, PAGES_SCRIPT), resolve(options.root), staging, ...(options.verbose ? ["--verbose"] : [])], {
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      return pagesProcess(child, (essays) => options.onPhase?.(`Rendering ${essays.toLocaleString("en")} essays and the pages around them`));
    });
    options.onPhase?.("Indexing for search");
    await timedAsync("search index", () => writeSearchIndex(staging));
    const report = { essays: pages.essays, pages: 0, searchBytes: 0, offlineBytes: 0, pagesRssKiB: pages.maxRssKiB };
    await count(staging, report);

    // Two renames on one file system: the output is never missing more than for an instant, never half-written.
    await timedAsync("swap into place", async () => {
      if (existsSync(output)) await rename(output, retired);
      await rename(staging, output);
    });
    // The previous output is deleted by a detached process, so the build is done as soon as the new one is
    // in place; a deletion cut short is finished by the next build (the leftovers check above).
    if (existsSync(retired)) {
      spawn(process.execPath, ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", retired], {
        detached: true,
        stdio: "ignore",
      }).unref();
    }
    return report;
  } catch (error) {
    abandon();
    throw error;
  } finally {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.off(signal, interrupted);
  }
}

/** Waits for the pages process, records its timings within "write pages", and turns its failure into a BuildError. */
function pagesProcess(child: ChildProcess, loaded: (essays: number) => void): Promise<{ essays: number; maxRssKiB: number }> {
  return new Promise((done, fail) => {
    let error: string | undefined;
    let maxRssKiB = 0;
    let essays = 0;
    child.on("message", (message: PagesMessage) => {
      if ("loaded" in message) loaded((essays = message.loaded));
      else if ("error" in message) error = message.error;
      else {
        maxRssKiB = message.maxRssKiB;
        // The child's phases, nested as they were measured, inside "write pages"; its "other" rows are derived again here.
        for (const row of message.timings) if (!row.phase.endsWith(" › other")) record(row.phase, row.ms, row.within ?? "write pages");
      }
    });
    child.on("error", fail);
    child.on("exit", (code) => {
      if (code === 0 && !error) done({ essays, maxRssKiB });
      else fail(new BuildError(error ?? `The archive was not built: the page writer stopped (exit code ${code}).`));
    });
  });
}

/** Pages written, and the bytes of the search index and of its file:// copies. */
async function count(dir: string, report: BuildReport): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1).replaceAll("\\", "/");
    if (path.startsWith(OUTPUT.searchBundle)) {
      const bytes = (await stat(join(entry.parentPath, entry.name))).size;
      if (path.startsWith(`${OUTPUT.searchBundle}${OUTPUT.offline}`)) report.offlineBytes += bytes;
      else report.searchBytes += bytes;
    } else if (path.endsWith(".html")) report.pages++;
  }
}
