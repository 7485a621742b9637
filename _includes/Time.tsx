import { displayDate } from "../lib/pages/dates.ts";

/** `<time datetime="2014-08-01">1 August 2014</time>` */
export function Time({ date }: { date: string }) {
  return <time datetime={date}>{displayDate(date)}</time>;
}
