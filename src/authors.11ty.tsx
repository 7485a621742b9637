// The author index: by family name in the site language's order, in letter groups with an A–Z jump list
// (in a Japanese tree, in 五十音順 by the names' kana readings, in gojūon rows), each author with an
// affiliation and a count of essays.
import { Link } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { onePerTree, type PageData } from "../_includes/page-data.ts";
import { inTree, type Tree } from "../lib/archive/trees.ts";
import { groupByInitial, groupByKanaRow } from "../lib/archive/browse.ts";
import { isLanguage } from "../lib/content/languages.ts";
import { pageStrings } from "../lib/words/strings.ts";
import { paths } from "../lib/paths/urls.ts";
import { layoutView } from "../lib/views/layout.ts";

// One per tree of pages: the site language's, and each other language's under its prefix (lib/archive/trees.ts).
export const data = onePerTree(paths.authors);

export function render(data: PageData & { tree: Tree }) {
  const { archive, tree } = data;
  // In a Japanese tree, in 五十音順 by the names' readings; elsewhere A–Z by family name.
  const groups = isLanguage(tree.lang, "ja") ? groupByKanaRow(tree.authors, tree.lang) : groupByInitial(tree.authors);
  const words = pageStrings(archive.site, tree.lang);
  const other = words.text("authors.otherNames");
  return (
    <Layout layout={layoutView(archive, tree)} path={inTree(tree, paths.authors)} title={words.text("authors.title")}>
      <h1>{words.text("authors.title")}</h1>
      <p class="extent">{words.text("authors.extent", { count: words.count("count.authors", tree.authors.length) })}</p>
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
                <Link to={author.path}>{author.nameIn(tree.lang)}</Link>
                {author.affiliation && <span class="affiliation">, {author.affiliation}</span>}{" "}
                <span class="count">{words.count("count.essays", author.essays.length)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
