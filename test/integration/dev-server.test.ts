// `npm start` on a copy of the basic fixture: an essay deleted while it runs leaves the archive at once, its
// page, downloads, listing and search entry included (Eleventy 3 alone does not rebuild on a deletion).
import type { ShardsFile } from "../../lib/search/index.ts";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { fixture, REPO } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

it("removes a deleted essay's page, downloads and entries, and stops on Ctrl+C", async () => {
  const root = join(await tempDir("dev-server-"), "content");
  const output = join(root, "..", "dist");
  await cp(fixture("basic"), root, { recursive: true });
  const port = String(20000 + (process.pid % 20000));
  // Its own process group, so that Ctrl+C reaches the server and the search indexer it starts, as in a terminal.
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", port, "--output", output], {
    cwd: REPO,
    // The server shows its address only once its file watcher has listed the content folders
    // (lib/orchestration/dev-server.ts, `watcherListed`): a deletion made as soon as it is shown is seen.
    env: { ...process.env, ARCHIVE_ROOT: root, SITE_URL: "https://example.org/" },
    detached: true,
  });
  let log = "";
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
  try {
    const page = join(output, "essays/policy-notes/3.html");
    await expect.poll(() => log.includes("Server at") && existsSync(page), { timeout: 60_000 }).toBe(true);

    for (const download of ["3.bib", "3.ris", "3.json"]) expect(existsSync(join(output, "essays/policy-notes", download)), download).toBe(true);
    // The search index, made in the background after the first build: each language's shard.
    const shardsFile = join(output, "pagefind/shards.json");
    await expect.poll(() => existsSync(shardsFile), { timeout: 60_000 }).toBe(true);
    const shardsBefore = JSON.parse(await readFile(shardsFile, "utf8")) as ShardsFile;
    const japanese = join(output, "pagefind", shardsBefore.languages.ja!.shards[0]!.path, "pagefind-entry.json");
    const japaneseWritten = (await stat(japanese)).mtimeMs;
    await rm(join(root, "src/essays/3-semiconductor-supply-chains.md"));
    // The rebuild writes the pages, removes what the archive no longer has, then writes the sitemap: each
    // wait below waits for the very file it then reads, whatever the order and however busy the machine.
    // Read whole: a file being written may be empty or cut short for a moment, so a reading counts only
    // when it still has what stays (another essay's entry) and no longer has what went.
    const without = async (file: string, stays: string, went: string) => {
      const text = await readFile(join(output, file), "utf8").catch(() => "");
      return text.includes(stays) && !text.includes(went);
    };
    await expect.poll(() => existsSync(page), { timeout: 60_000 }).toBe(false);
    for (const download of ["3.bib", "3.ris", "3.json"]) {
      await expect.poll(() => existsSync(join(output, "essays/policy-notes", download)), { timeout: 60_000, message: download }).toBe(false);
    }
    await expect.poll(() => without("index.html", "policy-notes/2.html", "policy-notes/3.html"), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => without("sitemap.xml", "policy-notes/2.html", "policy-notes/3.html"), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => without("authors/ada-okafor.html", "</html>", "Semiconductor"), { timeout: 60_000 }).toBe(true);
    // The search index is made again after the pages, in the background: three English essays, not four.
    const indexed = async () =>
      (JSON.parse(await readFile(join(output, "pagefind/shards.json"), "utf8")) as ShardsFile).languages.en!.shards.reduce(
        (sum, shard) => sum + shard.pages,
        0,
      );
    await expect.poll(indexed, { timeout: 60_000 }).toBe(3);
    // Only the shard the deletion touched was indexed again: the Japanese one is the same, untouched.
    const shardsAfter = JSON.parse(await readFile(shardsFile, "utf8")) as ShardsFile;
    expect(shardsAfter.languages.ja).toEqual(shardsBefore.languages.ja);
    expect(shardsAfter.languages.en!.shards[0]!.path).not.toBe(shardsBefore.languages.en!.shards[0]!.path);
    expect((await stat(japanese)).mtimeMs).toBe(japaneseWritten);
    // The old English shard goes once the new list is written (a reader holding the old list could still use it until then).
    await expect.poll(() => existsSync(join(output, "pagefind", shardsBefore.languages.en!.shards[0]!.path)), { timeout: 60_000 }).toBe(false);
  } catch (error) {
    // What the server said is what tells why a wait ran out.
    throw new Error(`${(error as Error).message}\nThe dev server said:\n${log}`);
  } finally {
    process.kill(-server.pid!, "SIGINT");
  }
  expect(await exited, log).toBe(0);
});
