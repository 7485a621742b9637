// `npm start`: the dev server's way of running Eleventy (the other is ./pages.ts): Eleventy's own watch
// and server (live reload) on the content root, rewriting only the pages a change touches
// (`--incremental`). https://www.11ty.dev/docs/usage/incremental/
// Before each rebuild the archive is loaded again, reusing the essays an edit did not touch
// (lib/archive/loader.ts), and citations missing from the build cache are formatted here as pages ask
// (no workers). After the pages: after a load that rewrote every page, the removal of the pages the archive
// no longer has (lib/pages/outdated.ts); then the output kinds that run in the dev server
// (lib/outputs/registry.ts), their steps with the pages and after them in turn, and their steps beside the
// index (the search index) in the background, one rebuild's at a time.
// One addition: Eleventy 3 does not rebuild when a watched file is deleted (11ty/eleventy#2798, fixed in
// Eleventy 4), so a deleted essay would stay listed and searchable until the next edit. Here a deletion
// rebuilds like any change.
import { join, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import { archiveConfig, type PagesData, type PagesMode } from "../../.eleventy.ts";
import { createArchiveLoader } from "../archive/loader.ts";
import { listingViews } from "../views/listing.ts";
import { CacheWriteError, checkCacheWritable } from "../cache/cache.ts";
import { downloadFiles } from "../cite/files.ts";
import { outputFile, removeOutdated } from "../pages/outdated.ts";
import { namesIn } from "../paths/files.ts";
import { CONTENT } from "../paths/layout.ts";
import { timed, timedAsync } from "../runtime/timings.ts";
import type { PagesContext } from "../outputs/kind.ts";
import { afterPages, besideIndex, withPages } from "../outputs/registry.ts";
import { startCitations } from "./citations.ts";

export class DevServerError extends Error {}

export interface DevServer {
  stop(): Promise<void>;
}

/** Builds the content root `root` into `output`, then watches and serves it on `port` until stopped. */
export interface DevServerOptions {
  root: string;
  output: string;
  port: number;
  /** The address over site.json's `url`: SITE_URL, as `npm start` checked it. */
  siteUrl?: string | undefined;
}

export async function startDevServer({ root, output, port, siteUrl }: DevServerOptions): Promise<DevServer> {
  const cache = join(root, CONTENT.cache);
  try {
    checkCacheWritable(cache);
  } catch (error) {
    throw error instanceof CacheWriteError ? new DevServerError(error.message) : error;
  }
  const eleventy = new Eleventy(undefined, output, {
    source: "cli",
    config: archiveConfig(root, devMode(root, cache, siteUrl)),
    runMode: "serve",
    quietMode: true,
  });
  await eleventy.init();
  eleventy.setIncrementalBuild(true);
  let rebuild: (path: string) => Promise<void>;
  try {
    rebuild = await eleventy.watch();
  } catch {
    // Eleventy has shown why, in the editor's words where it was the content.
    throw new DevServerError("The dev server did not start: its first build failed (see above).");
  }
  eleventy.watcher.on("unlink", (path: string) => void rebuild(path));
  await watcherListed(
    eleventy.watcher,
    CONTENT_FOLDERS.map((folder) => resolve(root, folder)),
  );
  await eleventy.serve(port);
  return {
    async stop() {
      await eleventy.stopWatch();
    },
  };
}

/** The content folders Eleventy watches (.eleventy.ts adds them as watch targets). */
const CONTENT_FOLDERS = [CONTENT.essays, CONTENT.data, CONTENT.figures];

/** What a watcher tells of the files it watches: folder to the names in it (chokidar's `getWatched`). */
interface Watcher {
  getWatched(): Record<string, string[]>;
}

/**
 * Waits until the watcher has listed every file of the content folders. Eleventy's watch resolves on
 * chokidar's "ready", which can come before chokidar has read a watched folder (seen on a busy machine,
 * about one start in eight: the essays folder watched, with no file in it yet); a file deleted or edited
 * before then goes unseen, and the server would show it until the next edit. So the server's address is
 * shown only once every file is known. A bound, in case a folder's listing never comes: then a warning.
 */
export async function watcherListed(watcher: Watcher, folders: string[], boundMs = 30_000): Promise<void> {
  const listed = () => {
    const watched = watcher.getWatched();
    return folders.every((folder) => {
      const known = new Set(watched[folder] ?? []);
      return namesIn(folder).every((name) => known.has(name));
    });
  };
  const until = Date.now() + boundMs;
  while (!listed()) {
    if (Date.now() > until) {
      console.warn("[archive] The file watcher has not listed every content file yet: an edit made now may go unseen until the next one.");
      return;
    }
    await new Promise((wake) => setTimeout(wake, 25));
  }
}

function devMode(root: string, cache: string, siteUrl: string | undefined): PagesMode {
  const loader = createArchiveLoader(root, { siteUrl, remember: true, cache });
  let changed: string[] | undefined;
  let data: PagesData | undefined;
  let beside = Promise.resolve();
  return {
    changed: (files) => void (changed = files),
    async data() {
      data = undefined;
      const archive = await timedAsync("load and validate", () => loader.load(changed), "eleventy");
      const { toWrite } = loader;
      const citations = startCitations(toWrite.essays, { cache, siteUrl: archive.site.url, workersFrom: Infinity });
      data = { archive, toWrite, listings: listingViews(archive, toWrite), citations };
      return data;
    },
    async afterPages(output, made) {
      if (!data) return;
      const { archive, toWrite, listings, citations } = data;
      const context: PagesContext = { mode: "dev", root, output, archive, toWrite, listings, citations, cache };
      if (toWrite.all) {
        const current = new Set([...made.map(outputFile), ...archive.essays.flatMap(downloadFiles)]);
        timed("outdated pages", () => removeOutdated(output, current), "eleventy");
      }
      // Eleventy has written: the steps that go with the pages (a build's run while it renders), then those after.
      await withPages(context);
      const handovers = await afterPages({ ...context, made });
      beside = beside
        .then(() => besideIndex({ mode: "dev", output, cache }, handovers).then(() => undefined))
        .catch((error: unknown) => console.error("[search]", error));
    },
  };
}
