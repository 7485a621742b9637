// Builds are reproducible, from the build cache or without it, and an interrupted build leaves the
// previous output untouched.
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { cp, readFile, readdir, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { expect, it } from "vitest";
import { writeCorpus } from "../../scripts/bench/corpus.ts";
import { lockOutput } from "../../lib/orchestration/swap.ts";
import { buildInto, fixture, runBuild, startBuild } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";
import { built } from "../helpers/built.ts";
import { buildHere } from "../helpers/pages.ts";
import { files } from "../helpers/html.ts";

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const all = await files(dir);
  return new Map(await Promise.all(all.map(async (f) => [f, await readFile(join(dir, f))] as const)));
}

it("a build that takes what it can from the build cache is byte-identical to one without the cache", async () => {
  // built("basic") filled its cache, beside its output (test/helpers/build.ts); a copy of it serves the
  // same content with one essay added, which gives the pages that show it (and their citations) new keys.
  const dir = await tempDir("cached-");
  const root = join(dir, "content");
  await cp(fixture("basic"), root, { recursive: true });
  const front = ["---", "title: Tidal Power Revisited", "series: policy-notes", "number: 4", "date: 2022-02-02", "authors:", "  - ada-okafor", "---"];
  await writeFile(join(root, "src/essays/4-tidal-power-revisited.md"), `${front.join("\n")}\n\nA second look at the tides.\n`);
  const cache = join(dir, "cache");
  await cp(join(dirname(built("basic")), "cache"), cache, { recursive: true });
  // The build from the cache is the command, whose summary is read; the one without, this worker's (the same code).
  const uncached = { output: join(dir, "b", "dist") };
  const [cached] = await Promise.all([buildInto(root, join(dir, "a"), { cache }), buildHere({ root, output: uncached.output, cache: false })]);
  // Only No.3's page shows the new essay (the previous by number, and its author's newest until now); of the
  // listing pages, those that list or count it, and the year page before its year (which now links to it).
  expect(cached.stdout).toContain(
    "From the build cache: the pages and downloads of 4 of 6 essays, 7 of 16 listing pages, the citations of 1 of 2 essays made again, the rendered bodies of 5 of 6 essays.",
  );

  // Neither build wrote a cache into the content folder: one kept it where it was told, the other kept none.
  expect(existsSync(join(root, ".cache"))).toBe(false);
  const [treeA, treeB] = await Promise.all([tree(cached.output), tree(uncached.output)]);
  expect([...treeA.keys()]).toEqual([...treeB.keys()]);
  for (const [path, bytes] of treeA) expect(bytes.equals(treeB.get(path)!), path).toBe(true);

  // Built again into the same folder: the unchanged pages are the previous output's files, moved in; once
  // the previous output is deleted (in the background), no file of the output or the cache has another name.
  const again = await buildInto(root, join(dir, "a"), { cache, here: true });
  expect(again.stdout).toContain("From the build cache: the pages and downloads of 6 of 6 essays");
  await expect.poll(async () => (await readdir(join(dir, "a"))).sort(), { timeout: 60_000 }).toEqual(["dist"]);
  const shared = async (folder: string) => (await filesWithStats(folder)).filter(([, nlink]) => nlink !== 1).map(([file]) => file);
  expect(await shared(again.output)).toEqual([]);
  expect(await shared(cache)).toEqual([]);
});

/** Every file below `dir`, with how many names it has. */
async function filesWithStats(dir: string): Promise<[string, number][]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries.filter((e) => e.isFile()).map(async (e) => [join(e.parentPath, e.name), (await stat(join(e.parentPath, e.name))).nlink] as [string, number]),
  );
}

