// npm start [-- --port N]
// The dev server: Eleventy's own, serving the content root ARCHIVE_ROOT (default: this repository) with
// live reload. Checked first, so a folder that is not a content root is one line, not Eleventy's stack.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { checkContentRoot, checkSiteUrl, commandArgs, portNumber } from "../lib/tools/args.ts";

const USAGE = "[ARCHIVE_ROOT=DIR] npm start [-- --port N]";
const port = commandArgs(USAGE, { options: { port: { type: "string", default: "8080" } } }, ({ values }) => {
  checkContentRoot(process.env.ARCHIVE_ROOT ?? ".");
  checkSiteUrl(process.env.SITE_URL, "SITE_URL");
  return portNumber(values.port, "--port");
});

// Its command-line entry, which the package does not export.
const eleventy = join(import.meta.dirname, "../node_modules/@11ty/eleventy/cmd.cjs");
const args = ["--import", "tsx", eleventy, "--config=.eleventy.ts", "--output=dist", "--serve", "--incremental", "--quiet", `--port=${port}`];
const server = spawn(process.execPath, args, { stdio: "inherit" });
// Ctrl+C reaches the server too (same process group): wait for it to stop, and stop as it did.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
