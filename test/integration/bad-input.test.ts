// An editor's mistake never publishes a broken archive. The table checks each mistake against the loader
// directly (every problem named with its file, field or line, in the editor's words); a whole build checks
// what only a build shows: the exit code, the message, and the previous output left as it was.
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { ContentError, formatProblem } from "../../lib/content/problems.ts";
import { fixture, runBuild } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";
import { files } from "../helpers/html.ts";

type Edit = (root: string) => Promise<void>;

const ESSAY = "src/essays/1-tidal-power.md";
const frontMatter =
  (from: string, to: string): Edit =>
  async (root) => {
    const path = join(root, ESSAY);
    const text = await readFile(path, "utf8");
    if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
    await writeFile(path, text.replace(from, to));
  };
const json =
  (name: string, edit: (value: Record<string, Record<string, unknown>>) => unknown): Edit =>
  async (root) => {
    const path = join(root, "_data", name);
    const value = JSON.parse(await readFile(path, "utf8"));
    await writeFile(path, JSON.stringify(edit(value) ?? value));
  };
const write =
  (path: string, text: string): Edit =>
  (root) =>
    writeFile(join(root, path), text);
/** The essay saved in a legacy encoding, with text that encoding has and UTF-8 spells otherwise. */
const encoded =
  (encoding: string, from: string, to: string): Edit =>
  async (root) => {
    const path = join(root, ESSAY);
    await writeFile(path, iconv.encode((await readFile(path, "utf8")).replace(from, to), encoding));
  };
const JAPANESE = "潮力発電と沿岸の電力網について、政策の観点から考える。";
/** ISO-2022-JP from EUC-JP: the same JIS X 0208 codes, 7-bit, between escape sequences (iconv-lite has no encoder for it). */
function iso2022jp(text: string): Buffer {
  const euc = iconv.encode(text, "EUC-JP");
  const out: number[] = [];
  let kanji = false;
  for (let i = 0; i < euc.length; i++) {
    const high = euc[i]! >= 0x80;
    if (high !== kanji) out.push(...(high ? [0x1b, 0x24, 0x42] : [0x1b, 0x28, 0x42]));
    kanji = high;
    if (high) out.push(euc[i]! & 0x7f, euc[++i]! & 0x7f);
    else out.push(euc[i]!);
  }
  if (kanji) out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}
const long = (n: number) => "x".repeat(n);
const folder =
  (path: string): Edit =>
  (root) =>
    mkdir(join(root, path), { recursive: true }).then(() => undefined);

