// The loader remembers between the dev server's rebuilds: after one essay is edited, only the pages it can
// have changed are to be written; a rebuild for anything else, a record edit, or an edit that moves an essay
// makes every page one to write.
import { cp, readFile, utimes, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { fixture } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

async function edit(path: string, from: string, to: string) {
  const text = await readFile(path, "utf8");
  if (!text.includes(from)) throw new Error(`no ${from} in ${path}`);
  await writeFile(path, text.replace(from, to));
  // A new mtime even on a fast file system.
  const later = new Date(Date.now() + 5000);
  await utimes(path, later, later);
}

async function content() {
  const root = join(await tempDir("dev-"), "content");
  await cp(fixture("basic"), root, { recursive: true });
  return { root, essay: (name: string) => resolve(root, "src/essays", name) };
}

const paths = (list: { path: string }[]) => list.map((x) => x.path).sort();

describe("the archive loader", () => {
  it("writes every page at first, then only what an essay edit touched", async () => {
    const { root, essay } = await content();
    const loader = createArchiveLoader(root, { remember: true, cache: false });
    const first = await loader.load();
    const firstToWrite = loader.toWrite;
    expect(firstToWrite.essays).toHaveLength(5);
    expect(firstToWrite.authors).toHaveLength(3);

    await edit(essay("2-fisheries-diplomacy.md"), "date: 2020-06-15", "date: 2020-07-15");
    const second = await loader.load([essay("2-fisheries-diplomacy.md")]);
    const secondToWrite = loader.toWrite;
    expect(second.essays.find((e) => e.number === 2)!.date).toContain("2020-07-15");
    // Its neighbours by number, and the essays of its authors that list it as "more by".
    expect(paths(secondToWrite.essays)).toEqual([
      "essays/field-reports/7.html",
      "essays/field-reports/8.html",
      "essays/policy-notes/1.html",
      "essays/policy-notes/2.html",
      "essays/policy-notes/3.html",
    ]);
    expect(paths(secondToWrite.authors)).toEqual(["authors/ben-takeda.html", "authors/chiyo-mori.html"]);
    expect(paths(secondToWrite.years)).toEqual(["years/2020.html"]);
    expect(secondToWrite.all).toBe(false);
    // The unchanged essays were reused, not parsed and rendered again.
    const unchanged = (a: typeof first) => a.essays.find((e) => e.number === 1 && e.series.id === "policy-notes")!.html;
    expect(unchanged(second)).toBe(unchanged(first));

    await loader.load([essay("2-fisheries-diplomacy.md")]);
    const thirdToWrite = loader.toWrite;
    expect(thirdToWrite.essays).toEqual([]);
  });

  it("marks every page toWrite after an edit that moves an essay: to another year, address or author", async () => {
    const { root, essay } = await content();
    const loader = createArchiveLoader(root, { remember: true, cache: false });
    await loader.load();
    const file = essay("2-fisheries-diplomacy.md");
    for (const [from, to] of [
      ["date: 2020-06-15", "date: 2021-06-15"],
      ["series: policy-notes", "series: field-reports"],
      ["  - chiyo-mori\n", ""],
    ]) {
      await edit(file, from!, to!);
      const moved = await loader.load([file]);
      const movedStale = loader.toWrite;
      expect(movedStale.all, to).toBe(true);
      expect(movedStale.essays).toHaveLength(5);
      expect(movedStale.years).toEqual(moved.years);
    }
  });

  it("reuses nothing when the rebuild was for anything but essays, or a record changed", async () => {
    const { root, essay } = await content();
    const loader = createArchiveLoader(root, { remember: true, cache: false });
    await loader.load();
    await edit(essay("1-tidal-power.md"), "Tidal turbines turn", "Tidal turbines spin");
    await loader.load([resolve("src/essay.11ty.tsx")]);
    const templateStale = loader.toWrite;
    expect(templateStale.essays).toHaveLength(5);

    const record = resolve(root, "_data/authors.json");
    await edit(record, "Ada Okafor studies", "Ada Okafor researches");
    await loader.load([record]);
    const afterRecordStale = loader.toWrite;
    expect(afterRecordStale.essays).toHaveLength(5);
    expect(afterRecordStale.authors).toHaveLength(3);
  });

  it("in a build, reads everything each time and keeps nothing", async () => {
    const { root, essay } = await content();
    const loader = createArchiveLoader(root, { cache: false });
    await loader.load();
    const firstToWrite = loader.toWrite;
    await edit(essay("1-tidal-power.md"), "Tidal turbines turn", "Tidal turbines spin");
    const second = await loader.load([essay("1-tidal-power.md")]);
    const secondToWrite = loader.toWrite;
    expect(secondToWrite.essays).toHaveLength(5);
    expect(second.essays.find((e) => e.number === 1 && e.series.id === "policy-notes")!.html).toContain("spin");
    expect(firstToWrite.essays).toHaveLength(5);
  });
});

describe("translations", () => {
  const problemsOf = async (root: string) => {
    try {
      await createArchiveLoader(root, { cache: false }).load();
      return [];
    } catch (error) {
      return (error as { problems: { file: string; where?: string; message: string }[] }).problems.map((p) => `${p.file} (${p.where}): ${p.message}`);
    }
  };

  it("pair essays in other languages that share a key, both ways", async () => {
    const { root } = await content();
    const archive = await createArchiveLoader(root, { cache: false }).load();
    const byNumber = (n: number) => archive.essays.find((e) => e.number === n && e.series.id === "field-reports")!;
    expect(byNumber(7).translations).toEqual([byNumber(8)]);
    expect(byNumber(8).translations).toEqual([byNumber(7)]);
    expect(archive.essays.filter((e) => e.translations.length === 0)).toHaveLength(3);
  });

  it("are problems when a key has one essay, or pairs two in one language", async () => {
    const { root, essay } = await content();
    await edit(essay("8-port-cities.md"), "translationKey: delta-and-ports", "translationKey: delta-and-port");
    expect(await problemsOf(root)).toEqual([
      'src/essays/7-mekong-delta.md (translationKey): no other essay has the translationKey "delta-and-ports" (is its translation missing, or the key misspelt?)',
      'src/essays/8-port-cities.md (translationKey): no other essay has the translationKey "delta-and-port" (is its translation missing, or the key misspelt?)',
    ]);
    await edit(essay("8-port-cities.md"), "translationKey: delta-and-port", "translationKey: delta-and-ports");
    await edit(essay("8-port-cities.md"), "lang: ja", "lang: en");
    expect(await problemsOf(root)).toEqual([
      'src/essays/8-port-cities.md (translationKey): "delta-and-ports" pairs it with src/essays/7-mekong-delta.md, also in "en": a translation is in another language',
    ]);
  });
});
