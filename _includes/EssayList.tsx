import type { Essay } from "../lib/archive/model.ts";
import { essayLabel } from "../lib/words/strings.ts";
import { Byline } from "./Byline.tsx";
import { Link } from "./here.tsx";
import { Time } from "./Time.tsx";
import { usePage } from "./page-context.tsx";

interface EssayListProps {
  essays: Essay[];
  ordered?: boolean;
  /** Whether each label names the series ("Policy Notes No.2") or, on a series' own page, only the number. */
  series?: boolean;
  /** Whether each essay's summary is shown (the home page). */
  summaries?: boolean;
}

/**
 * A list of essays: series and number, title, authors, date (and the summary, where asked). Kept lean: a
 * year or series page holds hundreds of these.
 */
export function EssayList({ essays, ordered = false, series = true, summaries = false }: EssayListProps) {
  const { words, lang } = usePage();
  const items = essays.map((essay) => (
    <li class="essay-item">
      <span class="essay-label">{series ? essayLabel(words, essay, lang) : words.text("essay.number", { number: essay.number })}</span>{" "}
      <Link to={essay.path} class="essay-title" lang={essay.lang}>
        {essay.title}
      </Link>{" "}
      <span class="essay-meta">
        <Byline credits={essay.credits} />
        {words.text("list.comma")}
        <Time date={essay.date} />
      </span>
      {summaries && essay.summary && (
        <span class="essay-summary" lang={essay.lang}>
          {" "}
          {essay.summary}
        </span>
      )}
    </li>
  ));
  return ordered ? <ol class="essay-list">{items}</ol> : <ul class="essay-list">{items}</ul>;
}

/** "(3 essays)" */
export function EssayCount({ essays }: { essays: Essay[] }) {
  return <span class="count">({usePage().words.count("count.essays", essays.length)})</span>;
}
