// The layers of lib/, lowest first: a folder may import from the folders before it in this list and from
// its own, never from one after it, so no folder imports from one that imports it. `npm run lint` runs it.
// https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
const LAYERS = [
  "paths", // where things are: the content root's and the output's folders, every page's path and link
  "content", // the content contract: schemas, reading, encodings, dates, slugs, languages, problems
  "http", // the archive's HTTP rules, the host configurations made from them, and the preview server
  "runtime", // what a running command uses beyond the archive: phase timings, process owners, Chromium, messages' plurals
  "commands", // the commands' own parts: reading arguments (one line, the usage, exit 2), npm run screenshots
  "cache", // the build cache's shelves and keys' common part
  "words", // the pages' words, one file per language
  "bodies", // essay bodies: markdown and figures
  "archive", // the linked archive: the model, linking, trees of pages, ordering, and loading it
  "pages", // what pages need beyond the model: the menu, the sitemap, outdated pages
  "cite", // citations
  "search", // the search index
  "views", // the plain value each page is rendered from, and so its cache key
  "pdf", // each essay's PDF: printed by Chromium, finished, cached
  "import", // npm run import
  "package", // npm run package
  "edit", // npm run edit: the web editor's configuration from the schemas, its local backend and server
  "outputs", // every kind of output a build makes, one module each, and their registry: what each writes, when, in which modes, with which cache
  "orchestration", // npm run build and npm start: processes, workers, the output's lock and swap
];

module.exports = {
  forbidden: [
    ...LAYERS.map((layer, i) => ({
      name: `layers-${layer}`,
      comment: `lib/${layer}/ is below ${LAYERS.slice(i + 1).join(", ")}: it may not import from them (.dependency-cruiser.cjs).`,
      severity: "error",
      from: { path: `^lib/${layer}/` },
      to: { path: `^lib/(${LAYERS.slice(i + 1).join("|")})/` },
    })),
    {
      name: "lib-below-the-templates",
      comment: "lib/ is the typed core: the templates, components and commands use it, never the other way.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(src|_includes|scripts)/" },
    },
    {
      name: "wiring-from-the-modes",
      comment:
        "The Eleventy wiring (.eleventy.ts) is handed a mode by lib/orchestration/ (a build, the dev server): only lib/orchestration/ uses it, and it uses no part of lib/orchestration/.",
      severity: "error",
      from: { path: "^lib/", pathNot: "^lib/orchestration/" },
      to: { path: "^\\.eleventy\\.ts$" },
    },
    {
      name: "wiring-knows-no-mode",
      comment: "The Eleventy wiring (.eleventy.ts) is handed a mode by lib/orchestration/: it imports nothing from there.",
      severity: "error",
      from: { path: "^\\.eleventy\\.ts$" },
      to: { path: "^lib/orchestration/" },
    },
    {
      name: "no-circular",
      comment: "No module imports one that imports it back, however far round: the layers order folders, this orders files within one.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-folder-outside-the-layers",
      comment: "Every folder of lib/ has its place in the layers (.dependency-cruiser.cjs).",
      severity: "error",
      from: { path: "^lib/", pathNot: `^lib/(${LAYERS.join("|")})/` },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^node_modules" },
    // `import type` is a dependency too: a layer must not know the shape of what is above it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
