// The first half of `npm run build`, in a process of its own: Eleventy writes every page into the staging
// folder, then this process exits, so the memory it held is free before Pagefind indexes (lib/build/run.ts).
// Arguments: ROOT STAGING [--verbose]. It reports to its parent over IPC: when the archive is loaded, and
// its phase timings at the end.
import Eleventy from "@11ty/eleventy";
import { archiveConfig } from "../.eleventy.ts";
import type { PagesMessage } from "../lib/build/run.ts";
import { ContentError } from "../lib/content/problems.ts";
import { record, timedAsync, timingRows } from "../lib/tools/timings.ts";

const [root, staging] = process.argv.slice(2);
const verbose = process.argv.includes("--verbose");
const send = (message: PagesMessage) => process.send?.(message);
record("startup of the pages process", performance.now());

const config = archiveConfig(root!, { searchIndex: false, onLoaded: (archive) => send({ loaded: archive.essays.length }) });
const eleventy = new Eleventy(undefined, staging, { config, quietMode: !verbose });
// Errors are reported by the parent, once, in the editor's terms.
if (!verbose) eleventy.disableLogger();
try {
  await timedAsync("eleventy", () => eleventy.write());
  send({ timings: timingRows(), maxRssKiB: process.resourceUsage().maxRSS });
} catch (error) {
  send({ error: explain(error) });
  process.exitCode = 1;
}

/** The error a failure wraps: Eleventy keeps what a template threw as `originalError`. */
function causeOf(error: unknown): unknown {
  return error instanceof Error ? (error.cause ?? (error as { originalError?: unknown }).originalError) : undefined;
}

/** The content's problems in the editor's terms, or else the error and its causes, one line each. */
function explain(error: unknown): string {
  const lines: string[] = [];
  for (let e = error; e; e = causeOf(e)) {
    if (e instanceof ContentError) return e.message;
    lines.push(e instanceof Error ? e.message : String(e));
  }
  return `The archive was not built:\n${lines.map((l) => `  ${l}`).join("\n")}`;
}
