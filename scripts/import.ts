// npm run import -- FILE... [--root DIR] [--series ID] [--series-title TITLE] [--encoding NAME] [--dry-run] [--force]
// Turns saved commentary pages (plain text) into essays and records: lib/import/.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { formatProblem } from "../lib/content/problems.ts";
import { CONTENT } from "../lib/paths/layout.ts";
import { finishImport, ImportBusyError } from "../lib/import/commit.ts";
import { importPages, type ImportResult } from "../lib/import/run.ts";
import { encodingNamed, ENCODINGS } from "../lib/content/encoding.ts";
import { checkContentRoot, commandArgs, UsageError } from "../lib/commands/args.ts";

const USAGE = "npm run import -- FILE... [--root DIR] [--series ID] [--series-title TITLE] [--encoding NAME] [--dry-run] [--force]";
const { values, positionals, encoding } = commandArgs(
  USAGE,
  {
    allowPositionals: true,
    options: {
      root: { type: "string", default: process.env.ARCHIVE_ROOT ?? "." },
      series: { type: "string" },
      "series-title": { type: "string" },
      /** The pages' encoding, when detection cannot tell (or tells wrong). */
      encoding: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
    },
  },
  ({ values, positionals }) => {
    // The essays folder may be new: the first import makes it.
    checkContentRoot(values.root, [CONTENT.data]);
    if (positionals.length === 0 && !existsSync(join(values.root, CONTENT.importStaging))) throw new UsageError("name the saved pages to import");
    const encoding = values.encoding === undefined ? undefined : encodingNamed(values.encoding);
    if (values.encoding !== undefined && !encoding)
      throw new UsageError(`--encoding ${values.encoding} is not one the importer reads (${ENCODINGS.join(", ")})`);
    return { values, positionals, encoding };
  },
);
const root = resolve(values.root);
// Ctrl-C: before the commit nothing is written; after it, the files are all moved into place first.
const interrupt = new AbortController();
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => interrupt.abort());
let result: ImportResult;
try {
  if (positionals.length === 0) {
    const done = await finishImport(root);
    console.log(
      done === "finished"
        ? "finished the interrupted import"
        : done === "cleared"
          ? `removed what an interrupted import left in ${CONTENT.importStaging}/`
          : "nothing to finish",
    );
    process.exit(0);
  }
  result = await importPages(root, positionals, {
    series: values.series,
    seriesTitle: values["series-title"],
    force: values.force,
    dryRun: values["dry-run"],
    encoding,
    signal: interrupt.signal,
  });
} catch (error) {
  if (interrupt.signal.aborted && !(error instanceof ImportBusyError)) {
    console.error("Interrupted: nothing was imported.");
    process.exit(130);
  }
  console.error(error instanceof ImportBusyError ? `Nothing was imported: ${error.message}.` : `Nothing was imported:\n  ${String(error)}`);
  process.exit(1);
}
if (interrupt.signal.aborted) {
  console.error("Interrupted after the import was committed: it was finished first.");
  process.exit(130);
}
for (const line of result.lines) console.log(line);
if (result.problems.length) {
  console.error(`\nNothing was imported: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}.`);
  for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
console.log(values["dry-run"] ? `dry run: would have ${result.summary.replace(/^imported/, "imported")}; nothing written` : result.summary);
