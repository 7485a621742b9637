import type { Essay } from "../../lib/content/model.ts";
import { Link } from "../here.tsx";

/** Previous and next essay by number in the series, with where this one stands; near the top and at the end. */
export function Pager({ essay, top = false }: { essay: Essay; top?: boolean }) {
  const { prev, next, series } = essay;
  return (
    <nav class={top ? "pager pager-top" : "pager"} aria-label={top ? `${series.title}, by number` : `More from ${series.title}`}>
      <p class="pager-position">
        {essay.label}: {essay.position} of {series.essays.length} in this archive
      </p>
      {prev && (
        <Link to={prev.path} rel="prev">
          <span class="pager-dir">Previous</span> No.{prev.number}
          {!top && `: ${prev.title}`}
        </Link>
      )}
      {next && (
        <Link to={next.path} rel="next">
          <span class="pager-dir">Next</span> No.{next.number}
          {!top && `: ${next.title}`}
        </Link>
      )}
    </nav>
  );
}
