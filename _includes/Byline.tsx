import type { Credit } from "../lib/archive/model.ts";
import { Link } from "./here.tsx";
import { usePage } from "./page-context.tsx";

/**
 * Author names in byline order, each linking to the author's page: "A", "A and B", "A, B and C".
 * With `affiliations`, each name is followed by the affiliation printed with the essay. With `filter`, each
 * name is also a value of that Pagefind filter.
 */
export function Byline({ credits, filter, affiliations = false }: { credits: Credit[]; filter?: string; affiliations?: boolean }) {
  const { words, lang, tree } = usePage();
  const names = credits.map(({ author, affiliation }) => (
    <>
      <Link to={tree.authorView(author).path} data-pagefind-filter={filter}>
        {author.nameIn(lang)}
      </Link>
      {affiliations && affiliation && <span class="credit-affiliation"> ({affiliation})</span>}
    </>
  ));
  return <>{words.list(names)}</>;
}
