import type { Essay } from "../lib/content/model.ts";
import { Byline } from "./Byline.tsx";
import { Link } from "./here.tsx";
import { Time } from "./Time.tsx";

/** A list of essays: series and number, title, authors, date. */
export function EssayList({ essays, ordered = false }: { essays: Essay[]; ordered?: boolean }) {
  const items = essays.map((essay) => (
    <li class="essay-item">
      <span class="essay-label">{essay.label}</span>{" "}
      <Link to={essay.path} class="essay-title" lang={essay.lang}>
        {essay.title}
      </Link>{" "}
      <span class="essay-meta">
        <Byline authors={essay.authors} />, <Time date={essay.date} />
      </span>
    </li>
  ));
  return ordered ? <ol class="essay-list">{items}</ol> : <ul class="essay-list">{items}</ul>;
}

/** "(3 essays)" */
export function EssayCount({ essays }: { essays: Essay[] }) {
  return (
    <span class="count">
      ({essays.length} essay{essays.length === 1 ? "" : "s"})
    </span>
  );
}
