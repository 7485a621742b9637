// Essay pages and their citation downloads as the build cache keeps them (lib/cache/cache.ts, `fileShelf`).
// Eleventy's work for an essay page (its data cascade, Preact's render, the write) is about a millisecond,
// and writing an essay's three downloads costs as much again: most of a next build's page writing at
// archive scale. An essay's page changes only when what it shows changes, so the next build after an
// essay is added renders the few pages that show it and puts every other essay's page and downloads in
// place from the cache.
//
// A page's key is exact: the page is rendered from one plain value, its view (`essayPageView`,
// lib/views/essay.ts: the essay's fields and rendered body, its series' title, institution, disclaimer and
// copyright, its authors' names, bios, affiliations and pages, its neighbours and translations as linked,
// the essays just newer and older by each author, the site's and its tree's fields, the record its
// citations are made from), and the template is given that value and nothing else (its type holds nothing
// of the archive). The key is that value hashed with the code (`pageKey`, lib/views/key.ts: every
// template, component and module, the words files, the lockfile). The downloads are made from the view's
// citation record and the code, so they are kept under the same key. An edit to anything else (another
// essay's body, an author's essay elsewhere, a series' list) leaves the page's key, and its file, as they were.
// The differential tests (test/integration/cache-differential.test.ts) edit and add essays and records and
// fail on a page the cache would have kept stale; `npm run build -- --audit-cache` checks any archive the same way.
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Archive, Essay } from "../../archive/model.ts";
import { downloadFiles } from "../../cite/files.ts";
import { cacheKey, fileShelf, type CacheDir } from "../../cache/cache.ts";
import { essayPageView } from "../../views/essay.ts";
import { pageKey } from "../../views/key.ts";
import { ESSAY_PAGES_SHELF, type KeptFile } from "./keep-pages.ts";

/** The key of each essay's page in this archive: its view's (lib/views/key.ts). */
export function essayPageKeys(archive: Archive): Map<Essay, string> {
  return new Map(archive.essays.map((essay) => [essay, pageKey(essayPageView(archive, essay))]));
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
