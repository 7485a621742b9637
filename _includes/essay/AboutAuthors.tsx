import type { EssayLinkView, EssayPageView } from "../../lib/views/essay.ts";
import { Link } from "../here.tsx";
import { usePage } from "../page-context.tsx";

/** Each author as printed with this essay: the bio and affiliation of the day, else the record's; and a link to all their essays. */
export function AboutAuthors({ credits }: { credits: EssayPageView["credits"] }) {
  const { words } = usePage();
  return (
    <section class="about-authors" aria-labelledby="about-authors">
      <h2 id="about-authors">{words.count("essay.aboutAuthor", credits.length)}</h2>
      {credits.map(({ name, path, bio, affiliation }) => (
        <div class="bio">
          {bio ? <p>{bio}</p> : <p>{name}</p>}
          {affiliation && !bio?.includes(affiliation) && <p class="credit-affiliation">{affiliation}</p>}
          <p>
            <Link to={path}>{words.text("essay.allBy", { name })}</Link>
          </p>
        </div>
      ))}
    </section>
  );
}

/**
 * The essays just newer and just older by each author, as the author's page orders them. No count and no
 * "newest" list: those would change every page of a prolific author with each new essay (lib/views/essay.ts).
 */
export function MoreBy({ moreBy }: { moreBy: EssayPageView["moreBy"] }) {
  const { words } = usePage();
  if (moreBy.length === 0) return null;
  const item = (dir: "essay.newer" | "essay.older", e: EssayLinkView) => (
    <li>
      <span class="more-by-dir">{words.text(dir)}</span>{" "}
      <Link to={e.path} lang={e.lang}>
        {e.title}
      </Link>{" "}
      <span class="count">({words.text("essay.label", { series: e.series, number: e.number })})</span>
    </li>
  );
  return (
    <section class="more-by" aria-labelledby="more-by">
      <h2 id="more-by">{words.text("essay.moreBy", { names: words.list(moreBy.map((m) => m.name)).join("") })}</h2>
      {moreBy.map(({ name, newer, older }) => (
        <ul aria-label={moreBy.length > 1 ? name : undefined}>
          {newer && item("essay.newer", newer)}
          {older && item("essay.older", older)}
        </ul>
      ))}
    </section>
  );
}
