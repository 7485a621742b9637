// The dev server's clean-up after a change that rewrote every page (lib/pages/outdated.ts): what the
// archive no longer makes goes, with the folders that leaves empty; everything else stays.
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputFile, removeOutdated } from "../../lib/pages/outdated.ts";
import { tempDir } from "../helpers/scratch.ts";

async function files(root: string, list: string[]): Promise<void> {
  for (const path of list) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), path);
  }
}

describe("removing what the archive no longer makes", () => {
  it("maps Eleventy's page URLs to the files they are written to", () => {
    expect(["/", "/feed.xml", "/years/2021-page-2.html", "/ja/", "/authors/%C3%A9mile.html"].map(outputFile)).toEqual([
      "index.html",
      "feed.xml",
      "years/2021-page-2.html",
      "ja/index.html",
      "authors/émile.html",
    ]);
  });

  it("removes the pages, feeds and downloads not made now, and the folders left empty", async () => {
    const output = await tempDir("outdated-");
    const current = ["index.html", "feed.xml", "years/2021.html", "essays/notes/1.html", "essays/notes/1.bib", "essays/notes/1.ris", "essays/notes/1.json"];
    const outdated = [
      "years/2021-page-2.html",
      "essays/notes/2.html",
      "essays/notes/2.bib",
      "essays/notes/2.ris",
      "essays/notes/2.json",
      "ja/index.html",
      "ja/feed.xml",
      "ja/years/2021.html",
    ];
    // Not the content's: written again after every change, or not pages at all.
    const others = [
      "sitemap.xml",
      "robots.txt",
      "assets/site.css",
      "assets/search.js",
      "figures/chart.png",
      "pagefind/shards.json",
      "pagefind/offline/pagefind.js.js",
    ];
    await files(output, [...current, ...outdated, ...others]);

    const removed = removeOutdated(output, new Set(current));

    expect(removed.sort()).toEqual([...outdated].sort());
    for (const path of [...current, ...others]) expect(existsSync(join(output, path)), path).toBe(true);
    expect(existsSync(join(output, "ja"))).toBe(false);
    expect((await readdir(join(output, "essays/notes"))).sort()).toEqual(["1.bib", "1.html", "1.json", "1.ris"]);
  });
});
