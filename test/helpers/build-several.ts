// Several archives built one after another in one process, as `npm run build` builds each
// (`buildArchive()`, lib/orchestration/run.ts): test/global-setup.ts's fixtures, so that Node, tsx, the
// code and Eleventy load once for them all instead of once each (about two seconds of CPU a build).
// node --import tsx build-several.ts JSON, where JSON is a list of { root, output, cache } (cache a folder, or
// false for none). Exits 1 naming the first build that failed.
import { buildArchive } from "../../lib/orchestration/run.ts";
import { forgetTimings } from "../../lib/runtime/timings.ts";

export interface Build {
  root: string;
  output: string;
  cache: string | false;
}

for (const { root, output, cache } of JSON.parse(process.argv[2]!) as Build[]) {
  // Each build measures its phases afresh (lib/runtime/timings.ts).
  forgetTimings();
  try {
    await buildArchive({ root, output, cache });
  } catch (error) {
    console.error(`build of ${root} failed:\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
