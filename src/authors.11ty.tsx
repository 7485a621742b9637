// The author index: by family name in the site language's order, in letter groups with an A–Z jump list
// (in a Japanese tree, in 五十音順 by the names' kana readings, in gojūon rows), each author with an
// affiliation and a count of essays. Rendered from its view alone (lib/views/listing.ts, `AuthorsView`).
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { listingsOf } from "../_includes/page-data.ts";
import { pageStrings } from "../lib/words/strings.ts";
import type { AuthorsView } from "../lib/views/listing.ts";

// One per tree of pages: the site language's, and each other language's under its prefix (lib/archive/trees.ts).
export const data = listingsOf("authors");

export function render({ view }: { view: AuthorsView }) {
  const { groups } = view;
  const words = pageStrings(view.layout.site, view.layout.tree.lang);
  const other = words.text("authors.otherNames");
  return (
    <Layout layout={view.layout} path={view.path} title={words.text("authors.title")}>
      <h1>{words.text("authors.title")}</h1>
      <p class="extent">{words.text("authors.extent", { count: words.count("count.authors", view.count) })}</p>
      {groups.length > 1 && (
        <nav class="jump-list letters" aria-label={words.text("authors.jump")}>
          <ul>
            {groups.map(({ letter, id }) => (
              <li>
                <a href={`#${id}`} aria-label={letter === "#" ? other : undefined}>
                  {letter}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {groups.map(({ letter, id, authors }) => (
        <section class="letter-group" aria-labelledby={id}>
          <h2 id={id}>{letter === "#" ? other : letter}</h2>
          <ul class="index-list author-list">
            {authors.map((author) => (
              <li>
                <Link to={author.path}>{author.name}</Link>
                {author.affiliation && <span class="affiliation">, {author.affiliation}</span>}{" "}
                <span class="count">{words.count("count.essays", author.count)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
