// A build that prints PDFs stops tidily: stopped by a signal while Chromium prints, or when Pagefind or
// the printing fails beside the other, every process it started has ended before it does, and the
// previous output is as it was. Chromium is found as the child of the build's process that has a profile
// folder (--user-data-dir), so only this build's Chromium is looked at.
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { buildArchive } from "../../lib/orchestration/run.ts";
import { fixture, runBuild, startBuild } from "../helpers/build.ts";
import { built } from "../helpers/built.ts";
import { files } from "../helpers/html.ts";
import { tempDir } from "../helpers/scratch.ts";

/** Two essays of the basic fixture, with PDFs on or off: each printing costs a second or two. */
async function smallArchive(folder: string, pdf: boolean): Promise<string> {
  const root = join(folder, "content");
  await cp(fixture("basic"), root, { recursive: true });
  for (const name of await readdir(join(root, "src/essays"))) if (!/^[12]-/.test(name)) await rm(join(root, "src/essays", name));
  await withPdfs(root, pdf);
  return root;
}

async function withPdfs(root: string, pdf: boolean): Promise<void> {
  const file = join(root, "_data/site.json");
  const { pdf: _, ...site } = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  await writeFile(file, `${JSON.stringify(pdf ? { ...site, pdf: { paper: "A4" } } : site, null, 2)}\n`);
}

/** A process's name, state, parent and process group, from /proc/<pid>/stat; undefined once it is gone. */
function processOf(pid: string | number): { name: string; state: string; parent: number; group: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, parent, group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), state: state!, parent: Number(parent), group: Number(group) };
  } catch {
    return undefined;
  }
}

const pids = () => readdirSync("/proc").filter((name) => /^\d+$/.test(name));

/** A process's arguments; none once it has ended. */
const argsOf = (pid: string | number): string[] => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
};

/**
 * The Chromium browser `parent` started (not `chromium --version`: the one with a profile), if it runs:
 * Playwright starts it in a process group of its own, which its helpers share.
 */
const chromiumOf = (parent: number): number | undefined => {
  const found = pids().find(
    (pid) => processOf(pid)?.name === "chromium" && processOf(pid)?.parent === parent && argsOf(pid).some((arg) => arg.startsWith("--user-data-dir=")),
  );
  return found === undefined ? undefined : Number(found);
};

/**
 * The processes still running in process group `group`. Not zombies: those have ended, and wait only for
 * their parent to read their exit status (a container whose first process reaps none keeps them).
 */
const processesIn = (group: number): string[] => pids().filter((pid) => processOf(pid)?.group === group && processOf(pid)?.state !== "Z");

/** The profile folder on a Chromium's command line (Playwright's, in the system's temporary folder). */
const profileOf = (pid: number): string =>
  argsOf(pid)
    .find((arg) => arg.startsWith("--user-data-dir="))!
    .slice("--user-data-dir=".length);

