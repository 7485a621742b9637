// npm run edit [-- --root DIR] [--port N] [--site-port N] [--editor-only]
// npm run edit -- --print-config HOST [--lang ja]: the configuration for a copy of the editor put online with a
// git host (HOST: github:org/repo[@branch], gitlab:…, gitea:…, git-gateway[@branch]; docs/editing.md), printed as JSON.
// The web editor (lib/edit/): Decap CMS on this machine, for the content root ARCHIVE_ROOT (default: this
// repository; or --root DIR), writing straight into it; beside it the dev server (`npm start`), where an essay's page
// opens from the editor. Both listen on this machine only; nothing is fetched from the network.
import { GIT_HOSTS, onlineConfig, parseGitHost } from "../lib/edit/online.ts";
import { configFor, startEditor } from "../lib/edit/server.ts";
import { DevServerError, startDevServer } from "../lib/orchestration/dev-server.ts";
import { checkContentRoot, commandArgs, portNumber, UsageError } from "../lib/commands/args.ts";

const USAGE = "npm run edit [-- --root DIR] [--port N] [--site-port N] [--editor-only] | [-- --print-config HOST [--lang en|ja]]";
const options = {
  root: { type: "string", default: process.env.ARCHIVE_ROOT ?? "." },
  port: { type: "string", default: "8081" },
  "site-port": { type: "string", default: "8080" },
  "editor-only": { type: "boolean", default: false },
  "print-config": { type: "string" },
  lang: { type: "string" },
} as const;
const { root, port, sitePort, editorOnly, host, lang } = commandArgs(USAGE, { options }, ({ values }) => {
  const root = values.root;
  checkContentRoot(root);
  const printed = values["print-config"];
  const host = printed === undefined ? undefined : parseGitHost(printed);
  if (printed !== undefined && !host)
    throw new UsageError(`--print-config takes ${GIT_HOSTS.join(", ")}, as github:org/repo@branch, not ${JSON.stringify(printed)}`);
  const port = portNumber(values.port, "--port");
  return { root, port, sitePort: portNumber(values["site-port"], "--site-port"), editorOnly: values["editor-only"], host, lang: values.lang };
});

if (host) {
  const { config, choices } = await configFor(root, { asked: lang });
  console.log(JSON.stringify(onlineConfig(config, host, choices), null, 2));
  process.exit(0);
}

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
