// Putting a build in place (lib/orchestration/swap.ts): whenever a build is stopped, the previous output or the new
// one is in place once the next build has started, and two builds never write one output at once.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFolders, lockOutput, OutputLockedError, outputProblem, recoverLeftovers, SWAP_STEPS, swapIn } from "../../lib/orchestration/swap.ts";
import { REPO } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

/** A folder holding one file that says which output it is. */
function folderSaying(path: string, text: string): void {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, "index.html"), text);
}
const saying = (path: string) => readFileSync(join(path, "index.html"), "utf8");

class Killed extends Error {}

describe("the swap", () => {
  it.each(SWAP_STEPS.map((step, i) => [i, step] as const))("killed after step %i (%s), the next build finds the old or the new output", async (stop) => {
    const dir = await tempDir();
    const output = join(dir, "dist");
    const { staging, retired } = buildFolders(output, 4242);
    folderSaying(output, "old");
    folderSaying(staging, "new");
    expect(() =>
      swapIn(output, staging, retired, (step) => {
        if (step === stop) throw new Killed();
      }),
    ).toThrow(Killed);
    for (const path of recoverLeftovers(output)) rmSync(path, { recursive: true });
    expect(readdirSync(dir)).toEqual(["dist"]);
    expect(saying(output)).toBe(stop === SWAP_STEPS.length - 1 ? "new" : "old");
  });

  it("puts the old output back if the new one cannot be moved in", async () => {
    const dir = await tempDir();
    const output = join(dir, "dist");
    const { staging, retired } = buildFolders(output);
    folderSaying(output, "old");
    expect(() => swapIn(output, staging, retired)).toThrow(/ENOENT/);
    expect(saying(output)).toBe("old");
    expect(existsSync(retired)).toBe(false);
  });

  it("with no previous output, moves the new one in and has nothing to delete", async () => {
    const dir = await tempDir();
    const output = join(dir, "dist");
    const { staging, retired } = buildFolders(output);
    folderSaying(staging, "new");
    expect(swapIn(output, staging, retired)).toBeUndefined();
    expect(saying(output)).toBe("new");
  });

  it("the next build has staging folders and outputs left half-deleted deleted, and keeps the output", async () => {
    const dir = await tempDir();
    const output = join(dir, "dist");
    folderSaying(output, "current");
    for (const name of ["dist.partial-1", "dist.old-2", "dist.deleting-3"]) folderSaying(join(dir, name), name);
    folderSaying(join(dir, "dist-other"), "not ours");
    expect(
      recoverLeftovers(output)
        .map((path) => basename(path))
        .sort(),
    ).toEqual(["dist.deleting-3", "dist.old-2", "dist.partial-1"]);
    for (const path of recoverLeftovers(output)) rmSync(path, { recursive: true });
    expect(readdirSync(dir).sort()).toEqual(["dist", "dist-other"]);
    expect(saying(output)).toBe("current");
  });
});

describe("the output's lock", () => {
  it("is taken by one build at a time, and refuses another while its process runs, naming it", async () => {
    const output = join(await tempDir(), "dist");
    const release = lockOutput(output);
    expect(readFileSync(`${output}.lock`, "utf8")).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(`${output}.lock`)).toBe(false);

    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"]);
    try {
      writeFileSync(`${output}.lock`, `${other.pid}\n`);
      expect(() => lockOutput(output)).toThrow(OutputLockedError);
      expect(() => lockOutput(output)).toThrow(new RegExp(`^Another build \\(process ${other.pid}\\) is writing .*dist now: wait for it`));
    } finally {
      other.kill();
    }
  });

  it("takes over a lock whose process is gone", async () => {
    const output = join(await tempDir(), "dist");
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    writeFileSync(`${output}.lock`, `${gone}\n`);
    const release = lockOutput(output);
    expect(readFileSync(`${output}.lock`, "utf8")).toBe(`${process.pid}\n`);
    release();
  });

  it("is taken over by one build alone when several find the same stale lock", async () => {
    const dir = await tempDir();
    const output = join(dir, "dist");
    const go = join(dir, "go");
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    writeFileSync(`${output}.lock`, `${gone}\n`);
    const racers = [0, 1, 2].map(() => {
      const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/lock-racer.ts", output, go], { cwd: REPO });
      let said = "";
      child.stdout.on("data", (d) => (said += d));
      return { child, said: () => said };
    });
    try {
      // Every racer has found the lock stale before any may take it over.
      await expect.poll(() => racers.every((r) => r.said().includes("stale")), { timeout: 60_000 }).toBe(true);
      writeFileSync(go, "");
      await expect.poll(() => racers.every((r) => /locked|refused/.test(r.said())), { timeout: 60_000 }).toBe(true);
      expect(racers.map((r) => r.said().trim().split("\n").at(-1)).sort()).toEqual(["locked", "refused", "refused"]);
      const holder = racers.find((r) => r.said().includes("locked"))!;
      expect(readFileSync(`${output}.lock`, "utf8")).toBe(`${holder.child.pid}\n`);
    } finally {
      for (const { child } of racers) child.stdin.end();
    }
  });
});

describe("the output folder", () => {
  it("may be new, empty or a build's; not one holding other files, or the content", async () => {
    const dir = await tempDir();
    const root = join(dir, "content");
    mkdirSync(join(root, "src/essays"), { recursive: true });
    folderSaying(join(dir, "built"), "an archive");
    mkdirSync(join(dir, "empty"));
    mkdirSync(join(dir, "documents"));
    writeFileSync(join(dir, "documents", "notes.txt"), "mine");
    writeFileSync(join(dir, "file"), "a file");
    const problem = (output: string) => outputProblem(join(dir, output), root);
    expect([problem("new"), problem("empty"), problem("built"), outputProblem(join(root, "dist"), root)]).toEqual([undefined, undefined, undefined, undefined]);
    expect(problem("documents")).toMatch(/documents is not empty and holds no built archive \(no index\.html\): its files would be deleted/);
    expect(problem("file")).toMatch(/file is a file, not a folder$/);
    expect(problem(".")).toMatch(/holds the content root/);
    expect(outputProblem(root, root)).toMatch(/holds the content root/);
  });
});
