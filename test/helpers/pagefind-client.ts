// Pagefind's own browser client (dist/pagefind/pagefind.js), run in Node: its fetches are answered from
// the bundle on disk, and `document` says which language index to load.
import { cp, readFile, writeFile } from "node:fs/promises";
import { tempDir } from "./scratch.ts";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";

export interface SearchHit {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  excerpt: string;
  sub_results: { title: string; url: string }[];
}

export interface SearchClient {
  /** Every bundle file this client has fetched, relative to the bundle folder ("en/0123456789abcdef/pagefind-entry.json"). */
  fetched: Set<string>;
  search(term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, "asc" | "desc"> }): Promise<SearchHit[]>;
  filters(): Promise<Record<string, Record<string, number>>>;
  /** The results' addresses in order, each with the score its own shard's Pagefind gave it. */
  scored(term: string): Promise<{ url: string; score: number }[]>;
}

interface Shard {
  path: string;
}

interface Sharded {
  search(term: string | null, o?: object): Promise<{ results: { score: number; data(): Promise<SearchHit> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

type ShardedSearch = (instance: unknown, bundle: string, shards: Shard[], options: object, language: string) => Sharded;

let instances = 0;

/** The shards' search (src/assets/search-merge.js), as the search page's worker runs it. */
async function loadShardedSearch(): Promise<ShardedSearch> {
  const source = await readFile(new URL("../../src/assets/search-merge.js", import.meta.url), "utf8");
  const scope: { shardedSearch?: ShardedSearch } = {};
  runInNewContext(source, {
    self: scope,
    Math,
    Object,
    Promise,
    TextDecoder,
    Uint8Array,
    fetch: (...args: Parameters<typeof fetch>) => globalThis.fetch(...args),
  });
  return scope.shardedSearch!;
}

export async function searchClient(dist: string, lang = "en"): Promise<SearchClient> {
  // A copy, because Node reads pagefind.js as an ES module only inside a "type": "module" package, and
  // the build being tested is not to be changed. Pagefind's instance class is exported as the search
  // page's worker exports it (assets/search.js).
  const bundle = join(await tempDir("pagefind-client-"), "pagefind");
  await cp(join(dist, "pagefind"), bundle, { recursive: true });
  await writeFile(join(bundle, "package.json"), '{ "type": "module" }\n');
  const client = join(bundle, "pagefind.js");
  await writeFile(client, `${await readFile(client, "utf8")}\nexport { PagefindInstance as __PagefindInstance };\n`);
  const list = JSON.parse(await readFile(join(bundle, "shards.json"), "utf8")) as { languages: Record<string, { shards: Shard[] }> };
  const shards = list.languages[lang]?.shards ?? [];
  // Pagefind's client reads files with fetch(): answered from the copy while one of this client's calls
  // runs, then put back, so no other test sees it. Its WebAssembly is asked of the first shard's folder
  // and is the bundle's (as the worker answers it).
  const fetched = new Set<string>();
  const fetchFile = async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    url.search = "";
    let path = fileURLToPath(url);
    const wasm = /\/(wasm\.[\w-]+\.pagefind)$/.exec(path);
    if (wasm) path = join(bundle, wasm[1]!);
    if (path.startsWith(`${bundle}/`)) fetched.add(path.slice(bundle.length + 1));
    return new Response(await readFile(path));
  };
  const within = async <T>(work: () => Promise<T>): Promise<T> => {
    const saved = globalThis.fetch;
    globalThis.fetch = fetchFile as typeof fetch;
    try {
      return await work();
    } finally {
      globalThis.fetch = saved;
    }
  };
  // A query string makes each client a separate module instance (Pagefind's WebAssembly is one per module).
  const module = (await import(`${pathToFileURL(client).href}?${++instances}`)) as { __PagefindInstance: unknown };
  const shardedSearch = await loadShardedSearch();
  const sharded = await within(async () => {
    const search = shardedSearch(module.__PagefindInstance, `${pathToFileURL(bundle).href}/`, shards, { baseUrl: "/" }, lang);
    await search.filters();
    return search;
  });
  return {
    fetched,
    search: (term, options = {}) =>
      within(async () => {
        const { results } = await sharded.search(term, options);
        return Promise.all(results.map((r) => r.data()));
      }),
    filters: () => within(() => sharded.filters()),
    scored: (term) =>
      within(async () => {
        const { results } = await sharded.search(term);
        return Promise.all(results.map(async (r) => ({ url: (await r.data()).url, score: r.score })));
      }),
  };
}
