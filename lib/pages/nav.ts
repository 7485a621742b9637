// The site menu, and which of its sections a page belongs to (for aria-current).
import type { TextKey } from "../words/strings.ts";
import { paths } from "../paths/urls.ts";

export const NAV = [
  { label: "Archive", to: paths.home, words: "nav.archive" },
  { label: "Years", to: paths.years, words: "nav.years" },
  { label: "Authors", to: paths.authors, words: "nav.authors" },
  { label: "Series", to: paths.seriesIndex, words: "nav.series" },
  { label: "Search", to: paths.search, words: "nav.search" },
] as const satisfies readonly { label: string; to: string; words: TextKey }[];

export type Section = (typeof NAV)[number]["label"];

/** The folder a kind of page lives in: "essays/", "authors/". */
const folderOf = (path: string) => path.slice(0, path.indexOf("/") + 1);
const FOLDERS = {
  essays: folderOf(paths.essay("s", 1)),
  years: folderOf(paths.year(2000)),
  authors: folderOf(paths.author("a")),
  series: folderOf(paths.series("s")),
};

/**
 * The menu section a page belongs to: the home page and essays are the "Archive", author pages "Authors",
 * series pages "Series", year pages "Years". Undefined for pages outside every section (404).
 */
export function sectionOf(path: string): Section | undefined {
  if (path === paths.home || path.startsWith(FOLDERS.essays)) return "Archive";
  if (path === paths.years || path.startsWith(FOLDERS.years)) return "Years";
  if (path === paths.authors || path.startsWith(FOLDERS.authors)) return "Authors";
  if (path === paths.seriesIndex || path.startsWith(FOLDERS.series)) return "Series";
  if (path === paths.search) return "Search";
  return undefined;
}
