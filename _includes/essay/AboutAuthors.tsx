import type { Essay } from "../../lib/archive/model.ts";
import { moreBy } from "../../lib/archive/browse.ts";
import { essayLabel } from "../../lib/words/strings.ts";
import { Link } from "../here.tsx";
import { usePage } from "../page-context.tsx";

/** Each author as printed with this essay: the bio and affiliation of the day, else the record's. */
export function AboutAuthors({ essay }: { essay: Essay }) {
  const { words, lang, tree } = usePage();
  return (
    <section class="about-authors" aria-labelledby="about-authors">
      <h2 id="about-authors">{words.count("essay.aboutAuthor", essay.credits.length)}</h2>
      {essay.credits.map(({ author, bio, affiliation }) => (
        <div class="bio">
          {bio ? <p>{bio}</p> : <p>{author.nameIn(lang)}</p>}
          {affiliation && !bio?.includes(affiliation) && <p class="credit-affiliation">{affiliation}</p>}
          <p>
            <Link to={tree.authorView(author).path}>{words.text("essay.allBy", { name: author.nameIn(lang) })}</Link> ({tree.authorView(author).essays.length})
          </p>
        </div>
      ))}
    </section>
  );
}

/** A few more essays by each author, newest first. */
export function MoreBy({ essay }: { essay: Essay }) {
  const lists = essay.authors.map((author) => ({ author, essays: moreBy(author, essay) })).filter((l) => l.essays.length > 0);
  const { words, lang } = usePage();
  if (lists.length === 0) return null;
  return (
    <section class="more-by" aria-labelledby="more-by">
      <h2 id="more-by">{words.text("essay.moreBy", { names: words.list(lists.map((l) => l.author.nameIn(lang))).join("") })}</h2>
      {lists.map(({ essays }) => (
        <ul>
          {essays.map((e) => (
            <li>
              <Link to={e.path} lang={e.lang}>
                {e.title}
              </Link>{" "}
              <span class="count">({essayLabel(words, e, lang)})</span>
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}
