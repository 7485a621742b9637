// npm run screenshots [-- --dist dist] [-- --out screenshots] [-- --readme docs/essay-page.png]
// PNGs of each kind of page at 390 and 1280 px, light and dark, from an archive already built
// (lib/commands/screenshots.ts). Builds nothing: run `npm run build` first.
// npm run screenshots -- --editor docs [--root DIR]: the editor (npm run edit) with an essay open, in each
// of its languages (lib/edit/screenshots.ts), from the content root (ARCHIVE_ROOT, or --root).
import { checkContentRoot, commandArgs } from "../lib/commands/args.ts";
import { editorScreenshots } from "../lib/edit/screenshots.ts";
import { notAnArchive } from "../lib/http/preview-server.ts";
import { takeScreenshots } from "../lib/commands/screenshots.ts";

const USAGE = "npm run screenshots [-- --dist DIR] [--out DIR] [--readme FILE.png] | [-- --editor DIR [--root DIR]]";
const values = commandArgs(
  USAGE,
  {
    options: {
      dist: { type: "string", default: "dist" },
      out: { type: "string", default: "screenshots" },
      readme: { type: "string" },
      editor: { type: "string" },
      root: { type: "string", default: process.env.ARCHIVE_ROOT ?? "." },
    },
  },
  ({ values }) => {
    if (values.editor !== undefined) checkContentRoot(values.root);
    return values;
  },
);
if (values.editor !== undefined) {
  const files = await editorScreenshots({ root: values.root, out: values.editor });
  for (const file of files) console.log(file);
  process.exit(0);
}
const problem = notAnArchive(values.dist);
if (problem) {
  console.error(problem);
  process.exit(1);
}
const files = await takeScreenshots({ dist: values.dist, out: values.out, readme: values.readme, log: (f) => console.log(f) });
console.log(`${files.length} screenshots of ${values.dist}/ in ${values.out}/`);
