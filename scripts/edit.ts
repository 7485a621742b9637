// npm run edit [-- --root DIR] [--port N] [--site-port N] [--editor-only]
// The web editor (lib/edit/): Decap CMS on this machine, for the content root ARCHIVE_ROOT (default: this
// repository; or --root DIR), writing straight into it; beside it the dev server (`npm start`), where an essay's page
// opens from the editor. Both listen on this machine only; nothing is fetched from the network.
import { startEditor } from "../lib/edit/server.ts";
import { DevServerError, startDevServer } from "../lib/orchestration/dev-server.ts";
import { checkContentRoot, commandArgs, portNumber } from "../lib/commands/args.ts";

const USAGE = "npm run edit [-- --root DIR] [--port N] [--site-port N] [--editor-only]";
const options = {
  root: { type: "string", default: process.env.ARCHIVE_ROOT ?? "." },
  port: { type: "string", default: "8081" },
  "site-port": { type: "string", default: "8080" },
  "editor-only": { type: "boolean", default: false },
} as const;
const { root, port, sitePort, editorOnly } = commandArgs(USAGE, { options }, ({ values }) => {
  const root = values.root;
  checkContentRoot(root);
  return { root, port: portNumber(values.port, "--port"), sitePort: portNumber(values["site-port"], "--site-port"), editorOnly: values["editor-only"] };
});

const site = editorOnly
  ? undefined
  : await startDevServer({ root, output: "dist", port: sitePort, siteUrl: undefined }).catch((error: unknown) => {
      if (!(error instanceof DevServerError)) throw error;
      console.error(error.message);
      process.exit(1);
    });
const editor = await startEditor({ root, port, siteUrl: site && `http://localhost:${sitePort}/` }).catch((error: NodeJS.ErrnoException) => {
  console.error(error.code === "EADDRINUSE" ? `port ${port} is taken: choose another with --port N` : error.message);
  process.exit(1);
});
console.log(`The editor is at ${editor.url} (日本語: ${editor.url}?lang=ja)${site ? `; the archive at http://localhost:${sitePort}/` : ""}`);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.once(signal, () => void Promise.all([editor.close(), site?.stop()]).then(() => process.exit(0)));
