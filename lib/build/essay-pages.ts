// Essay pages and their citation downloads as the build cache keeps them (lib/tools/cache.ts, `fileShelf`).
// Eleventy's work for an essay page (its data cascade, Preact's render, the write) is about a millisecond,
// and writing an essay's three downloads costs as much again: most of a next build's page writing at
// archive scale. An essay's page changes only when the essay or one of the few it shows changes, so the
// next build after an essay is added renders the pages that show it (its neighbours', its author's other
// essays') and links every other essay's page and downloads into place from the cache.
//
// A page's key is everything it is made from: the code and libraries that render it, the site record,
// the essay (every field it was loaded with: front matter, rendered body, figures, neighbours), its
// series' record, its authors' records with the list of their essays (and each one's language), and the
// essays it shows (each whole). The site record names the archive's languages, whose trees its links go to.
// The byte-identity test (test/integration/reproducible.test.ts) adds an essay and builds with and without
// the cache.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Author, Essay, Series, type Archive } from "../content/model.ts";
import { downloadFiles } from "../cite/files.ts";
import { moreBy } from "../pages/browse.ts";
import { cacheKey, fileShelf, versionKey, type CacheDir } from "../tools/cache.ts";

/** The cache's folder for essay pages. */
export const ESSAY_PAGES_SHELF = "essay-pages";

/** The code that makes a page: its templates, components and the whole typed core, and the lockfile. */
const CODE_FOLDERS = ["src", "_includes", "lib"];
const REPO = new URL("../../", import.meta.url);

function codeFiles(): URL[] {
  const files = CODE_FOLDERS.flatMap((folder) =>
    (readdirSync(new URL(folder, REPO), { recursive: true, encoding: "utf8" }) as string[])
      .filter((name) => /\.(tsx?|json|csl)$/.test(name) && !name.startsWith("essays/"))
      .map((name) => new URL(`${folder}/${name.replaceAll("\\", "/")}`, REPO)),
  );
  return [new URL(".eleventy.ts", REPO), new URL("package-lock.json", REPO), ...files.sort((a, b) => (a.href < b.href ? -1 : 1))];
}

let version: string | undefined;

/**
 * Essays, authors and series inside a record are named, not copied: their own parts enter a key on their own.
 * An essay is named with its language, which decides the tree of pages that counts it (lib/content/trees.ts).
 */
function named(_key: string, value: unknown): unknown {
  if (value instanceof Essay) return `${value.path} ${value.lang}`;
  if (value instanceof Author || value instanceof Series) return value.id;
  return value;
}

/**
 * The essays other than `essay` that its page shows: those it links to as its own fields (its neighbours
 * by number, and any added later), and more by each of its authors.
 */
function shownBy(essay: Essay): Essay[] {
  const linked = Object.values(essay).flatMap((value: unknown) => (value instanceof Essay ? [value] : Array.isArray(value) ? value.filter((v) => v instanceof Essay) : []));
  return [...linked, ...essay.authors.flatMap((author) => moreBy(author, essay))];
}

/** The key of each essay's page in this archive. */
export function essayPageKeys(archive: Archive): Map<Essay, string> {
  // The lockfile stands for the versions of every library (Eleventy exports no package.json to read one from).
  version ??= versionKey([], codeFiles());
  const site = JSON.stringify(archive.site);
  const digests = new Map<Essay, string>();
  const digest = (essay: Essay) => {
    let known = digests.get(essay);
    if (known === undefined) digests.set(essay, (known = cacheKey(JSON.stringify({ ...essay }, named))));
    return known;
  };
  const keys = new Map<Essay, string>();
  for (const essay of archive.essays) {
    const { essays: _all, ...series } = essay.series;
    const authors = essay.authors.map((author) => JSON.stringify({ ...author }, named));
    keys.set(essay, cacheKey(version, site, JSON.stringify(series, named), ...authors, digest(essay), ...shownBy(essay).map(digest)));
  }
  return keys;
}

/** The files an essay's page and downloads are written to, below the output folder. */
function outputsOf(essay: Essay): string[] {
  return [essay.path, ...downloadFiles(essay)];
}

export interface EssayPages {
  /** Puts what the cache has of essays' outputs into `output`; returns the essays whose outputs must be made. */
  reuse(output: string): Essay[];
  /** Keeps the outputs of these essays, as written into `output`; `written` has the text of those it knows, by path. */
  keep(essays: readonly Essay[], output: string, written: ReadonlyMap<string, string>): void;
  /** Essays whose outputs came from the cache, and essays whose outputs were made. */
  readonly counts: { hits: number; misses: number };
}

export function essayPages(cache: CacheDir, archive: Archive): EssayPages {
  const shelf = fileShelf(cache, ESSAY_PAGES_SHELF);
  let keys: Map<Essay, string> | undefined;
  const counts = { hits: 0, misses: 0 };
  /** Each output file's key: the page's, and the file's place beside it. */
  const fileKey = (essay: Essay, file: string) => cacheKey(keys!.get(essay)!, file.slice(file.lastIndexOf(".")));
  return {
    counts,
    reuse(output) {
      if (cache === false) {
        counts.misses = archive.essays.length;
        return [...archive.essays];
      }
      keys = essayPageKeys(archive);
      for (const folder of new Set(archive.essays.map((essay) => dirname(join(output, essay.path))))) mkdirSync(folder, { recursive: true });
      const make = archive.essays.filter((essay) => {
        const files = outputsOf(essay).map((file) => [fileKey(essay, file), join(output, file)] as const);
        if (files.every(([key, path]) => shelf.place(key, path))) return false;
        // All or nothing: what was put in place goes, so that making them writes new files, not the cache's.
        for (const [, path] of files) rmSync(path, { force: true });
        return true;
      });
      counts.hits = archive.essays.length - make.length;
      counts.misses = make.length;
      return make;
    },
    keep(essays, output, written) {
      if (!keys) return;
      for (const essay of essays) {
        for (const file of outputsOf(essay)) shelf.keep(fileKey(essay, file), join(output, file), written.get(join(output, file)));
      }
    },
  };
}

/** What Eleventy's `write()` wrote, by absolute path: its results are `[passthrough copies, pages]`. */
export function writtenByEleventy(results: unknown): Map<string, string> {
  const pages = Array.isArray(results) && Array.isArray(results[1]) ? (results[1] as unknown[]) : [];
  const written = new Map<string, string>();
  for (const page of pages) {
    const { outputPath, content } = (page ?? {}) as { outputPath?: unknown; content?: unknown };
    if (typeof outputPath === "string" && typeof content === "string") written.set(resolve(outputPath), content);
  }
  return written;
}

