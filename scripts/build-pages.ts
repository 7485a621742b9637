// The first half of `npm run build`, in a process of its own (lib/orchestration/pages.ts), started by
// lib/orchestration/run.ts. Arguments: ROOT STAGING CACHE [--previous OUTPUT] [--site-url URL] [--verbose], where CACHE
// is a folder or "--no-cache", OUTPUT the output folder the build will replace, and URL the site's address as
// `npm run build` checked it (SITE_URL).
// It reports to its parent over IPC.
import { parseArgs } from "node:util";
import { writePages, type PagesMessage } from "../lib/orchestration/pages.ts";
import { record } from "../lib/runtime/timings.ts";

record("startup of the pages process", performance.now());
// Its parent alone stops it (lib/orchestration/run.ts): Ctrl+C in a terminal reaches every process of the build,
// and the parent, which removes the staging folder once this process has ended, must hear of it first.
// Should the parent itself be gone, nothing is left to write for.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => {});
process.on("disconnect", () => process.exit(1));
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    previous: { type: "string" },
    "site-url": { type: "string" },
    verbose: { type: "boolean", default: false },
    "no-cache": { type: "boolean", default: false },
  },
});
const [root, staging, cache] = positionals as [string, string, string?];
const ok = await writePages({
  root,
  staging,
  previous: values.previous,
  siteUrl: values["site-url"],
  cache: values["no-cache"] ? false : cache!,
  verbose: values.verbose,
  send: (message: PagesMessage) => new Promise<void>((sent) => (process.send ? process.send(message, () => sent()) : sent())),
});
// At once, once the last message is sent: nothing is left to do, and tearing down a heap of hundreds of MiB is not free.
process.exit(ok ? 0 : 1);
