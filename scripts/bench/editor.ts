// node --import tsx scripts/bench/editor.ts [--essays 100,1000] [--runs 3]
// What `npm run edit` costs (docs/performance.md): on the benchmark's synthetic archive of each size
// (scripts/bench/corpus.ts), the time from opening the editor to its list of essays shown, in a fresh
// Chromium context (nothing cached, the sign-in page clicked through) and on a reload (the bundle
// revalidated, 304); the requests and bytes of the first load; and a save of one essay, which runs the
// build's checks over the whole archive (lib/edit/checks.ts), the first save and the next.
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { editorBackend } from "../../lib/edit/backend.ts";
import { startEditor } from "../../lib/edit/server.ts";
import { launch } from "../../lib/runtime/browser.ts";
import { writeCorpus } from "./corpus.ts";

const { values } = parseArgs({ options: { essays: { type: "string", default: "100,1000" }, runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (xs: number[]) => `${median(xs).toLocaleString("en", { maximumFractionDigits: 0 })} ms [${xs.map((x) => x.toFixed(0)).join(", ")}]`;

/** Opening the editor on its list of essays: cold (a new context) then warm (a reload); bytes of the cold load. */
async function load(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let requests = 0;
  let bytes = 0;
  page.on("requestfinished", async (request) => {
    requests++;
    bytes += (await request.sizes()).responseBodySize;
  });
  const list = page.locator('a[href*="/collections/essays/entries/"]').first();
  let start = Date.now();
  await page.goto(`${url}#/collections/essays`);
  await page.getByRole("button").click();
  await list.waitFor({ timeout: 120_000 });
  const cold = Date.now() - start;
  const first = { requests, bytes };
  start = Date.now();
  await page.reload();
  await list.waitFor({ timeout: 120_000 });
  const warm = Date.now() - start;
  await context.close();
  return { cold, warm, ...first };
}

/** One essay saved with a new title through the backend, as Decap sends it; twice, the second after the first is known. */
async function saves(root: string): Promise<number[]> {
  const backend = editorBackend(root);
  const times: number[] = [];
  for (const title of ["A new title", "Another title"]) {
    const entries = (await backend.handle({ action: "entriesByFolder", params: { folder: "src/essays", extension: "md", depth: 1 } })).json as {
      data: string;
      file: { path: string };
    }[];
    const entry = entries[0]!;
    const raw = entry.data.replace(/^title: .*$/m, `title: ${title}`);
    const start = performance.now();
    const answer = await backend.handle({ action: "persistEntry", params: { dataFiles: [{ path: entry.file.path, raw }], assets: [], options: {} } });
    times.push(performance.now() - start);
    if (answer.status !== 200) throw new Error(JSON.stringify(answer.json));
  }
  return times;
}

const bundle = join(createRequire(import.meta.url).resolve("decap-cms/package.json"), "../dist/decap-cms.js");
console.log(`Decap CMS bundle: ${((await stat(bundle)).size / 1024 / 1024).toFixed(2)} MiB (dist/decap-cms.js)`);
const browser = await launch();
try {
  for (const essays of values.essays.split(",").map(Number)) {
    const work = await mkdtemp(join(tmpdir(), "editor-bench-"));
    try {
      await writeCorpus(work, essays);
      const editor = await startEditor({ root: work, port: 0 });
      const loads = [];
      for (let run = 0; run < runs; run++) loads.push(await load(browser, editor.url));
      await editor.close();
      const [first, next] = [[], []] as [number[], number[]];
      for (let run = 0; run < runs; run++) {
        const [a, b] = await saves(work);
        first.push(a!);
        next.push(b!);
      }
      console.log(`\n${essays} essays`);
      console.log(`  editor to its list of essays, fresh context: ${ms(loads.map((l) => l.cold))}`);
      console.log(`  the same, reloaded: ${ms(loads.map((l) => l.warm))}`);
      console.log(`  first load: ${loads[0]!.requests} requests, ${(loads[0]!.bytes / 1024 / 1024).toFixed(2)} MiB`);
      console.log(`  a save, checked over the archive: first ${ms(first)}, next ${ms(next)}`);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
