// An imported essay as the file an editor would have written: YAML front matter in docs/content.md's order,
// then the body as escaped plain-text paragraphs. The same input always gives the same bytes, so a
// re-import can tell "unchanged" by comparing text.
import yaml from "js-yaml";
import { isRealDate } from "../content/dates.ts";
import { toSlug } from "../content/slug.ts";
import { CONTENT } from "../paths/layout.ts";
import { escapeMarkdown } from "./plain-text.ts";

/** One author of the essay, with the bio as printed on this essay's page. */
export interface EssayCredit {
  id: string;
  bio?: string;
}

export interface EssayInput {
  title: string;
  /** The series id. */
  series: string;
  number: number;
  /** YYYY-MM-DD */
  date: string;
  authors: EssayCredit[];
  /** Plain text, one string per paragraph. */
  paragraphs: string[];
  /** The essay's language, where it is not the site's. */
  lang?: string;
  /** Only where they differ from the series record's. */
  disclaimer?: string;
  copyright?: string;
  /** The URL of the page the essay was imported from. */
  source?: string;
}

/** `src/essays/<number>-<slug>.md`; a title with no ASCII letters or digits to slug gets "essay". */
export function essayPath(number: number, title: string): string {
  return `${CONTENT.essays}/${number}-${toSlug(title) || "essay"}.md`;
}

/**
 * A string as one YAML scalar on one line, quoted only when it must be. Quoting follows js-yaml's default
 * schema, which quotes more than the core schema the site reads with (a title "2014-08-01" is quoted, so
 * no YAML reader takes it for a date); a multi-line string is written as a JSON string, which is valid YAML.
 */
function scalar(value: string): string {
  const out = yaml.dump(value, { schema: yaml.DEFAULT_SCHEMA, lineWidth: -1 }).replace(/\n$/, "");
  return out.includes("\n") ? JSON.stringify(value) : out;
}

export function essayFile(input: EssayInput): { path: string; text: string } {
  // Callers pass parsed pages; these would only fail on a programming error, not on content.
  if (!Number.isInteger(input.number) || input.number < 1) throw new Error(`essay number must be a positive integer: ${input.number}`);
  if (!isRealDate(input.date)) throw new Error(`essay date must be a real YYYY-MM-DD day: ${input.date}`);
  const lines = [
    "---",
    `title: ${scalar(input.title)}`,
    `series: ${scalar(input.series)}`,
    `number: ${input.number}`,
    `date: ${input.date}`,
    "authors:",
    ...input.authors.flatMap((a) => (a.bio === undefined ? [`  - ${scalar(a.id)}`] : [`  - id: ${scalar(a.id)}`, `    bio: ${scalar(a.bio)}`])),
    ...(input.lang === undefined ? [] : [`lang: ${scalar(input.lang)}`]),
    ...(input.disclaimer === undefined ? [] : [`disclaimer: ${scalar(input.disclaimer)}`]),
    ...(input.copyright === undefined ? [] : [`copyright: ${scalar(input.copyright)}`]),
    ...(input.source === undefined ? [] : [`source: ${scalar(input.source)}`]),
    "---",
  ];
  const body = input.paragraphs.map(escapeMarkdown).filter((p) => p !== "");
  return { path: essayPath(input.number, input.title), text: `${lines.join("\n")}\n\n${body.join("\n\n")}\n` };
}
