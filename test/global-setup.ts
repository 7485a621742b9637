// Builds the fixtures once for the whole run (each build takes seconds on two cores); test files read the
// outputs through `built()` (test/helpers/built.ts) and must not change them. Tests that need a build of
// their own (bad input, reproducibility, interruption) still run one.
// https://vitest.dev/config/#globalsetup
import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { TestProject } from "vitest/node";
import { buildInto, fixture, REPO } from "./helpers/build.ts";

export const FIXTURE_BUILDS = { basic: fixture("basic"), hostile: fixture("hostile"), repository: REPO } as const;

declare module "vitest" {
  export interface ProvidedContext {
    builds: Record<keyof typeof FIXTURE_BUILDS, string>;
  }
}

let outputs: string[] = [];

export async function setup(project: TestProject) {
  const entries = await Promise.all(Object.entries(FIXTURE_BUILDS).map(async ([name, root]) => [name, await buildInto(root)] as const));
  outputs = entries.map(([, dist]) => dist);
  project.provide("builds", Object.fromEntries(entries) as Record<keyof typeof FIXTURE_BUILDS, string>);
}

export async function teardown() {
  await Promise.all(outputs.map((dist) => rm(dirname(dist), { recursive: true, force: true })));
}
