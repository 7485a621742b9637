// npm run build [-- --root DIR] [-- --output DIR] [-- --cache DIR | --no-cache] [-- --timings]
// Builds the whole archive, search index included (lib/orchestration/run.ts). --root names the content folder
// (src/essays + _data; default: this repository). The build cache is the content folder's `.cache/`
// (lib/cache/cache.ts), or --cache DIR; --no-cache builds without reading or writing one; --audit-cache
// writes the pages from the cache and without it and fails on any file that differs.
import { buildArchive, BuildError, BuildInterrupted } from "../lib/orchestration/run.ts";
import { count } from "../lib/runtime/messages.ts";
import { checkContentRoot, checkSiteUrl, commandArgs, UsageError } from "../lib/commands/args.ts";
import { record, timingRows, timingTable } from "../lib/runtime/timings.ts";

const USAGE = "npm run build [-- --root DIR] [--output DIR] [--cache DIR | --no-cache] [--audit-cache] [--timings] [--verbose]";
const values = commandArgs(
  USAGE,
  {
    options: {
      root: { type: "string", default: process.env.ARCHIVE_ROOT ?? "." },
      output: { type: "string", default: "dist" },
      verbose: { type: "boolean", default: false },
      cache: { type: "string" },
      "no-cache": { type: "boolean", default: false },
      /** Write the pages from the cache and without it, and fail on any file that differs (lib/orchestration/audit.ts). */
      "audit-cache": { type: "boolean", default: false },
      timings: { type: "boolean", default: false },
      /** One line of JSON, for the benchmark. */
      "timings-json": { type: "boolean", default: false },
    },
  },
  ({ values }) => {
    checkContentRoot(values.root);
    // Read and checked here once; the build passes it down (lib/orchestration/run.ts, BuildOptions.siteUrl).
    const siteUrl = checkSiteUrl(process.env.SITE_URL, "SITE_URL");
    if (values["audit-cache"] && values["no-cache"]) throw new UsageError("--audit-cache checks the build cache: it cannot go with --no-cache");
    return { ...values, siteUrl };
  },
);
record("startup", performance.now());
// Phases as they go, for a person watching a terminal; logs and tests get the summary only.
const onPhase = process.stdout.isTTY ? (phase: string) => console.log(`${phase}…`) : undefined;

try {
  const report = await buildArchive({
    root: values.root,
    output: values.output,
    siteUrl: values.siteUrl,
    verbose: values.verbose,
    cache: values["no-cache"] ? false : values.cache,
    auditCache: values["audit-cache"],
    // For the tests: the pages process at any size (ARCHIVE_OWN_PROCESS_FROM=0).
    ownProcessFrom: process.env.ARCHIVE_OWN_PROCESS_FROM ? Number(process.env.ARCHIVE_OWN_PROCESS_FROM) : undefined,
    onPhase,
  });
  const total = performance.now();
  const mib = (bytes = 0) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const { search, pdfs } = report.outputs;
  console.log(
    `Built ${count(report.essays, "essay")} (${count(report.pages, "page")}) into ${values.output}/ in ${(total / 1000).toFixed(1)} s; ` +
      `search index ${mib(search?.bytes)}, and ${mib(search?.offlineBytes)} more for search from disk.`,
  );
  if (report.audited !== undefined) {
    console.log(`Cache audit: the ${count(report.audited, "file")} written from the build cache and without it are the same, byte for byte.`);
  }
  if (report.cache) {
    const { citations, bodies, pages, listings } = report.cache;
    const of = (reused: number, made: number, noun?: string) => `${reused.toLocaleString("en")} of ${count(reused + made, noun)}`;
    const parts = [`the pages and downloads of ${of(pages.cached, pages.rendered)}`, of(listings.cached, listings.rendered, "listing page")];
    // What the essays whose page was made again needed: their citations.
    if (pages.rendered > 0) parts.push(`the citations of ${of(citations.cached, citations.formatted)}${pages.cached > 0 ? " made again" : ""}`);
    parts.push(`the rendered bodies of ${of(bodies.cached, bodies.rendered)}`);
    console.log(`From the build cache: ${parts.join(", ")}.`);
  }
  if (pdfs) console.log(`PDFs: ${pdfs.printed.toLocaleString("en")} printed, ${pdfs.cached.toLocaleString("en")} from the build cache.`);
  if (pdfs?.audited !== undefined) console.log(`PDF audit: the ${count(pdfs.audited, "PDF")} the build cache had are those printed anew, byte for byte.`);
  console.log(`Open ${values.output}/index.html, or serve it with \`npm run preview\`.`);
  if (values.timings) console.log(timingTable(timingRows(), total));
  if (values["timings-json"]) {
    const phases = Object.fromEntries(timingRows().map((r) => [r.phase, r.ms]));
    console.log(`timings ${JSON.stringify({ ...phases, maxRssKiB: report.pagesRssKiB, cache: report.cache })}`);
  }
} catch (error) {
  console.error(error instanceof BuildError || error instanceof BuildInterrupted ? error.message : `The archive was not built:\n  ${String(error)}`);
  console.error(`\nNothing was written: ${values.output} is as it was.`);
  process.exit(error instanceof BuildInterrupted ? error.exitCode : 1);
}
