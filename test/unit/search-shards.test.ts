// The search index's shards (lib/search/shards.ts, index.ts): the partition of the essays, and what a
// build indexes again.
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { cacheKey } from "../../lib/cache/cache.ts";
import type { Essay } from "../../lib/archive/model.ts";
import { planSearchIndex, SEARCH_SHELVES, StaleShardError, writeSearchIndex, type SearchPlan } from "../../lib/search/index.ts";
import { dayNumber, RECENT, SEALED, searchShards } from "../../lib/search/shards.ts";
import { fixture } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

/** Essays as the partition reads them: a language, a date, and a name to tell them apart. */
function essays(n: number, { from = Date.UTC(1990, 0, 1), days = 12_000, lang = "en", name = "e" } = {}): Essay[] {
  return Array.from(
    { length: n },
    (_, i) => ({ lang, path: `${name}${i}`, date: new Date(from + Math.floor((i * days) / n) * 86_400_000).toISOString().slice(0, 10) }) as Essay,
  );
}

/** Each shard as its essays' names: what a build indexes is the shards not in the previous build's. */
const named = (list: Essay[]) => searchShards(list).map((s) => `${s.lang}:${s.essays.map((e) => e.path).join(" ")}`);
const newShards = (before: Essay[] | Set<string>, after: Essay[]) => {
  const old = before instanceof Set ? before : new Set(named(before));
  return searchShards(after).filter((s) => !old.has(`${s.lang}:${s.essays.map((e) => e.path).join(" ")}`));
};

describe("the partition", () => {
  it("numbers days as the calendar does", () => {
    expect(dayNumber("0000-01-01")).toBe(0);
    expect(dayNumber("0001-01-01")).toBe(366);
    expect(dayNumber("2014-08-02") - dayNumber("2014-08-01")).toBe(1);
    expect(dayNumber("2024-03-01") - dayNumber("2024-02-28")).toBe(2);
    expect(dayNumber("9999-12-31")).toBeLessThan(2 ** 22);
  });

  it("puts every essay in one shard of its language, oldest first, the newest day's shard small", () => {
    const list = [...essays(4000), ...essays(300, { lang: "ja", name: "j" })];
    const shards = searchShards(list);
    expect(shards.flatMap((s) => s.essays).sort()).toEqual([...list].sort());
    for (const lang of ["en", "ja"]) {
      const own = shards.filter((s) => s.lang === lang);
      expect(own.every((s) => s.essays.every((e) => e.lang === lang))).toBe(true);
      for (let i = 1; i < own.length; i++) expect(own[i - 1]!.last < own[i]!.first).toBe(true);
      expect(own.at(-1)!.essays.length).toBeLessThanOrEqual(RECENT);
      expect(Math.max(...own.map((s) => s.essays.length))).toBeLessThanOrEqual(SEALED);
    }
  });

  it("is the same whatever order the essays come in", () => {
    const list = essays(3000);
    expect(named([...list].reverse()).sort()).toEqual(named(list).sort());
  });

  it("has at most 24 shards at 20,000 essays", () => {
    expect(searchShards(essays(20_000)).length).toBeLessThanOrEqual(24);
  });

  it("indexes one small shard again for a new essay dated the newest, and rarely more", () => {
    let list = essays(2000);
    const costs: number[] = [];
    let day = Date.UTC(2022, 11, 31);
    let shards = new Set(named(list));
    for (let k = 0; k < 400; k++) {
      day += 3 * 86_400_000;
      list = [...list, { lang: "en", path: `new${k}`, date: new Date(day).toISOString().slice(0, 10) } as Essay];
      costs.push(newShards(shards, list).reduce((sum, s) => sum + s.essays.length, 0));
      shards = new Set(named(list));
    }
    // Over a few hundred pages only when a shard is sealed: at most once per 200 new essays.
    expect(costs.filter((c) => c > 2 * RECENT).length).toBeLessThanOrEqual(400 / 200);
    expect(Math.max(...costs)).toBeLessThanOrEqual(SEALED);
  });

  it("indexes only the shard a back-dated essay joins", () => {
    const list = essays(4000);
    const changed = newShards(list, [...list, { lang: "en", path: "old", date: "1995-06-15" } as Essay]);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.essays.map((e) => e.path)).toContain("old");
  });
});

describe("a build's shards", () => {
  const load = (root: string) => createArchiveLoader(root, { cache: false }).load();

  it("come from the cache when their essays are unchanged, and the changed language's shard is indexed again", async () => {
    const dir = await tempDir("shards-");
    const cache = join(dir, "cache");
    const archive = await load(fixture("basic"));
    const first = join(dir, "first");
    const plan = planSearchIndex(archive, { output: first, cache });
    expect(plan.shards.length).toBeGreaterThan(1);
    expect(plan.shards.every((s) => s.documents)).toBe(true);
    await writeSearchIndex(plan, { output: first, cache });

    // The same archive again: every shard from the cache, moved in from the previous output.
    const second = join(dir, "second");
    const again = planSearchIndex(archive, { output: second, previous: first, cache });
    expect(again.shards.filter((s) => s.documents)).toEqual([]);
    await writeSearchIndex(again, { output: second, cache });
    expect(await readFile(join(second, "pagefind/shards.json"), "utf8")).toBe(await readFile(join(first, "pagefind/shards.json"), "utf8"));

    // An English essay's title changed: the English shard is indexed again, the others come from the cache.
    const edited = {
      ...archive,
      essays: archive.essays.map((e) =>
        e === archive.essays.find((x) => x.lang === "en") ? Object.assign(Object.create(Object.getPrototypeOf(e) as object), e, { title: "A new title" }) : e,
      ),
    };
    const third = planSearchIndex(edited as typeof archive, { output: join(dir, "third"), previous: second, cache });
    const indexed = third.shards.filter((s) => s.documents);
    expect(indexed.map((s) => s.lang)).toEqual(["en"]);
    await rm(third.documents!, { recursive: true, force: true });
  });

  it.each([
    ["a shard's own file", (key: string) => cacheKey(key, `en/${key.slice(0, 16)}/sorts.json`)],
    ["Pagefind's client, kept with a shard", (key: string) => cacheKey(key, "client", "pagefind.js")],
  ])("are audited against the cache: a stale entry for %s is named", async (_, entryOf) => {
    const dir = await tempDir("shards-audit-");
    const cache = join(dir, "cache");
    const archive = await load(fixture("basic"));
    const plan = planSearchIndex(archive, { output: join(dir, "first"), cache });
    const key = plan.shards.find((s) => s.lang === "en")!.key;
    await writeSearchIndex(plan, { output: join(dir, "first"), cache });
    // The entry's bytes replaced, under a name that matches them: whole, but stale.
    const entry = entryOf(key);
    const folder = join(cache, SEARCH_SHELVES.files, entry.slice(0, 2));
    const name = (await readdir(folder)).find((n) => n.startsWith(entry))!;
    const stale = "stale";
    await rm(join(folder, name));
    await writeFile(join(folder, `${entry}.${createHash("sha1").update(stale).digest("hex")}`), stale);
    const fresh: SearchPlan = planSearchIndex(archive, { output: join(dir, "audit"), cache: false });
    await mkdir(join(dir, "audit"), { recursive: true });
    await expect(writeSearchIndex(fresh, { output: join(dir, "audit"), cache, audit: true })).rejects.toThrow(StaleShardError);
  });
});