/** [case, edit, the problems, each as the line the editor reads] */
const cases: [string, Edit, string[]][] = [
  ["missing title", frontMatter("title: Tidal Power and Coastal Grids\n", ""), [`${ESSAY} (title): is required`]],
  ["empty title", frontMatter("title: Tidal Power and Coastal Grids", 'title: ""'), [`${ESSAY} (title): must not be empty`]],
  ["unknown author id", frontMatter("  - ada-okafor", "  - ada-okafro"), [`${ESSAY} (authors.0): unknown id "ada-okafro" (not in _data/authors.json)`]],
  ["unknown series id", frontMatter("series: policy-notes", "series: policy-nots"), [`${ESSAY} (series): unknown id "policy-nots" (not in _data/series.json)`]],
  ["number zero", frontMatter("number: 1", "number: 0"), [`${ESSAY} (number): must be a positive whole number`]],
  ["number not a number", frontMatter("number: 1", "number: one"), [`${ESSAY} (number): must be a positive whole number`]],
  ["number a fraction", frontMatter("number: 1", "number: 1.5"), [`${ESSAY} (number): must be a positive whole number`]],
  ["number unlike the file name", frontMatter("number: 1", "number: 4"), [`${ESSAY} (number): is 4, but the file name says 1`]],
  [
    "duplicate number in a series",
    write("src/essays/2-copy.md", "---\ntitle: Copy\nseries: policy-notes\nnumber: 2\ndate: 2020-01-01\nauthors: [ada-okafor]\n---\n\nText.\n"),
    ["src/essays/2-fisheries-diplomacy.md (number): policy-notes No.2 is also src/essays/2-copy.md"],
  ],
  ["missing date", frontMatter("date: 2019-03-04\n", ""), [`${ESSAY} (date): is required`]],
  ["impossible date", frontMatter("date: 2019-03-04", "date: 2014-13-45"), [`${ESSAY} (date): is not a real calendar date`]],
  ["date in another format", frontMatter("date: 2019-03-04", "date: 4 March 2019"), [`${ESSAY} (date): must be a date written YYYY-MM-DD`]],
  [
    "an unknown field",
    frontMatter("date: 2019-03-04", "date: 2019-03-04\nsumary: typo"),
    [`${ESSAY} (sumary): is not a field of the content contract (check its spelling; docs/content.md lists the fields)`],
  ],
  [
    "broken YAML list",
    frontMatter("authors:\n  - ada-okafor", "authors: [ada-okafor"),
    [`${ESSAY} (line 7): front matter: a list in [brackets] is not closed, or misses a comma`],
  ],
  [
    "a title with an unquoted colon",
    frontMatter("title: Tidal Power and Coastal Grids", "title: Tidal Power: Coastal Grids"),
    [`${ESSAY} (line 2): front matter: a line is not "field: value" — a value that contains ": " must be in quotes`],
  ],
  [
    "no body text",
    write(ESSAY, "---\ntitle: T\nseries: policy-notes\nnumber: 1\ndate: 2019-03-04\nauthors: [ada-okafor]\n---\n\n  \n"),
    [`${ESSAY}: has no body text`],
  ],
  ["no front matter", write(ESSAY, "Just text.\n"), [`${ESSAY}: has no front matter (fields between --- lines at the top)`]],
  ["a file name with spaces and capitals", write("src/essays/Tidal Power.md", "x\n"), ["src/essays/Tidal Power.md: is not an essay file"]],
  ["an uppercase name", write("src/essays/9-Tidal.md", "x\n"), ["src/essays/9-Tidal.md: is not an essay file"]],
  ["a .markdown file", write("src/essays/9-tidal.markdown", "x\n"), ["src/essays/9-tidal.markdown: is not an essay file"]],
  ["a stray .txt", write("src/essays/notes.txt", "x\n"), ["src/essays/notes.txt: is not an essay file"]],
  ["a subfolder", folder("src/essays/2021"), ["src/essays/2021: is a folder: essays go directly in src/essays/, one file each"]],
  [
    "malformed authors.json",
    write("_data/authors.json", '{\n  "ada-okafor": { "name": "Ada", }\n}'),
    ["_data/authors.json (line 2, column 34): is not valid JSON: expected a field name in double quotes"],
  ],
  ["malformed series.json", write("_data/series.json", "[1, 2"), ["_data/series.json (line 1, column 6): is not valid JSON: a closing ] is missing"]],
  [
    "empty site.json",
    write("_data/site.json", ""),
    ["_data/site.json (line 1, column 1): is not valid JSON: a value is missing (or there is a comma too many)"],
  ],
  ["an author without a name", json("authors.json", (a) => void delete a["ben-takeda"]!.name), ["_data/authors.json (ben-takeda.name): is required"]],
  [
    "an author id that is not a slug",
    json("authors.json", (a) => ({ ...a, "Ben Takeda": { name: "B" } })),
    ['_data/authors.json (Ben Takeda): "Ben Takeda" is not a valid id: use a lowercase ASCII slug (a-z, 0-9, single hyphens)'],
  ],
  ["a series without a title", json("series.json", (s) => void delete s["field-reports"]!.title), ["_data/series.json (field-reports.title): is required"]],
  ["an invalid site.url", json("site.json", (s) => ({ ...s, url: "archive.example.org" })), ["_data/site.json (url): must be an absolute http(s) URL"]],
  [
    "a site.url with a query",
    json("site.json", (s) => ({ ...s, url: "https://archive.example.org/?x=1" })),
    ["_data/site.json (url): must be the archive's address, without a ?query or #fragment"],
  ],
  // A host file would read it as syntax (nginx: a variable), so no address holds it (lib/content/site-url.ts).
  [
    "a site.url with a $",
    json("site.json", (s) => ({ ...s, url: "https://archive.example.org/$host/" })),
    ['_data/site.json (url): must have a path of letters, digits, spaces and - . _ ~ % / only, not "$"'],
  ],
  // Encodings: never a U+FFFD in the page; the first bad byte's place, the likely encoding and the command.
  [
    "an essay in Windows-1252 (smart quotes)",
    encoded(
      "windows-1252",
      "as reliably as the moon.",
      "as \u201creliably\u201d as the moon \u2014 it\u2019s said, and that\u2019s what the engineers\u2019 \u201cmodels\u201d show.",
    ),
    [
      `${ESSAY} (line 10, column 37): is not UTF-8 text (byte 0x93 is not UTF-8): it looks like Windows-1252; convert it with: iconv -f WINDOWS-1252 -t UTF-8 '${ESSAY}' > '${ESSAY}.utf8' && mv '${ESSAY}.utf8' '${ESSAY}'`,
    ],
  ],
  [
    "an essay in Shift_JIS",
    encoded("Shift_JIS", "The estuary barrage debate", JAPANESE),
    [`${ESSAY} (line 12, column 1): is not UTF-8 text (byte 0x92 is not UTF-8): it looks like Shift_JIS; convert it with: iconv -f SHIFT_JIS`],
  ],
  [
    "an essay in EUC-JP",
    encoded("EUC-JP", "The estuary barrage debate", JAPANESE),
    [`${ESSAY} (line 12, column 2): is not UTF-8 text (byte 0xCE is not UTF-8): it looks like EUC-JP; convert it with: iconv -f EUC-JP`],
  ],
  [
    "an essay in ISO-2022-JP",
    async (root) => writeFile(join(root, ESSAY), Buffer.concat([await readFile(join(root, ESSAY)), iso2022jp(`${JAPANESE}\n`)])),
    [`${ESSAY} (line 13, column 1): is not UTF-8 text (it holds ISO-2022-JP escape codes): it looks like ISO-2022-JP; convert it with: iconv -f ISO-2022-JP`],
  ],
  [
    "an essay in UTF-16",
    async (root) => writeFile(join(root, ESSAY), iconv.encode(await readFile(join(root, ESSAY), "utf8"), "utf-16", { addBOM: true })),
    [`${ESSAY} (line 1, column 1): is not UTF-8 text (byte 0xFF is not UTF-8): it looks like UTF-16LE; convert it with: iconv -f UTF-16LE`],
  ],
  [
    "authors.json in Windows-1252",
    // Without the Japanese name, which Windows-1252 cannot hold (an editor saving in it would have none).
    async (root) =>
      writeFile(
        join(root, "_data/authors.json"),
        iconv.encode(
          (await readFile(join(root, "_data/authors.json"), "utf8"))
            .replace(/^\s*"names": .*\n/m, "")
            .replace(
              "Ada Okafor studies energy systems.",
              "Ada Okafor studies energy systems \u2013 tides, \u201cstorage\u201d and grids \u2013 for the institute\u2019s programme.",
            ),
          "windows-1252",
        ),
      ),
    ["_data/authors.json (line 4, column 47): is not UTF-8 text (byte 0x96 is not UTF-8): it looks like Windows-1252"],
  ],
  // Records: every key is an id, none dropped, none inherited.
  [
    "an author keyed __proto__",
    write("_data/authors.json", '{"ada-okafor": {"name": "Ada"}, "ben-takeda": {"name": "Ben"}, "chiyo-mori": {"name": "Chiyo"}, "__proto__": {"name": "X"}}'),
    ['_data/authors.json (__proto__): "__proto__" is not a valid id'],
  ],
  [
    "a series keyed __proto__",
    write("_data/series.json", '{"__proto__": {"title": "X"}}'),
    [
      '_data/series.json (__proto__): "__proto__" is not a valid id',
      "_data/series.json (__proto__.publisher): is required",
      "_data/series.json (__proto__.institution)",
      "_data/series.json (__proto__.disclaimer)",
      "_data/series.json (__proto__.copyright)",
      `${ESSAY} (series): unknown id "policy-notes"`,
      'src/essays/2-fisheries-diplomacy.md (series): unknown id "policy-notes"',
      'src/essays/3-semiconductor-supply-chains.md (series): unknown id "policy-notes"',
      'src/essays/7-mekong-delta.md (series): unknown id "field-reports"',
      'src/essays/8-port-cities.md (series): unknown id "field-reports"',
    ],
  ],
  [
    "a __proto__ field in a record",
    json("authors.json", (a) => JSON.parse(JSON.stringify(a).replace('"name":"Ben Takeda"', '"name":"Ben Takeda","__proto__":{"polluted":true}'))),
    ["_data/authors.json (ben-takeda.__proto__): is not a field of the content contract"],
  ],
  [
    "a __proto__ field in front matter",
    frontMatter("date: 2019-03-04", "date: 2019-03-04\n__proto__: {polluted: true}"),
    [`${ESSAY} (__proto__): is not a field of the content contract`],
  ],
  [
    "an author id an object has (constructor)",
    frontMatter("  - ada-okafor", "  - constructor"),
    [`${ESSAY} (authors.0): unknown id "constructor" (not in _data/authors.json)`],
  ],
  // Sizes: a paste gone wrong.
  [
    "a 2 MB title",
    frontMatter("title: Tidal Power and Coastal Grids", `title: ${long(2_000_000)}`),
    [`${ESSAY} (title): is longer than 300 characters (was something pasted by mistake?)`],
  ],
  [
    "a series title over 300 characters",
    json("series.json", (s) => void (s["field-reports"]!.title = long(301))),
    ["_data/series.json (field-reports.title): is longer than 300 characters"],
  ],
  [
    "a summary over 1,000 characters",
    frontMatter("date: 2019-03-04", `date: 2019-03-04\nsummary: ${long(1001)}`),
    [`${ESSAY} (summary): is longer than 1,000 characters`],
  ],
  [
    "more than 50 authors",
    frontMatter("  - ada-okafor", Array.from({ length: 51 }, (_, i) => (i === 0 ? "  - ada-okafor" : `  - {id: ada-okafor, bio: "${i}"}`)).join("\n")),
    [`${ESSAY} (authors): lists more than 50 authors (was something pasted by mistake?)`],
  ],
  ["a body over 2 MB", frontMatter("The estuary barrage debate", `${long(2_000_001)}\n\nThe estuary barrage debate`), [`${ESSAY}: has a body of 2,000,`]],
  // A language tag the regular expression would pass, but that is no tag: a problem on its field, not a crash in a template.
  ["lang: de-1", frontMatter("date: 2019-03-04", "date: 2019-03-04\nlang: de-1"), [`${ESSAY} (lang): must be a BCP 47 language tag (en, ja, pt-BR)`]],
  // An import committed but not yet all moved into place (lib/import/commit.ts): never built half-moved.
  [
    "an import under way",
    async (root) => (await mkdir(join(root, ".import")), writeFile(join(root, ".import/journal.json"), '{"moves":[],"removes":[]}')),
    [".import: an import is being written into the archive, or was interrupted: wait for it, or run `npm run import` to finish it"],
  ],
  ["site language en_US", json("site.json", (s) => ({ ...s, language: "en_US" })), ["_data/site.json (language): must be a BCP 47 language tag"]],
  // Control characters, which pages and XML cannot carry (lib/content/text.ts), in any field and in the body.
  [
    "an escape code in a title",
    frontMatter("title: Tidal Power and Coastal Grids", 'title: "Tidal Power\\e[2J"'),
    [`${ESSAY} (title): holds U+001B, a control character, at character 12: pages and feeds cannot carry it; remove it`],
  ],
  [
    "a NUL in a bio",
    json("authors.json", (a) => void (a["ada-okafor"]!.bio = "Ada\u0000")),
    ["_data/authors.json (ada-okafor.bio): holds U+0000, a control character, at character 4"],
  ],
  [
    "a C1 control in a series disclaimer",
    json("series.json", (s) => void (s["field-reports"]!.disclaimer = "\u0085")),
    ["_data/series.json (field-reports.disclaimer): holds U+0085, a control character, at character 1"],
  ],
  [
    "a lone surrogate in the site's description",
    json("site.json", (s) => ({ ...s, description: "\ud800" })),
    ["_data/site.json (description): holds U+D800, half of a surrogate pair, alone"],
  ],
  [
    "an escape code in the body",
    frontMatter("The estuary barrage debate", "\u001b[31mThe estuary barrage debate"),
    [`${ESSAY} (line 12, column 1): the body holds U+001B, a control character`],
  ],
  [
    "a tab in a title",
    frontMatter("title: Tidal Power and Coastal Grids", 'title: "Tidal\\tPower"'),
    [`${ESSAY} (title): must be one line, without tabs or line breaks`],
  ],
];

