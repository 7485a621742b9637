// Builds the fixtures once for the whole run (each build takes seconds on two cores): the basic and hostile
// content folders, the basic one as a bilingual archive (test/helpers/bilingual.ts), and the archive the importer makes from the saved pages (test/helpers/imported.ts),
// two processes building two each (a process's start, loading the code and Eleventy, is most of a small build's cost).
// Test files read the outputs through `built()` (test/helpers/built.ts) and must not change them. Tests
// that need a build of their own (bad input, reproducibility, interruption) still run one. Each build has a
// build cache of its own, beside its output. Starts one Chromium, which the browser tests connect to
// (test/helpers/browser.ts) rather than each starting its own.
// Makes the run's scratch folder, where the tests' temporary files go (test/helpers/scratch.ts), and removes
// it at the end.
// https://vitest.dev/config/#globalsetup
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { launchServer } from "../lib/runtime/browser.ts";
import { buildSeveral, fixture } from "./helpers/build.ts";
import type { BuiltArchive } from "./helpers/built.ts";
import { bilingualArchive } from "./helpers/bilingual.ts";
import { importedArchive } from "./helpers/imported.ts";

declare module "vitest" {
  export interface ProvidedContext {
    builds: Record<BuiltArchive, string>;
    chromium: string;
    scratch: string;
  }
}

let scratch: string | undefined;
let chromium: BrowserServer | undefined;

export async function setup(project: TestProject) {
  const folder = (scratch = await mkdtemp(join(tmpdir(), "essay-archive-tests-")));
  project.provide("scratch", folder);
  const into = (name: BuiltArchive) => mkdtemp(join(folder, `${name}-`));
  // Two processes, each building two archives in turn (test/helpers/build-several.ts), beside Chromium starting.
  const [[basic, hostile], [bilingual, imported], server] = await Promise.all([
    // test/integration/reproducible.test.ts builds it again from the cache this build fills.
    Promise.all([into("basic"), into("hostile")]).then(([basic, hostile]) =>
      buildSeveral([
        { root: fixture("basic"), folder: basic },
        { root: fixture("hostile"), folder: hostile },
      ]),
    ),
    Promise.all([
      mkdtemp(join(folder, "bilingual-")).then(bilingualArchive),
      into("bilingual"),
      mkdtemp(join(folder, "import-")).then(importedArchive),
      into("imported"),
    ]).then(([bilingualRoot, bilingual, importedRoot, imported]) =>
      buildSeveral([
        { root: bilingualRoot, folder: bilingual },
        // Without a build cache, so that a whole build runs without one too.
        { root: importedRoot, folder: imported, cache: false },
      ]),
    ),
    launchServer(),
  ]);
  chromium = server;
  project.provide("builds", { basic: basic!, hostile: hostile!, bilingual: bilingual!, imported: imported! });
  project.provide("chromium", server.wsEndpoint());
}

export async function teardown() {
  await chromium?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
}
