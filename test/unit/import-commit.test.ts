// An import is all or nothing at every instant: stopped dead at any step (a crash, SIGKILL), the archive
// reads as before, or is marked as an import under way (the loader refuses it) and the next import
// finishes it; either way no staging folder is left once that has run.
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT } from "../../lib/paths/layout.ts";
import { commitImport, finishImport, ImportBusyError, type FileWrite } from "../../lib/import/commit.ts";
import { tempDir } from "../helpers/scratch.ts";

const BEFORE: Record<string, string> = {
  "_data/authors.json": '{"a": {"name": "A"}}\n',
  "src/essays/1-old-title.md": "old essay 1\n",
  "src/essays/2-kept.md": "essay 2\n",
};
const WRITES: FileWrite[] = [
  { path: "_data/authors.json", text: '{"a": {"name": "A"}, "b": {"name": "B"}}\n' },
  { path: "src/essays/1-new-title.md", text: "new essay 1\n" },
  { path: "src/essays/3-added.md", text: "essay 3\n" },
];
const REMOVES = ["src/essays/1-old-title.md"];
const AFTER: Record<string, string> = {
  "_data/authors.json": WRITES[0]!.text,
  "src/essays/1-new-title.md": "new essay 1\n",
  "src/essays/2-kept.md": "essay 2\n",
  "src/essays/3-added.md": "essay 3\n",
};

async function archive(): Promise<string> {
  const root = await tempDir("commit-");
  for (const [path, text] of Object.entries(BEFORE)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

/** Every file of the content root but the staging folder, with its text. */
async function content(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split("\\").join("/"));
  const kept = files.filter((f) => !f.startsWith(`${CONTENT.importStaging}/`)).sort();
  return Object.fromEntries(await Promise.all(kept.map(async (f) => [f, await readFile(join(root, f), "utf8")])));
}
const leftovers = async (root: string) => (await readdir(root)).filter((name) => name.startsWith("."));

/** Runs a commit that stops dead at step `at` (nothing of it runs after), and resolves when it got there. */
function crashAt(root: string, at: number): Promise<void> {
  return new Promise((reached) => {
    let count = 0;
    void commitImport(root, WRITES, REMOVES, { step: () => (count++ === at ? (reached(), new Promise<void>(() => {})) : undefined) });
  });
}

describe("committing an import", () => {
  it("writes and removes everything, and leaves no staging folder", async () => {
    const root = await archive();
    const steps: string[] = [];
    await commitImport(root, WRITES, REMOVES, { step: (s) => void steps.push(s) });
    expect(await content(root)).toEqual(AFTER);
    expect(await leftovers(root)).toEqual([]);
    expect(steps).toContain("commit");
  });

  it("stopped dead at any step, reads as before or as an import under way, and the next run finishes or undoes it", async () => {
    const steps: string[] = [];
    await commitImport(await archive(), WRITES, REMOVES, { step: (s) => void steps.push(s) });
    const commit = steps.indexOf("commit");
    for (let at = 0; at < steps.length; at++) {
      const root = await archive();
      await crashAt(root, at);
      const pending = (await readdir(root, { recursive: true })).some((f) => f.split("\\").join("/") === CONTENT.importJournal);
      // Before the commit the archive is as it was; from it until the journal is removed, the journal
      // marks it as under way; after that, it is whole.
      const last = at === steps.length - 1;
      if (at <= commit) expect([steps[at], await content(root)]).toEqual([steps[at], BEFORE]);
      if (last) expect(await content(root)).toEqual(AFTER);
      expect([steps[at], pending]).toEqual([steps[at], at > commit && !last]);
      expect(await finishImport(root)).toBe(at > commit && !last ? "finished" : at === 0 ? "nothing" : "cleared");
      expect([steps[at], await content(root)]).toEqual([steps[at], at > commit ? AFTER : BEFORE]);
      expect(await leftovers(root)).toEqual([]);
    }
  });

  it("finishing can itself be stopped at any step and run again", async () => {
    const steps: string[] = [];
    await commitImport(await archive(), WRITES, REMOVES, { step: (s) => void steps.push(s) });
    // Stopped just after the commit: everything is left to finish.
    const afterCommit = steps.indexOf("commit") + 1;
    const finishing: string[] = [];
    const first = await archive();
    await crashAt(first, afterCommit);
    await finishImport(first, (s) => void finishing.push(s));
    expect(finishing.length).toBeGreaterThan(3);
    for (let at = 0; at < finishing.length; at++) {
      const root = await archive();
      await crashAt(root, afterCommit);
      await new Promise<void>((reached) => {
        let count = 0;
        void finishImport(root, () => (count++ === at ? (reached(), new Promise<void>(() => {})) : undefined));
      });
      await finishImport(root);
      expect([finishing[at], await content(root)]).toEqual([finishing[at], AFTER]);
      expect(await leftovers(root)).toEqual([]);
    }
  });

  it("undoes everything when interrupted (Ctrl-C) before the commit", async () => {
    const root = await archive();
    const interrupt = new AbortController();
    const stopping = commitImport(root, WRITES, REMOVES, {
      signal: interrupt.signal,
      step: (s) => void (s.startsWith("stage src/essays/3") && interrupt.abort()),
    });
    await expect(stopping).rejects.toThrow();
    expect(await content(root)).toEqual(BEFORE);
    expect(await leftovers(root)).toEqual([]);
  });

  it("refuses to run beside another import that is still running", async () => {
    const root = await archive();
    await mkdir(join(root, CONTENT.importStaging));
    // This test's parent process (the test runner's) is alive: its staging folder is not stale.
    await writeFile(join(root, CONTENT.importStaging, "owner"), `${process.ppid}\n`);
    await expect(commitImport(root, WRITES, REMOVES)).rejects.toThrow(ImportBusyError);
    expect(await content(root)).toEqual(BEFORE);
    // A dead owner's folder is stale: recovered, then the import goes on.
    await writeFile(join(root, CONTENT.importStaging, "owner"), "999999999\n");
    await commitImport(root, WRITES, REMOVES);
    expect(await content(root)).toEqual(AFTER);
  });
});
