// Builds the fixtures once for the whole run (each build takes seconds on two cores): the basic and hostile
// content folders, the basic one as a bilingual archive (test/helpers/bilingual.ts), and the archive the importer makes from the saved pages (test/helpers/imported.ts).
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
import { buildInto, fixture, type BuildOptions } from "./helpers/build.ts";
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
  const build = async (name: BuiltArchive, root: string | Promise<string>, options?: BuildOptions) =>
    [name, (await buildInto(await root, await mkdtemp(join(folder, `${name}-`)), options)).output] as const;
  const [entries, server] = await Promise.all([
    Promise.all([
      // test/integration/reproducible.test.ts builds it again from the cache this build fills.
      build("basic", fixture("basic")),
      build("hostile", fixture("hostile")),
      build("bilingual", mkdtemp(join(folder, "bilingual-")).then(bilingualArchive)),
      // Without a build cache, so that a whole build runs with --no-cache too.
      build("imported", mkdtemp(join(folder, "import-")).then(importedArchive), { cache: false }),
    ]),
    launchServer(),
  ]);
  chromium = server;
  project.provide("builds", Object.fromEntries(entries) as Record<BuiltArchive, string>);
  project.provide("chromium", server.wsEndpoint());
}

export async function teardown() {
  await chromium?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
}
