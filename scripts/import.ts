// npm run import -- FILE... [--root DIR] [--series ID] [--series-title TITLE] [--dry-run] [--force]
// Turns saved commentary pages (plain text) into essays and records: lib/import/.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatProblem } from "../lib/content/problems.ts";
import { importPages } from "../lib/import/run.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    root: { type: "string", default: process.env.ARCHIVE_ROOT ?? "." },
    series: { type: "string" },
    "series-title": { type: "string" },
    "dry-run": { type: "boolean", default: false },
    force: { type: "boolean", default: false },
  },
});
if (positionals.length === 0) {
  console.error("usage: npm run import -- FILE... [--root DIR] [--series ID] [--series-title TITLE] [--dry-run] [--force]");
  process.exit(2);
}
const result = await importPages(resolve(values.root), positionals, {
  series: values.series,
  seriesTitle: values["series-title"],
  force: values.force,
  dryRun: values["dry-run"],
});
for (const line of result.lines) console.log(line);
if (result.problems.length) {
  console.error(`\nNothing was imported: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}.`);
  for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
console.log(values["dry-run"] ? `dry run: would have ${result.summary.replace(/^imported/, "imported")}; nothing written` : result.summary);
