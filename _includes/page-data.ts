import type { Archive } from "../lib/content/model.ts";

/** What every page template is handed: the archive, Eleventy's one global data value. */
export interface PageData {
  archive: Archive;
}
