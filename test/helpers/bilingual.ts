// The basic fixture as a bilingual archive: its site record lists Japanese as a language with pages of
// its own (lib/archive/trees.ts), so its Japanese essay (No.8) is listed under ja/ and the rest at the root.
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fixture } from "./build.ts";

export const JAPANESE_SITE = { title: "フィクスチャー・アーカイブ", description: "テストのための小さなアーカイブ。" };

/** `<folder>/content`: a copy of the basic fixture with `languages: { ja: … }` in its site.json. */
export async function bilingualArchive(folder: string): Promise<string> {
  const root = join(folder, "content");
  await cp(fixture("basic"), root, { recursive: true });
  const site = join(root, "_data/site.json");
  const record = JSON.parse(await readFile(site, "utf8")) as Record<string, unknown>;
  await writeFile(site, `${JSON.stringify({ ...record, languages: { ja: JAPANESE_SITE } }, null, 2)}\n`);
  return root;
}
