// The pages of a long listing (a year's or an author's essays, lib/archive/browse.ts: LISTING_PAGE_ESSAYS):
// a link to each, the current one marked. Nothing when the listing fits on one page.
import type { Strings } from "../lib/words/strings.ts";
import { Link } from "./here.tsx";
import { usePage } from "./page-context.tsx";

export function ListingPages({ page, pages, pathOf }: { page: number; pages: number; pathOf: (page: number) => string }) {
  const { words } = usePage();
  if (pages < 2) return null;
  return (
    <nav class="listing-pages" aria-label={words.text("listing.pages")}>
      <ol>
        {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
          <li>
            <Link to={pathOf(n)} aria-current={n === page ? "page" : undefined} rel={n === page - 1 ? "prev" : n === page + 1 ? "next" : undefined}>
              {words.parts("listing.page", { n: <>{n}</> }).map((part) => (typeof part === "string" ? <span class="visually-hidden">{part}</span> : part))}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** ", page 2 of 3": in the title of every page after the first, and (`always`) beside a long listing's count. */
export const pageOf = (words: Strings, page: number, pages: number, always = false) =>
  page > 1 || (always && pages > 1) ? words.text("listing.pageOf", { page, pages }) : "";
