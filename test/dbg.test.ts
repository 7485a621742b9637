import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { it } from "vitest";
import { runInNewContext } from "node:vm";
async function run(dist: string, q: string, tag: string) {
  const list = JSON.parse(await readFile(join(dist, "pagefind/shards.json"), "utf8"));
  globalThis.fetch = (async (input: string | URL) => {
    const url = new URL(String(input));
    url.search = "";
    let p = url.pathname;
    const w = /\/(wasm\.[\w-]+\.pagefind)$/.exec(p);
    if (w) p = join(dist, "pagefind", w[1]!);
    return new Response(await readFile(p));
  }) as typeof fetch;
  const m = await import(pathToFileURL("/tmp/dbgcopy/pagefind.js").href + "?" + tag);
  const src = (await readFile("src/assets/search-merge.js", "utf8")).replace(
    "t.score = globalScore(t.result, t.shard, terms, typed);",
    "t.score = globalScore(t.result, t.shard, terms, typed); t.result.g = t.score; t.result.sh = t.shard; t.result.terms = JSON.stringify(terms);",
  );
  const scope: any = {};
  runInNewContext(src, { self: scope, Math, Object, Promise, fetch: (...a: any[]) => (globalThis.fetch as any)(...a) });
  const s = scope.shardedSearch(m.__PagefindInstance, pathToFileURL(join(dist, "pagefind")).href + "/", list.languages.en.shards, { baseUrl: "/" }, "en");
  const r = await s.search(q, {});
  console.log(tag, r.results[0].terms);
  const out: Record<string, any> = {};
  for (const x of r.results.slice(0, 12))
    out[(await x.data()).url] = [x.sh, x.score, x.g, x.scores.map((y: any) => y.search_term + ":" + y.params.pages_containing_term).join(",")];
  return out;
}
it("dbg", async () => {
  const a = await run("/tmp/onecopy", "quoten", "a");
  const b = await run("/tmp/fourcopy", "quoten", "b");
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) console.log(k, JSON.stringify(a[k]), JSON.stringify(b[k]));
});
