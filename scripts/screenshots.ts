// npm run screenshots [-- --dist dist] [-- --out screenshots] [-- --readme docs/essay-page.png]
// PNGs of each kind of page at 390 and 1280 px, light and dark, from an archive already built
// (lib/commands/screenshots.ts). Builds nothing: run `npm run build` first.
import { commandArgs } from "../lib/commands/args.ts";
import { notAnArchive } from "../lib/http/preview-server.ts";
import { takeScreenshots } from "../lib/commands/screenshots.ts";

const USAGE = "npm run screenshots [-- --dist DIR] [--out DIR] [--readme FILE.png]";
const values = commandArgs(
  USAGE,
  {
    options: {
      dist: { type: "string", default: "dist" },
      out: { type: "string", default: "screenshots" },
      readme: { type: "string" },
    },
  },
  ({ values }) => values,
);
const problem = notAnArchive(values.dist);
if (problem) {
  console.error(problem);
  process.exit(1);
}
const files = await takeScreenshots({ dist: values.dist, out: values.out, readme: values.readme, log: (f) => console.log(f) });
console.log(`${files.length} screenshots of ${values.dist}/ in ${values.out}/`);
