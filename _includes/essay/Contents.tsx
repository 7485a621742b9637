import type { Heading } from "../../lib/bodies/markdown.ts";
import { usePage } from "../page-context.tsx";

/** A table of contents, for an essay with two or more section headings. */
export function Contents({ headings }: { headings: Heading[] }) {
  if (headings.length < 2) return null;
  return (
    <nav class="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">{usePage().words.text("essay.contents")}</h2>
      <ol>
        {headings.map((h) => (
          <li class={`toc-level-${h.level}`}>
            <a href={`#${h.id}`}>{h.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
