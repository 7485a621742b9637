// The citations of a build (lib/build/citations.ts) at the size that starts its worker threads: what the
// workers format is what the essays' citations are, it is kept in the cache, and a worker that stops
// leaves no page waiting.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { startCitations } from "../../lib/build/citations.ts";
import { citable } from "../../lib/cite/essay.ts";
import { citations } from "../../lib/cite/formats.ts";
import { createArchiveLoader } from "../../lib/content/loader.ts";
import type { Archive } from "../../lib/content/model.ts";
import { writeCorpus } from "../../scripts/bench/corpus.ts";
import { tempDir } from "../helpers/scratch.ts";

/** The number of essays that starts the workers. */
const ESSAYS = 50;
let archive: Archive;

beforeAll(async () => {
  const root = join(await tempDir(), "content");
  await writeCorpus(root, ESSAYS);
  archive = await createArchiveLoader(root, { cache: false }).load();
});

/** A few essays' citations formatted here, to hold the pool's against. */
const sample = () => [0, 17, ESSAYS - 1].map((i) => archive.essays[i]!);

describe("with workers", () => {
  it("formats every essay's citations, keeps them in the cache, and a second build takes them from there", async () => {
    const cache = await tempDir();
    const pool = startCitations(archive.essays, { cache, siteUrl: "https://example.org/archive/", workers: 1 });
    // Each essay asked for twice at once, as by its page and by its citation files.
    const [all, again] = await Promise.all([0, 1].map(() => Promise.all(archive.essays.map((essay) => pool.of(essay)))));
    expect(again).toEqual(all);
    await pool.close();
    expect(pool.counts()).toEqual({ cached: 0, formatted: ESSAYS });
    expect(pool.warnings).toEqual([]);
    for (const essay of sample()) expect(all[archive.essays.indexOf(essay)]).toEqual(citations(citable(essay, "https://example.org/archive/")));

    const next = startCitations(archive.essays, { cache, siteUrl: "https://example.org/archive/", workers: 1 });
    expect(next.counts()).toEqual({ cached: ESSAYS, formatted: 0 });
    expect(await Promise.all(archive.essays.map((essay) => next.of(essay)))).toEqual(all);
    await next.close();
    // Another site address is another record, so other citations (none formatted here: no workers, nothing asked).
    expect(startCitations(archive.essays, { cache, siteUrl: "https://example.net/", workersFrom: Infinity }).counts().cached).toBe(0);
  });

  it("when every worker stops, formats what is left on this thread and says so", async () => {
    const workerModule = new URL("../helpers/stopping-citations-worker.ts", import.meta.url);
    const pool = startCitations(archive.essays, { cache: false, siteUrl: undefined, workers: 1, workerModule });
    const all = await Promise.all(archive.essays.map((essay) => pool.of(essay)));
    await pool.close();
    expect(pool.counts().formatted).toBe(ESSAYS);
    for (const essay of sample()) expect(all[archive.essays.indexOf(essay)]).toEqual(citations(citable(essay, undefined)));
    expect(pool.warnings.at(-1)).toMatch(/^A citations worker stopped \(exit code 3\); its essays were formatted on the main thread\.$/);
  });
});
