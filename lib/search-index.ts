// The Pagefind index, built through Pagefind's Node API: pages are handed over as they are rendered,
// and Pagefind indexes them in its own process while the build goes on.
// https://pagefind.app/docs/node-api/
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import type { PagefindIndex } from "pagefind";
import { isClientFile, isUnusedUi, offlineScript } from "./search-offline.ts";

export const SEARCH_BUNDLE = "pagefind";

interface Response {
  errors: string[];
}

export class SearchIndexer {
  readonly #index: Promise<PagefindIndex>;
  readonly #pending: Promise<Response>[] = [];

  constructor() {
    this.#index = pagefind.createIndex({ writePlayground: false }).then(({ errors, index }) => {
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      return index;
    });
    // Rejections are reported by write(); until then they must not crash the process.
    this.#index.catch(() => {});
  }

  /** Queues a rendered page; `path` is its archive path (lib/urls.ts), which becomes its result URL. */
  add(path: string, html: string): void {
    const added = this.#index.then((index) => index.addHTMLFile({ url: path, content: html }));
    added.catch(() => {});
    this.#pending.push(added);
  }

  /** Indexes every HTML page already written below `dir`. */
  addDirectory(dir: string): void {
    const added = this.#index.then((index) => index.addDirectory({ path: dir, glob: "**/*.html" }));
    added.catch(() => {});
    this.#pending.push(added);
  }

  /**
   * Writes the bundle into `<outputDir>/pagefind/`, replacing what was there, with a classic-script copy
   * of each file the client reads (lib/search-offline.ts), and stops Pagefind.
   */
  async write(outputDir: string): Promise<void> {
    try {
      const index = await this.#index;
      const responses = await Promise.all(this.#pending);
      const errors = responses.flatMap((r) => r.errors);
      if (errors.length) throw new Error(`Pagefind could not index every page: ${errors.join("; ")}`);
      const { files, errors: fileErrors } = await index.getFiles();
      if (fileErrors.length) throw new Error(`Pagefind could not build its index: ${fileErrors.join("; ")}`);
      const bundle = join(outputDir, SEARCH_BUNDLE);
      await rm(bundle, { recursive: true, force: true });
      const outputs = files
        .filter((f) => !isUnusedUi(f.path))
        .flatMap((f) => (isClientFile(f.path) ? [f, offlineScript(f.path, f.content)] : [f]));
      await Promise.all(
        [...new Set(outputs.map((f) => dirname(join(bundle, f.path))))].map((d) => mkdir(d, { recursive: true })),
      );
      await Promise.all(outputs.map((f) => writeFile(join(bundle, f.path), f.content)));
    } finally {
      await pagefind.close();
    }
  }
}
