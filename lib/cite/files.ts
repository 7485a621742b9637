// The citation downloads written beside each essay's page, after the pages: BibTeX, RIS and CSL-JSON,
// all from the essay's one CSL-JSON record (formats.ts).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Archive } from "../content/model.ts";
import { citable, citationFile } from "./essay.ts";
import { downloads, downloadTypes, type Downloads } from "./formats.ts";

/** Writes the downloads of the essays whose pages were written (`archive.stale`: every essay in a build). */
export async function writeCitationFiles(output: string, archive: Archive): Promise<void> {
  for (const essay of archive.stale.essays) {
    const files = downloads(citable(essay, archive.site.url));
    for (const format of Object.keys(downloadTypes) as (keyof Downloads)[]) {
      await writeFile(join(output, citationFile(essay, downloadTypes[format].extension)), files[format]);
    }
  }
}
