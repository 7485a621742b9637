// A worker thread that formats references (formats.ts) while the main thread renders pages: citeproc is
// the slowest part of an essay page, and a build otherwise leaves the second core idle.
import { parentPort, workerData } from "node:worker_threads";
import { references } from "./formats.ts";
import type { CitableEssay } from "./types.ts";

const BATCH = 25;
const essays = workerData as CitableEssay[];
for (let start = 0; start < essays.length; start += BATCH) {
  const batch = essays.slice(start, start + BATCH).map((essay) => [essay.id, references(essay)] as const);
  parentPort!.postMessage(batch);
}
