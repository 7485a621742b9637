// Pagefind's own browser client (dist/pagefind/pagefind.js), run in Node: its fetches are answered from
// the bundle on disk, and `document` says which language index to load.
import { cp, readFile, writeFile } from "node:fs/promises";
import { tempDir } from "./scratch.ts";
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

/** Every bundle file the clients have fetched, relative to the bundle folder ("pagefind-entry.json"). */
export const fetched = new Set<string>();

export async function searchClient(dist: string, lang = "en"): Promise<SearchClient> {
  // A copy, because Node reads pagefind.js as an ES module only inside a "type": "module" package, and
  // the build being tested is not to be changed.
  const bundle = join(await tempDir("pagefind-client-"), "pagefind");
  await cp(join(dist, "pagefind"), bundle, { recursive: true });
  await writeFile(join(bundle, "package.json"), '{ "type": "module" }\n');
  // Pagefind's client reads files with fetch() and the page's language from `document`: both are this
  // client's only while one of its calls runs, then put back, so no other test sees them.
  const fetchFile = async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    url.search = "";
    const path = fileURLToPath(url);
    if (path.startsWith(`${bundle}/`)) fetched.add(path.slice(bundle.length + 1));
    return new Response(await readFile(path));
  };
  const document = { currentScript: null, querySelector: (s: string) => (s === "html" ? { getAttribute: () => lang } : null) };
  const within = async <T>(work: () => Promise<T>): Promise<T> => {
    const saved = { fetch: globalThis.fetch, document: (globalThis as { document?: unknown }).document };
    Object.assign(globalThis, { fetch: fetchFile, document });
    try {
      return await work();
    } finally {
      Object.assign(globalThis, saved);
    }
  };
  // A query string makes each client a separate module instance, with its own language.
  const pagefind = await within(async () => {
    const module = (await import(`${pathToFileURL(join(bundle, "pagefind.js")).href}?${++instances}`)) as PagefindModule;
    await module.options({ baseUrl: "/" });
    await module.init();
    return module;
  });
  return {
    search: (term, options = {}) =>
      within(async () => {
        const { results } = await pagefind.search(term, options);
        return Promise.all(results.map((r) => r.data()));
      }),
    filters: () => within(() => pagefind.filters()),
  };
}
