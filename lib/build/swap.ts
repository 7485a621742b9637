// Putting a finished build in place of the previous output, and the lock that keeps two builds from
// writing the same output at once.
//
// The swap is two renames on one file system: the previous output aside (`<output>.old-<pid>`), the
// staging folder (`<output>.partial-<pid>`) into its place. They are synchronous and back to back, so a
// Ctrl-C or SIGTERM, which Node handles between turns of its event loop, cannot fall between them; if the
// second fails, the first is undone. Only a process killed outright (SIGKILL, a power cut) can stop
// between them, with no output in place: the next build, before anything else, puts the previous output
// back (`recoverLeftovers`). Node cannot exchange two folders atomically (Linux's renameat2 is not in its
// API), so this is the closest it comes.
import { existsSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync, closeSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { paths } from "../pages/urls.ts";
import { runningOwner } from "../tools/owner.ts";

export class OutputLockedError extends Error {}

/**
 * Why a build must not write into `output`, or undefined. A build replaces its output folder whole (and
 * the dev server removes pages from it), so the folder must be new, empty, or an archive a build wrote (it
 * has the home page), and must not hold the content: `--output ~/Documents` or `--output .` would
 * otherwise delete what was there.
 */
export function outputProblem(output: string, root: string): string | undefined {
  const folder = resolve(output);
  const content = resolve(root);
  if (content === folder || content.startsWith(`${folder}${sep}`)) return `${output} holds the content root (${root}): the output must be a folder of its own`;
  if (!existsSync(folder)) return undefined;
  if (!statSync(folder).isDirectory()) return `${output} is a file, not a folder`;
  if (readdirSync(folder).length > 0 && !existsSync(join(folder, paths.home))) {
    return `${output} is not empty and holds no built archive (no ${paths.home}): its files would be deleted. Give a new or empty folder, or one a build wrote`;
  }
  return undefined;
}

/** The folders a build of `output` works with. */
export function buildFolders(output: string, pid = process.pid) {
  return { staging: `${output}.partial-${pid}`, retired: `${output}.old-${pid}`, lock: `${output}.lock` };
}

/**
 * Takes the output's lock: a file holding the owner's process id. A lock whose process is gone is stale
 * and taken over. Returns the function that releases it.
 */
export function lockOutput(output: string): () => void {
  const { lock } = buildFolders(output);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const owner = runningOwner(lock);
      if (owner !== undefined) {
        throw new OutputLockedError(
          `Another build (process ${owner}) is writing ${output} now: wait for it to finish, or stop it. ` +
            `If no build is running, delete ${lock}.`,
        );
      }
      rmSync(lock, { force: true });
    }
  }
}

/**
 * What builds killed outright left beside the output, put right; run under the lock. The previous
 * output goes back in place if a swap was cut short. Returns the folders to delete: staging folders,
 * set-aside outputs, and outputs being deleted (`.deleting-<pid>`, perhaps by a previous build's
 * deleter that is still at work, which is why the caller deletes them in the background).
 */
export function recoverLeftovers(output: string): string[] {
  const folder = dirname(output);
  const prefix = (kind: string) => `${basename(output)}.${kind}-`;
  const leftovers = (kind: string) => readdirOrEmpty(folder).filter((name) => name.startsWith(prefix(kind))).map((name) => join(folder, name));
  const retired = leftovers("old").sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!existsSync(output) && retired[0]) renameSync(retired.shift()!, output);
  return [...leftovers("partial"), ...retired, ...leftovers("deleting")];
}

/** The swap's steps, in order; each is one rename. */
export const SWAP_STEPS = ["set the previous output aside", "move the new output into place"] as const;

/**
 * Puts `staging` in place of `output`; returns the set-aside previous output (to delete), if there was
 * one. `afterStep` is for tests, which stop the swap after each step as a killed process would.
 */
export function swapIn(output: string, staging: string, retired: string, afterStep?: (step: number) => void): string | undefined {
  const hadOutput = existsSync(output);
  if (hadOutput) renameSync(output, retired);
  afterStep?.(0);
  try {
    renameSync(staging, output);
  } catch (error) {
    if (hadOutput) renameSync(retired, output);
    throw error;
  }
  afterStep?.(1);
  return hadOutput ? retired : undefined;
}



const readdirOrEmpty = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};
