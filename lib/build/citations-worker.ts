// A worker thread of the citations pool (./citations.ts): formats each batch it is sent, keeps the results
// in the build cache, and sends them back.
import { parentPort, workerData } from "node:worker_threads";
import { CITATIONS_SHELF, CitationsSchema } from "../cite/cached.ts";
import { citations } from "../cite/formats.ts";
import { cacheShelf, type CacheDir } from "../tools/cache.ts";
import type { CitationJob, CitationResult } from "./citations.ts";

const shelf = cacheShelf((workerData as { cache: CacheDir }).cache, CITATIONS_SHELF, CitationsSchema);
parentPort!.on("message", (batch: CitationJob[]) => {
  const results: CitationResult[] = batch.map(({ id, key, record }) => {
    const value = citations(record);
    shelf.set(key, value);
    return { id, value };
  });
  parentPort!.postMessage(results);
});
