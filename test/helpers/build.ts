// Runs the real `npm run build` entry point on a content folder, as a child process.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "../..");
export const fixture = (name: string) => join(REPO, "test/fixtures", name);

export interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `npm run build`'s entry point; no site URL unless `env` gives one. */
export function startBuild(root: string, output: string, env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ["--import", "tsx", "scripts/build.ts", "--root", root, "--output", output], {
    cwd: REPO,
    env: { ...process.env, SITE_URL: "", ...env },
  });
}

export function runBuild(root: string, output: string, env: Record<string, string> = {}): Promise<BuildResult> {
  return new Promise((done, fail) => {
    const child = startBuild(root, output, env);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** Builds a content folder into `<folder>/dist` and returns that output folder; throws on failure. */
export async function buildInto(root: string, folder: string, env: Record<string, string> = {}): Promise<string> {
  const output = join(folder, "dist");
  const result = await runBuild(root, output, env);
  if (result.code !== 0) throw new Error(`build of ${root} failed (${result.code}):\n${result.stderr}`);
  return output;
}
