import type { CreditView } from "../lib/views/essay.ts";
import { Link } from "./here.tsx";
import { usePage } from "./page-context.tsx";

/**
 * Author names in byline order, each linking to the author's page: "A", "A and B", "A, B and C".
 * With `affiliations`, each name is followed by the affiliation printed with the essay. With `filter`, each
 * name is also a value of that Pagefind filter.
 */
export function Byline({ credits, filter, affiliations = false }: { credits: readonly CreditView[]; filter?: string; affiliations?: boolean }) {
  const { words } = usePage();
  const names = credits.map(({ name, path, affiliation }) => (
    <>
      <Link to={path} data-pagefind-filter={filter}>
        {name}
      </Link>
      {affiliations && affiliation && <span class="credit-affiliation"> ({affiliation})</span>}
    </>
  ));
  return <>{words.list(names)}</>;
}
