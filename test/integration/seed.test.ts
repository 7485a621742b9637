// The archive's own content: AJISS-Commentary No.201 as the importer makes it from the saved page
// (test/fixtures/import/ajiss-201.txt, a copy of the raw seed), byte for byte, and as published. The pages
// checked are the imported archive's (test/helpers/imported.ts), whose No.201 is therefore this
// repository's: one build fewer for the run.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { importPages } from "../../lib/import/run.ts";
import { REPO } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";
import { built } from "../helpers/built.ts";
import { AJISS, emptyArchive, SEED } from "../helpers/imported.ts";
import { page, text } from "../helpers/html.ts";

const ESSAY = "src/essays/201-what-the-us-now-craves-from-japan.md";

it("No.201 contains all 21 paragraphs of the seed text, in order, with its bio, disclaimer and copyright", async () => {
  const lines = (await readFile(SEED, "utf8")).split("\n").map((l) => l.trim());
  const first = lines.findIndex((l) => l.startsWith("As Russia's President Putin"));
  const bio = lines.findIndex((l) => l.startsWith("Keiko Iizuka is"));
  const paragraphs = lines.slice(first, bio).filter(Boolean);
  expect(paragraphs).toHaveLength(21);

  const doc = await page(built("imported"), "essays/ajiss-commentary/201.html");
  expect([...doc.querySelectorAll(".essay-body > p")].map(text)).toEqual(paragraphs);
  expect(text(doc.querySelector("h1"))).toBe("What the US Now Craves from Japan");
  expect(text(doc.querySelector(".essay-header .essay-label"))).toBe("AJISS-Commentary No.201");
  expect(text(doc.querySelector(".essay-publisher"))).toBe("The Japan Institute of International Affairs");
  const time = doc.querySelector(".essay-kicker time")!;
  expect([time.getAttribute("datetime"), time.textContent]).toEqual(["2014-08-01", "1 August 2014"]);
  expect(text(doc.querySelector(".bio p"))).toBe(lines[bio]);
  expect(text(doc.querySelector(".disclaimer"))).toBe(lines.find((l) => l.startsWith("The views expressed")));
  expect(text(doc.querySelector(".copyright"))).toBe(lines.find((l) => l.startsWith("©Copyright")));
  expect(doc.body.textContent).not.toContain("Page Top");
});

it("importing the saved page reproduces the committed No.201 files byte for byte, and again changes nothing", async () => {
  const root = await emptyArchive(await tempDir("seed-import-"));
  const first = await importPages(root, [SEED], AJISS);
  expect(first.problems).toEqual([]);
  expect(first.summary).toBe("imported 1 essay, 1 new author, new series ajiss-commentary");
  for (const file of [ESSAY, "_data/authors.json", "_data/series.json"]) {
    expect(await readFile(join(root, file), "utf8"), file).toBe(await readFile(join(REPO, file), "utf8"));
  }
  const again = await importPages(root, [SEED]);
  expect([again.written, again.lines]).toEqual([false, [`read ${SEED} as UTF-8 (valid UTF-8)`, `unchanged ${ESSAY}`]]);
});

it("the archive home lists No.201", async () => {
  const doc = await page(built("imported"), "index.html");
  expect([...doc.querySelectorAll(".essay-item")].map(text)).toContain("AJISS-Commentary No.201 What the US Now Craves from Japan Keiko Iizuka, 1 August 2014");
});
