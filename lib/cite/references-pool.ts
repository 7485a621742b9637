// Formatted references for a whole build, computed ahead in a worker thread (references-worker.ts) in the
// order the essay pages are rendered; a page asks for its essay's and waits only if the worker is behind.
import { Worker } from "node:worker_threads";
import type { Archive, Essay } from "../content/model.ts";
import { COMPILED, moduleFile } from "../layout.ts";
import { citable } from "./essay.ts";
import { references, type References } from "./formats.ts";
import type { CitableEssay } from "./types.ts";

export interface ReferencePool {
  of(essay: Essay): Promise<References>;
}

/** Below this many essays, starting a worker costs more than it saves. */
const WORKER_FROM = 50;

/** Starts formatting the references of the essays whose pages this build writes (`archive.stale`). */
export function startReferences(archive: Archive): ReferencePool {
  const siteUrl = archive.site.url;
  if (archive.stale.essays.length < WORKER_FROM) return { of: async (essay) => references(citable(essay, siteUrl)) };
  const records = new Map<string, CitableEssay>(archive.stale.essays.map((essay) => [essay.path, citable(essay, siteUrl)]));
  const ready = new Map<string, References>();
  const waiting = new Map<string, (refs: References) => void>();
  let failed = false;
  // From the sources, the worker loads TypeScript through tsx, registered in the worker itself (a worker
  // does not inherit the --import of its process). https://tsx.is/dev-api/register-esm
  const entry = new URL(moduleFile("./references-worker.ts"), import.meta.url);
  const workerData = [...records.values()];
  const worker = COMPILED
    ? new Worker(entry, { workerData })
    : new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true, workerData });
  worker.on("message", (batch: [string, References][]) => {
    for (const [id, refs] of batch) {
      ready.set(id, refs);
      waiting.get(id)?.(refs);
      waiting.delete(id);
    }
  });
  // Should the worker fail, whatever is still awaited is formatted here instead.
  worker.on("error", () => {
    failed = true;
    for (const [id, resolve] of waiting) resolve(references([...records.values()].find((r) => r.id === id)!));
    waiting.clear();
  });
  return {
    of(essay) {
      const record = records.get(essay.path) ?? citable(essay, siteUrl);
      const known = ready.get(record.id);
      if (known) return Promise.resolve(known);
      if (failed || !records.has(essay.path)) return Promise.resolve(references(record));
      return new Promise((resolve) => waiting.set(record.id, resolve));
    },
  };
}
