// The commands' arguments, read one way: node:util's parseArgs, strictly. A wrong argument is one line
// saying what is wrong, then the command's usage, and exit code 2 (a usage error, as Unix tools do), never
// a stack trace.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CONTENT } from "../paths/layout.ts";
import { SiteSchema } from "../content/schema/index.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** What is wrong with an argument, in a sentence: thrown by checks, printed with the usage. */
export class UsageError extends Error {}

/** parseArgs' errors in one short line each. */
function plainly(error: Error & { code?: unknown }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  const positional = /Unexpected argument '([^']*)'/.exec(error.message)?.[1];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? ""}`.trim();
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return option && /argument missing/.test(error.message) ? `${option} needs a value` : `${option ?? "an option"} takes no value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${JSON.stringify(positional ?? "")}`;
    default:
      return error.message.split("\n")[0]!;
  }
}

/**
 * The command's arguments, or (printed to stderr) what is wrong and the usage, and exit 2. `check` may
 * throw a UsageError for what parseArgs cannot see (a value of the wrong form, a folder that is not there).
 */
export function commandArgs<const T extends Options, R>(
  usage: string,
  config: { options: T; allowPositionals?: boolean; args?: string[] },
  check: (parsed: ReturnType<typeof parseArgs<{ options: T; allowPositionals: boolean; strict: true }>>) => R,
): R {
  try {
    const parsed = parseArgs({ options: config.options, allowPositionals: config.allowPositionals ?? false, strict: true, args: config.args });
    return check(parsed);
  } catch (error) {
    const fromParseArgs = error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
    const message = error instanceof UsageError ? error.message : fromParseArgs ? plainly(error) : undefined;
    if (message === undefined) throw error;
    console.error(`${message}\nusage: ${usage}`);
    process.exit(2);
  }
}

/** Throws a UsageError unless `root` holds a content root's folders (`src/essays/`, `_data/`). */
export function checkContentRoot(root: string, folders: readonly string[] = [CONTENT.essays, CONTENT.data]): void {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${root} is not a folder`);
  const missing = folders.filter((folder) => !existsSync(join(root, folder)));
  if (missing.length) throw new UsageError(`${root} is not a content root: it has no ${missing.map((f) => `${f}/`).join(" or ")}`);
}

/**
 * The site's address for this deployment (from `where`, e.g. "SITE_URL"), checked by the schema's one rule and
 * written as the archive writes it (lib/content/site-url.ts); undefined when none is given. Throws a UsageError
 * unless it would pass as the site's address. The commands read and check it here once, and pass it down.
 */
export function checkSiteUrl(url: string | undefined, where: string): string | undefined {
  if (url === undefined || url === "") return undefined;
  const parsed = SiteSchema.shape.url.safeParse(url);
  if (!parsed.success) throw new UsageError(`${where} ${parsed.error.issues[0]?.message ?? "is not a valid address"}: ${url}`);
  return parsed.data;
}

/** A TCP port number, from text. */
export function portNumber(text: string, option: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`${option} must be a port number (0-65535), not ${JSON.stringify(text)}`);
  return port;
}
