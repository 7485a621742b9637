// One build's side of a race for a stale output lock (test/unit/swap.test.ts), as a process of its own:
// node --import tsx lock-racer.ts OUTPUT GO. Once it has found the lock stale it says "stale" and waits
// for the file GO, so that every racer has found it stale before any takes it over. It then says
// "locked" and holds the lock until its standard input closes, or says "refused" and exits.
import { existsSync } from "node:fs";
import { lockOutput, OutputLockedError } from "../../lib/orchestration/swap.ts";

const [output, go] = process.argv.slice(2) as [string, string];
const pause = new Int32Array(new SharedArrayBuffer(4));
try {
  const release = lockOutput(output, () => {
    process.stdout.write("stale\n");
    while (!existsSync(go)) Atomics.wait(pause, 0, 0, 5);
  });
  process.stdout.write("locked\n");
  process.stdin.resume();
  process.stdin.on("end", () => {
    release();
    process.exit(0);
  });
} catch (error) {
  if (!(error instanceof OutputLockedError)) throw error;
  process.stdout.write("refused\n");
}
