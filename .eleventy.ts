// Eleventy wiring only: where things are, how TSX pages render, the global data, and what runs after the
// pages are written. https://www.11ty.dev/docs/config/
// `npm start` loads this file (the content root is ARCHIVE_ROOT, or this repository) and loads the archive
// as global data; `npm run build` loads and checks it first, then hands it over (lib/build/pages.ts).
import { join, resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { startCitations } from "./lib/build/citations.ts";
import type { CitationSource } from "./lib/cite/essay.ts";
import { downloadFiles, writeCitationFiles } from "./lib/cite/files.ts";
import { createArchiveLoader, everyPageStale } from "./lib/content/loader.ts";
import type { Archive } from "./lib/content/model.ts";
import { CONTENT, TEMPLATES } from "./lib/layout.ts";
import { copyFigures } from "./lib/pages/figures.ts";
import { outputFile, removeOutdated } from "./lib/pages/outdated.ts";
import { essayAlternates } from "./lib/pages/browse.ts";
import { writeRobots, writeSitemap } from "./lib/pages/sitemap.ts";
import { writeSearchIndex } from "./lib/search/index.ts";
import { timed, timedAsync } from "./lib/tools/timings.ts";

export interface ArchiveConfigOptions {
  /** The archive, loaded and checked before Eleventy starts (`npm run build`); else loaded here as global data. */
  archive?: Archive;
  /** Its essays' citations (the build's pool, lib/build/citations.ts); else formatted here as pages ask. */
  citations?: CitationSource;
  /** Index the written pages for search (default). `npm run build` indexes in its own process instead. */
  searchIndex?: boolean;
}

export function archiveConfig(root: string, options: ArchiveConfigOptions = {}) {
  return (eleventyConfig: UserConfig) => {
    eleventyConfig.setInputDirectory(resolve(import.meta.dirname, TEMPLATES.templates));
    eleventyConfig.setIncludesDirectory(TEMPLATES.includes);
    // Only TSX pages are templates: essay markdown is content that lib/ reads, never template code.
    // https://www.11ty.dev/docs/languages/typescript/
    eleventyConfig.setTemplateFormats("11ty.tsx");
    eleventyConfig.addExtension(["11ty.tsx"], {
      key: "11ty.js",
      compile() {
        return async function (this: { defaultRenderer(data: unknown): Promise<VNode | string> }, data: unknown) {
          const result = await this.defaultRenderer(data);
          return typeof result === "string" ? result : timed("render", () => `<!doctype html>\n${renderToString(result)}`, "eleventy");
        };
      },
    });
    eleventyConfig.addPassthroughCopy({ [TEMPLATES.assets]: "assets" });

    // The whole archive reaches templates as one value, `archive`, read and validated by lib/content/, and
    // its essays' citations as `citations`. In the dev server, a rebuild caused by essay edits alone reuses
    // the essays it did not touch; both keep their costly parts in the build cache (lib/tools/cache.ts).
    // https://www.11ty.dev/docs/data-global-custom/ https://www.11ty.dev/docs/events/#eleventy.beforewatch
    let archive = options.archive;
    let citations = options.citations;
    if (archive) {
      eleventyConfig.addGlobalData("archive", archive);
    } else {
      const cache = join(root, CONTENT.cache);
      const loader = createArchiveLoader(root, { siteUrl: process.env.SITE_URL, remember: true, cache });
      let changed: string[] | undefined;
      eleventyConfig.on("eleventy.beforeWatch", (files: string[]) => void (changed = files));
      eleventyConfig.addGlobalData("archive", async () => {
        archive = await timedAsync("load and validate", () => loader.load(changed), "eleventy");
        citations = startCitations(archive.stale.essays, { cache, siteUrl: archive.site.url, workersFrom: Infinity });
        return archive;
      });
    }
    eleventyConfig.addGlobalData("citations", { of: (essay) => citations!.of(essay) } satisfies CitationSource);
    eleventyConfig.addWatchTarget(resolve(root, CONTENT.essays));
    eleventyConfig.addWatchTarget(resolve(root, CONTENT.data));
    eleventyConfig.addWatchTarget(resolve(root, CONTENT.figures));

    // Once the pages are written: the figures essays show, robots.txt and the sitemap, then the search
    // index (lib/search/index.ts); in the dev server, each essay's citation files first (a build writes
    // them while Eleventy renders, lib/build/pages.ts), and the index in the background, one at a time.
    // In the dev server, after a change that rewrote every page, what the archive no longer has is removed
    // (lib/pages/outdated.ts), from Eleventy's map of the pages it makes. https://www.11ty.dev/docs/events/#eleventy.contentmap
    let made: string[] = [];
    eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => void (made = Object.keys(urlToInputPath)));
    let indexing = Promise.resolve();
    eleventyConfig.on("eleventy.after", async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
      const output = directories.output;
      if (!archive || !citations) return;
      if (!options.citations) await timedAsync("citation files", () => writeCitationFiles(output, archive!.stale.essays, citations!), "eleventy");
      if (!options.archive && everyPageStale(archive)) {
        const current = new Set([...made.map(outputFile), ...archive.essays.flatMap(downloadFiles)]);
        timed("outdated pages", () => removeOutdated(output, current), "eleventy");
      }
      await timedAsync("figures", () => copyFigures(root, output, archive!), "eleventy");
      const url = archive.site.url;
      await writeRobots(output, url);
      if (url) await timedAsync("sitemap", () => writeSitemap(output, url, essayAlternates(archive!)), "eleventy");
      else warnOnce("No site URL (site.json `url` or SITE_URL): no canonical, og:url or citation URL, Atom feed or sitemap.");
      if (options.searchIndex === false) return;
      const index = async () => void (await timedAsync("search index", () => writeSearchIndex(output), "eleventy"));
      if (runMode === "build") return index();
      indexing = indexing.then(index).catch((error: unknown) => console.error("[search]", error));
    });
  };
}

let warned = false;
function warnOnce(message: string): void {
  if (!warned) console.warn(`[archive] ${message}`);
  warned = true;
}

export default archiveConfig(process.env.ARCHIVE_ROOT ?? ".");
