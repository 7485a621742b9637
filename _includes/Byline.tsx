import type { Author } from "../lib/model.ts";
import { Link } from "./here.tsx";

/** Author names in byline order, each linking to the author's page: "A", "A and B", "A, B and C". */
export function Byline({ authors }: { authors: Author[] }) {
  return (
    <>
      {authors.map((author, i) => (
        <>
          {i > 0 && (i === authors.length - 1 ? " and " : ", ")}
          <Link to={author.path}>{author.name}</Link>
        </>
      ))}
    </>
  );
}
