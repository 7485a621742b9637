import { paths } from "../lib/pages/urls.ts";
import { useHref } from "./here.tsx";

/**
 * A plain form that opens the search page with the query in its address (`search.html?q=…`), which the
 * search page reads: no script on this page.
 */
export function SearchForm({ id }: { id: string }) {
  const href = useHref();
  return (
    <form class="quick-search" action={href(paths.search)} method="get" role="search" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} for={id}>
        Search the full text of every essay
      </label>
      <span class="quick-search-row">
        <input id={id} type="search" name="q" />
        <button type="submit">Search</button>
      </span>
    </form>
  );
}
