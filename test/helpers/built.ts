import { inject } from "vitest";

/** The output of a fixture built once for the whole run (test/global-setup.ts): read it, never change it. */
export function built(name: "basic" | "hostile" | "repository"): string {
  return inject("builds")[name];
}
