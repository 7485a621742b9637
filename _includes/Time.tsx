import type { JSX } from "preact";
import { displayDate } from "../lib/pages/dates.ts";

/** `<time datetime="2014-08-01">1 August 2014</time>`, with any further attributes given. */
export function Time({ date, ...rest }: { date: string } & Omit<JSX.HTMLAttributes<HTMLTimeElement>, "dateTime">) {
  return (
    <time datetime={date} {...rest}>
      {displayDate(date)}
    </time>
  );
}
