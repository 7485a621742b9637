// Every kind of output the build makes, one line each, and the phases that run them (./kind.ts). The build
// (lib/orchestration/run.ts, pages.ts) and the dev server (lib/orchestration/dev-server.ts) go through this
// list; a new kind is a module beside this one and a line below.
// Order: after the pages, steps run one after another in this order (the sitemap reads the folder, so it
// comes after every kind that writes pages); beside the index, every step starts at once.
import type { AfterPagesContext, BesideIndexContext, Mode, OutputKind, PagesContext } from "./kind.ts";
import { citationDownloads } from "./citation-downloads.ts";
import { figures } from "./figures.ts";
import { hostFiles } from "./host-files.ts";
import { pages } from "./pages/index.ts";
import { pdfs } from "./pdfs.ts";
import { robotsAndSitemap } from "./robots-sitemap.ts";
import { searchIndex } from "./search-index.ts";

export const OUTPUTS = [pages, citationDownloads, figures, hostFiles, robotsAndSitemap, searchIndex, pdfs] as const;

type Output = (typeof OUTPUTS)[number];
type HandoverOf<K> = K extends OutputKind<string, infer H, unknown> ? H : never;
type ReportOf<K> = K extends OutputKind<string, unknown, infer R> ? R : never;
/** What each kind's step after the pages handed on, by its name: the pages' process sends it to the build's. */
export type Handovers = { [K in Output as K["name"]]?: HandoverOf<K> };
/** What each kind's step beside the index reported, by its name. */
export type Reports = { [K in Output as K["name"]]?: ReportOf<K> };

/** The kinds that run in `mode`, in the registry's order; each with its own handover's type erased (it is handed only its own). */
const kindsIn = (mode: Mode): readonly OutputKind[] => OUTPUTS.filter((kind) => kind.modes.some((m) => m === mode));

/** The steps that run while Eleventy renders, at once. */
export async function withPages(context: PagesContext): Promise<void> {
  await Promise.all(kindsIn(context.mode).map((kind) => kind.withPages?.(context)));
}

/** The steps after the pages, in order; returns what they hand on. */
export async function afterPages(context: AfterPagesContext): Promise<Handovers> {
  const handovers: Record<string, unknown> = {};
  for (const kind of kindsIn(context.mode)) if (kind.afterPages) handovers[kind.name] = await kind.afterPages(context);
  return handovers as Handovers;
}

/** What the steps beside the index are doing, in phrases ("indexing for search", "printing 12 PDFs"). */
export function besideIndexDoing(mode: Mode, handovers: Handovers): string[] {
  const given: Record<string, unknown> = handovers;
  return kindsIn(mode).flatMap((kind) => kind.doing?.(given[kind.name]) ?? []);
}

/**
 * Runs the steps beside the index at once. When one fails, the others are stopped (their signal aborts),
 * and the first failure is thrown once all have ended.
 */
export async function besideIndex(context: BesideIndexContext, handovers: Handovers): Promise<Reports> {
  const given: Record<string, unknown> = handovers;
  const beside = new AbortController();
  const signal = context.signal ? AbortSignal.any([context.signal, beside.signal]) : beside.signal;
  const steps = kindsIn(context.mode).flatMap((kind) => {
    if (!kind.besideIndex) return [];
    const step = kind.besideIndex({ ...context, signal }, given[kind.name]).then((report): [string, unknown] => [kind.name, report]);
    return [
      step.catch((error: unknown): never => {
        beside.abort(error);
        throw error;
      }),
    ];
  });
  const settled = await Promise.allSettled(steps);
  if (beside.signal.aborted && !context.signal?.aborted) throw beside.signal.reason;
  const reports: Record<string, unknown> = {};
  for (const result of settled) {
    if (result.status === "rejected") throw result.reason;
    reports[result.value[0]] = result.value[1];
  }
  return reports as Reports;
}
