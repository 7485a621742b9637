import type { CreditView } from "../lib/views/essay.ts";
import { Link } from "./here.tsx";
import { usePage } from "./page-context.tsx";

/**
 * Author names in byline order, each linking to the author's page: "A", "A and B", "A, B and C".
 * With `affiliations`, each name is followed by the affiliation printed with the essay.
 */
export function Byline({ credits, affiliations = false }: { credits: readonly CreditView[]; affiliations?: boolean }) {
  const { words } = usePage();
  const names = credits.map(({ name, path, affiliation }) => (
    <>
      <Link to={path}>{name}</Link>
      {affiliations && affiliation && <span class="credit-affiliation"> ({affiliation})</span>}
    </>
  ));
  return <>{words.list(names)}</>;
}
