// npm run build [-- --root DIR] [-- --output DIR] [-- --timings]
// Builds the whole archive, search index included, into a staging folder beside the output and swaps it
// into place only when everything succeeded: a failed or interrupted build leaves the previous output as
// it was. --root names the content folder (src/essays + _data); default: this repository.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { archiveConfig } from "../.eleventy.ts";
import { ContentError } from "../lib/content/problems.ts";
import { record, timedAsync, timingRows, timingTable } from "../lib/tools/timings.ts";

const { values } = parseArgs({
  options: {
    root: { type: "string", default: process.env.ARCHIVE_ROOT ?? "." },
    output: { type: "string", default: "dist" },
    verbose: { type: "boolean", default: false },
    timings: { type: "boolean", default: false },
    /** One line of JSON, for the benchmark. */
    "timings-json": { type: "boolean", default: false },
  },
});
record("startup", performance.now());

const output = resolve(values.output);
const staging = `${output}.partial-${process.pid}`;
const retired = `${output}.old-${process.pid}`;

function contentError(error: unknown): ContentError | undefined {
  for (let e = error; e; e = causeOf(e)) if (e instanceof ContentError) return e;
  return undefined;
}

/** The error a failure wraps: Eleventy keeps what a template threw as `originalError`. */
function causeOf(error: unknown): unknown {
  return error instanceof Error ? (error.cause ?? (error as { originalError?: unknown }).originalError) : undefined;
}

/** An error and its causes, one line each. */
function describe(error: unknown): string {
  const lines: string[] = [];
  for (let e = error; e; e = causeOf(e)) lines.push(e instanceof Error ? e.message : String(e));
  return `The archive was not built:\n${lines.map((l) => `  ${l}`).join("\n")}`;
}

/** Removes the staging folder. Synchronous, so that an interrupted build exits before any write still in
 * flight can add to it again. */
function abandon(): void {
  rmSync(staging, { recursive: true, force: true, maxRetries: 5 });
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    abandon();
    process.exit(130);
  });
}

try {
  // A build killed outright (SIGKILL) can leave a staging folder behind: clear any such leftovers.
  for (const leftover of await readdir(dirname(output)).catch(() => [])) {
    if (leftover.startsWith(`${basename(output)}.partial-`) || leftover.startsWith(`${basename(output)}.old-`)) {
      await rm(join(dirname(output), leftover), { recursive: true, force: true });
    }
  }
  // No config file: the configuration is handed over with the content root it is for.
  const eleventy = new Eleventy(undefined, staging, { config: archiveConfig(resolve(values.root)), quietMode: !values.verbose });
  // Errors are reported below, once, in the editor's terms.
  if (!values.verbose) eleventy.disableLogger();
  await timedAsync("eleventy", () => eleventy.write());
} catch (error) {
  abandon();
  const problems = contentError(error);
  console.error(problems ? problems.message : describe(error));
  console.error(`\nNothing was written: ${values.output} is as it was.`);
  process.exit(1);
}

// Two renames on one file system: dist/ is never missing more than for an instant, never half-written.
await timedAsync("swap into place", async () => {
  if (existsSync(output)) await rename(output, retired);
  await rename(staging, output);
});
// The previous output is deleted by a detached process, so the build is done as soon as the new one is in
// place; a deletion cut short is finished by the next build (the leftovers check above).
if (existsSync(retired)) {
  spawn(process.execPath, ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", retired], {
    detached: true,
    stdio: "ignore",
  }).unref();
}
const total = performance.now();
console.log(`Built the archive into ${values.output}/ in ${(total / 1000).toFixed(2)} s`);
if (values.timings) console.log(timingTable(timingRows(), total));
if (values["timings-json"]) {
  const phases = Object.fromEntries(timingRows().map((r) => [r.phase, r.ms]));
  console.log(`timings ${JSON.stringify({ ...phases, maxRssKiB: process.resourceUsage().maxRSS })}`);
}
