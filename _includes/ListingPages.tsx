// The pages of a long listing (a year's or an author's essays, lib/pages/browse.ts: LISTING_PAGE_ESSAYS):
// a link to each, the current one marked. Nothing when the listing fits on one page.
import { Link } from "./here.tsx";

export function ListingPages({ page, pages, pathOf }: { page: number; pages: number; pathOf: (page: number) => string }) {
  if (pages < 2) return null;
  return (
    <nav class="listing-pages" aria-label="Pages of this list">
      <ol>
        {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
          <li>
            <Link to={pathOf(n)} aria-current={n === page ? "page" : undefined} rel={n === page - 1 ? "prev" : n === page + 1 ? "next" : undefined}>
              <span class="visually-hidden">Page </span>
              {n}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** ", page 2 of 3": in the title of every page after the first, and (`always`) beside a long listing's count. */
export const pageOf = (page: number, pages: number, always = false) => (page > 1 || (always && pages > 1) ? `, page ${page} of ${pages}` : "");
