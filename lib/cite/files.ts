// The citation downloads written beside each essay's page, after the pages: BibTeX, RIS and CSL-JSON,
// all from the essay's one CSL-JSON record (formats.ts), as the build cache or the pool has them.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Essay } from "../content/model.ts";
import { citationFile, type CitationSource } from "./essay.ts";
import { downloadTypes, type Downloads } from "./formats.ts";

/** Files written at once: enough to keep the disk busy, few enough to stay far from the open-files limit. */
const AT_ONCE = 64;

/**
 * Writes the downloads of these essays (`archive.stale.essays`: every essay in a build), each as soon as
 * its citations are ready. The writing itself is done by Node's thread pool, so a build runs this while
 * Eleventy renders (lib/build/pages.ts).
 */
export async function writeCitationFiles(output: string, essays: readonly Essay[], citations: CitationSource): Promise<void> {
  const writes: [string, string][] = [];
  for (const essay of essays) {
    const { downloads } = await citations.of(essay);
    for (const format of Object.keys(downloadTypes) as (keyof Downloads)[]) {
      writes.push([join(output, citationFile(essay, downloadTypes[format].extension)), downloads[format]]);
    }
  }
  for (const folder of new Set(writes.map(([path]) => dirname(path)))) await mkdir(folder, { recursive: true });
  let next = 0;
  const writer = async () => {
    while (next < writes.length) {
      const [path, text] = writes[next++]!;
      await writeFile(path, text);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, writer));
}
