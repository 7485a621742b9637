import { inject } from "vitest";

/** The archives test/global-setup.ts builds once for the whole run. */
export type BuiltArchive = "basic" | "hostile" | "imported" | "bilingual";

/** The output of a fixture built once for the whole run (test/global-setup.ts): read it, never change it. */
export function built(name: BuiltArchive): string {
  return inject("builds")[name];
}
