import type { Archive } from "../lib/content/model.ts";
import { pathFromPageUrl } from "../lib/pages/urls.ts";

/** What Eleventy hands every page template: the archive (one global data value) and the page. */
export interface PageData {
  archive: Archive;
  page: { url: string };
}

/** The page's archive path, from the permalink Eleventy wrote it to. */
export function pagePath(data: PageData): string {
  return pathFromPageUrl(data.page.url);
}
