// npm start [-- --port N] [--output DIR]
// The dev server (lib/orchestration/dev-server.ts): Eleventy's own, serving the content root ARCHIVE_ROOT (default:
// this repository) from dist/ with live reload. Checked first, so a folder that is not a content root is
// one line, not Eleventy's stack.
import { DevServerError, startDevServer } from "../lib/orchestration/dev-server.ts";
import { outputProblem } from "../lib/orchestration/swap.ts";
import { checkContentRoot, checkSiteUrl, commandArgs, portNumber, UsageError } from "../lib/commands/args.ts";

const USAGE = "[ARCHIVE_ROOT=DIR] npm start [-- --port N] [--output DIR]";
const options = { port: { type: "string", default: "8080" }, output: { type: "string", default: "dist" } } as const;
const { root, port, output, siteUrl } = commandArgs(USAGE, { options }, ({ values }) => {
  const root = process.env.ARCHIVE_ROOT ?? ".";
  checkContentRoot(root);
  // Read and checked here once; the dev server passes it down to its loader.
  const siteUrl = checkSiteUrl(process.env.SITE_URL, "SITE_URL");
  const problem = outputProblem(values.output, root);
  if (problem) throw new UsageError(problem);
  return { root, port: portNumber(values.port, "--port"), output: values.output, siteUrl };
});

const server = await startDevServer({ root, output, port, siteUrl }).catch((error: unknown) => {
  if (!(error instanceof DevServerError)) throw error;
  console.error(error.message);
  process.exit(1);
});
// Stopped as Eleventy's own command stops: the watcher and server closed, exit code 0.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => void server.stop().then(() => process.exit(0)));
