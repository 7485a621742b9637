// Where things are: the folders of a content root, of this repository's templates and of a built
// archive, each named once. Page paths and links are lib/paths/urls.ts.

/** A content root (this repository, a test fixture, the benchmark's corpus) holds these folders. */
export const CONTENT = {
  /** `<number>-<slug>.md`, one essay each. */
  essays: "src/essays",
  /** The records: authors.json, series.json, site.json. */
  data: "_data",
  /** The build cache (lib/cache/cache.ts): git-ignored, kept between builds. */
  cache: ".cache",
  /** Images essays show (`![Alt text](chart.png)`), copied into the output's `figures/`. */
  figures: "src/figures",
  /** Where `npm run import` stages a batch before moving it into place (lib/import/commit.ts). */
  importStaging: ".import",
  /** Present while a committed import's files are being moved into place: the content is not whole. */
  importJournal: ".import/journal.json",
} as const;

/** This repository's templates, relative to its root (Eleventy's input is `templates`). */
export const TEMPLATES = {
  templates: "src",
  /** Layout and components, relative to `templates`. */
  includes: "../_includes",
  /** Copied as they are into the output's `assets/`. */
  assets: "src/assets",
} as const;

/** Folders of a built archive (dist/). */
export const OUTPUT = {
  /** Each essay's page and its citation downloads, by series: essays/<series>/<number>.html, .bib, … */
  essays: "essays/",
  assets: "assets/",
  /** Copies of the figures essays show, from the content root's CONTENT.figures. */
  figures: "figures/",
  /** Pagefind's bundle. */
  searchBundle: "pagefind/",
  /** Inside the bundle: the classic-script copies that let search work from disk (lib/search/offline.ts). */
  offline: "offline/",
} as const;
