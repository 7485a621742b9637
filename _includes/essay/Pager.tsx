import type { EssayPageView } from "../../lib/views/essay.ts";
import { Link } from "../here.tsx";
import { usePage } from "../page-context.tsx";

/**
 * Previous and next essay by number in the series; near the top and at the end. It shows nothing of the
 * series as a whole (how many essays it has here, where this one stands): an essay's page changes only
 * when it or its neighbours do, so the next build writes it from the cache (lib/views/essay.ts).
 */
export function Pager({ view, top = false }: { view: Pick<EssayPageView, "pager" | "series">; top?: boolean }) {
  const { prev, next } = view.pager;
  const { words } = usePage();
  const title = view.series.title;
  return (
    <nav class={top ? "pager pager-top" : "pager"} aria-label={words.text(top ? "pager.byNumber" : "pager.moreFrom", { series: title })}>
      {prev && (
        <Link to={prev.path} rel="prev">
          <span class="pager-dir">{words.text("pager.previous")}</span> {words.text("essay.number", { number: prev.number })}
          {!top && `: ${prev.title}`}
        </Link>
      )}
      {next && (
        <Link to={next.path} rel="next">
          <span class="pager-dir">{words.text("pager.next")}</span> {words.text("essay.number", { number: next.number })}
          {!top && `: ${next.title}`}
        </Link>
      )}
    </nav>
  );
}
