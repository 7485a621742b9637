// The package command's arguments (scripts/package.ts), parsed here so that their checks are tested
// without starting the command.
import { parseArgs } from "node:util";

export const USAGE = "usage: npm run package [-- --dist DIR] [-- --out FILE.zip]\n       npm run package -- --verify FILE.zip";

export type PackageCommand = { verify: string } | { dist: string; out?: string };

/** The command the arguments ask for, or what is wrong with them (one line). */
export function parsePackageArgs(args: string[]): PackageCommand | { error: string } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { dist: { type: "string" }, out: { type: "string" }, verify: { type: "string" } },
      allowPositionals: true,
    });
    if (positionals.length > 0) return { error: `unexpected argument: ${positionals[0]}` };
    for (const [option, value] of Object.entries(values)) if (value === "") return { error: `--${option} needs a value` };
    if (values.verify !== undefined) {
      if (values.dist !== undefined || values.out !== undefined) return { error: "--verify takes a zip alone, without --dist or --out" };
      return { verify: values.verify };
    }
    return { dist: values.dist ?? "dist", out: values.out };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
