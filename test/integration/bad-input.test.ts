// An editor's mistake never publishes a broken archive: the build fails, names the file and field of every
// problem, and leaves the previous output exactly as it was.
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, runBuild, tempDir } from "../helpers/build.ts";
import { files } from "../helpers/html.ts";

type Edit = (root: string) => Promise<void>;

const ESSAY = "src/essays/1-tidal-power.md";
const frontMatter = (from: string, to: string): Edit => async (root) => {
  const path = join(root, ESSAY);
  const text = await readFile(path, "utf8");
  if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
  await writeFile(path, text.replace(from, to));
};
const json = (name: string, edit: (value: Record<string, Record<string, unknown>>) => unknown): Edit => async (root) => {
  const path = join(root, "_data", name);
  const value = JSON.parse(await readFile(path, "utf8"));
  await writeFile(path, JSON.stringify(edit(value) ?? value));
};
const write = (path: string, text: string): Edit => (root) => writeFile(join(root, path), text);

/** [case, edit, what the message must say (file, then field and reason)] */
const cases: [string, Edit, string[]][] = [
  ["missing title", frontMatter("title: Tidal Power and Coastal Grids\n", ""), [ESSAY, "(title)"]],
  ["empty title", frontMatter("title: Tidal Power and Coastal Grids", 'title: ""'), [ESSAY, "(title)", "must not be empty"]],
  ["unknown author id", frontMatter("  - ada-okafor", "  - ada-okafro"), [ESSAY, "(authors.0)", 'unknown id "ada-okafro"']],
  ["unknown series id", frontMatter("series: policy-notes", "series: policy-nots"), [ESSAY, "(series)", 'unknown id "policy-nots"']],
  ["number zero", frontMatter("number: 1", "number: 0"), [ESSAY, "(number)", "positive whole number"]],
  ["number not a number", frontMatter("number: 1", "number: one"), [ESSAY, "(number)", "positive whole number"]],
  ["number a fraction", frontMatter("number: 1", "number: 1.5"), [ESSAY, "(number)", "positive whole number"]],
  ["number unlike the file name", frontMatter("number: 1", "number: 4"), [ESSAY, "(number)", "the file name says 1"]],
  [
    "duplicate number in a series",
    write(
      "src/essays/2-copy.md",
      "---\ntitle: Copy\nseries: policy-notes\nnumber: 2\ndate: 2020-01-01\nauthors: [ada-okafor]\n---\n\nText.\n",
    ),
    ["src/essays/2-fisheries-diplomacy.md", "src/essays/2-copy.md", "(number)", "No.2"],
  ],
  ["impossible date", frontMatter("date: 2019-03-04", "date: 2014-13-45"), [ESSAY, "(date)", "not a real calendar date"]],
  ["date in another format", frontMatter("date: 2019-03-04", "date: 4 March 2019"), [ESSAY, "(date)", "YYYY-MM-DD"]],
  ["broken YAML", frontMatter("authors:\n  - ada-okafor", "authors: [ada-okafor"), [ESSAY, "line", "not valid YAML"]],
  ["no body text", write(ESSAY, "---\ntitle: T\nseries: policy-notes\nnumber: 1\ndate: 2019-03-04\nauthors: [ada-okafor]\n---\n\n  \n"), [ESSAY, "has no body text"]],
  ["a file name off the contract", write("src/essays/Tidal Power.md", "---\ntitle: T\n---\nx\n"), ["src/essays/Tidal Power.md", "<number>-<slug>.md"]],
  ["malformed authors.json", write("_data/authors.json", '{ "ada-okafor": { "name": "Ada", }'), ["_data/authors.json", "cannot be read as JSON"]],
  ["malformed series.json", write("_data/series.json", "[1, 2"), ["_data/series.json", "cannot be read as JSON"]],
  ["malformed site.json", write("_data/site.json", ""), ["_data/site.json", "cannot be read as JSON"]],
  ["an author without a name", json("authors.json", (a) => void delete a["ben-takeda"]!.name), ["_data/authors.json", "(ben-takeda.name)"]],
  ["a series without a title", json("series.json", (s) => void delete s["field-reports"]!.title), ["_data/series.json", "(field-reports.title)"]],
  ["an invalid site.url", json("site.json", (s) => ({ ...s, url: "archive.example.org" })), ["_data/site.json", "(url)", "absolute http(s) URL"]],
];

/** A content folder made from the basic fixture, and an output folder holding a previous build. */
async function setUp(edit: Edit) {
  const dir = await tempDir("bad-input-");
  const root = join(dir, "content");
  await cp(fixture("basic"), root, { recursive: true });
  await edit(root);
  const output = join(dir, "dist");
  await cp(fixture("basic/_data"), join(output, "previous"), { recursive: true });
  await writeFile(join(output, "index.html"), "the previous archive");
  return { dir, root, output };
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const all = await files(dir);
  return Object.fromEntries(await Promise.all(all.map(async (f) => [f, await readFile(join(dir, f), "utf8")])));
}

describe("a build with bad input", () => {
  it.concurrent.each(cases)("fails on %s, says where, and leaves the output as it was", async (_, edit, says) => {
    const { dir, root, output } = await setUp(edit);
    const before = await snapshot(output);
    const result = await runBuild(root, output);
    expect(result.code).not.toBe(0);
    for (const words of says) expect(result.stderr).toContain(words);
    expect(await snapshot(output)).toEqual(before);
    expect((await files(dir)).filter((f) => !f.startsWith("content/") && !f.startsWith("dist/"))).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it("lists every problem in one run, not only the first", async () => {
    const edits = [
      frontMatter("  - ada-okafor", "  - nobody"),
      frontMatter("date: 2019-03-04", "date: 2019-02-30"),
      write("src/essays/7-mekong-delta.md", "---\ntitle: ''\nseries: field-reports\nnumber: 7\ndate: 2020-11-02\nauthors: [chiyo-mori]\n---\nx\n"),
      json("authors.json", (a) => void delete a["ben-takeda"]!.bio),
    ];
    const { dir, root, output } = await setUp(async (r) => {
      for (const edit of edits) await edit(r);
    });
    const result = await runBuild(root, output);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("4 problems");
    expect(result.stderr).not.toContain("[11ty]");
    for (const words of [`${ESSAY} (authors.0)`, `${ESSAY} (date)`, "src/essays/7-mekong-delta.md (title)", "_data/authors.json (ben-takeda.bio)"]) {
      expect(result.stderr).toContain(words);
    }
    await rm(dir, { recursive: true, force: true });
  });
});
