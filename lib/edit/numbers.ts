// Each series' next free number: offered to a new essay (./config.ts), and named when a save is refused for
// a number already taken (./backend.ts).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import matter from "gray-matter";
import { frontMatterOptions, listEssays } from "../content/read.ts";

/** Each series' next free number (one more than its highest), in the order of series.json. */
export async function nextNumbers(root: string, seriesIds: string[]): Promise<Record<string, number>> {
  const highest = Object.fromEntries(seriesIds.map((id) => [id, 0]));
  for (const file of (await listEssays(root)).files) {
    try {
      const { series, number } = matter(await readFile(join(root, file), "utf8"), frontMatterOptions).data as { series?: unknown; number?: unknown };
      if (typeof series === "string" && typeof number === "number" && series in highest) highest[series] = Math.max(highest[series]!, number);
    } catch {
      // A file the build would refuse counts for nothing here; saving it is refused with the build's words.
    }
  }
  return Object.fromEntries(Object.entries(highest).map(([id, n]) => [id, n + 1]));
}
