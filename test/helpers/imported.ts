// The archive the importer makes from the saved pages in test/fixtures/import: every page that is not
// meant to be refused, imported into an archive that starts with this repository's site record and no
// essays. test/global-setup.ts builds it once for the run (`built("imported")`). Its No.201 is this
// repository's own content, byte for byte (test/integration/seed.test.ts), so it stands in for a build of
// the repository too.
import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { importPages } from "../../lib/import/run.ts";
import { REPO } from "./build.ts";

export const IMPORT_PAGES = join(REPO, "test/fixtures/import");
/** The raw seed page of AJISS-Commentary No.201, as scraped from the publisher's old web page. */
export const SEED = join(IMPORT_PAGES, "ajiss-201.txt");
export const AJISS = { series: "ajiss-commentary", seriesTitle: "AJISS-Commentary" } as const;

/** The saved pages the importer must accept (the `bad-` ones it must refuse), by name. */
export async function goodPages(): Promise<string[]> {
  return (await readdir(IMPORT_PAGES)).filter((f) => f.endsWith(".txt") && !f.startsWith("bad-")).sort();
}

/** `<folder>/content`: an archive with this repository's site record and no authors, series or essays yet. */
export async function emptyArchive(folder: string): Promise<string> {
  const root = join(folder, "content");
  await mkdir(join(root, "_data"), { recursive: true });
  await cp(join(REPO, "_data/site.json"), join(root, "_data/site.json"));
  await writeFile(join(root, "_data/authors.json"), "{}\n");
  await writeFile(join(root, "_data/series.json"), "{}\n");
  return root;
}

/** Imports every good page into a new archive in `folder`; returns its root, or throws what was refused. */
export async function importedArchive(folder: string): Promise<string> {
  const root = await emptyArchive(folder);
  const result = await importPages(
    root,
    (await goodPages()).map((f) => join(IMPORT_PAGES, f)),
    AJISS,
  );
  if (result.problems.length) throw new Error(`the import fixtures were refused:\n${result.problems.map((p) => `${p.file}: ${p.message}`).join("\n")}`);
  return root;
}
