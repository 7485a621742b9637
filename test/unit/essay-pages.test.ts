// An essay page's cache key changes with anything the page shows, and only with that: adding an essay
// gives new keys to the pages that show it, and leaves the others' pages to be reused.
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { essayPageKeys } from "../../lib/outputs/pages/essay-pages.ts";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { fixture } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

async function keysOf(root: string): Promise<Map<string, string>> {
  const archive = await createArchiveLoader(root, { cache: false }).load();
  return new Map([...essayPageKeys(archive)].map(([essay, key]) => [essay.path, key]));
}

/** The essays whose key differs between two loads (of those in both). */
const changed = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((path) => b.has(path) && a.get(path) !== b.get(path)).sort();

describe("essay page keys", () => {
  it("change for the pages that show a new essay, and no others", async () => {
    const root = join(await tempDir("page-keys-"), "content");
    await cp(fixture("basic"), root, { recursive: true });
    const before = await keysOf(root);
    // No.4 of Policy Notes, by Ada Okafor: the next of No.3, and more by the author of No.1 and No.3.
    const front = ["---", "title: Tidal Power Revisited", "series: policy-notes", "number: 4", "date: 2022-02-02", "authors:", "  - ada-okafor", "---"];
    await writeFile(join(root, "src/essays/4-tidal-power-revisited.md"), `${front.join("\n")}\n\nA second look at the tides.\n`);
    const after = await keysOf(root);
    expect(after.size).toBe(before.size + 1);
    const moved = changed(before, after);
    expect(moved).toEqual(expect.arrayContaining(["essays/policy-notes/1.html", "essays/policy-notes/3.html"]));
    expect(moved).not.toContain("essays/field-reports/7.html");
    expect(moved).not.toContain("essays/field-reports/8.html");
  });

  it("change with an author's record for that author's essays (and those that show them), and with the site's for all", async () => {
    const root = join(await tempDir("page-keys-"), "content");
    await cp(fixture("basic"), root, { recursive: true });
    const before = await keysOf(root);
    const authors = join(root, "_data/authors.json");
    await writeFile(authors, (await readFile(authors, "utf8")).replace("writes on ports and fisheries", "writes on harbours"));
    expect(changed(before, await keysOf(root))).toEqual(expect.arrayContaining(["essays/field-reports/8.html", "essays/policy-notes/2.html"]));
    const site = join(root, "_data/site.json");
    await writeFile(site, (await readFile(site, "utf8")).replace(/"title": "[^"]*"/, '"title": "Another Title"'));
    expect(changed(before, await keysOf(root))).toHaveLength(before.size);
  });
});
