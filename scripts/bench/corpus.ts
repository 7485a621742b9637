// A deterministic synthetic archive in the content contract, for the benchmark and for tests that need
// size: essays of 1,000–1,500 words with occasional headings, about one author per eight essays (or, with
// `prolific`, four authors writing most of them), some essays with two authors, across a series and its
// sister series.
import { writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const WORDS = (
  "alliance security trade tariff summit minister treaty defense economy energy maritime strait island " +
  "sanction policy diplomacy region cooperation strategy deterrence negotiation agreement partnership " +
  "investment supply chain semiconductor fishery quota pipeline nuclear missile coast guard patrol " +
  "election parliament cabinet budget inflation currency export import growth climate emission grid " +
  "port harbour railway bridge corridor village province capital river delta mountain border frontier " +
  "the a of and to in that is for on with as by at from this it be are was were has have not but which"
).split(" ");
const NAMES = ["Aiko", "Ben", "Chiara", "Dmitri", "Emeka", "Fatima", "Goro", "Hana", "Ivan", "Jia", "Kofi", "Lena"];
const SURNAMES = ["Sato", "Okafor", "Rossi", "Ivanov", "Mensah", "Haddad", "Tanaka", "Kim", "Novak", "Chen", "Singh", "Berg"];

/** mulberry32: a small seeded generator, so every run writes the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusShape {
  /** Every essay in one series, rather than every fourth in a sister series. */
  oneSeries?: boolean;
  /**
   * A few authors write hundreds of essays each, as columnists do: the first byline of three essays in five
   * is one of PROLIFIC authors (author-1 among them, who writes the new essay `addEssay` adds).
   */
  prolific?: boolean;
  /**
   * A vocabulary as uneven as a language's: 20,000 words of two to four syllables, each drawn as often
   * as Zipf's law has it (the r-th most common about 1/r as often as the first), rather than a hundred
   * words drawn evenly. Search ranks by how rare a word is, so only this corpus tells ranking apart.
   */
  realistic?: boolean;
}

const SYLLABLES = "ka ro mi tel van dor sun pe lix ba quo ten ard mo zel fi nu gra shi ob len tur es wa".split(" ");

/** The realistic vocabulary: the same 20,000 words on every run, most common first. */
export const REALISTIC_WORDS: readonly string[] = (() => {
  const rand = random(42);
  const words = new Set<string>();
  while (words.size < 20_000) {
    const n = 2 + Math.floor(rand() * 3);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(""));
  }
  return [...words];
})();

/** How many authors write most essays in a prolific corpus. */
const PROLIFIC = 4;

export async function writeCorpus(root: string, essays: number, seed = 201, shape: CorpusShape = {}): Promise<void> {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const word = shape.realistic
    ? () => REALISTIC_WORDS[Math.min(REALISTIC_WORDS.length, Math.floor(Math.exp(rand() * Math.log(REALISTIC_WORDS.length + 1)))) - 1]!
    : () => pick(WORDS);
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, word);
    return `${words.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const authorCount = Math.max(2, Math.ceil(essays / 8));
  const authors: Record<string, { name: string; bio: string }> = {};
  for (let i = 0; i < authorCount; i++) {
    const name = `${NAMES[i % NAMES.length]} ${SURNAMES[Math.floor(i / NAMES.length) % SURNAMES.length]}${i >= 144 ? ` ${i}` : ""}`;
    authors[`author-${i + 1}`] = { name, bio: `${name} ${sentence(20)}` };
  }
  const series = {
    "policy-commentary": {
      title: "Policy Commentary",
      publisher: "The Benchmark Institute",
      institution: "The Benchmark Foundation",
      disclaimer: "The views expressed are the authors' own.",
      copyright: "© The Benchmark Institute",
    },
    "field-notes": {
      title: "Field Notes",
      publisher: "The Benchmark Institute",
      institution: "The Benchmark Foundation",
      disclaimer: "Notes reflect conditions at the time of writing.",
      copyright: "© The Benchmark Institute",
    },
  };
  await mkdir(join(root, "_data"), { recursive: true });
  await mkdir(join(root, "src/essays"), { recursive: true });
  await writeFile(join(root, "_data/authors.json"), JSON.stringify(authors, null, 2));
  await writeFile(join(root, "_data/series.json"), JSON.stringify(series, null, 2));
  await writeFile(join(root, "_data/site.json"), JSON.stringify({ title: "Benchmark Archive", description: "A synthetic archive.", language: "en" }, null, 2));

  const ids = Object.keys(authors);
  const numbers: Record<string, number> = { "policy-commentary": 0, "field-notes": 0 };
  for (let i = 0; i < essays; i++) {
    const seriesId = i % 4 === 3 && !shape.oneSeries ? "field-notes" : "policy-commentary";
    const number = ++numbers[seriesId]!;
    const first = shape.prolific && rand() < 0.6 ? pick(ids.slice(0, PROLIFIC)) : pick(ids);
    const byline = rand() < 0.15 ? [first, pick(ids.filter((id) => id !== first))] : [first];
    // Spread over 1990–2022 whatever the count: no essay dated in the future (Hugo would skip it).
    const day = new Date(Date.UTC(1990, 0, 1) + Math.floor((i * 12_000) / essays) * 86_400_000).toISOString().slice(0, 10);
    const title = sentence(4 + Math.floor(rand() * 5)).slice(0, -1);
    const paragraphs: string[] = [];
    let words = 0;
    const target = 1000 + Math.floor(rand() * 500);
    while (words < target) {
      if (paragraphs.length > 0 && rand() < 0.08) paragraphs.push(`## ${sentence(3).slice(0, -1)}`);
      const n = 60 + Math.floor(rand() * 60);
      paragraphs.push(Array.from({ length: Math.ceil(n / 15) }, () => sentence(15)).join(" "));
      words += n;
    }
    const text = [
      "---",
      `title: ${JSON.stringify(title)}`,
      `series: ${seriesId}`,
      `number: ${number}`,
      `date: ${day}`,
      "authors:",
      ...byline.map((id) => `  - ${id}`),
      "---",
      "",
      paragraphs.join("\n\n"),
      "",
    ].join("\n");
    writeFileSync(join(root, "src/essays", `${number}-essay-${seriesId}-${number}.md`), text);
  }
}

/**
 * Adds one essay to a corpus, as an editor adds the week's new one: the newest, next in its series.
 * Returns its file, so the benchmark can remove it again.
 */
export async function addEssay(root: string, number: number): Promise<string> {
  const file = join(root, "src/essays", `${number}-the-weeks-new-essay.md`);
  const body = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1} of the week's new essay, on trade, security and the alliance.`).join("\n\n");
  const front = [
    "---",
    `title: "The Week's New Essay"`,
    "series: policy-commentary",
    `number: ${number}`,
    "date: 2023-01-02",
    "authors:",
    "  - author-1",
    "---",
  ];
  await writeFile(file, `${front.join("\n")}\n\n${body}\n`);
  return file;
}

// `node --import tsx scripts/bench/corpus.ts DIR [ESSAYS]`: writes a corpus to DIR, e.g. to try `npm start` on it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, count = "4000"] = process.argv.slice(2);
  if (!dir) throw new Error("usage: scripts/bench/corpus.ts DIR [ESSAYS]");
  await writeCorpus(dir, Number(count));
}
