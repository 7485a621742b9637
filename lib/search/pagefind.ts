// Pagefind's own binary, as its CLI runs it (https://pagefind.app/docs/config-options/): it parses the
// pages on every core and costs what the CLI costs, where the Node API's service added a process's memory
// and handled pages one message at a time. One run indexes one shard (./shards.ts) of search documents
// (./document.tsx).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { ESSAY_PAGES } from "../paths/urls.ts";

/**
 * Links inside an essay's body that are not its text, left out of the index so that excerpts read as
 * prose: each heading's permalink ("Link to the section “…” #", markdown-it-anchor's `header-anchor`) and
 * a note's marker and way back (markdown-it-footnote). Only the body is indexed at all (the search
 * document marks it `data-pagefind-body`); the header is metadata, filters and sorts.
 */
const NOT_TEXT = ["a.header-anchor", ".footnote-ref", "a.footnote-backref"];

/** Pagefind's arguments for indexing the documents below `site` into `bundle` (a part of every shard's key). */
export const pagefindArguments = (site: string, bundle: string): string[] => [
  "--site",
  site,
  "--glob",
  ESSAY_PAGES,
  "--output-path",
  bundle,
  ...NOT_TEXT.flatMap((s) => ["--exclude-selectors", s]),
];

/** Indexes the documents below `site` into `bundle`; resolves with how many pages Pagefind indexed. */
export async function indexWithPagefind(
  site: string,
  bundle: string,
  { onLine, signal }: { onLine?: (line: string) => void; signal?: AbortSignal } = {},
): Promise<number> {
  const output = await runPagefind(pagefindArguments(site, bundle), onLine, signal);
  const indexed = /Indexed (\d+) pages?/.exec(output);
  if (!indexed) throw new Error(`Pagefind did not say what it indexed:\n${output}`);
  return Number(indexed[1]);
}

/** What names the Pagefind that indexes: the binary chosen by the environment, if one is (the lockfile names the installed one). */
export const pagefindChoice = (): string => ["PAGEFIND_EXTENDED_BINARY_PATH", "PAGEFIND_BINARY_PATH"].map((name) => process.env[name] ?? "").join("\n");

/** Runs Pagefind's binary; resolves with what it printed, or rejects with it (and the signal that stopped it, if one did). */
async function runPagefind(args: string[], onLine?: (line: string) => void, signal?: AbortSignal): Promise<string> {
  const binary = pagefindBinary();
  signal?.throwIfAborted();
  return new Promise((done, fail) => {
    // Stopped with SIGKILL: it holds nothing that needs putting right, and the staging folder it writes to goes.
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], windowsHide: true, signal, killSignal: "SIGKILL" });
    let output = "";
    let partial = "";
    const read = (chunk: Buffer) => {
      output += chunk;
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop()!;
      for (const line of lines) if (line.trim()) onLine?.(line.trim());
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    // Stopped: "close" follows, once it has ended.
    child.on("error", (error) => void (signal?.aborted || fail(new Error(`Pagefind could not start (${binary}): ${error.message}`))));
    child.on("close", (code, stopped) => {
      if (code === 0) done(output);
      else fail(Object.assign(new Error(`Pagefind could not index the essays (${stopped ?? `exit code ${code}`}):\n${output.trim()}`), { signal: stopped }));
    });
  });
}

/**
 * The binary the `pagefind` package installed for this platform (its optional dependency
 * `@pagefind/<platform>-<arch>`), found as its own `npx pagefind` finds it (the package's
 * lib/resolveBinary.js, which it does not export): `PAGEFIND_EXTENDED_BINARY_PATH` or
 * `PAGEFIND_BINARY_PATH` first, then the extended build, then the plain one.
 */
function pagefindBinary(): string {
  const names = ["pagefind_extended", "pagefind"];
  for (const name of names) {
    const given = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (given) return given;
  }
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const require = createRequire(import.meta.url);
  for (const name of names) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${platform === "windows" ? ".exe" : ""}`);
    } catch {
      // Not this build of Pagefind: try the next.
    }
  }
  throw new Error(`Pagefind has no binary for ${platform}-${process.arch}: is the pagefind package installed (npm ci)?`);
}
