import type { Author } from "../lib/content/model.ts";
import { Link } from "./here.tsx";

/**
 * Author names in byline order, each linking to the author's page: "A", "A and B", "A, B and C".
 * With `filter`, each name is also a value of that Pagefind filter.
 */
export function Byline({ authors, filter }: { authors: Author[]; filter?: string }) {
  return (
    <>
      {authors.map((author, i) => (
        <>
          {i > 0 && (i === authors.length - 1 ? " and " : ", ")}
          <Link to={author.path} data-pagefind-filter={filter}>
            {author.name}
          </Link>
        </>
      ))}
    </>
  );
}
