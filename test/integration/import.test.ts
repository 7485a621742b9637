// `npm run import` end to end: saved pages of every kind become essays whose built pages show the text
// exactly as written; a batch with one bad page writes nothing at all.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePage } from "../../lib/import/parse-page.ts";
import { importPages } from "../../lib/import/run.ts";
import { REPO } from "../helpers/build.ts";
import { built } from "../helpers/built.ts";
import { AJISS, emptyArchive, goodPages, IMPORT_PAGES as PAGES } from "../helpers/imported.ts";
import { tempDir } from "../helpers/scratch.ts";
import { files, page, text } from "../helpers/html.ts";

const good = await goodPages();

describe("imported pages, built", () => {
  // Imported and built once for the run, by test/global-setup.ts (test/helpers/imported.ts).
  it.each(good)("%s: every paragraph, title and bio shows exactly as written", async (name) => {
    const raw = parsePage(await readFile(join(PAGES, name), "utf8"), name).page!;
    const doc = await page(built("imported"), `essays/ajiss-commentary/${raw.number}.html`);
    expect(text(doc.querySelector("h1"))).toBe(raw.title);
    const shown = [...doc.querySelectorAll(".essay-body > p")].map((p) => p.textContent);
    expect(shown).toEqual(raw.paragraphs);
    expect(doc.querySelectorAll(".essay-body > :not(p)").length).toBe(0);
    expect([...doc.querySelectorAll(".bio > p:first-child")].map((p) => p.textContent)).toEqual(raw.bios.map((b, i) => b ?? raw.authors[i]));
    expect(text(doc.querySelector(".byline"))).toBe(
      raw.authors.length === 1 ? raw.authors[0] : `${raw.authors.slice(0, -1).join(", ")} and ${raw.authors.at(-1)}`,
    );
  });
});

describe("a batch with one bad page", () => {
  it("writes nothing, and names the bad page and what is missing", async () => {
    const root = await emptyArchive(await tempDir("import-"));
    const before = await files(root);
    const batch = [join(PAGES, "two-authors.txt"), join(PAGES, "bad-no-date.txt"), join(PAGES, "crlf.txt")];
    const result = await importPages(root, batch, AJISS);
    expect(result.written).toBe(false);
    expect(result.problems.map((p) => p.file)).toEqual([join(PAGES, "bad-no-date.txt")]);
    expect(result.problems[0]!.message).toMatch(/date/);
    expect(await files(root)).toEqual(before);
  });

  it("the command exits non-zero and says so", async () => {
    const root = await emptyArchive(await tempDir("import-"));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/import.ts", join(PAGES, "bad-no-number.txt"), "--root", root, "--series", "s", "--series-title", "S"],
      { cwd: REPO },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise((done) => child.on("close", done));
    expect(code).toBe(1);
    expect(stderr).toContain("Nothing was imported: 1 problem.");
    expect(stderr).toContain("bad-no-number.txt");
  });
});
