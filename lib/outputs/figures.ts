// The figures the essays show, copied from the content root's src/figures/ (lib/bodies/figures.ts).
import { copyFigures } from "../bodies/figures.ts";
import { timedAsync } from "../runtime/timings.ts";
import type { OutputKind } from "./kind.ts";

export const figures = {
  name: "figures",
  writes: "figures/: each figure an essay shows",
  modes: ["build", "dev"],
  async afterPages({ root, output, archive }) {
    await timedAsync("figures", () => copyFigures(root, output, archive), "eleventy");
  },
} satisfies OutputKind<"figures", void, void>;
