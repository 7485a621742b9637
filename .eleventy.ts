// Eleventy wiring only: where things are, how TSX pages render, and the one global data value.
// https://www.11ty.dev/docs/config/
import { relative, resolve, sep } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { loadArchive } from "./lib/content/link.ts";
import { contentRoot } from "./lib/content-root.ts";
import { writeSearchIndex } from "./lib/search/index.ts";
import { timed, timedAsync } from "./lib/tools/timings.ts";

export default function (eleventyConfig: UserConfig) {
  const root = contentRoot();

  // TSX page templates, rendered with Preact: escaped by default.
  // https://www.11ty.dev/docs/languages/typescript/
  eleventyConfig.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function (this: { defaultRenderer(data: unknown): Promise<VNode | string> }, data: unknown) {
        const result = await this.defaultRenderer(data);
        return typeof result === "string" ? result : timed("render", () => `<!doctype html>\n${renderToString(result)}`);
      };
    },
  });
  eleventyConfig.addTemplateFormats("11ty.tsx");

  // Essays are read and validated by lib/ and reach templates as one value, `archive`; their front
  // matter never enters the data cascade, whose merge of `authors`/`series` would clash with _data.
  eleventyConfig.setDataDeepMerge(false);
  // The dev server keeps what it read between rebuilds, and reuses it when only essays changed; a change
  // to anything else (records, templates) rebuilds every page. https://www.11ty.dev/docs/events/
  const essaysDir = resolve(root, "src/essays") + sep;
  let onlyEssaysChanged = false;
  eleventyConfig.on("eleventy.beforeWatch", (changed) => {
    onlyEssaysChanged = changed.every((file) => resolve(file).startsWith(essaysDir));
  });
  let warned = false;
  eleventyConfig.addGlobalData("archive", async () => {
    const archive = await timedAsync("load and validate", () =>
      loadArchive(root, {
        siteUrl: process.env.SITE_URL,
        // https://www.11ty.dev/docs/environment-vars/#eleventy-supplied
        remember: process.env.ELEVENTY_RUN_MODE !== "build",
        reuse: onlyEssaysChanged,
      }),
    );
    if (!archive.site.url && !warned) {
      warned = true;
      console.warn("[archive] No site URL (site.json `url` or SITE_URL): no canonical, og:url or citation URL, Atom feed or sitemap.");
    }
    return archive;
  });
  eleventyConfig.addWatchTarget(`${root}/src/essays/`);
  eleventyConfig.addWatchTarget(`${root}/_data/`);

  eleventyConfig.addPassthroughCopy({ "src/assets": "assets" });

  // Search: once the pages are written, Pagefind indexes the essay pages in its own process
  // (lib/search-index.ts). The dev server does this in the background, without holding up the reload.
  // https://www.11ty.dev/docs/events/
  let indexing = Promise.resolve();
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    const index = () => timedAsync("search index", () => writeSearchIndex(directories.output));
    if (runMode === "build") return index();
    // One at a time: Pagefind's Node API drives a single service process.
    indexing = indexing.then(index).catch((error: unknown) => console.error("[search]", error));
  });

  return {
    // Only TSX pages are templates: essay markdown is content that lib/ reads, never template code.
    templateFormats: ["11ty.tsx"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
    dir: {
      input: "src",
      includes: "../_includes",
      data: relative("src", `${root}/_data`),
      // No output here: a config value would override the staging folder scripts/build.ts passes in.
      // `npm start` passes --output=dist.
    },
  };
}
