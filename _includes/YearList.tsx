import type { Year } from "../lib/content/model.ts";
import { count } from "../lib/pages/browse.ts";
import { Link } from "./here.tsx";

/**
 * Every year with essays, newest first, each with its count: "2021 3 essays". `compact` (the home page)
 * shows the bare number (the word is there for screen readers).
 */
export function YearList({ years, compact = false }: { years: Year[]; compact?: boolean }) {
  return (
    <ol class={compact ? "year-list year-list-compact" : "year-list"}>
      {years.map((year) => (
        <li>
          <Link to={year.path} class="year-link">
            {year.year}
          </Link>{" "}
          {compact ? (
            <span class="count">
              {year.essays.length}
              <span class="visually-hidden"> {year.essays.length === 1 ? "essay" : "essays"}</span>
            </span>
          ) : (
            <span class="count">{count(year.essays.length)}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
