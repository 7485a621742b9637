// The dev server's rebuilds: after one essay is edited, only the pages it can have changed are stale.
import { cp, readFile, writeFile, utimes } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadArchive } from "../../lib/content/link.ts";
import { fixture, tempDir } from "../helpers/build.ts";

async function edit(path: string, from: string, to: string) {
  const text = await readFile(path, "utf8");
  await writeFile(path, text.replace(from, to));
  // A new mtime even on a fast file system.
  const later = new Date(Date.now() + 5000);
  await utimes(path, later, later);
}

it("marks every page stale at first, then only what an edit touched, and everything after a record edit", async () => {
  const root = join(await tempDir("dev-"), "content");
  await cp(fixture("basic"), root, { recursive: true });
  const paths = (list: { path: string }[]) => list.map((x) => x.path).sort();
  const dev = { remember: true, reuse: true };

  const first = await loadArchive(root, dev);
  expect(first.stale.essays).toHaveLength(5);
  expect(first.stale.authors).toHaveLength(3);

  await edit(join(root, "src/essays/2-fisheries-diplomacy.md"), "date: 2020-06-15", "date: 2021-06-15");
  const second = await loadArchive(root, dev);
  expect(second.essays.find((e) => e.fields.number === 2)!.fields.year).toBe(2021);
  expect(paths(second.stale.essays)).toEqual([
    "essays/policy-notes/1.html",
    "essays/policy-notes/2.html",
    "essays/policy-notes/3.html",
  ]);
  expect(paths(second.stale.authors)).toEqual(["authors/ben-takeda.html", "authors/chiyo-mori.html"]);
  // Its old year and its new one.
  expect(paths(second.stale.years)).toEqual(["years/2020.html", "years/2021.html"]);

  const third = await loadArchive(root, dev);
  expect(third.stale.essays).toEqual([]);

  // A rebuild for anything but essays (a template, say) reuses nothing.
  await edit(join(root, "src/essays/1-tidal-power.md"), "Tidal turbines turn", "Tidal turbines spin");
  const rebuilt = await loadArchive(root, { remember: true, reuse: false });
  expect(rebuilt.stale.essays).toHaveLength(5);

  await edit(join(root, "_data/authors.json"), "Ada Okafor studies", "Ada Okafor researches");
  const fourth = await loadArchive(root, dev);
  expect(fourth.stale.essays).toHaveLength(5);
  expect(fourth.stale.authors).toHaveLength(3);
});
