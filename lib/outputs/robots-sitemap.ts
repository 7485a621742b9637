// robots.txt, and sitemap.xml listing every page in the output folder (lib/pages/sitemap.ts): after the
// kinds that write pages, since it reads the folder. A sitemap needs absolute URLs: none without the site's address.
import { essayAlternates } from "../archive/browse.ts";
import { writeRobots, writeSitemap } from "../pages/sitemap.ts";
import { timedAsync } from "../runtime/timings.ts";
import type { OutputKind } from "./kind.ts";

export const robotsAndSitemap = {
  name: "robotsAndSitemap",
  writes: "robots.txt, and sitemap.xml when the site has an address",
  modes: ["build", "dev"],
  async afterPages({ output, archive }) {
    const url = archive.site.url;
    await writeRobots(output, url);
    if (url) await timedAsync("sitemap", () => writeSitemap(output, url, essayAlternates(archive)), "eleventy");
    else warnOnce("No site URL (site.json `url` or SITE_URL): no canonical, og:url or citation URL, Atom feed or sitemap.");
  },
} satisfies OutputKind<"robotsAndSitemap", void, void>;

let warned = false;
function warnOnce(message: string): void {
  if (!warned) console.warn(`[archive] ${message}`);
  warned = true;
}
