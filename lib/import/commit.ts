// Writing an import's files all or nothing, even if the process is interrupted or killed at any instant.
// Every file is first written in full into a staging folder in the content root (CONTENT.importStaging),
// then a journal listing the moves is put there in one rename: that rename is the commit. Before it,
// an interruption leaves the archive as it was (the staging folder is thrown away); after it, the moves are
// finished, by this process or, if it was killed, by the next import (`finishImport`). While a journal
// exists the loader refuses to build, so no build ever reads half a batch.
import { existsSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { runningOwner } from "../runtime/owner.ts";
import { CONTENT } from "../paths/layout.ts";

export interface FileWrite {
  /** Relative to the content root. */
  path: string;
  text: string;
}

interface Journal {
  /** Staged file (relative to the staging folder) → its place (relative to the content root). */
  moves: { from: string; to: string }[];
  removes: string[];
}

const OWNER = "owner";
const JOURNAL = CONTENT.importJournal.slice(CONTENT.importStaging.length + 1);

/**
 * Awaited before each step that changes the disk. A test stands for a crash (SIGKILL) at a step by
 * returning a promise that never settles there: nothing of this run happens after it.
 */
export type StepHook = (step: string) => void | Promise<void>;

export class ImportBusyError extends Error {}

/**
 * Finishes or clears what an interrupted import left: with a journal, its moves are completed (each is
 * done at most once, so this can itself be interrupted and run again); without one, the staging folder is
 * removed. Returns what it did. Throws ImportBusyError if another import is running.
 */
export async function finishImport(root: string, step: StepHook = () => {}): Promise<"nothing" | "finished" | "cleared"> {
  const staging = join(root, CONTENT.importStaging);
  if (!existsSync(staging)) return "nothing";
  const owner = runningOwner(join(staging, OWNER));
  if (owner !== undefined) throw new ImportBusyError(`another import (process ${owner}) is writing into this archive: wait for it to finish`);
  if (!existsSync(join(staging, JOURNAL))) {
    // Staged but never committed (the archive is as it was), or committed and all done but this folder.
    await step("remove the staging folder");
    await rm(staging, { recursive: true, force: true });
    return "cleared";
  }
  const journal = JSON.parse(await readFile(join(staging, JOURNAL), "utf8")) as Journal;
  for (const { from, to } of journal.moves) {
    // Moved already by the run that was interrupted: nothing left to do for this one.
    if (!existsSync(join(staging, from))) continue;
    await step(`move ${to}`);
    await mkdir(dirname(join(root, to)), { recursive: true });
    await rename(join(staging, from), join(root, to));
  }
  for (const path of journal.removes) {
    await step(`remove ${path}`);
    await rm(join(root, path), { force: true });
  }
  await step("remove the journal");
  await rm(join(staging, JOURNAL));
  await step("remove the staging folder");
  await rm(staging, { recursive: true, force: true });
  return "finished";
}

async function writeDurably(path: string, text: string): Promise<void> {
  const file = await open(path, "w");
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * Writes `writes` and removes `removes` (paths relative to the root), all or none. `signal`: an
 * interruption (Ctrl-C) asked for; before the commit it undoes everything and throws, after it the
 * import is finished first.
 */
export async function commitImport(
  root: string,
  writes: FileWrite[],
  removes: string[],
  options: { signal?: AbortSignal; step?: StepHook } = {},
): Promise<void> {
  const step = options.step ?? (() => {});
  const staging = join(root, CONTENT.importStaging);
  await finishImport(root, step);
  await step("make the staging folder");
  await mkdir(staging).catch((error: NodeJS.ErrnoException) => {
    throw error.code === "EEXIST" ? new ImportBusyError("another import is writing into this archive: wait for it to finish") : error;
  });
  const undo = async () => rm(staging, { recursive: true, force: true });
  try {
    await writeFile(join(staging, OWNER), `${process.pid}\n`);
    const journal: Journal = { moves: writes.map((w, i) => ({ from: String(i), to: w.path })), removes };
    for (const [i, w] of writes.entries()) {
      await step(`stage ${w.path}`);
      await writeDurably(join(staging, String(i)), w.text);
      options.signal?.throwIfAborted();
    }
    await step("write the journal");
    await writeDurably(join(staging, `${JOURNAL}.partial`), JSON.stringify(journal));
    options.signal?.throwIfAborted();
  } catch (error) {
    await undo();
    throw error;
  }
  await step("commit");
  await rename(join(staging, `${JOURNAL}.partial`), join(staging, JOURNAL));
  await finishImport(root, step);
}
