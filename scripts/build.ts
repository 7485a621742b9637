// npm run build [-- --root DIR] [-- --output DIR] [-- --cache DIR | --no-cache] [-- --timings]
// Builds the whole archive, search index included (lib/orchestration/run.ts). --root names the content folder
// (src/essays + _data; default: this repository). The build cache is the content folder's `.cache/`
// (lib/cache/cache.ts), or --cache DIR; --no-cache builds without reading or writing one; --audit-cache
// writes the pages from the cache and without it and fails on any file that differs. The command itself is
// lib/orchestration/build-command.ts.
import { buildCommand } from "../lib/orchestration/build-command.ts";

const code = await buildCommand(
  process.argv.slice(2),
  process.env,
  { out: (line) => console.log(line), err: (line) => console.error(line), tty: process.stdout.isTTY },
  performance.now(),
);
if (code !== 0) process.exit(code);
