// What every kind of output the build makes declares (./registry.ts lists them): what it writes, the modes it
// runs in, its cache shelf and key, and its steps, each named for its phase:
// - `withPages`: in the pages' process, while Eleventy renders (the pages themselves are Eleventy's);
// - `afterPages`: in the pages' process, once Eleventy has written, in the registry's order; what it returns
//   (small, JSON) is carried to the build's process as this kind's handover, the only data that crosses;
// - `besideIndex`: in the build's process, once the pages' process has ended, all at once (the search index
//   is one of them), each given its own handover; a failure stops the others.
// A step may be left out. The dev server runs the kinds whose `modes` name it, the same phases in turn, the
// last in the background (lib/orchestration/dev-server.ts).
import type { PagesToWrite } from "../archive/loader.ts";
import type { Archive } from "../archive/model.ts";
import type { CacheDir } from "../cache/cache.ts";
import type { CitationSource } from "../cite/essay.ts";
import type { ListingViews } from "../views/listing.ts";
import type { EssayPages } from "./pages/essay-pages.ts";
import type { ListingPages } from "./pages/listing-pages.ts";

/** `npm run build`, or `npm start`'s dev server. */
export type Mode = "build" | "dev";

/** What the pages' process knows, given to the steps that run there. */
export interface PagesContext {
  mode: Mode;
  /** The content root, and the folder being written (a build's staging folder, or the dev server's output). */
  root: string;
  output: string;
  /** The output folder a build replaces, whose unchanged files may be moved in; absent in the dev server. */
  previous?: string | undefined;
  archive: Archive;
  /** The essay, author and year pages Eleventy writes this time. */
  toWrite: PagesToWrite;
  citations: CitationSource;
  cache: CacheDir;
  /** The views of the listing pages Eleventy writes this time (lib/views/listing.ts). */
  listings: ListingViews;
  /** A build's essay and listing pages from the cache (the pages kind's); absent in the dev server. */
  essayPages?: EssayPages;
  listingPages?: ListingPages;
}

/** What a step after the pages knows besides: every output path Eleventy made (its URLs). */
export interface AfterPagesContext extends PagesContext {
  made: string[];
}

/** What the build's process knows, once the pages' process has ended. */
export interface BesideIndexContext {
  mode: Mode;
  output: string;
  /** The output folder the build replaces, whose unchanged files may be moved in. */
  previous?: string;
  cache: CacheDir;
  /** `--audit-cache`: a kind that would take results from the cache makes them anew, and fails on any the cache has otherwise. */
  audit?: boolean;
  /** Aborted when the build is stopped, or another step beside the index failed. */
  signal?: AbortSignal;
  /** Progress, for a person watching a terminal. */
  onPhase?: (phase: string) => void;
}

/** Where the build cache keeps a kind's results, and what their key is made of. */
export interface CacheUse {
  shelf: string | readonly string[];
  key: string;
}

/**
 * A kind of output. `Handover` is what its step after the pages hands its step beside the index (through the
 * build's message between processes); `Report` what the build reports of it.
 */
export interface OutputKind<Name extends string = string, Handover = unknown, Report = unknown> {
  name: Name;
  /** What it writes below the output folder, in a reader's words. */
  writes: string;
  modes: readonly Mode[];
  cache?: CacheUse;
  // Steps are methods, so that the registry can hold kinds of every Handover: each is only ever handed its own.
  withPages?(context: PagesContext): Promise<void>;
  afterPages?(context: AfterPagesContext): Promise<Handover>;
  /** What it does while the index is built, in a phrase ("printing 12 PDFs"), or undefined when nothing. */
  doing?(handover: Handover): string | undefined;
  besideIndex?(context: BesideIndexContext, handover: Handover): Promise<Report>;
}

/** A kind's failure the build reports as its own, in one line: "The archive was not built: <message>". */
export class OutputError extends Error {}
