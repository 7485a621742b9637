// The Pagefind index, built by Pagefind's own binary, as its CLI runs it (https://pagefind.app/docs/config-options/):
// it parses the pages on every core and costs what the CLI costs, where the Node API's service added a
// process's memory and handled pages one message at a time.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isClientFile, isUnusedUi, offlineScript } from "./offline.ts";
import { ESSAY_PAGES, paths } from "../paths/urls.ts";

/**
 * Links inside an essay's body that are not its text, left out of the index so that excerpts read as
 * prose: each heading's permalink ("Link to the section “…” #", markdown-it-anchor's `header-anchor`) and
 * a note's marker and way back (markdown-it-footnote). Only the body is indexed at all: the essay page marks
 * it `data-pagefind-body`, and its header (title, byline, number) is metadata, filters and sorts.
 */
const NOT_TEXT = ["a.header-anchor", ".footnote-ref", "a.footnote-backref"];

/**
 * Indexes the essay pages written below `outputDir` into `<outputDir>/pagefind/`, replacing what was
 * there, with a classic-script copy of each file the client reads (lib/search/offline.ts). Returns how
 * many pages Pagefind indexed, and the bytes written.
 */
export interface SearchIndex {
  /** Pages Pagefind indexed. */
  pages: number;
  /** Bytes of the bundle the client reads, and of their file:// copies. */
  bytes: number;
  offlineBytes: number;
}

export interface SearchIndexOptions {
  /** Told each line Pagefind prints ("[Parsing files]"). */
  onLine?: (line: string) => void;
  /** Stops Pagefind (the build was interrupted): the promise rejects once its process has ended. */
  signal?: AbortSignal;
}

export async function writeSearchIndex(outputDir: string, { onLine, signal }: SearchIndexOptions = {}): Promise<SearchIndex> {
  const bundle = join(outputDir, paths.searchBundle);
  await rm(bundle, { recursive: true, force: true });
  const args = ["--site", outputDir, "--glob", ESSAY_PAGES, "--output-subdir", paths.searchBundle, ...NOT_TEXT.flatMap((s) => ["--exclude-selectors", s])];
  const output = await runPagefind(args, onLine, signal);
  const indexed = /Indexed (\d+) pages?/.exec(output);
  if (!indexed) throw new Error(`Pagefind did not say what it indexed:\n${output}`);

  // One after another, synchronously: for thousands of small files several times faster than Node's
  // asynchronous reads and writes (4,000 essays: about 0.5 s against 2.3 s on the development machine).
  const folders = new Set<string>();
  const result = { pages: Number(indexed[1]), bytes: 0, offlineBytes: 0 };
  for (const name of readdirSync(bundle, { recursive: true, encoding: "utf8" })) {
    const path = name.replaceAll("\\", "/");
    if (isUnusedUi(path)) rmSync(join(bundle, path));
    else if (isClientFile(path)) {
      const bytes = readFileSync(join(bundle, path));
      const copy = offlineScript(path, bytes);
      const target = join(bundle, copy.path);
      if (!folders.has(dirname(target))) {
        mkdirSync(dirname(target), { recursive: true });
        folders.add(dirname(target));
      }
      writeFileSync(target, copy.content);
      result.bytes += bytes.byteLength;
      result.offlineBytes += Buffer.byteLength(copy.content);
    }
  }
  return result;
}

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
