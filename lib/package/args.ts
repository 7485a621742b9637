// The package command's arguments (scripts/package.ts): read by lib/commands/args.ts like every command's;
// what only this command checks is here, so that it is tested without starting the command.
import { UsageError } from "../commands/args.ts";

export const USAGE = "npm run package [-- --dist DIR] [-- --out FILE.zip]\n       npm run package -- --verify FILE.zip";

export const PACKAGE_OPTIONS = { dist: { type: "string" }, out: { type: "string" }, verify: { type: "string" } } as const;

export type PackageCommand = { verify: string } | { dist: string; out?: string };

/** The command the parsed options ask for; throws a UsageError for a combination that makes none. */
export function packageCommand(values: { dist?: string; out?: string; verify?: string }): PackageCommand {
  for (const [option, value] of Object.entries(values)) if (value === "") throw new UsageError(`--${option} needs a value`);
  if (values.verify !== undefined) {
    if (values.dist !== undefined || values.out !== undefined) throw new UsageError("--verify takes a zip alone, without --dist or --out");
    return { verify: values.verify };
  }
  return { dist: values.dist ?? "dist", out: values.out };
}
