// Builds are reproducible, from the build cache or without it, and an interrupted build leaves the
// previous output untouched.
import { existsSync } from "node:fs";
import { cp, readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { expect, it } from "vitest";
import { writeCorpus } from "../../scripts/bench/corpus.ts";
import { lockOutput } from "../../lib/build/swap.ts";
import { buildInto, fixture, runBuild, startBuild } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";
import { built } from "../helpers/built.ts";
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
  const [cached, uncached] = await Promise.all([buildInto(root, join(dir, "a"), { cache }), buildInto(root, join(dir, "b"), { cache: false })]);
  // The field reports show nothing of the new essay; the policy notes are its neighbours or its author's.
  expect(cached.stdout).toContain("From the build cache: the pages and downloads of 2 of 6 essays, the citations of 3 of 4 essays made again, the rendered bodies of 5 of 6 essays.");

  const [treeA, treeB] = await Promise.all([tree(cached.output), tree(uncached.output)]);
  expect([...treeA.keys()]).toEqual([...treeB.keys()]);
  for (const [path, bytes] of treeA) expect(bytes.equals(treeB.get(path)!), path).toBe(true);
});

it("an interrupted build leaves the previous output as it was, and no staging folder", async () => {
  const dir = await tempDir("interrupt-");
  const root = join(dir, "content");
  await writeCorpus(root, 40);
  const output = join(dir, "dist");
  await mkdir(output);
  await writeFile(join(output, "index.html"), "the previous archive");

  const child = startBuild(root, output, { cache: false });
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
  child.kill("SIGINT");
  expect(await exited).not.toBe(0);
  expect(await readdir(dir)).toEqual(["content", "dist"]);
  expect(await readdir(output)).toEqual(["index.html"]);
  expect(await readFile(join(output, "index.html"), "utf8")).toBe("the previous archive");
  expect(existsSync(join(output, "pagefind"))).toBe(false);
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
