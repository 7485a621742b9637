// npm run bench -- [--essays 4000 | --essays 1000,4000,20000] [--runs 3] [--compare] [--search] [--one-series] [--prolific] [--pdf]
// Generates a deterministic synthetic archive (scripts/bench/corpus.ts) in a temp folder and runs the real
// build on it as editors live with it: a clean build (no cache, no previous output), then the next build
// after one essay is added (cache present). Prints wall time, peak memory (the whole process tree: Node
// and Pagefind) against the Pagefind CLI alone on the same pages, what the cache gave, and where the time
// goes. --compare also times, on the same essays and interleaved run by run, stock Eleventy with one
// Nunjucks layout followed by the Pagefind CLI, and Hugo followed by the Pagefind CLI when `hugo` is
// installed (both always build everything); ratios are ours over theirs, run by run. The closing table
// has a row per size and build, with the cost per essay; --search times a reader's first search and
// counts what it downloads, beside Pagefind's Default UI; --pdf also times the clean and the next build of
// the same archive with PDFs on (site.json "pdf", lib/pdf/), interleaved with the builds without.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { addEssay, writeCorpus } from "./corpus.ts";
import { benchSearch, searchDocumentsSite, searchTable } from "./search.ts";
import type { CacheCounts } from "../../lib/orchestration/pages.ts";

