import type { JSX } from "preact";
import { usePage } from "./page-context.tsx";

/** `<time datetime="2014-08-01">1 August 2014</time>`, in the page's words, with any further attributes given. */
export function Time({ date, ...rest }: { date: string } & Omit<JSX.HTMLAttributes<HTMLTimeElement>, "dateTime">) {
  return (
    <time datetime={date} {...rest}>
      {usePage().words.date(date)}
    </time>
  );
}
