import type { CitationSource } from "../lib/cite/essay.ts";
import type { Archive } from "../lib/content/model.ts";

/** What every page template is handed: the archive, and its essays' citations. */
export interface PageData {
  archive: Archive;
  citations: CitationSource;
}
