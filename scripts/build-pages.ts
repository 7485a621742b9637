// The first half of `npm run build`, in a process of its own (lib/build/pages.ts), started by
// lib/build/run.ts. Arguments: ROOT STAGING CACHE [--verbose], where CACHE is a folder or "--no-cache".
// It reports to its parent over IPC.
import { writePages, type PagesMessage } from "../lib/build/pages.ts";
import { record } from "../lib/tools/timings.ts";

record("startup of the pages process", performance.now());
const [root, staging, cache] = process.argv.slice(2) as [string, string, string];
const ok = await writePages({
  root,
  staging,
  cache: cache === "--no-cache" ? false : cache,
  verbose: process.argv.includes("--verbose"),
  send: (message: PagesMessage) => new Promise<void>((sent) => (process.send ? process.send(message, () => sent()) : sent())),
});
// At once, once the last message is sent: nothing is left to do, and tearing down a heap of hundreds of MiB is not free.
process.exit(ok ? 0 : 1);