/** A content folder made from the basic fixture, with `edit` applied. */
async function contentWith(edit: Edit): Promise<{ dir: string; root: string }> {
  const dir = await tempDir("bad-input-");
  const root = join(dir, "content");
  await cp(fixture("basic"), root, { recursive: true });
  await edit(root);
  return { dir, root };
}

async function problemsOf(root: string): Promise<string[]> {
  const error = await createArchiveLoader(root, { cache: false })
    .load()
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  if (!(error instanceof ContentError)) throw new Error(`expected a ContentError, got ${String(error)}`);
  return error.problems.map(formatProblem);
}

describe("bad input", () => {
  it.each(cases)("%s: names the file and what is wrong", async (_, edit, says) => {
    const { dir, root } = await contentWith(edit);
    const problems = await problemsOf(root);
    for (const words of says)
      expect(
        problems.some((p) => p.startsWith(words)),
        `${words}\nin\n${problems.join("\n")}`,
      ).toBe(true);
    expect(problems).toHaveLength(says.length);
    expect(problems.join("\n")).not.toMatch(/Invalid|Unrecognized|expected .*, received|can not read|\(\d+:\d+\)/);
    await rm(dir, { recursive: true, force: true });
  });
});

async function snapshot(dir: string): Promise<Record<string, string>> {
  const all = await files(dir);
  return Object.fromEntries(await Promise.all(all.map(async (f) => [f, await readFile(join(dir, f), "utf8")])));
}

