import { paths } from "../lib/paths/urls.ts";
import { inTree } from "../lib/archive/trees.ts";
import { useHref } from "./here.tsx";
import { usePage } from "./page-context.tsx";

/**
 * A plain form that opens the search page with the query in its address (`search.html?q=…`), which the
 * search page reads: no script on this page.
 */
export function SearchForm({ id }: { id: string }) {
  const href = useHref();
  const { words, tree } = usePage();
  return (
    <form class="quick-search" action={href(inTree(tree, paths.search))} method="get" role="search" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} for={id}>
        {words.text("searchForm.label")}
      </label>
      <span class="quick-search-row">
        <input id={id} type="search" name="q" />
        <button type="submit">{words.text("searchForm.button")}</button>
      </span>
    </form>
  );
}
