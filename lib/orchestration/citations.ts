// The citations of the essay pages a build writes (lib/cite/): each essay's from the build cache when it
// is there; the rest formatted while Eleventy renders, on worker threads when there are enough of them
// to repay starting one (about 0.4 s: loading Citation.js and building the three style engines), in the
// order the pages ask for them. A page waits only for its own essay, and only if the workers are behind.
// A build is all or nothing, so a worker that fails or stops fails the build, with its reason: no
// hand-over of its work to keep correct. https://nodejs.org/api/worker_threads.html
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { CITATIONS_SHELF, citationsKey, CitationsSchema } from "../cite/cached.ts";
import { citable, type CitationSource } from "../cite/essay.ts";
import type { Citations } from "../cite/types.ts";
import type { CitableEssay } from "../cite/types.ts";
import type { Essay } from "../archive/model.ts";
import { cacheShelf, type CacheDir } from "../cache/cache.ts";

export interface CitationPool extends CitationSource {
  /** How many essays' citations came from the cache, and how many were formatted. */
  counts(): { cached: number; formatted: number };
  /** Ends the workers. */
  close(): Promise<void>;
}

export interface CitationOptions {
  cache: CacheDir;
  siteUrl: string | undefined;
  /** Workers start only when at least this many essays are to be formatted. */
  workersFrom?: number;
  /** How many workers: by default one per core. */
  workers?: number;
  /** Essays per message to a worker. */
  batch?: number;
  /** The worker's module (a test gives one that fails). */
  workerModule?: URL;
}

/** One essay for a worker: its record, and the cache key this thread keeps the result under. */
export interface CitationJob {
  /** The essay's page path: unique in the archive, and known to a page without making its record again. */
  id: string;
  key: string;
  record: CitableEssay;
}
export interface CitationResult {
  id: string;
  key: string;
  value: Citations;
}

const WORKERS_FROM = 50;
/** Essays per message: large enough that messaging costs nothing, small enough that pages are not kept waiting. */
const BATCH = 20;

export function startCitations(essays: readonly Essay[], options: CitationOptions): CitationPool {
  const shelf = cacheShelf(options.cache, CITATIONS_SHELF, CitationsSchema);
  const ready = new Map<string, Citations>();
  const jobs = new Map<string, CitationJob>();
  for (const essay of essays) {
    const record = citable(essay, options.siteUrl);
    const key = citationsKey(record);
    const known = shelf.get(key);
    if (known) ready.set(essay.path, known);
    else jobs.set(essay.path, { id: essay.path, key, record });
  }
  const cached = ready.size;
  /** One promise per essay being waited for, however many ask (its page, its citation files). */
  const waiting = new Map<string, { promise: Promise<Citations>; resolve: (value: Citations) => void; reject: (error: unknown) => void }>();
  /** Why a worker failed: every page waiting, and every page asking after, fails with it. */
  let failure: Error | undefined;

  const settle = (id: string, value: Citations) => {
    ready.set(id, value);
    jobs.delete(id);
    waiting.get(id)?.resolve(value);
    waiting.delete(id);
  };
  const fail = (error: Error) => {
    if (failure || closing) return;
    failure = error;
    queue.length = 0;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    for (const worker of workers) void worker.terminate();
  };

  // The queue, in the order the essays were given (the order their pages render), in batches.
  const queue: CitationJob[][] = [];
  const pending = [...jobs.values()];
  const size = options.batch ?? BATCH;
  for (let i = 0; i < pending.length; i += size) queue.push(pending.slice(i, i + size));
  const workers = new Set<Worker>();
  if (jobs.size >= (options.workersFrom ?? WORKERS_FROM)) {
    // One per core, though this thread renders too: with one fewer on two cores the worker was the
    // bottleneck at scale (a clean build of 20,000 essays took 195 s against 148 s; docs/performance.md).
    const count = Math.min(options.workers ?? availableParallelism(), queue.length);
    for (let i = 0; i < count; i++) startWorker();
  }

  function startWorker(): void {
    const worker = typeScriptWorker(options.workerModule ?? new URL("./citations-worker.ts", import.meta.url));
    let batch: CitationJob[] | undefined;
    // A worker with nothing left to take ends at once, so that its memory is free before the pages
    // written last (the page process's peak).
    const next = () => {
      batch = queue.shift();
      if (batch) return void worker.postMessage(batch);
      workers.delete(worker);
      void worker.terminate();
    };
    worker.on("message", (results: CitationResult[]) => {
      try {
        for (const { id, key, value } of results) {
          shelf.set(key, value);
          settle(id, value);
        }
      } catch (error) {
        // The cache cannot be written (lib/cache/cache.ts, CacheWriteError).
        return fail(error as Error);
      }
      next();
    });
    // An error is followed by "exit"; a worker can also exit without one (process.exit, terminate()).
    worker.on("error", (error) => fail(new Error(`A citations worker failed: ${error.message}`)));
    worker.on("exit", (code) => {
      workers.delete(worker);
      if (batch) fail(new Error(`A citations worker stopped (exit code ${code}) before it had formatted its essays.`));
    });
    workers.add(worker);
    next();
  }

  let closing = false;
  return {
    of(id, record) {
      const known = ready.get(id);
      if (known) return Promise.resolve(known);
      if (failure) return Promise.reject(failure);
      const job = jobs.get(id);
      // Not among the essays given (the dev server asks for any), or no worker will: formatted here.
      if (!job || workers.size === 0) {
        return formatHere(job?.record ?? record).then((value) => {
          if (job) {
            shelf.set(job.key, value);
            settle(id, value);
          }
          return value;
        });
      }
      let wait = waiting.get(id);
      if (!wait) {
        let resolve!: (value: Citations) => void;
        let reject!: (error: unknown) => void;
        const promise = new Promise<Citations>((yes, no) => {
          resolve = yes;
          reject = no;
        });
        waiting.set(id, (wait = { promise, resolve, reject }));
      }
      return wait.promise;
    },
    counts: () => ({ cached, formatted: ready.size - cached }),
    async close() {
      closing = true;
      await Promise.all([...workers].map((worker) => worker.terminate()));
    },
  };
}

/**
 * Citation.js and the styles, loaded only when an essay's citations are formatted on this thread: a build
 * whose citations all come from the cache, or from workers, never loads them (about 0.1 s).
 */
let formats: Promise<typeof import("../cite/formats.ts")> | undefined;
const formatHere = async (record: CitableEssay): Promise<Citations> => (await (formats ??= import("../cite/formats.ts"))).citations(record);

/**
 * A worker running a TypeScript module: a worker does not inherit its process's `--import tsx`, so it
 * registers tsx itself before importing the module. https://tsx.is/dev-api/register-esm
 */
function typeScriptWorker(module: URL): Worker {
  const code = `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(code, { eval: true });
}

/**
 * The ES module of tsx's `tsx/esm/api`, as an absolute URL: the worker's code is evaluated with no module
 * of its own to resolve a package name from. Read from tsx's exports map, since a test runner may not
 * offer `import.meta.resolve`, and `require.resolve` gives the CommonJS form, which cannot register.
 */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const { exports } = require(manifest) as { exports: Record<string, { import?: { default?: string } }> };
  return pathToFileURL(join(dirname(manifest), exports["./esm/api"]!.import!.default!)).href;
}
