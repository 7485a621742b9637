// Every command's wrong arguments are one line saying what is wrong, then the usage, and exit code 2: never
// a stack trace. The reading is lib/commands/args.ts, tested directly; three commands are run once each to show
// they use it (each run costs most of a second of CPU); preview and screenshots call it the same way.
import { spawn } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkContentRoot, checkSiteUrl, commandArgs, portNumber, UsageError } from "../../lib/commands/args.ts";
import { fixture, REPO } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

/** What commandArgs prints and the code it exits with, for `args`. */
function usageOf(args: string[], check: (values: Record<string, unknown>) => void = () => {}): { code?: number; printed: string } {
  const printed: string[] = [];
  vi.spyOn(console, "error").mockImplementation((text: string) => void printed.push(text));
  let code: number | undefined;
  vi.spyOn(process, "exit").mockImplementation(((c: number) => {
    code = c;
    throw new Error("exit");
  }) as never);
  try {
    commandArgs(
      "cmd [--root DIR] [--flag] FILE...",
      { allowPositionals: false, args, options: { root: { type: "string" }, flag: { type: "boolean" } } },
      ({ values }) => check(values),
    );
  } catch (error) {
    if ((error as Error).message !== "exit") throw error;
  }
  return { code, printed: printed.join("\n") };
}

afterEach(() => vi.restoreAllMocks());

describe("reading a command's arguments", () => {
  it.each([
    [["--bogus"], "unknown option --bogus"],
    [["--root"], "--root needs a value"],
    [["--flag=yes"], "--flag takes no value"],
    [["stray"], 'unexpected argument "stray"'],
  ])("%j: one line, the usage, exit 2", (args, says) => {
    expect(usageOf(args)).toEqual({ code: 2, printed: `${says}\nusage: cmd [--root DIR] [--flag] FILE...` });
  });

  it("checks what parseArgs cannot: a content root, a site URL, a port", async () => {
    const empty = await tempDir("not-a-root-");
    expect(() => checkContentRoot(empty)).toThrow(new UsageError(`${empty} is not a content root: it has no src/essays/ or _data/`));
    await mkdir(join(empty, "_data"));
    expect(() => checkContentRoot(empty)).toThrow(new UsageError(`${empty} is not a content root: it has no src/essays/`));
    expect(() => checkContentRoot(join(empty, "nope"))).toThrow(/is not a folder/);
    expect(() => checkContentRoot(fixture("basic"))).not.toThrow();
    expect(() => checkSiteUrl("https://host/archive/?utm=1", "SITE_URL")).toThrow("SITE_URL must be the archive's address, without a ?query or #fragment");
    expect(() => checkSiteUrl("https://host/archive/#top", "SITE_URL")).toThrow(/without a \?query or #fragment/);
    expect(() => checkSiteUrl("ftp://host/", "SITE_URL")).toThrow(/absolute http/);
    expect(() => checkSiteUrl("https://host/archive/", "SITE_URL")).not.toThrow();
    expect(() => portNumber("80a", "--port")).toThrow('--port must be a port number (0-65535), not "80a"');
    expect(usageOf(["--root", empty], (v) => checkContentRoot(String(v.root)))).toEqual({
      code: 2,
      printed: expect.stringMatching(/is not a content root: it has no src\/essays\/\nusage: /),
    });
  });
});

/** Runs a command's script; its exit code and what it printed on stderr. */
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: REPO, env: { ...process.env, SITE_URL: "", ...env } });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => done({ code, stderr }));
  });
}

describe("the commands", () => {
  it("each answer a wrong argument with one line and the usage (exit 2), and refuse an output folder of other files", async () => {
    const notRoot = await tempDir("not-a-root-");
    // A folder of someone's files given as the output: refused, and left as it was.
    const documents = await tempDir("documents-");
    await writeFile(join(documents, "notes.txt"), "mine");
    const results = await Promise.all([
      run("scripts/build.ts", ["--bogus"]),
      run("scripts/import.ts", ["page.txt", "--root", notRoot]),
      run("scripts/start.ts", [], { ARCHIVE_ROOT: notRoot }),
      run("scripts/build.ts", ["--root", fixture("basic"), "--output", documents]),
      // Before any build work: an address the host files could not carry (lib/content/site-url.ts).
      run("scripts/build.ts", ["--root", fixture("basic"), "--output", join(notRoot, "dist")], { SITE_URL: "https://e.org/$host/" }),
    ]);
    const notAnArchive = `${documents} is not empty and holds no built archive (no index.html): its files would be deleted. Give a new or empty folder, or one a build wrote`;
    expect(results).toEqual([
      {
        code: 2,
        stderr:
          "unknown option --bogus\nusage: npm run build [-- --root DIR] [--output DIR] [--cache DIR | --no-cache] [--audit-cache] [--timings] [--verbose]\n",
      },
      { code: 2, stderr: expect.stringMatching(new RegExp(`^${notRoot} is not a content root: it has no _data/\\nusage: npm run import`)) },
      {
        code: 2,
        stderr: expect.stringMatching(
          new RegExp(`^${notRoot} is not a content root: it has no src/essays/ or _data/\\nusage: \\[ARCHIVE_ROOT=DIR\\] npm start`),
        ),
      },
      { code: 1, stderr: expect.stringContaining(`The archive was not built: ${notAnArchive}.`) },
      {
        code: 2,
        stderr: expect.stringMatching(
          /^SITE_URL must have a path of letters, digits, spaces and - \. _ ~ % \/ only, not "\$": a host configuration cannot carry it safely: https:\/\/e\.org\/\$host\/\nusage: npm run build/,
        ),
      },
    ]);
    expect(await readdir(documents)).toEqual(["notes.txt"]);
  });
});
