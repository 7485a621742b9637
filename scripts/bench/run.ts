// npm run bench -- [--essays 4000 | --essays 1000,4000,20000] [--runs 3] [--compare] [--search]
// Generates a deterministic synthetic archive (scripts/bench/corpus.ts) in a temp folder, runs the real build on
// it and prints wall time, peak memory (the whole process tree: Node and Pagefind), pages/s and where the
// time goes. --compare also times, on the same essays and interleaved run by run, stock Eleventy with one
// Nunjucks layout followed by the Pagefind CLI, and Hugo followed by the Pagefind CLI when `hugo` is
// installed; ratios are ours over theirs, run by run. Several sizes print a table of cost per essay;
// --search times a reader's first search and counts what it downloads, beside Pagefind's Default UI.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeCorpus } from "./corpus.ts";
import { benchSearch, searchTable } from "./search.ts";

const { values } = parseArgs({
  options: {
    essays: { type: "string", default: "4000" },
    runs: { type: "string", default: "3" },
    compare: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    /** Also time a reader's first search and count what it downloads, beside Pagefind's Default UI (scripts/bench/search.ts). */
    search: { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const REPO = resolve(import.meta.dirname, "../..");
const bin = (name: string) => join(REPO, "node_modules/.bin", name);

interface Run {
  wallMs: number;
  peakKiB: number;
  stdout: string;
}

/** The resident memory of a process and all its descendants, from /proc (Linux). */
function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(entry);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4); // pages of 4 KiB
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command to completion, sampling its process tree's memory. */
function measure(command: string, args: string[], cwd = REPO): Promise<Run> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let peakKiB = 0;
    const sampler = setInterval(() => {
      if (child.pid) peakKiB = Math.max(peakKiB, treeRssKiB(child.pid));
    }, 100);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => {
      clearInterval(sampler);
      const wallMs = performance.now() - start;
      if (code !== 0) fail(new Error(`${command} ${args.join(" ")} failed (${code}):\n${stderr}`));
      else done({ wallMs, peakKiB, stdout });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;

/** Stock Eleventy: one template per essay, one Nunjucks layout, then the Pagefind CLI. */
async function setUpPlainEleventy(corpus: string, dir: string): Promise<() => Promise<Run>> {
  await cp(join(corpus, "src/essays"), join(dir, "src/essays"), { recursive: true });
  await mkdir(join(dir, "src/_includes"), { recursive: true });
  await writeFile(
    join(dir, "src/essays/essays.11tydata.json"),
    JSON.stringify({ layout: "essay.njk", permalink: "essays/{{ series }}/{{ number }}.html" }),
  );
  await writeFile(
    join(dir, "src/_includes/essay.njk"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><header><a href="../../index.html">Archive</a></header><main><article data-pagefind-body>
<p>{{ series }} No.{{ number }}</p><h1>{{ title }}</h1><p>{% for a in authors %}<span data-pagefind-filter="author">{{ a }}</span> {% endfor %}</p>
{{ content | safe }}</article></main><footer>Footer</footer></body></html>\n`,
  );
  await writeFile(join(dir, "eleventy.config.mjs"), "export default function () {}\n");
  const eleventy = join(REPO, "node_modules/@11ty/eleventy/cmd.cjs");
  return async () => {
    await rm(join(dir, "_site"), { recursive: true, force: true });
    const a = await measure("node", [eleventy, "--quiet", "--input=src", "--output=_site", "--config=eleventy.config.mjs"], dir);
    const b = await measure(bin("pagefind"), ["--site", "_site", "--silent"], dir);
    return { wallMs: a.wallMs + b.wallMs, peakKiB: Math.max(a.peakKiB, b.peakKiB), stdout: "" };
  };
}

/** Hugo, with one single-page layout, then the Pagefind CLI. */
async function setUpHugo(corpus: string, dir: string): Promise<() => Promise<Run>> {
  await cp(join(corpus, "src/essays"), join(dir, "content/essays"), { recursive: true });
  await mkdir(join(dir, "layouts/_default"), { recursive: true });
  await writeFile(
    join(dir, "hugo.toml"),
    'baseURL = "https://example.org/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n',
  );
  await writeFile(
    join(dir, "layouts/_default/single.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><header><a href="/">Archive</a></header><main><article data-pagefind-body>
<p>{{ .Params.series }} No.{{ .Params.number }}</p><h1>{{ .Title }}</h1><p>{{ range .Params.authors }}<span data-pagefind-filter="author">{{ . }}</span> {{ end }}</p>
{{ .Content }}</article></main><footer>Footer</footer></body></html>\n`,
  );
  await writeFile(join(dir, "layouts/_default/list.html"), "<!doctype html><html lang=\"en\"><body>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</body></html>\n");
  return async () => {
    await rm(join(dir, "public"), { recursive: true, force: true });
    const a = await measure("hugo", ["--quiet", "-d", "public"], dir);
    const b = await measure(bin("pagefind"), ["--site", "public", "--silent"], dir);
    return { wallMs: a.wallMs + b.wallMs, peakKiB: Math.max(a.peakKiB, b.peakKiB), stdout: "" };
  };
}

const hasHugo = () => {
  try {
    return readdirSync("/usr/bin").includes("hugo") || readdirSync("/usr/local/bin").includes("hugo");
  } catch {
    return false;
  }
};

interface SizeResult {
  essays: number;
  pages: number;
  wallMs: number;
  peakKiB: number;
  others: { name: string; wallMs: number; peakKiB: number; ratio: number }[];
}

/** One archive size: the corpus, every pipeline run by run interleaved, and what it found. */
async function benchSize(work: string, essays: number): Promise<SizeResult> {
  const corpus = join(work, "corpus");
  await rm(corpus, { recursive: true, force: true });
  await writeCorpus(corpus, essays);
  console.log(`\nBenchmark: ${essays} essays (generated in ${corpus}), ${runs} runs each, interleaved.`);

  const pipelines: [string, () => Promise<Run>][] = [
    [
      "this archive: npm run build",
      async () => {
        // A clean build each time, like the others: no previous output to retire.
        await rm(join(work, "dist"), { recursive: true, force: true });
        return measure("node", ["--import", "tsx", "scripts/build.ts", "--root", corpus, "--output", join(work, "dist"), "--timings-json"]);
      },
    ],
  ];
  if (values.compare) {
    pipelines.push(["stock Eleventy (Nunjucks) + Pagefind CLI", await setUpPlainEleventy(corpus, join(work, "plain"))]);
    if (hasHugo()) pipelines.push(["Hugo + Pagefind CLI", await setUpHugo(corpus, join(work, "hugo"))]);
    else console.log("(hugo is not installed: `apt-get install hugo` to compare with it)");
  }

  const results = pipelines.map(() => [] as Run[]);
  for (let run = 0; run < runs; run++) {
    for (const [i, [, go]] of pipelines.entries()) results[i]!.push(await go());
  }

  const ours = results[0]!;
  const pages = readdirSync(join(work, "dist"), { recursive: true }).filter((f) => String(f).endsWith(".html")).length;
  const phases = ours.map((r) => JSON.parse(/^timings (.*)$/m.exec(r.stdout)![1]!) as Record<string, number>);
  const wallMs = median(ours.map((r) => r.wallMs));
  const peakKiB = median(ours.map((r) => r.peakKiB));

  console.log(`\n${pipelines[0]![0]}: ${pages} pages`);
  console.log(`  wall time  ${seconds(wallMs)} (median; runs: ${ours.map((r) => seconds(r.wallMs)).join(", ")})`);
  console.log(`  peak memory ${mib(peakKiB)} (the whole process tree; the page-writing process alone ${mib(median(phases.map((p) => p.maxRssKiB ?? 0)))})`);
  console.log(`  pages/s    ${Math.round(pages / (wallMs / 1000))}`);
  console.log("  phases (median ms):");
  for (const phase of Object.keys(phases[0]!).filter((p) => p !== "maxRssKiB")) {
    console.log(`    ${phase.padEnd(36)} ${String(median(phases.map((p) => p[phase] ?? 0))).padStart(6)}`);
  }
  const others: SizeResult["others"] = [];
  for (const [i, [name]] of pipelines.entries()) {
    if (i === 0) continue;
    const theirs = results[i]!;
    const ratios = ours.map((r, run) => r.wallMs / theirs[run]!.wallMs);
    const other = { name, wallMs: median(theirs.map((r) => r.wallMs)), peakKiB: median(theirs.map((r) => r.peakKiB)), ratio: median(ratios) };
    others.push(other);
    console.log(`\n${name}: ${seconds(other.wallMs)} (median), peak ${mib(other.peakKiB)}`);
    console.log(`  ratio ours/theirs: ${other.ratio.toFixed(2)} (median; runs: ${ratios.map((x) => x.toFixed(2)).join(", ")}); memory ours/theirs ${(peakKiB / other.peakKiB).toFixed(2)}`);
  }
  const offline = join(work, "dist/pagefind/offline");
  if (existsSync(offline)) {
    const size = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .reduce((sum, e) => sum + readFileSync(join(e.parentPath, e.name)).length, 0);
    const all = size(join(work, "dist"));
    const search = size(join(work, "dist/pagefind"));
    const copies = size(offline);
    console.log(`\nbytes: dist ${mib(all / 1024)}, search index ${mib((search - copies) / 1024)}, file:// copies ${mib(copies / 1024)}`);
  }
  if (values.search) {
    console.log(`\nfirst search (${runs} runs, interleaved):\n${searchTable(essays, await benchSearch(join(work, "dist"), runs))}`);
  }
  return { essays, pages, wallMs, peakKiB, others };
}

const work = await mkdtemp(join(tmpdir(), "archive-bench-"));
try {
  const sizes: SizeResult[] = [];
  for (const essays of values.essays.split(",").map(Number)) sizes.push(await benchSize(work, essays));
  if (sizes.length > 1) {
    // Cost per essay at each size: roughly constant when the build scales linearly.
    console.log("\n| essays | pages | wall (median) | ms per essay | peak memory | KiB per essay |");
    console.log("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const r of sizes) {
      console.log(`| ${r.essays} | ${r.pages} | ${seconds(r.wallMs)} | ${(r.wallMs / r.essays).toFixed(2)} | ${mib(r.peakKiB)} | ${Math.round(r.peakKiB / r.essays)} |`);
    }
  }
} finally {
  if (!values.keep) await rm(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
