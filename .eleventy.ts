// Eleventy wiring only: where things are, how TSX pages render, the global data, and the events.
// https://www.11ty.dev/docs/config/
// Eleventy runs in two ways, each with its own path in lib/orchestration/ that hands this wiring a `PagesMode`:
// a build (lib/orchestration/pages.ts: the archive loaded and checked first, the pages the cache has not got) and
// the dev server (lib/orchestration/dev-server.ts: the archive loaded again before each rebuild).
import { resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { PagesToWrite } from "./lib/archive/loader.ts";
import type { Archive } from "./lib/archive/model.ts";
import type { CitationSource } from "./lib/cite/essay.ts";
import type { ListingViews } from "./lib/views/listing.ts";
import { CONTENT, TEMPLATES } from "./lib/paths/layout.ts";
import { timed } from "./lib/runtime/timings.ts";

/**
 * What the templates are given: the archive and the essay pages to write (the essay template makes each
 * one's view of them, lib/views/essay.ts), the views of the listing pages to write (lib/views/listing.ts),
 * the essays' citations.
 */
export interface PagesData {
  archive: Archive;
  toWrite: PagesToWrite;
  listings: ListingViews;
  citations: CitationSource;
}

/** A way of running Eleventy on the archive. */
export interface PagesMode {
  /** The templates' data, asked for once before each build and rebuild. */
  data(): Promise<PagesData>;
  /** Once the pages are written into `output`; `made` is every output path Eleventy made. */
  afterPages(output: string, made: string[]): Promise<void>;
  /** Before a rebuild in watch mode: the files whose change caused it. */
  changed?(files: string[]): void;
}

export function archiveConfig(root: string, mode: PagesMode) {
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
    eleventyConfig.addWatchTarget(resolve(root, CONTENT.essays));
    eleventyConfig.addWatchTarget(resolve(root, CONTENT.data));
    eleventyConfig.addWatchTarget(resolve(root, CONTENT.figures));

    // The whole archive reaches templates as one value, `archive`; the essay pages to write as `toWrite`, the
    // listing pages' views as `listings`, and the essays' citations as `citations`: the mode's data, asked for once per build, whichever is read first.
    // https://www.11ty.dev/docs/data-global-custom/ https://www.11ty.dev/docs/events/
    let data: Promise<PagesData> | undefined;
    const current = () => (data ??= mode.data());
    eleventyConfig.on("eleventy.before", () => void (data = undefined));
    eleventyConfig.on("eleventy.beforeWatch", (files: string[]) => mode.changed?.(files));
    eleventyConfig.addGlobalData("archive", async () => (await current()).archive);
    eleventyConfig.addGlobalData("toWrite", async () => (await current()).toWrite);
    eleventyConfig.addGlobalData("listings", async () => (await current()).listings);
    eleventyConfig.addGlobalData("citations", { of: async (path, record) => (await current()).citations.of(path, record) } satisfies CitationSource);

    // Once the pages are written, with Eleventy's map of what it made. https://www.11ty.dev/docs/events/#eleventy.contentmap
    let made: string[] = [];
    eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => void (made = Object.keys(urlToInputPath)));
    eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => mode.afterPages(directories.output, made));
  };
}
