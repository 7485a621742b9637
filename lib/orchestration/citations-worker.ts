// A worker thread of the citations pool (./citations.ts): formats each batch it is sent and sends the
// results back. It writes nothing: the pool's thread keeps them in the build cache, the cache's one writer.
import { parentPort } from "node:worker_threads";
import { citations } from "../cite/formats.ts";
import type { CitationJob, CitationResult } from "./citations.ts";

parentPort!.on("message", (batch: CitationJob[]) => {
  const results: CitationResult[] = batch.map(({ id, key, record }) => ({ id, key, value: citations(record) }));
  parentPort!.postMessage(results);
});