describe("a build with bad input", () => {
  it.each([
    [
      "several problems, control characters among them",
      [
        frontMatter("  - ada-okafor", "  - nobody"),
        frontMatter("date: 2019-03-04", "date: 2019-02-30"),
        write("src/essays/7-mekong-delta.md", "---\ntitle: ''\nseries: field-reports\nnumber: 7\ndate: 2020-11-02\nauthors: [chiyo-mori]\n---\nx\n"),
        json("authors.json", (a) => void delete a["ben-takeda"]!.name),
        // Control characters: in a record's field and in an essay's body.
        json("series.json", (r) => void (r["policy-notes"]!.title = "Policy\u001b Notes")),
        frontMatter("The estuary barrage debate", "The estuary\u0000 barrage debate"),
      ],
      [
        `${ESSAY} (authors.0)`,
        `${ESSAY} (date)`,
        "src/essays/7-mekong-delta.md (title)",
        "_data/authors.json (ben-takeda.name)",
        "_data/series.json (policy-notes.title): holds U+001B, a control character, at character 7",
        `${ESSAY} (line 12, column 12): the body holds U+0000, a control character`,
      ],
      "6 problems",
    ],
  ] as const)("with %s exits non-zero, lists them, and leaves the output as it was", async (_, edits, says, count) => {
    const { dir, root } = await contentWith(async (r) => {
      for (const edit of edits) await edit(r);
    });
    const output = join(dir, "dist");
    await cp(fixture("basic/_data"), join(output, "previous"), { recursive: true });
    await writeFile(join(output, "index.html"), "the previous archive");
    const before = await snapshot(output);

    const result = await runBuild(root, output);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The archive was not built: ${count} in the content.`);
    for (const words of says) expect(result.stderr).toContain(words);
    expect(result.stderr).not.toContain("[11ty]");
    expect(result.stderr).toContain("Nothing was written");
    expect(await snapshot(output)).toEqual(before);
    expect((await files(dir)).filter((f) => !f.startsWith("content/") && !f.startsWith("dist/"))).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });
});
