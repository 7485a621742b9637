// Eleventy wiring only: where things are, how TSX pages render, the one global data value, and what runs
// after the pages are written. https://www.11ty.dev/docs/config/
// `npm start` loads this file (the content root is ARCHIVE_ROOT, or this repository); the build's page
// writer (scripts/build-pages.ts) passes `archiveConfig(root)` to Eleventy itself, from the compiled copy
// of this code (lib/build/compile.ts), where the templates are `.11ty.mjs` files.
import { resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { createArchiveLoader } from "./lib/content/loader.ts";
import { CONTENT, moduleFile, TEMPLATES } from "./lib/layout.ts";
import type { Archive } from "./lib/content/model.ts";
import { writeCitationFiles } from "./lib/cite/files.ts";
import { startReferences, type ReferencePool } from "./lib/cite/references-pool.ts";
import { writeRobots, writeSitemap } from "./lib/pages/sitemap.ts";
import { writeSearchIndex } from "./lib/search/index.ts";
import { timed, timedAsync } from "./lib/tools/timings.ts";

export interface ArchiveConfigOptions {
  /** Index the written pages for search (default). `npm run build` indexes in its own process instead. */
  searchIndex?: boolean;
  /** Called once the archive is loaded and valid, before any page renders. */
  onLoaded?: (archive: Archive) => void;
}

/** The templates' extension: `11ty.tsx`, or `11ty.mjs` compiled. */
const TEMPLATE_FORMAT = moduleFile("11ty.tsx");

export function archiveConfig(root: string, options: ArchiveConfigOptions = {}) {
  return function (eleventyConfig: UserConfig) {
    // The templates beside this file: the sources', or the compiled copy's (which is in a git-ignored folder).
    eleventyConfig.setInputDirectory(resolve(import.meta.dirname, TEMPLATES.templates));
    eleventyConfig.setIncludesDirectory(TEMPLATES.includes);
    eleventyConfig.setUseGitIgnore(false);
    // Only TSX pages are templates: essay markdown is content that lib/ reads, never template code.
    // https://www.11ty.dev/docs/languages/typescript/
    eleventyConfig.setTemplateFormats(TEMPLATE_FORMAT);
    eleventyConfig.addExtension([TEMPLATE_FORMAT], {
      key: "11ty.js",
      compile() {
        return async function (this: { defaultRenderer(data: unknown): Promise<VNode | string> }, data: unknown) {
          const result = await this.defaultRenderer(data);
          return typeof result === "string" ? result : timed("render", () => `<!doctype html>\n${renderToString(result)}`, "eleventy");
        };
      },
    });
    eleventyConfig.addPassthroughCopy({ [TEMPLATES.assets]: "assets" });

    // The whole archive reaches templates as one value, `archive`, read and validated by lib/content/.
    // In the dev server, a rebuild caused by essay edits alone reuses the essays it did not touch.
    // https://www.11ty.dev/docs/data-global-custom/ https://www.11ty.dev/docs/events/#eleventy.beforewatch
    const loader = createArchiveLoader(root, { siteUrl: process.env.SITE_URL, remember: process.env.ELEVENTY_RUN_MODE !== "build" });
    let changed: string[] | undefined;
    let archive: Archive | undefined;
    eleventyConfig.on("eleventy.beforeWatch", (files: string[]) => void (changed = files));
    eleventyConfig.addGlobalData("archive", async () => {
      archive = await timedAsync("load and validate", () => loader.load(changed), "eleventy");
      pool = startReferences(archive);
      options.onLoaded?.(archive);
      return archive;
    });
    // "Cite this" references, formatted ahead on another thread (lib/cite/references-pool.ts).
    let pool: ReferencePool | undefined;
    const citations: ReferencePool = { of: (essay) => pool!.of(essay) };
    eleventyConfig.addGlobalData("citations", () => citations);
    eleventyConfig.addWatchTarget(resolve(root, CONTENT.essays));
    eleventyConfig.addWatchTarget(resolve(root, CONTENT.data));

    // Once the pages are written: each essay's citation files, robots.txt and the sitemap, then the search
    // index, which Pagefind builds in its own process (lib/search/index.ts). The dev server indexes in the
    // background, one index at a time.
    let indexing = Promise.resolve();
    eleventyConfig.on("eleventy.after", async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
      const output = directories.output;
      if (!archive) return;
      await timedAsync("citation files", () => writeCitationFiles(output, archive!), "eleventy");
      const url = archive.site.url;
      await writeRobots(output, url);
      if (url) await timedAsync("sitemap", () => writeSitemap(output, url), "eleventy");
      else warnOnce("No site URL (site.json `url` or SITE_URL): no canonical, og:url or citation URL, Atom feed or sitemap.");
      if (options.searchIndex === false) return;
      const index = () => timedAsync("search index", () => writeSearchIndex(output), "eleventy");
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
