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
import { existsSync, linkSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { namesIn } from "../paths/files.ts";
import { paths } from "../paths/urls.ts";
import { recordedOwner, runningOwner } from "../runtime/owner.ts";

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
  return { staging: `${output}.partial-${pid}`, audit: `${output}.partial-${pid}-cached`, retired: `${output}.old-${pid}`, lock: `${output}.lock` };
}

/**
 * Takes the output's lock: a file holding the owner's process id, made only if there is none (`wx`). A
 * lock whose process is gone is stale, and taken over by one build only: whoever first makes the claim
 * `<lock>.stale-<dead owner>` (again `wx`) may delete it, and only while it still names that owner; every
 * build then makes the lock anew, `wx`, and one of them has it. So two builds that find the same dead
 * owner's lock never both go ahead. `onStale` is for tests: it runs once a build has found a stale lock,
 * before it claims it, where builds race. Returns the function that releases the lock.
 */
export function lockOutput(output: string, onStale?: () => void): () => void {
  const { lock } = buildFolders(output);
  for (let attempt = 0; attempt < 100; attempt++) {
    if (createNew(lock, `${process.pid}\n`)) return () => rmSync(lock, { force: true });
    const owner = runningOwner(lock);
    if (owner !== undefined) {
      throw new OutputLockedError(
        `Another build (process ${owner}) is writing ${output} now: wait for it to finish, or stop it. ` + `If no build is running, delete ${lock}.`,
      );
    }
    const dead = recordedOwner(lock);
    // Released meanwhile: try again.
    if (dead === undefined) continue;
    onStale?.();
    const claim = `${lock}.stale-${dead.replace(/\W/g, "_")}`;
    if (createNew(claim, `${process.pid}\n`)) {
      try {
        if (recordedOwner(lock) === dead) rmSync(lock, { force: true });
      } finally {
        rmSync(claim, { force: true });
      }
    } else {
      // Another build is taking it over this very moment: its lock is there on the next look.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  throw new OutputLockedError(
    `${lock} is left by a build that is no longer running, and could not be taken over: delete it, and any ${lock}.stale-* beside it.`,
  );
}

/**
 * Makes `file` holding `text`, only if it does not exist; false if it does. Whole at once (a hard link to
 * a file already written), so no reader ever finds it empty and takes it for a stale one.
 */
function createNew(file: string, text: string): boolean {
  const written = `${file}.${process.pid}.tmp`;
  writeFileSync(written, text);
  try {
    linkSync(written, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(written, { force: true });
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
  const leftovers = (kind: string) =>
    namesIn(folder)
      .filter((name) => name.startsWith(prefix(kind)))
      .map((name) => join(folder, name));
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
