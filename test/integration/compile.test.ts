// The compiled copy of the code the build's page writer runs (lib/build/compile.ts). Whole builds run it
// (the fixtures build byte for byte as from the sources); these check what a small build does not reach.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { expect, it } from "vitest";
import { compiledCode } from "../../lib/build/compile.ts";
import { references } from "../../lib/cite/formats.ts";
import type { CitableEssay } from "../../lib/cite/types.ts";
import { REPO } from "../helpers/build.ts";
import { files } from "../helpers/html.ts";

it("is made once for each version of the sources, with every module and the files they read", async () => {
  const code = await compiledCode();
  expect(await compiledCode()).toBe(code);
  const compiled = await files(code);
  for (const file of [".eleventy.mjs", "scripts/build-pages.mjs", "lib/cite/styles/chicago-author-date.csl"]) expect(compiled).toContain(file);
  const templates = (await files(join(REPO, "src"))).filter((f) => f.endsWith(".11ty.tsx"));
  expect(templates.length).toBeGreaterThan(5);
  for (const template of templates) expect(compiled).toContain(`src/${template.replace(/\.tsx$/, ".mjs")}`);
  // Every relative import names a compiled module that is there.
  let imports = 0;
  for (const file of compiled.filter((f) => f.endsWith(".mjs"))) {
    const source = await readFile(join(code, file), "utf8");
    for (const [, path] of source.matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g)) {
      expect(path, `${file} imports ${path}`).toMatch(/\.mjs$/);
      expect(existsSync(join(code, file, "..", path!)), `${file} imports ${path}`).toBe(true);
      imports++;
    }
  }
  expect(imports).toBeGreaterThan(100);
});

it("runs the reference worker, which formats what the sources format", async () => {
  const essay: CitableEssay = {
    id: "policy-notes-2",
    title: "Fisheries diplomacy",
    number: 2,
    date: "2019-03-04",
    lang: "en",
    authors: [{ name: "Ben Takeda", family: "Takeda", given: "Ben" }],
    series: { title: "Policy Notes", publisher: "The Institute", institution: "The Institute" },
  };
  const worker = new Worker(pathToFileURL(join(await compiledCode(), "lib/cite/references-worker.mjs")), { workerData: [essay] });
  const batch = await new Promise((resolve, reject) => worker.once("message", resolve).once("error", reject));
  expect(batch).toEqual([[essay.id, references(essay)]]);
  await worker.terminate();
});
