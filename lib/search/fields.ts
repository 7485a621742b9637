// What search knows about an essay beyond its body text, named once: the filters and sorts each essay's
// search document tags (data-pagefind-filter, data-pagefind-sort in ./document.tsx) and the choices the search
// page offers (src/search.11ty.tsx, read at run time by assets/search.js). Each filter's name is also its
// URL parameter: `search.html?q=quota&author=Ben+Takeda&year=2020&sort=newest`.
// https://pagefind.app/docs/filtering/ https://pagefind.app/docs/sorts/

/** Pagefind filters, in the order the search page lists them. */
export const SEARCH_FILTERS = ["author", "year", "series", "topic"] as const;

export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The sort orders of the search page: the `sort` URL value (its label is in lib/words/) and Pagefind's sort ("key:direction"). */
export const SEARCH_SORTS = [
  { value: "relevance", sort: "" },
  { value: "newest", sort: "date:desc" },
  { value: "oldest", sort: "date:asc" },
  { value: "number", sort: "number:asc" },
] as const;

/**
 * The names of an essay's authors as its search result shows them ("A", "A and B", "A, B and C"): the
 * `authors` metadata, without the affiliations the byline prints.
 */
export function authorNames(names: readonly string[]): string {
  if (names.length < 2) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
