import type { EssayItemView } from "../lib/views/listing.ts";
import { Byline } from "./Byline.tsx";
import { Link } from "./here.tsx";
import { Time } from "./Time.tsx";
import { usePage } from "./page-context.tsx";

interface EssayListProps {
  essays: readonly EssayItemView[];
  ordered?: boolean;
  /** Whether each label names the series ("Policy Notes No.2") or, on a series' own page, only the number. */
  series?: boolean;
}

/**
 * A list of essays: series and number, title, authors, date (and the summary, where the item has one). Kept
 * lean: a year or series page holds hundreds of these.
 */
export function EssayList({ essays, ordered = false, series = true }: EssayListProps) {
  const { words } = usePage();
  const items = essays.map((essay) => (
    <li class="essay-item">
      <span class="essay-label">
        {series ? words.text("essay.label", { series: essay.series, number: essay.number }) : words.text("essay.number", { number: essay.number })}
      </span>{" "}
      <Link to={essay.path} class="essay-title" lang={essay.lang}>
        {essay.title}
      </Link>{" "}
      <span class="essay-meta">
        <Byline credits={essay.credits} />
        {words.text("list.comma")}
        <Time date={essay.date} />
      </span>
      {essay.summary && (
        <span class="essay-summary" lang={essay.lang}>
          {" "}
          {essay.summary}
        </span>
      )}
    </li>
  ));
  return ordered ? <ol class="essay-list">{items}</ol> : <ul class="essay-list">{items}</ul>;
}
