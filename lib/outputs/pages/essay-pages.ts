// Essay pages and their citation downloads as the build cache keeps them (lib/cache/cache.ts, `fileShelf`).
// Eleventy's work for an essay page (its data cascade, Preact's render, the write) is about a millisecond,
// and writing an essay's three downloads costs as much again: most of a next build's page writing at
// archive scale. An essay's page changes only when the essay or one of the few it shows changes, so the
// next build after an essay is added renders the pages that show it (its neighbours', its author's other
// essays') and puts every other essay's page and downloads in place from the cache.
//
// A page's key is coarse enough to be complete by construction, with no list of "what the page shows" to
// keep in step with the templates. An essay page is made from:
// - the code: every template, component and module, the words files, the lockfile (`codeVersion`);
// - the records, whole: site.json (with the deployment's URL), every series and every author record, so an
//   edit to any record makes every essay page again;
// - the essay, whole: every field it was loaded with (front matter, rendered body, figures), the essays it
//   links to named by address and language, its series and authors by id (their records are above);
// - every essay it links to (its neighbours by number, its translations: every field that holds essays,
//   found by looking, not by name), whole;
// - every essay of each of its authors, whole (the page counts them and shows the newest).
// What the page reaches from its essay beyond these is its series' and the archive's lists of essays,
// which an essay page must not show (the series' size was taken off it for this): a new essay would
// change every page. The differential tests (test/integration/cache-differential.test.ts) edit and add
// essays and records and fail on a page the cache would have kept stale; `npm run build -- --audit-cache`
// checks any archive the same way.
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { Author, Essay, Series, type Archive } from "../../archive/model.ts";
import { downloadFiles } from "../../cite/files.ts";
import { cacheKey, codeVersion, fileShelf, type CacheDir } from "../../cache/cache.ts";
import { ESSAY_PAGES_SHELF, type KeptFile } from "./keep-pages.ts";

/**
 * Essays, authors and series inside a record are named, not copied: their own parts enter a key on their own.
 * An essay is named with its language, which decides the tree of pages that counts it (lib/archive/trees.ts).
 */
function named(_key: string, value: unknown): unknown {
  if (value instanceof Essay) return `${value.path} ${value.lang}`;
  if (value instanceof Author || value instanceof Series) return value.id;
  return value;
}

/** The essays an essay holds in its own fields (its neighbours, its translations, and any added later). */
function linkedFrom(essay: Essay): Essay[] {
  return Object.values(essay).flatMap((value: unknown) =>
    value instanceof Essay ? [value] : Array.isArray(value) ? value.filter((v) => v instanceof Essay) : [],
  );
}

/** The key of each essay's page in this archive. */
export function essayPageKeys(archive: Archive): Map<Essay, string> {
  const records = cacheKey(codeVersion(), JSON.stringify(archive.records));
  const memo = <T extends object>(of: (value: T) => string) => {
    const known = new Map<T, string>();
    return (value: T) => {
      let key = known.get(value);
      if (key === undefined) known.set(value, (key = of(value)));
      return key;
    };
  };
  const essayDigest = memo((essay: Essay) => cacheKey(JSON.stringify({ ...essay }, named)));
  const authorDigest = memo((author: Author) => cacheKey(...author.essays.map(essayDigest)));
  const keys = new Map<Essay, string>();
  for (const essay of archive.essays) {
    keys.set(essay, cacheKey(records, essayDigest(essay), ...linkedFrom(essay).map(essayDigest), ...essay.authors.map(authorDigest)));
  }
  return keys;
}

/** The files an essay's page and downloads are written to, below the output folder. */
function outputsOf(essay: Essay): string[] {
  return [essay.path, ...downloadFiles(essay)];
}

export interface EssayPages {
  /**
   * Puts what the cache has of essays' outputs into `output`, moving in those `previous` (the output
   * folder being replaced) has whole (`FileShelf.place`); returns the essays whose outputs must be made.
   */
  reuse(output: string, previous?: string): Essay[];
  /** The output files of these essays, once written, to keep in the cache under their keys (`keepFiles`). */
  toKeep(essays: readonly Essay[]): KeptFile[];
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
    reuse(output, previous) {
      if (cache === false) {
        counts.misses = archive.essays.length;
        return [...archive.essays];
      }
      keys = essayPageKeys(archive);
      for (const folder of new Set(archive.essays.map((essay) => dirname(join(output, essay.path))))) mkdirSync(folder, { recursive: true });
      const make = archive.essays.filter((essay) => {
        const files = outputsOf(essay).map((file) => [fileKey(essay, file), join(output, file), previous && join(previous, file)] as const);
        if (files.every(([key, path, earlier]) => shelf.place(key, path, earlier))) return false;
        // All or nothing: what was put in place goes, so that making them writes new files, not the cache's.
        for (const [, path] of files) rmSync(path, { force: true });
        return true;
      });
      counts.hits = archive.essays.length - make.length;
      counts.misses = make.length;
      return make;
    },
    toKeep(essays) {
      if (!keys) return [];
      return essays.flatMap((essay) => outputsOf(essay).map((file) => ({ key: fileKey(essay, file), file })));
    },
  };
}
