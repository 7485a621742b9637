// Ranking across shards (src/assets/search-merge.js): the same essays, indexed as one Pagefind index and
// as several shards, give the same results in the same order, because each shard's results are scored
// again with the statistics of all of them. On one shard, that order is that of Pagefind's own scores.
// (Not always Pagefind's own order on one index: Pagefind matches a prefix's longer words only in the index
// chunks the prefix falls in, and the search page loads every chunk that holds one.)
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeSearchIndex, type PlannedShard } from "../../lib/search/index.ts";
import { random } from "../../scripts/bench/corpus.ts";
import { searchClient } from "../helpers/pagefind-client.ts";
import { tempDir } from "../helpers/scratch.ts";

const ESSAYS = 240;
/** A vocabulary whose words are as unevenly common as a language's (Zipf's law), so that rarity decides ranks. */
const rand = random(7);
const SYLLABLES = ["ka", "ro", "mi", "tel", "van", "dor", "sun", "pe", "lix", "ba", "quo", "ten", "ard", "mo", "zel", "fi"];
const WORDS = Array.from(
  { length: 1500 },
  (_, i) => SYLLABLES[i % 16]! + SYLLABLES[Math.floor(i / 16) % 16]! + (i >= 256 ? SYLLABLES[Math.floor(i / 256) % 16] : ""),
);
const zipf = () => WORDS[Math.min(WORDS.length - 1, Math.floor(Math.exp(rand() * Math.log(WORDS.length + 1))) - 1)]!;
const QUERIES = ["karo", "telvan", "dorsun", "lixba mozel", "quoten", "pefi ardmo", "vantel", "sunka", "baquo", "zelfi kaka", "miro", "ardten"];

function essay(n: number): string {
  const title = Array.from({ length: 4 }, zipf).join(" ");
  const paragraphs = Array.from(
    { length: 3 + Math.floor(rand() * 6) },
    () => `<p>${Array.from({ length: 40 + Math.floor(rand() * 80) }, zipf).join(" ")}.</p>`,
  );
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body>
<p data-pagefind-sort="date[data-date]" data-date="2020-01-${String((n % 28) + 1).padStart(2, "0")}">x</p>
<h1 data-pagefind-meta="title">${title}</h1><main data-pagefind-body>${paragraphs.join("\n")}</main></body></html>\n`;
}

/** Indexes the essays as shards of the given sizes (in order) into an output folder; returns it. */
async function indexed(pages: string[], sizes: number[]): Promise<string> {
  const dir = await tempDir("ranking-");
  const shards: PlannedShard[] = [];
  let from = 0;
  for (const [i, size] of sizes.entries()) {
    const folder = join(dir, "documents", String(i));
    await mkdir(join(folder, "essays/s"), { recursive: true });
    for (let n = from; n < from + size; n++) await writeFile(join(folder, `essays/s/${n + 1}.html`), pages[n]!);
    await writeFile(join(folder, "sorts.json"), "{}\n");
    const key = `${i}`.repeat(64);
    shards.push({ lang: "en", first: "2020-01-01", last: "2020-01-01", essays: size, key, folder: `en/${key.slice(0, 16)}/`, documents: folder });
    from += size;
  }
  await writeSearchIndex({ shards }, { output: join(dir, "dist"), cache: false });
  return join(dir, "dist");
}

describe("ranking across shards", () => {
  let one: string;
  let shards: string;
  beforeAll(async () => {
    const pages = Array.from({ length: ESSAYS }, (_, n) => essay(n));
    // Uneven on purpose: a small shard's own statistics would push its pages up.
    [one, shards] = await Promise.all([indexed(pages, [ESSAYS]), indexed(pages, [150, 60, 25, 5])]);
  });

  it("is Pagefind's own on one shard, and as one index's on four", async () => {
    const single = await searchClient(one);
    const merged = await searchClient(shards);
    const first10 = async (client: typeof single, query: string) => (await client.search(query)).slice(0, 10).map((hit) => hit.url);
    const compared: { query: string; sameFirst: boolean; common: number }[] = [];
    for (const query of QUERIES) {
      // One shard: the results scored again with the statistics of all shards (here, its own) come in the
      // order of Pagefind's own scores.
      const scored = await single.scored(query);
      if (scored.length === 0) continue;
      for (let i = 1; i < scored.length; i++) expect(scored[i]!.score, `${query}: ${scored[i]!.url}`).toBeLessThanOrEqual(scored[i - 1]!.score * (1 + 1e-6));
      const own = await first10(single, query);
      const shardsOrder = await first10(merged, query);
      compared.push({ query, sameFirst: shardsOrder[0] === own[0], common: shardsOrder.filter((url) => own.includes(url)).length / own.length });
    }
    expect(compared.length).toBeGreaterThanOrEqual(8);
    // Four uneven shards, against one: the same first result for every query, and (scores differ in the
    // last digits, where Pagefind's are 32-bit) nearly all of the first ten.
    expect(
      compared.filter((c) => !c.sameFirst),
      JSON.stringify(compared),
    ).toEqual([]);
    expect(compared.reduce((sum, c) => sum + c.common, 0) / compared.length, JSON.stringify(compared)).toBeGreaterThanOrEqual(0.95);
  });
});
