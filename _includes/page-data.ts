import type { ReferencePool } from "../lib/cite/references-pool.ts";
import type { Archive } from "../lib/content/model.ts";

/** What every page template is handed: the archive, and the essays' formatted references. */
export interface PageData {
  archive: Archive;
  citations: ReferencePool;
}
