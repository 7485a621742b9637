// `npm run build`'s command (scripts/build.ts is its shell): reads the arguments and SITE_URL, builds
// (./run.ts), and tells the editor what was built, or why nothing was. A function of its arguments, its
// environment and where its lines go, so that tests run it in their own process too (test/helpers/pages.ts).
import { buildArchive, BuildError, BuildInterrupted } from "./run.ts";
import { count } from "../runtime/messages.ts";
import { checkContentRoot, checkSiteUrl, commandArgs, UsageError } from "../commands/args.ts";
import { record, timingRows, timingTable } from "../runtime/timings.ts";

const USAGE = "npm run build [-- --root DIR] [--output DIR] [--cache DIR | --no-cache] [--audit-cache] [--timings] [--verbose]";

export interface CommandLines {
  /** A line of the summary (standard output). */
  out: (line: string) => void;
  /** A line of the failure (standard error). */
  err: (line: string) => void;
  /** Whether a person watches the output as it goes (a terminal): then the phases are told as they start. */
  tty?: boolean;
}

/**
 * Runs the command with `args` (after `npm run build --`) and the environment `env`; returns its exit code.
 * A wrong argument exits the process with code 2 (`commandArgs`). `startup`: the milliseconds the process
 * took to start, for --timings.
 */
export async function buildCommand(args: string[], env: NodeJS.ProcessEnv, lines: CommandLines, startup?: number): Promise<number> {
  const values = commandArgs(
    USAGE,
    {
      args,
      options: {
        root: { type: "string", default: env.ARCHIVE_ROOT ?? "." },
        output: { type: "string", default: "dist" },
        verbose: { type: "boolean", default: false },
        cache: { type: "string" },
        "no-cache": { type: "boolean", default: false },
        /** Write the pages from the cache and without it, and fail on any file that differs (./audit.ts). */
        "audit-cache": { type: "boolean", default: false },
        timings: { type: "boolean", default: false },
        /** One line of JSON, for the benchmark. */
        "timings-json": { type: "boolean", default: false },
      },
    },
    ({ values }) => {
      checkContentRoot(values.root);
      // Read and checked here once; the build passes it down (./run.ts, BuildOptions.siteUrl).
      const siteUrl = checkSiteUrl(env.SITE_URL, "SITE_URL");
      if (values["audit-cache"] && values["no-cache"]) throw new UsageError("--audit-cache checks the build cache: it cannot go with --no-cache");
      return { ...values, siteUrl };
    },
  );
  if (startup !== undefined) record("startup", startup);
  const begun = performance.now() - (startup ?? 0);
  // Phases as they go, for a person watching a terminal; logs and tests get the summary only.
  const onPhase = lines.tty ? (phase: string) => lines.out(`${phase}…`) : undefined;

  try {
    const report = await buildArchive({
      root: values.root,
      output: values.output,
      siteUrl: values.siteUrl,
      verbose: values.verbose,
      cache: values["no-cache"] ? false : values.cache,
      auditCache: values["audit-cache"],
      // For the tests: the pages process at any size (ARCHIVE_OWN_PROCESS_FROM=0).
      ownProcessFrom: env.ARCHIVE_OWN_PROCESS_FROM ? Number(env.ARCHIVE_OWN_PROCESS_FROM) : undefined,
      onPhase,
    });
    const total = performance.now() - begun;
    const mib = (bytes = 0) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
    const { search, pdfs } = report.outputs;
    lines.out(
      `Built ${count(report.essays, "essay")} (${count(report.pages, "page")}) into ${values.output}/ in ${(total / 1000).toFixed(1)} s; ` +
        `search index ${mib(search?.bytes)}, and ${mib(search?.offlineBytes)} more for search from disk.`,
    );
    if (report.audited !== undefined) {
      lines.out(`Cache audit: the ${count(report.audited, "file")} written from the build cache and without it are the same, byte for byte.`);
    }
    if (report.cache) {
      const { citations, bodies, pages, listings } = report.cache;
      const of = (reused: number, made: number, noun?: string) => `${reused.toLocaleString("en")} of ${count(reused + made, noun)}`;
      const parts = [`the pages and downloads of ${of(pages.cached, pages.rendered)}`, of(listings.cached, listings.rendered, "listing page")];
      // What the essays whose page was made again needed: their citations.
      if (pages.rendered > 0) parts.push(`the citations of ${of(citations.cached, citations.formatted)}${pages.cached > 0 ? " made again" : ""}`);
      parts.push(`the rendered bodies of ${of(bodies.cached, bodies.rendered)}`);
      lines.out(`From the build cache: ${parts.join(", ")}.`);
    }
    if (pdfs) lines.out(`PDFs: ${pdfs.printed.toLocaleString("en")} printed, ${pdfs.cached.toLocaleString("en")} from the build cache.`);
    if (pdfs?.audited !== undefined) lines.out(`PDF audit: the ${count(pdfs.audited, "PDF")} the build cache had are those printed anew, byte for byte.`);
    if (search) {
      const { total: shards, indexed, pagesIndexed } = search.shards;
      if (indexed === 0) lines.out(`Search: all ${count(shards, "shard")} from the build cache.`);
      else {
        const others = indexed < shards ? `, the others from the build cache` : "";
        lines.out(`Search: ${indexed.toLocaleString("en")} of ${count(shards, "shard")} indexed (${count(pagesIndexed)})${others}.`);
      }
    }
    lines.out(`Open ${values.output}/index.html, or serve it with \`npm run preview\`.`);
    if (values.timings) lines.out(timingTable(timingRows(), total));
    if (values["timings-json"]) {
      const phases = Object.fromEntries(timingRows().map((r) => [r.phase, r.ms]));
      lines.out(`timings ${JSON.stringify({ ...phases, maxRssKiB: report.pagesRssKiB, cache: report.cache })}`);
    }
    return 0;
  } catch (error) {
    lines.err(error instanceof BuildError || error instanceof BuildInterrupted ? error.message : `The archive was not built:\n  ${String(error)}`);
    lines.err(`\nNothing was written: ${values.output} is as it was.`);
    return error instanceof BuildInterrupted ? error.exitCode : 1;
  }
}
