// npm run build [-- --root DIR] [-- --output DIR]
// Builds the whole archive, search index included, into a staging folder beside the output and swaps it
// into place only when everything succeeded: a failed or interrupted build leaves the previous output as
// it was. --root names the content folder (src/essays + _data); default: this repository.
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { ContentError } from "../lib/problems.ts";

const { values } = parseArgs({
  options: {
    root: { type: "string" },
    output: { type: "string", default: "dist" },
    verbose: { type: "boolean", default: false },
  },
});
if (values.root) process.env.ARCHIVE_ROOT = resolve(values.root);

const output = resolve(values.output);
const staging = `${output}.partial-${process.pid}`;
const retired = `${output}.old-${process.pid}`;

function contentError(error: unknown): ContentError | undefined {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof ContentError) return e;
  return undefined;
}

async function abandon(): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void abandon().finally(() => process.exit(130)));
}

try {
  await abandon();
  const eleventy = new Eleventy("src", staging, { configPath: ".eleventy.ts", quietMode: !values.verbose });
  await eleventy.write();
} catch (error) {
  await abandon();
  const problems = contentError(error);
  console.error(problems ? problems.message : error);
  console.error(`\nNothing was written: ${values.output} is as it was.`);
  process.exit(1);
}

// Two renames on one file system: dist/ is never missing more than for an instant, never half-written.
if (existsSync(output)) await rename(output, retired);
await rename(staging, output);
await rm(retired, { recursive: true, force: true });
console.log(`Built the archive into ${values.output}/`);
