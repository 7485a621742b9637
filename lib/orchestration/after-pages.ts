// What a build and the dev server both write once Eleventy has written the pages: the figures essays show,
// robots.txt, the sitemap of every page in the output, and the host configurations (lib/http/hosts.ts).
// Each mode adds its own (lib/orchestration/pages.ts, lib/orchestration/dev-server.ts).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Archive } from "../archive/model.ts";
import { essayAlternates } from "../archive/browse.ts";
import { copyFigures } from "../bodies/figures.ts";
import { writeRobots, writeSitemap } from "../pages/sitemap.ts";
import { hostFiles } from "../http/hosts.ts";
import { timedAsync } from "../runtime/timings.ts";

export async function writeArchiveFiles(root: string, output: string, archive: Archive): Promise<void> {
  await timedAsync("figures", () => copyFigures(root, output, archive), "eleventy");
  const url = archive.site.url;
  await writeRobots(output, url);
  await Promise.all(hostFiles(url).map(({ path, text }) => writeFile(join(output, path), text)));
  if (url) await timedAsync("sitemap", () => writeSitemap(output, url, essayAlternates(archive)), "eleventy");
  else warnOnce("No site URL (site.json `url` or SITE_URL): no canonical, og:url or citation URL, Atom feed or sitemap.");
}

let warned = false;
function warnOnce(message: string): void {
  if (!warned) console.warn(`[archive] ${message}`);
  warned = true;
}
