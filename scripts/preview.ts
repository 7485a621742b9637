// npm run preview [-- --base /archive/of/x/] [-- --port 8080] [-- --dir dist]
// Serves the built archive as a static host would, at its root or under a base path.
import { parseArgs } from "node:util";
import { startPreview } from "../lib/tools/preview-server.ts";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: "dist" },
    base: { type: "string", default: "/" },
    port: { type: "string", default: "8080" },
  },
});
const preview = await startPreview(values.dir, { base: values.base, port: Number(values.port) });
console.log(`Serving ${values.dir}/ at ${preview.url}  (Ctrl+C to stop)`);
