// Pagefind's own browser client (dist/pagefind/pagefind.js), run in Node: its fetches are answered from
// the bundle on disk, and `document` says which language index to load.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface SearchHit {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  excerpt: string;
  sub_results: { title: string; url: string }[];
}

export interface SearchClient {
  search(term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, "asc" | "desc"> }): Promise<SearchHit[]>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface PagefindModule {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: object): Promise<{ results: { data(): Promise<SearchHit> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let instances = 0;

export async function searchClient(dist: string, lang = "en"): Promise<SearchClient> {
  const bundle = join(dist, "pagefind");
  // Node reads pagefind.js as an ES module only inside a "type": "module" package.
  await writeFile(join(bundle, "package.json"), '{ "type": "module" }\n');
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    url.search = "";
    return new Response(await readFile(fileURLToPath(url)));
  };
  // Read at import time (currentScript) and at init (the page's language).
  Object.assign(globalThis, {
    document: { currentScript: null, querySelector: (s: string) => (s === "html" ? { getAttribute: () => lang } : null) },
  });
  // A query string makes each client a separate module instance, with its own language.
  const pagefind = (await import(`${pathToFileURL(join(bundle, "pagefind.js")).href}?${++instances}`)) as PagefindModule;
  await pagefind.options({ baseUrl: "/" });
  await pagefind.init();
  return {
    async search(term, options = {}) {
      const { results } = await pagefind.search(term, options);
      return Promise.all(results.map((r) => r.data()));
    },
    filters: () => pagefind.filters(),
  };
}
