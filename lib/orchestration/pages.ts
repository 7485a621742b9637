// A build's way of running Eleventy (the other is ./dev-server.ts): load and check the archive, put in
// place what the cache has of the essay and listing pages (lib/outputs/pages/essay-pages.ts,
// listing-pages.ts), start the other essays' citations (./citations.ts), and have Eleventy write the rest
// into the staging folder, with the output kinds' steps while it renders and after it (lib/outputs/registry.ts). From 500 essays it runs in a
// process of its own (scripts/build-pages.ts) that then exits, so the memory it held is free before
// Pagefind indexes (./run.ts); below that, in the build's own process. What it sends back of the outputs
// is their handovers, each kind's own.
import Eleventy from "@11ty/eleventy";
import { archiveConfig, type PagesMode } from "../../.eleventy.ts";
import { createArchiveLoader, everyPage } from "../archive/loader.ts";
import { ContentError } from "../content/problems.ts";
import { CacheWriteError, sweepCache, type CacheDir } from "../cache/cache.ts";
import { timed, timedAsync, timingRows, type TimingRow } from "../runtime/timings.ts";
import { startCitations } from "./citations.ts";
import { essayPages } from "../outputs/pages/essay-pages.ts";
import { listingPages } from "../outputs/pages/listing-pages.ts";
import type { PagesContext } from "../outputs/kind.ts";
import { afterPages, withPages, type Handovers } from "../outputs/registry.ts";

/** What the cache gave a build: how many of each kind of result were reused, and how many computed. */
export interface CacheCounts {
  citations: { cached: number; formatted: number };
  bodies: { cached: number; rendered: number };
  pages: { cached: number; rendered: number };
  listings: { cached: number; rendered: number };
}

/** What the pages process tells its parent. */
export type PagesMessage =
  | { loaded: number }
  | { done: { timings: TimingRow[]; maxRssKiB: number; cache: CacheCounts; handovers: Handovers } }
  | { error: string };

export interface PagesOptions {
  root: string;
  staging: string;
  /** The output folder the build will replace, whose unchanged essay pages are moved in rather than copied. */
  previous?: string;
  cache: CacheDir;
  /** The deployment's address over site.json's `url`, as the command checked it (BuildOptions.siteUrl). */
  siteUrl?: string | undefined;
  verbose: boolean;
  send: (message: PagesMessage) => Promise<void>;
}

/** Writes the pages; a failure is sent as the editor should read it, and the promise resolves false. */
export async function writePages({ root, staging, previous, cache, siteUrl, verbose, send }: PagesOptions): Promise<boolean> {
  try {
    const loader = createArchiveLoader(root, { siteUrl, cache });
    const archive = await timedAsync("load and validate", () => loader.load());
    void send({ loaded: archive.essays.length });
    // Eleventy renders, and the citations are made and written for, only the essays whose page and
    // downloads the cache has not got; and Eleventy renders only the listing pages the cache has not got.
    const pages = essayPages(cache, archive);
    const toWrite = { ...everyPage(archive), essays: timed("essay pages from the cache", () => pages.reuse(staging, previous)) };
    const listed = listingPages(cache, archive);
    const listings = timed("listing pages from the cache", () => listed.reuse(staging, previous));
    const citations = timed("citations from the cache", () => startCitations(toWrite.essays, { cache, siteUrl: archive.site.url }));
    let handovers: Handovers = {};
    try {
      const context: PagesContext = {
        mode: "build",
        root,
        output: staging,
        previous,
        archive,
        toWrite,
        listings,
        citations,
        cache,
        essayPages: pages,
        listingPages: listed,
      };
      const mode: PagesMode = {
        data: async () => ({ archive, toWrite, listings, citations }),
        afterPages: async (output, made) => void (handovers = await afterPages({ ...context, output, made })),
      };
      const eleventy = new Eleventy(undefined, staging, { config: archiveConfig(root, mode), quietMode: !verbose });
      // Errors are reported by the parent, once, in the editor's terms.
      if (!verbose) eleventy.disableLogger();
      const write = async () => {
        await eleventy.init();
        if (!verbose) quietBenchmarks(eleventy);
        await eleventy.write();
      };
      await Promise.all([timedAsync("eleventy", write), withPages(context)]);
    } finally {
      await citations.close();
    }
    timed("sweep the cache", () => sweepCache(cache));
    const { hits, misses } = loader.bodies;
    const counts = {
      citations: citations.counts(),
      bodies: { cached: hits, rendered: misses },
      pages: { cached: pages.counts.hits, rendered: pages.counts.misses },
      listings: { cached: listed.counts.hits, rendered: listed.counts.misses },
    };
    await send({ done: { timings: timingRows(), maxRssKiB: process.resourceUsage().maxRSS, cache: counts, handovers } });
    return true;
  } catch (error) {
    await send({ error: explain(error) });
    return false;
  }
}

/**
 * Eleventy's benchmarks made while its configuration loads keep the verbosity they were made with (on),
 * whatever it is told later, and warn on stderr when a step of theirs takes more than 8% of the build
 * ("[11ty] Benchmark 232ms 13% 15× (Configuration) …", seen on a busy machine): noise before the editor's
 * message on a failure, and in a build's summary. Eleventy 3.1.8, after init().
 */
function quietBenchmarks(eleventy: Eleventy): void {
  const { bench } = eleventy as unknown as { bench: { getAll(): Record<string, { setIsVerbose(verbose: boolean): void }> } };
  for (const group of Object.values(bench.getAll())) group.setIsVerbose(false);
}

/** The error a failure wraps: Eleventy keeps what a template threw as `originalError`. */
function causeOf(error: unknown): unknown {
  return error instanceof Error ? (error.cause ?? (error as { originalError?: unknown }).originalError) : undefined;
}

/** The content's problems in the editor's terms, or else the error and its causes, one line each. */
function explain(error: unknown): string {
  const lines: string[] = [];
  for (let e = error; e; e = causeOf(e)) {
    if (e instanceof ContentError) return e.message;
    if (e instanceof CacheWriteError) return `The archive was not built: ${e.message}`;
    lines.push(e instanceof Error ? e.message : String(e));
  }
  return `The archive was not built:\n${lines.map((l) => `  ${l}`).join("\n")}`;
}
