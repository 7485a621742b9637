// The Pagefind index, built by Pagefind's own binary, as its CLI runs it (https://pagefind.app/docs/config-options/):
// it parses the pages on every core and costs what the CLI costs, where the Node API's service added a
// process's memory and handled pages one message at a time.
import { spawn } from "node:child_process";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isClientFile, isUnusedUi, offlineScript } from "./offline.ts";
import { ESSAY_PAGES, paths } from "../pages/urls.ts";

/**
 * Links inside an essay's body that are not its text, left out of the index so that excerpts read as
 * prose: each heading's permalink ("Link to the section “…” #", markdown-it-anchor's `header-anchor`) and
 * a note's marker and way back (markdown-it-footnote). Only the body is indexed at all: the essay page marks
 * it `data-pagefind-body`, and its header (title, byline, number) is metadata, filters and sorts.
 */
const NOT_TEXT = ["a.header-anchor", ".footnote-ref", "a.footnote-backref"];

/** Files read or written at once, for the file:// copies. */
const AT_ONCE = 32;

/**
 * Indexes the essay pages written below `outputDir` into `<outputDir>/pagefind/`, replacing what was
 * there, with a classic-script copy of each file the client reads (lib/search/offline.ts). Returns how
 * many pages Pagefind indexed. `onLine` is told each line Pagefind prints ("[Parsing files]").
 */
export async function writeSearchIndex(outputDir: string, onLine?: (line: string) => void): Promise<number> {
  const bundle = join(outputDir, paths.searchBundle);
  await rm(bundle, { recursive: true, force: true });
  const args = ["--site", outputDir, "--glob", ESSAY_PAGES, "--output-subdir", paths.searchBundle, ...NOT_TEXT.flatMap((s) => ["--exclude-selectors", s])];
  const output = await runPagefind(args, onLine);
  const indexed = /Indexed (\d+) pages?/.exec(output);
  if (!indexed) throw new Error(`Pagefind did not say what it indexed:\n${output}`);

  const names = (await readdir(bundle, { recursive: true, encoding: "utf8" })).map((name) => name.replaceAll("\\", "/"));
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const path = names[next++]!;
      if (isUnusedUi(path)) await rm(join(bundle, path));
      else if (isClientFile(path)) {
        const copy = offlineScript(path, await readFile(join(bundle, path)));
        await mkdir(dirname(join(bundle, copy.path)), { recursive: true });
        await writeFile(join(bundle, copy.path), copy.content);
      }
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return Number(indexed[1]);
}

/** Runs Pagefind's binary; resolves with what it printed, or rejects with it. */
async function runPagefind(args: string[], onLine?: (line: string) => void): Promise<string> {
  const binary = pagefindBinary();
  return new Promise((done, fail) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
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
    child.on("error", (error) => fail(new Error(`Pagefind could not start (${binary}): ${error.message}`)));
    child.on("close", (code, signal) => {
      if (code === 0) done(output);
      else fail(new Error(`Pagefind could not index the essays (${signal ?? `exit code ${code}`}):\n${output.trim()}`));
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
