// The citations of a build (lib/orchestration/citations.ts) on worker threads, started here for a few essays
// (`workersFrom`) in batches of one: what two workers format is what the essays' citations are, it is kept
// in the cache, and a worker that stops fails every page waiting, with its reason.
import { beforeAll, expect, it } from "vitest";
import { startCitations, type CitationOptions } from "../../lib/orchestration/citations.ts";
import { citable } from "../../lib/cite/essay.ts";
import { citations } from "../../lib/cite/formats.ts";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import type { Archive } from "../../lib/archive/model.ts";
import { fixture } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

let archive: Archive;
const SITE = "https://example.org/archive/";
const WORKERS: Partial<CitationOptions> = { workersFrom: 1, workers: 2, batch: 1 };

beforeAll(async () => {
  archive = await createArchiveLoader(fixture("basic"), { cache: false }).load();
});

it("two workers format every essay's citations, keep them in the cache, and a second build takes them from there", async () => {
  const cache = await tempDir();
  const pool = startCitations(archive.essays, { cache, siteUrl: SITE, ...WORKERS });
  // Each essay asked for twice at once, as by its page and by its citation files.
  const [all, again] = await Promise.all([0, 1].map(() => Promise.all(archive.essays.map((essay) => pool.of(essay.path, citable(essay, SITE))))));
  await pool.close();
  expect(again).toEqual(all);
  expect(all).toEqual(archive.essays.map((essay) => citations(citable(essay, SITE))));
  expect(pool.counts()).toEqual({ cached: 0, formatted: archive.essays.length });

  const next = startCitations(archive.essays, { cache, siteUrl: SITE, ...WORKERS });
  expect(next.counts()).toEqual({ cached: archive.essays.length, formatted: 0 });
  expect(await Promise.all(archive.essays.map((essay) => next.of(essay.path, citable(essay, SITE))))).toEqual(all);
  await next.close();
  // Another site address is another record, so other citations.
  expect(startCitations(archive.essays, { cache, siteUrl: "https://example.net/", workersFrom: Infinity }).counts().cached).toBe(0);
});

it("a worker that stops fails the pages waiting for its essays, and those that ask later, with its reason", async () => {
  const workerModule = new URL("../helpers/stopping-citations-worker.ts", import.meta.url);
  const pool = startCitations(archive.essays, { cache: false, siteUrl: undefined, ...WORKERS, workerModule });
  const asked = await Promise.allSettled(archive.essays.map((essay) => pool.of(essay.path, citable(essay, undefined))));
  const reason = /^A citations worker stopped \(exit code 3\) before it had formatted its essays\.$/;
  expect(asked.every((result) => result.status === "rejected" && reason.test((result.reason as Error).message))).toBe(true);
  await expect(pool.of(archive.essays[0]!.path, citable(archive.essays[0]!, undefined))).rejects.toThrow(reason);
  await pool.close();
});
