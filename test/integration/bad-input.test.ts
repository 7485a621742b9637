// An editor's mistake never publishes a broken archive. The table checks each mistake against the loader
// directly (every problem named with its file, field or line, in the editor's words); a whole build checks
// what only a build shows: the exit code, the message, and the previous output left as it was.
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createArchiveLoader } from "../../lib/content/loader.ts";
import { ContentError, formatProblem } from "../../lib/content/problems.ts";
import { fixture, runBuild } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";
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
const folder = (path: string): Edit => (root) => mkdir(join(root, path), { recursive: true }).then(() => undefined);

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
  ["an unknown field", frontMatter("date: 2019-03-04", "date: 2019-03-04\nsumary: typo"), [`${ESSAY} (sumary): is not a field of the content contract (check its spelling; the README lists the fields)`]],
  ["broken YAML list", frontMatter("authors:\n  - ada-okafor", "authors: [ada-okafor"), [`${ESSAY} (line 7): front matter: a list in [brackets] is not closed, or misses a comma`]],
  [
    "a title with an unquoted colon",
    frontMatter("title: Tidal Power and Coastal Grids", "title: Tidal Power: Coastal Grids"),
    [`${ESSAY} (line 2): front matter: a line is not "field: value" — a value that contains ": " must be in quotes`],
  ],
  ["no body text", write(ESSAY, "---\ntitle: T\nseries: policy-notes\nnumber: 1\ndate: 2019-03-04\nauthors: [ada-okafor]\n---\n\n  \n"), [`${ESSAY}: has no body text`]],
  ["no front matter", write(ESSAY, "Just text.\n"), [`${ESSAY}: has no front matter (fields between --- lines at the top)`]],
  ["a file name with spaces and capitals", write("src/essays/Tidal Power.md", "x\n"), ["src/essays/Tidal Power.md: is not an essay file"]],
  ["an uppercase name", write("src/essays/9-Tidal.md", "x\n"), ["src/essays/9-Tidal.md: is not an essay file"]],
  ["a .markdown file", write("src/essays/9-tidal.markdown", "x\n"), ["src/essays/9-tidal.markdown: is not an essay file"]],
  ["a stray .txt", write("src/essays/notes.txt", "x\n"), ["src/essays/notes.txt: is not an essay file"]],
  ["a subfolder", folder("src/essays/2021"), ["src/essays/2021: is a folder: essays go directly in src/essays/, one file each"]],
  ["malformed authors.json", write("_data/authors.json", '{\n  "ada-okafor": { "name": "Ada", }\n}'), ["_data/authors.json (line 2, column 34): is not valid JSON: expected a field name in double quotes"]],
  ["malformed series.json", write("_data/series.json", "[1, 2"), ["_data/series.json (line 1, column 6): is not valid JSON: a closing ] is missing"]],
  ["empty site.json", write("_data/site.json", ""), ["_data/site.json (line 1, column 1): is not valid JSON: a value is missing (or there is a comma too many)"]],
  ["an author without a name", json("authors.json", (a) => void delete a["ben-takeda"]!.name), ["_data/authors.json (ben-takeda.name): is required"]],
  ["an author id that is not a slug", json("authors.json", (a) => ({ ...a, "Ben Takeda": { name: "B" } })), ['_data/authors.json (Ben Takeda): "Ben Takeda" is not a valid id: use a lowercase ASCII slug (a-z, 0-9, single hyphens)']],
  ["a series without a title", json("series.json", (s) => void delete s["field-reports"]!.title), ["_data/series.json (field-reports.title): is required"]],
  ["an invalid site.url", json("site.json", (s) => ({ ...s, url: "archive.example.org" })), ["_data/site.json (url): must be an absolute http(s) URL"]],
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
  const error = await createArchiveLoader(root, { cache: false }).load().then(
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
    for (const words of says) expect(problems.some((p) => p.startsWith(words)), `${words}\nin\n${problems.join("\n")}`).toBe(true);
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
      "several problems",
      [
        frontMatter("  - ada-okafor", "  - nobody"),
        frontMatter("date: 2019-03-04", "date: 2019-02-30"),
        write("src/essays/7-mekong-delta.md", "---\ntitle: ''\nseries: field-reports\nnumber: 7\ndate: 2020-11-02\nauthors: [chiyo-mori]\n---\nx\n"),
        json("authors.json", (a) => void delete a["ben-takeda"]!.name),
      ],
      [`${ESSAY} (authors.0)`, `${ESSAY} (date)`, "src/essays/7-mekong-delta.md (title)", "_data/authors.json (ben-takeda.name)"],
      "4 problems",
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