const { values } = parseArgs({
  options: {
    essays: { type: "string", default: "4000" },
    runs: { type: "string", default: "3" },
    compare: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    /** Also time a reader's first search and count what it downloads, beside Pagefind's Default UI (scripts/bench/search.ts). */
    search: { type: "boolean", default: false },
    /** Every essay in one series (the default corpus has a sister series with every fourth essay). */
    "one-series": { type: "boolean", default: false },
    /** Four authors write most essays (hundreds each at 4,000), and the new essay is by one of them (scripts/bench/corpus.ts). */
    prolific: { type: "boolean", default: false },
    /** Also the clean and next builds with a PDF of every essay (docs/pdfs.md). */
    pdf: { type: "boolean", default: false },
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
  await writeFile(join(dir, "src/essays/essays.11tydata.json"), JSON.stringify({ layout: "essay.njk", permalink: "essays/{{ series }}/{{ number }}.html" }));
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
  await writeFile(
    join(dir, "layouts/_default/list.html"),
    '<!doctype html><html lang="en"><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n',
  );
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

interface Measured {
  name: string;
  wallMs: number;
  peakKiB: number;
}

interface SizeResult {
  essays: number;
  pages: number;
  /** This archive's clean build (no cache) and its next build after one essay is added (cache present). */
  clean: Measured;
  next: Measured;
  /** The Pagefind CLI alone, indexing this archive's essays (their search documents, as the build does) as one index. */
  pagefindPeakKiB: number;
  others: (Measured & { ratioClean: number; ratioNext: number })[];
}

/** The build's phases and what the cache gave, from `--timings-json`. */
type Timings = Record<string, number> & { cache?: CacheCounts };
const timingsOf = (run: Run) => JSON.parse(/^timings (.*)$/m.exec(run.stdout)![1]!) as Timings;

/** One archive size: the corpus, every pipeline run by run interleaved, and what it found. */
async function benchSize(work: string, essays: number): Promise<SizeResult> {
  const corpus = join(work, "corpus");
  const cache = join(work, "cache");
  const dist = join(work, "dist");
  await rm(corpus, { recursive: true, force: true });
  await writeCorpus(corpus, essays, undefined, { oneSeries: values["one-series"], prolific: values.prolific });
  console.log(`\nBenchmark: ${essays} essays (generated in ${corpus}), ${runs} runs each, interleaved.`);

  const buildOf = (root: string, into: string, from: string) =>
    measure("node", ["--import", "tsx", "scripts/build.ts", "--root", root, "--output", into, "--cache", from, "--timings-json"]);
  const build = () => buildOf(corpus, dist, cache);
  // The search documents, inside the work folder that is removed at the end.
  const documents = join(work, "documents");
  await rm(documents, { recursive: true, force: true });
  await searchDocumentsSite(corpus, documents);
  const pipelines: [string, () => Promise<Run>][] = [
    [
      "this archive, clean build (no cache, no previous output)",
      async () => {
        await rm(cache, { recursive: true, force: true });
        await rm(dist, { recursive: true, force: true });
        return build();
      },
    ],
    [
      "this archive, next build after one essay is added (cache present)",
      async () => {
        const added = await addEssay(corpus, essays + 1);
        try {
          return await build();
        } finally {
          await rm(added);
        }
      },
    ],
    [
      // One index of what the archive indexes: its essays' search documents.
      "Pagefind CLI alone on this archive's essays",
      () => measure(bin("pagefind"), ["--site", documents, "--glob", "essays/**/*.html", "--output-path", join(work, "pagefind-alone"), "--silent"]),
    ],
  ];
  if (values.compare) {
    pipelines.push(["stock Eleventy (Nunjucks) + Pagefind CLI", await setUpPlainEleventy(corpus, join(work, "plain"))]);
    if (hasHugo()) pipelines.push(["Hugo + Pagefind CLI", await setUpHugo(corpus, join(work, "hugo"))]);
    else console.log("(hugo is not installed: `apt-get install hugo` to compare with it)");
  }

  const pdfPipelines = values.pdf ? await pdfBuilds(work, corpus, essays, buildOf) : [];
  pipelines.push(...pdfPipelines);

  const results = pipelines.map(() => [] as Run[]);
  for (let run = 0; run < runs; run++) {
    for (const [i, [, go]] of pipelines.entries()) results[i]!.push(await go());
  }

  const [clean, next, alone] = [results[0]!, results[1]!, results[2]!];
  const pages = readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith(".html")).length;
  const summary = (name: string, list: Run[]): Measured => ({ name, wallMs: median(list.map((r) => r.wallMs)), peakKiB: median(list.map((r) => r.peakKiB)) });
  const pagefindPeakKiB = median(alone.map((r) => r.peakKiB));
  for (const [i, list] of [clean, next].entries()) {
    const phases = list.map(timingsOf);
    const own = summary(pipelines[i]![0], list);
    console.log(`\n${own.name}: ${pages} pages`);
    console.log(`  wall time  ${seconds(own.wallMs)} (median; runs: ${list.map((r) => seconds(r.wallMs)).join(", ")})`);
    console.log(
      `  peak memory ${mib(own.peakKiB)} (the whole process tree; the page-writing process alone ${mib(median(phases.map((p) => p.maxRssKiB ?? 0)))}); ` +
        `${(own.peakKiB / pagefindPeakKiB).toFixed(2)}x the Pagefind CLI alone on the same essays (${mib(pagefindPeakKiB)})`,
    );
    const cached = phases.at(-1)!.cache;
    if (cached) {
      const { citations: c, bodies: b, pages: p } = cached;
      console.log(
        `  from the cache: citations ${c.cached} of ${c.cached + c.formatted}, rendered bodies ${b.cached} of ${b.cached + b.rendered}, essay pages ${p.cached} of ${p.cached + p.rendered}`,
      );
    }
    console.log("  phases (median ms):");
    for (const phase of Object.keys(phases[0]!).filter((p) => p !== "maxRssKiB" && p !== "cache")) {
      console.log(`    ${phase.padEnd(36)} ${String(median(phases.map((p) => p[phase] ?? 0))).padStart(6)}`);
    }
  }
  if (values.pdf) {
    const first = pipelines.length - 2;
    console.log("\nwith a PDF of every essay (on / off, run by run):");
    for (const [k, [label, off]] of (
      [
        ["clean", clean],
        ["next", next],
      ] as const
    ).entries()) {
      const on = results[first + k]!;
      const printed = on.map((r) => /PDFs: ([\d,]+) printed/.exec(r.stdout)?.[1]).join(", ");
      console.log(
        `  ${label} build: ${seconds(median(on.map((r) => r.wallMs)))} (median), ${median(on.map((r, run) => r.wallMs / off[run]!.wallMs)).toFixed(2)}x without PDFs; peak ${mib(median(on.map((r) => r.peakKiB)))}; PDFs printed: ${printed}`,
      );
    }
  }
  const others: SizeResult["others"] = [];
  for (const [i, [name]] of pipelines.entries()) {
    if (i < 3 || i >= pipelines.length - pdfPipelines.length) continue;
    const theirs = results[i]!;
    const ratio = (ours: Run[]) => median(ours.map((r, run) => r.wallMs / theirs[run]!.wallMs));
    const other = { ...summary(name, theirs), ratioClean: ratio(clean), ratioNext: ratio(next) };
    others.push(other);
    console.log(`\n${name}: ${seconds(other.wallMs)} (median), peak ${mib(other.peakKiB)}`);
    console.log(`  ours/theirs, run by run (median): clean build ${other.ratioClean.toFixed(2)}, next build ${other.ratioNext.toFixed(2)}`);
  }
  const offline = join(dist, "pagefind/offline");
  if (existsSync(offline)) {
    const size = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .reduce((sum, e) => sum + readFileSync(join(e.parentPath, e.name)).length, 0);
    const all = size(dist);
    const search = size(join(dist, "pagefind"));
    const copies = size(offline);
    console.log(`\nbytes: dist ${mib(all / 1024)}, search index ${mib((search - copies) / 1024)}, file:// copies ${mib(copies / 1024)}`);
  }
  if (values.search) {
    console.log(`\nfirst search (${runs} runs, interleaved):\n${searchTable(essays, await benchSearch(dist, corpus, runs))}`);
  }
  return { essays, pages, clean: summary("clean", clean), next: summary("next", next), pagefindPeakKiB, others };
}

/** The clean and the next build of a copy of the corpus with PDFs on, its own output and cache. */
async function pdfBuilds(
  work: string,
  corpus: string,
  essays: number,
  buildOf: (root: string, into: string, from: string) => Promise<Run>,
): Promise<[string, () => Promise<Run>][]> {
  const root = join(work, "corpus-pdf");
  const [cache, dist] = [join(work, "cache-pdf"), join(work, "dist-pdf")];
  await rm(root, { recursive: true, force: true });
  await cp(corpus, root, { recursive: true });
  const site = join(root, "_data/site.json");
  await writeFile(site, JSON.stringify({ ...JSON.parse(readFileSync(site, "utf8")), pdf: { paper: "A4" } }, null, 2));
  return [
    [
      "this archive with PDFs, clean build",
      async () => {
        await rm(cache, { recursive: true, force: true });
        await rm(dist, { recursive: true, force: true });
        return buildOf(root, dist, cache);
      },
    ],
    [
      "this archive with PDFs, next build after one essay is added",
      async () => {
        const added = await addEssay(root, essays + 1);
        try {
          return await buildOf(root, dist, cache);
        } finally {
          await rm(added);
        }
      },
    ],
  ];
}

const work = await mkdtemp(join(tmpdir(), "archive-bench-"));
try {
  const sizes: SizeResult[] = [];
  for (const essays of values.essays.split(",").map(Number)) sizes.push(await benchSize(work, essays));
  // One table for docs/performance.md: each size, each build, against each other pipeline, run by run.
  const names = sizes[0]!.others.map((o) => o.name);
  console.log(`\n| essays | build | wall (median) | ms per essay | ${names.map((n) => `ours / ${n}`).join(" | ")} | peak memory | / Pagefind CLI alone |`);
  console.log(`| ---: | --- | ---: | ---: | ${names.map(() => "---:").join(" | ")} | ---: | ---: |`);
  for (const r of sizes) {
    for (const [label, m, ratio] of [
      ["clean", r.clean, "ratioClean"],
      ["next", r.next, "ratioNext"],
    ] as const) {
      const ratios = r.others.map((o) => `${o[ratio].toFixed(2)}x`).join(" | ");
      console.log(
        `| ${r.essays} | ${label} | ${seconds(m.wallMs)} | ${(m.wallMs / r.essays).toFixed(2)} | ${ratios}${ratios ? " | " : ""}${mib(m.peakKiB)} | ${(m.peakKiB / r.pagefindPeakKiB).toFixed(2)}x |`,
      );
    }
  }
  for (const r of sizes) for (const o of r.others) console.log(`(${r.essays} essays: ${o.name} ${seconds(o.wallMs)}, peak ${mib(o.peakKiB)})`);
} finally {
  if (!values.keep) await rm(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
