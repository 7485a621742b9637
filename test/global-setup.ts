// Builds the fixtures once for the whole run (each build takes seconds on two cores); test files read the
// outputs through `built()` (test/helpers/built.ts) and must not change them. Tests that need a build of
// their own (bad input, reproducibility, interruption) still run one. Starts one Chromium, which the browser
// tests connect to (test/helpers/browser.ts) rather than each starting its own.
// Makes the run's scratch folder, where the tests' temporary files go (test/helpers/scratch.ts), and removes
// it at the end.
// https://vitest.dev/config/#globalsetup
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { launchServer } from "../lib/tools/browser.ts";
import { buildInto, fixture, REPO } from "./helpers/build.ts";

export const FIXTURE_BUILDS = { basic: fixture("basic"), hostile: fixture("hostile"), repository: REPO } as const;

declare module "vitest" {
  export interface ProvidedContext {
    builds: Record<keyof typeof FIXTURE_BUILDS, string>;
    chromium: string;
    scratch: string;
  }
}

let scratch: string | undefined;
let chromium: BrowserServer | undefined;

export async function setup(project: TestProject) {
  const folder = (scratch = await mkdtemp(join(tmpdir(), "essay-archive-tests-")));
  project.provide("scratch", folder);
  const [entries, server] = await Promise.all([
    Promise.all(Object.entries(FIXTURE_BUILDS).map(async ([name, root]) => [name, await buildInto(root, await mkdtemp(join(folder, `${name}-`)))] as const)),
    launchServer(),
  ]);
  chromium = server;
  project.provide("builds", Object.fromEntries(entries) as Record<keyof typeof FIXTURE_BUILDS, string>);
  project.provide("chromium", server.wsEndpoint());
}

export async function teardown() {
  await chromium?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
}
