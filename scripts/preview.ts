// npm run preview [-- --base /archive/of/x/] [-- --port 8080] [-- --dir dist]
// Serves the built archive as a static host would, at its root or under a base path.
import { commandArgs, portNumber, UsageError } from "../lib/commands/args.ts";
import { notAnArchive, startPreview } from "../lib/http/preview-server.ts";

const USAGE = "npm run preview [-- --dir DIR] [--base /PATH/] [--port N]";
const { values, port } = commandArgs(
  USAGE,
  {
    options: {
      dir: { type: "string", default: "dist" },
      base: { type: "string", default: "/" },
      port: { type: "string", default: "8080" },
    },
  },
  ({ values }) => {
    if (!values.base.startsWith("/")) throw new UsageError(`--base must be a path from the host's root, starting with /: ${values.base}`);
    return { values, port: portNumber(values.port, "--port") };
  },
);
const problem = notAnArchive(values.dir);
if (problem) {
  console.error(problem);
  process.exit(1);
}
try {
  const preview = await startPreview(values.dir, { base: values.base, port });
  console.log(`Serving ${values.dir}/ at ${preview.url}  (Ctrl+C to stop)`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === "EADDRINUSE"
      ? `Port ${values.port} is already in use: try \`npm run preview -- --port 8081\``
      : `Cannot serve ${values.dir}/: ${(error as Error).message}`,
  );
  process.exit(1);
}
