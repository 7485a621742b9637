// Files that say which process owns something (a build's output lock, an import's staging folder): the
// owner's process id, one line. An owner that is no longer running has left it stale.
import { readFileSync } from "node:fs";

/** The process id in `file`, if that process is running and is not this one; else undefined (stale, or none). */
export function runningOwner(file: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(file, "utf8"), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: running, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}

/** What `file` says of its owner, as written (a stale one's too), or undefined if there is no such file. */
export function recordedOwner(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