/** Every file of `dir` and its bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  return new Map(await Promise.all((await files(dir)).map(async (f) => [f, await readFile(join(dir, f))] as const)));
}

it("a build stopped with SIGTERM while PDFs print closes Chromium, removes its staging folder and leaves the previous output as it was", async () => {
  const dir = await tempDir("stop-printing-");
  const root = await smallArchive(dir, true);
  // The previous output: any archive will do, so the run's build of the whole basic fixture, copied (a
  // build of its own would cost seconds).
  const output = join(dir, "dist");
  await cp(built("basic"), output, { recursive: true });
  const before = await tree(output);

  const child = startBuild(root, output, { cache: false });
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      done = true;
      resolve(code);
    }),
  );
  // Stopped once its Chromium runs; if the build ends first, the test fails here rather than waiting.
  let chromium: number | undefined;
  while (!done && (chromium = chromiumOf(child.pid!)) === undefined) await new Promise((r) => setTimeout(r, 10));
  expect(done, "the build ended before Chromium started").toBe(false);
  const profile = profileOf(chromium!);
  child.kill("SIGTERM");
  expect(await exited).toBe(143);
  expect(processesIn(chromium!)).toEqual([]);
  expect(existsSync(profile)).toBe(false);
  expect((await readdir(dir)).sort()).toEqual(["content", "dist"]);
  const after = await tree(output);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [path, bytes] of after) expect(bytes.equals(before.get(path)!), path).toBe(true);
});

/** A Pagefind (a Node script) that waits for a Chromium browser started by its own parent, writes its process id, and fails. */
const FAILING_PAGEFIND = `const { readdirSync, readFileSync, writeFileSync } = require("node:fs");
function isChromiumOfMyParent(pid) {
  try {
    const stat = readFileSync("/proc/" + pid + "/stat", "utf8");
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const browser = readFileSync("/proc/" + pid + "/cmdline", "utf8").includes("--user-data-dir=");
    return stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) === "chromium" && parent === process.ppid && browser;
  } catch {
    return false;
  }
}
function waitForChromium(file) {
  const found = readdirSync("/proc").find(isChromiumOfMyParent);
  if (found === undefined) return setTimeout(waitForChromium, 20, file);
  writeFileSync(file, found);
  console.error("no index today");
  process.exit(3);
}`;

it("a build whose search index fails stops the printing and has closed Chromium when it fails", async () => {
  const dir = await tempDir("index-fails-");
  const root = await smallArchive(dir, true);
  // A Pagefind that fails once the Chromium its parent (this process) started runs, having written its process id.
  const pagefind = join(dir, "pagefind");
  await writeFile(pagefind, `#!${process.execPath}\n${FAILING_PAGEFIND}\nwaitForChromium(${JSON.stringify(`${pagefind}.chromium`)});\n`, { mode: 0o755 });
  // In this process, so that what is still running when the build has failed is seen (a command's exit
  // would end its Chromium anyway); the pages in a process of their own, which loads the templates.
  const saved = process.env.PAGEFIND_BINARY_PATH;
  process.env.PAGEFIND_BINARY_PATH = pagefind;
  try {
    await expect(buildArchive({ root, output: join(dir, "dist"), cache: false, ownProcessFrom: 0 })).rejects.toThrow(
      /^Pagefind could not index the essays \(exit code 3\):\nno index today$/,
    );
  } finally {
    if (saved === undefined) delete process.env.PAGEFIND_BINARY_PATH;
    else process.env.PAGEFIND_BINARY_PATH = saved;
  }
  const chromium = Number(await readFile(`${pagefind}.chromium`, "utf8"));
  expect(processesIn(chromium)).toEqual([]);
  expect((await readdir(dir)).sort()).toEqual(["content", "pagefind", "pagefind.chromium"]);
});

it("a build whose printing fails stops Pagefind and has waited for it to end", async () => {
  const dir = await tempDir("printing-fails-");
  const root = await smallArchive(dir, true);
  // A Pagefind that says its process id and indexes until it is stopped, and a Chromium that fails once it has.
  const pagefind = join(dir, "pagefind");
  await writeFile(pagefind, `#!/bin/sh\necho $$ > "${pagefind}.pid"\nexec sleep 600\n`, { mode: 0o755 });
  const chromium = join(dir, "chromium");
  await writeFile(chromium, `#!/bin/sh\nuntil [ -s "${pagefind}.pid" ]; do sleep 0.02; done\nexit 1\n`, { mode: 0o755 });

  const result = await runBuild(root, join(dir, "dist"), { cache: false, env: { PAGEFIND_BINARY_PATH: pagefind, CHROMIUM_PATH: chromium } });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`Command failed: ${chromium} --version`);
  const indexer = (await readFile(`${pagefind}.pid`, "utf8")).trim();
  expect(existsSync(`/proc/${indexer}`)).toBe(false);
  expect((await readdir(dir)).sort()).toEqual(["chromium", "content", "pagefind", "pagefind.pid"]);
});
