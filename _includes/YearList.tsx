import { Link } from "./here.tsx";

/** Every year with essays, newest first, as a row of links (the home page; years.html has the counts). */
export function YearList({ years }: { years: readonly { year: number; path: string }[] }) {
  return (
    <ul class="jump-list-items year-chips">
      {years.map((year) => (
        <li>
          <Link to={year.path} class="year-link">
            {year.year}
          </Link>
        </li>
      ))}
    </ul>
  );
}
