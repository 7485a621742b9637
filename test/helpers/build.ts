// Runs the real `npm run build` entry point on a content folder, as a child process.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import type { Build } from "./build-several.ts";

export const REPO = resolve(import.meta.dirname, "../..");
export const fixture = (name: string) => join(REPO, "test/fixtures", name);

export interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface BuildOptions {
  /** No site URL unless this gives one. */
  env?: Record<string, string>;
  /** The build cache: by default a new one beside the output (never the fixture's own folder); `false` for none. */
  cache?: string | false;
  /** Write the pages from the cache and without it, and compare (`--audit-cache`). */
  audit?: boolean;
  /** In a process group of its own, as a command in a terminal is: a signal to the group reaches all its processes. */
  detached?: boolean;
  /**
   * The command run in this process (`buildCommand()`, test/helpers/pages.ts), not as a process of its own:
   * the same summary, messages and exit code for a fraction of the CPU. Not with `env` or `detached`.
   */
  here?: boolean;
}

/** The command's arguments for a build of `root` into `output`. */
export function buildArgs(root: string, output: string, { cache = join(dirname(output), "cache"), audit = false }: BuildOptions = {}): string[] {
  return ["--root", root, "--output", output, ...(cache === false ? ["--no-cache"] : ["--cache", cache]), ...(audit ? ["--audit-cache"] : [])];
}

/** Starts `npm run build`'s entry point. */
export function startBuild(root: string, output: string, options: BuildOptions = {}): ChildProcessWithoutNullStreams {
  const args = buildArgs(root, output, options);
  return spawn(process.execPath, ["--import", "tsx", "scripts/build.ts", ...args], {
    cwd: REPO,
    env: { ...process.env, SITE_URL: "", ...options.env },
    detached: options.detached,
  });
}

export async function runBuild(root: string, output: string, options: BuildOptions = {}): Promise<BuildResult> {
  if (options.here) {
    if (options.env || options.detached) throw new Error("a build in this process has this process's environment and group");
    return (await import("./pages.ts")).runBuildHere(buildArgs(root, output, options));
  }
  return new Promise((done, fail) => {
    const child = startBuild(root, output, options);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/**
 * Builds each content folder into `<folder>/dist`, with a build cache beside it (`<folder>/cache`) unless
 * `cache` is false, one after another in one process (./build-several.ts); returns the output folders.
 */
export async function buildSeveral(builds: { root: string; folder: string; cache?: false }[]): Promise<string[]> {
  const list: Build[] = builds.map(({ root, folder, cache }) => ({ root, output: join(folder, "dist"), cache: cache ?? join(folder, "cache") }));
  const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/build-several.ts", JSON.stringify(list)], {
    cwd: REPO,
    env: { ...process.env, SITE_URL: "" },
  });
  let stderr = "";
  child.stdout.resume();
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise((done, fail) => child.on("error", fail).on("close", done));
  if (code !== 0) throw new Error(`the builds of ${builds.map((b) => b.root).join(", ")} failed (${code}):\n${stderr}`);
  return list.map((build) => build.output);
}

/** Builds a content folder into `<folder>/dist` and returns that output folder and what the build printed; throws on failure. */
export async function buildInto(root: string, folder: string, options: BuildOptions = {}): Promise<{ output: string; stdout: string }> {
  const output = join(folder, "dist");
  const result = await runBuild(root, output, options);
  if (result.code !== 0) throw new Error(`build of ${root} failed (${result.code}):\n${result.stderr}`);
  return { output, stdout: result.stdout };
}