it("the cache audit names each file the cache would have published stale, and publishes nothing", async () => {
  const dir = await tempDir("audit-");
  const cache = join(dir, "cache");
  await cp(join(dirname(built("basic")), "cache"), cache, { recursive: true });
  // One entry of each shelf of pages made stale, as a key that missed something the page shows would leave it: whole, but old.
  const stale = "<p>a page from before an edit</p>\n";
  for (const shelf of [join(cache, "essay-pages"), join(cache, "listing-pages")]) {
    const shard = (await readdir(shelf)).sort()[0]!;
    const [entry] = await readdir(join(shelf, shard));
    await rm(join(shelf, shard, entry!));
    await writeFile(join(shelf, shard, `${entry!.slice(0, 64)}.${createHash("sha1").update(stale).digest("hex")}`), stale);
  }
  const output = join(dir, "dist");
  await mkdir(output);
  await writeFile(join(output, "index.html"), "the previous archive");

  const result = await runBuild(fixture("basic"), output, { cache, audit: true });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(
    new RegExp(
      // An essay's page or download, and a listing page, in either order.
      `^The archive was not built: the build cache ${cache} would have published 2 files unlike a build without it:\n(  essays/[\\w-]+/\\d+\\.(html|bib|ris|json)\n  (?!essays/)[\\w/-]+\\.(html|xml)\n|  (?!essays/)[\\w/-]+\\.(html|xml)\n  essays/[\\w-]+/\\d+\\.(html|bib|ris|json)\n)`,
    ),
  );
  expect(result.stderr).toContain(`Build with --no-cache, or delete ${cache}, to publish`);
  expect((await readdir(dir)).sort()).toEqual(["cache", "dist"]);
  expect(await readFile(join(output, "index.html"), "utf8")).toBe("the previous archive");
});

it("a build interrupted while it writes pages leaves the previous output as it was, and no staging folder", async () => {
  const dir = await tempDir("interrupt-");
  const root = join(dir, "content");
  await writeCorpus(root, 40);
  const output = join(dir, "dist");
  await mkdir(output);
  await writeFile(join(output, "index.html"), "the previous archive");

  // In a process of its own, as at 500 essays and more, so that there is a page writer to stop.
  const child = startBuild(root, output, { cache: false, detached: true, env: { ARCHIVE_OWN_PROCESS_FROM: "0" } });
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      done = true;
      resolve(code);
    }),
  );
  // Interrupt once the build has begun writing pages into its staging folder; if the build ends first
  // (it failed, or it was too quick to catch), the test fails here rather than waiting for a timeout.
  const writing = async () => {
    const name = (await readdir(dir)).find((n) => n.startsWith("dist.partial-"));
    return name !== undefined && (await readdir(join(dir, name)).catch(() => [])).length > 0;
  };
  while (!done && !(await writing())) await new Promise((r) => setTimeout(r, 10));
  expect(done, "the build ended before it could be interrupted").toBe(false);
  // Ctrl+C in a terminal: to every process of the build.
  process.kill(-child.pid!, "SIGINT");
  expect(await exited).toBe(130);
  expect(await readdir(dir)).toEqual(["content", "dist"]);
  expect(await readdir(output)).toEqual(["index.html"]);
  expect(await readFile(join(output, "index.html"), "utf8")).toBe("the previous archive");
  expect(existsSync(join(output, "pagefind"))).toBe(false);
});

it("a build stopped while Pagefind indexes stops Pagefind, and leaves the previous output as it was, and no staging folder", async () => {
  const dir = await tempDir("terminate-");
  const output = join(dir, "dist");
  await mkdir(output);
  await writeFile(join(output, "index.html"), "the previous archive");
  // A Pagefind that says its process id and indexes until it is stopped.
  const pagefind = join(dir, "pagefind");
  await writeFile(pagefind, `#!/bin/sh\necho $$ > "${pagefind}.pid"\nexec sleep 600\n`, { mode: 0o755 });

  const child = startBuild(fixture("basic"), output, { cache: false, env: { PAGEFIND_BINARY_PATH: pagefind } });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  await expect.poll(() => readFile(`${pagefind}.pid`, "utf8").catch(() => ""), { timeout: 60_000 }).toMatch(/^\d+\n$/);
  const indexer = (await readFile(`${pagefind}.pid`, "utf8")).trim();
  child.kill("SIGTERM");
  expect(await exited).toBe(143);
  // The build waited for Pagefind to end before it ended.
  expect(existsSync(`/proc/${indexer}`)).toBe(false);
  expect((await readdir(dir)).sort()).toEqual(["dist", "pagefind", "pagefind.pid"]);
  expect(await readdir(output)).toEqual(["index.html"]);
  expect(await readFile(join(output, "index.html"), "utf8")).toBe("the previous archive");
});

it("a build into an output another build is writing is refused, with the other build named, and changes nothing", async () => {
  const dir = await tempDir("locked-");
  const output = join(dir, "dist");
  await mkdir(output);
  await writeFile(join(output, "index.html"), "the previous archive");
  const release = lockOutput(output);
  try {
    const result = await runBuild(fixture("basic"), output, { cache: false });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Another build (process ${process.pid}) is writing ${output} now`);
    expect((await readdir(dir)).sort()).toEqual(["dist", "dist.lock"]);
    expect(await readFile(join(output, "index.html"), "utf8")).toBe("the previous archive");
  } finally {
    release();
  }
});
