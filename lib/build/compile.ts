// The code the build's page writer runs (scripts/build-pages.ts, .eleventy.ts, the templates, _includes/
// and lib/), compiled from TypeScript to plain JavaScript so that process starts without tsx: tsx's loader
// hooks see every module Eleventy and its dependencies load, and a small build spent about a third of its
// CPU time on them. The dev server (`npm start`) and the tests still load the sources through tsx.
//
// Compiled once for each version of the sources, into `.cache/compiled/<hash>/`, a copy of the
// repository's layout with `.mjs` files, so every path a module takes from its own place still holds.
// Each file is compiled on its own (esbuild with every import left as it is, `./x.ts` renamed `./x.mjs`):
// no bundling, so a module is loaded once whatever imports it. https://esbuild.github.io/plugins/#on-resolve
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { cp, readFile, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { Plugin } from "esbuild";
import { CODE, moduleFile, TEMPLATES } from "../layout.ts";

const REPO = resolve(import.meta.dirname, "../..");

/** What the page writer runs: these files, and everything in these folders. */
const ENTRIES = { files: [".eleventy.ts", "scripts/build-pages.ts"], folders: ["lib", "_includes"], templates: TEMPLATES.templates } as const;

/** A compiled copy not used for this long is removed when another is made. */
const UNUSED_FOR_MS = 24 * 3600_000;

/** The folder of the compiled copy of the current sources, made if it is not there yet. */
export async function compiledCode(): Promise<string> {
  const { modules, others } = await sources();
  const cache = join(REPO, CODE.compiledCache);
  const folder = join(cache, await versionOf([...modules, ...others]));
  if (await exists(folder)) {
    const now = new Date();
    await utimes(folder, now, now);
    return folder;
  }
  // Made beside its final place and renamed into it, so a build never sees a half-made copy; when builds
  // started together both make one, the first rename wins and the other copy is dropped.
  const making = `${folder}.making-${process.pid}`;
  await rm(making, { recursive: true, force: true });
  const { build } = await import("esbuild");
  await build({
    absWorkingDir: REPO,
    entryPoints: modules,
    outdir: making,
    outbase: ".",
    outExtension: { ".js": CODE.compiledExtension },
    bundle: true,
    plugins: [eachFileAlone],
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "silent",
  });
  await Promise.all(others.map((file) => cp(join(REPO, file), join(making, file))));
  await rename(making, folder).catch(async (error: NodeJS.ErrnoException) => {
    if (!(await exists(folder))) throw error;
    await rm(making, { recursive: true, force: true });
  });
  await removeUnused(cache, folder);
  return folder;
}

/** Leaves every import as it is, except that a relative one names the compiled file. */
const eachFileAlone: Plugin = {
  name: "each-file-alone",
  setup(context) {
    context.onResolve({ filter: /.*/ }, ({ kind, path }) => {
      if (kind === "entry-point") return undefined;
      return { path: /^\.\.?\//.test(path) ? moduleFile(path, true) : path, external: true };
    });
  },
};

/** The modules to compile, and the other files they read beside them (the citation styles), as repository paths. */
async function sources(): Promise<{ modules: string[]; others: string[] }> {
  const all: string[] = [...ENTRIES.files];
  const filesIn = async (folder: string) =>
    (await readdir(join(REPO, folder), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => relative(REPO, join(e.parentPath, e.name)));
  for (const folder of ENTRIES.folders) all.push(...(await filesIn(folder)));
  all.push(...(await filesIn(ENTRIES.templates)).filter((file) => file.endsWith(".11ty.tsx")));
  const isModule = (file: string) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts");
  return { modules: all.filter(isModule).sort(), others: all.filter((file) => !isModule(file)).sort() };
}

/** A name for this version of the sources: their paths and bytes, and the compiler's version. */
async function versionOf(files: string[]): Promise<string> {
  const { version } = createRequire(import.meta.url)("esbuild/package.json") as { version: string };
  const hash = createHash("sha256").update(`esbuild ${version}\n`);
  for (const file of files) hash.update(`${file}\n`).update(await readFile(join(REPO, file)));
  return hash.digest("hex").slice(0, 16);
}

async function removeUnused(cache: string, keep: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(cache)) {
    const folder = join(cache, name);
    if (folder === keep) continue;
    const { mtimeMs } = await stat(folder).catch(() => ({ mtimeMs: now }));
    if (now - mtimeMs > UNUSED_FOR_MS) await rm(folder, { recursive: true, force: true });
  }
}

const exists = (path: string) => stat(path).then(() => true, () => false);
