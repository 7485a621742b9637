// The content contract: one schema per record kind, each in its own file. Everything the build reads is
// parsed through these before anything is rendered (lib/content/read.ts).
export * from "./author.ts";
export * from "./common.ts";
export * from "./essay.ts";
export * from "./series.ts";
export * from "./site.ts";
