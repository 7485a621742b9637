// What a built archive says about itself, read from the built folder alone, so that packaging needs only
// what `npm run build` wrote: the home page's head (the site's title, description and language) and each
// essay's CSL-JSON record (`essays/<series>/<number>.json`, lib/cite/files.ts), which carries its date,
// publisher, series and language. A record that does not have the fields we read is named with its file.
import { Parser } from "htmlparser2";
import { z } from "zod";
import { paths } from "../paths/urls.ts";

export interface ArchiveFacts {
  /** The site's title (og:site_name, else <title>). */
  title: string;
  description?: string;
  /** The site's language (the home page's `lang`). */
  language: string;
  /** The languages essays are written in, the site's first, then by tag. */
  languages: string[];
  /** The series' publishers, by name. */
  publishers: string[];
  /** The series' titles, by name. */
  series: string[];
  essays: number;
  /** YYYY-MM-DD of the oldest and the newest essay. */
  firstDate: string;
  lastDate: string;
}

/** An essay's CSL-JSON record, as far as the package reads it. */
const cslRecord = z
  .tuple([
    z.object({
      issued: z.object({ "date-parts": z.tuple([z.tuple([z.number().int(), z.number().int(), z.number().int()])]) }),
      publisher: z.string().min(1),
      "collection-title": z.string().min(1),
      language: z.string().min(1).optional(),
    }),
  ])
  .transform(([item]) => ({
    date: item.issued["date-parts"][0].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, "0")).join("-"),
    publisher: item.publisher,
    series: item["collection-title"],
    language: item.language,
  }));
export type EssayRecord = z.output<typeof cslRecord>;

export interface HomePage {
  title?: string;
  description?: string;
  language?: string;
}

/** Whether a file of the built archive is an essay's CSL-JSON record (its path as lib/paths/urls.ts makes it). */
export function isEssayRecord(path: string): boolean {
  const match = /^essays\/([^/]+)\/(\d+)\.json$/.exec(path);
  return match !== null && paths.essayFile(match[1]!, Number(match[2]), ".json") === path;
}

/** An essay record's JSON text, checked; throws an Error naming the file and the field. */
export function parseEssayRecord(file: string, text: string): EssayRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  const result = cslRecord.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".") || "the record"}: ${issue.message}`);
  }
  return result.data;
}

/** The facts the home page's head carries. */
export function readHomePage(html: string): HomePage {
  const home: HomePage = {};
  let inTitle = false;
  let titleText = "";
  let ogTitle: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "html") home.language = attributes.lang || undefined;
        else if (name === "title") inTitle = true;
        else if (name === "meta" && attributes.property === "og:site_name") ogTitle = attributes.content;
        else if (name === "meta" && attributes.name === "description") home.description = attributes.content || undefined;
        else if (name === "body") parser.pause();
      },
      ontext(text) {
        if (inTitle) titleText += text;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  home.title = ogTitle?.trim() || titleText.trim() || undefined;
  return home;
}

/** The facts of a whole archive; throws an Error saying what is missing. */
export function archiveFacts(home: HomePage, essays: EssayRecord[]): ArchiveFacts {
  if (!home.title) throw new Error(`${paths.home} names no site (no og:site_name, no <title>)`);
  if (!home.language) throw new Error(`${paths.home} has no language (<html lang>)`);
  if (essays.length === 0) throw new Error(`no essay records (${paths.essayFile("<series>", 0, ".json").replace("0", "<number>")})`);
  const language = home.language;
  const dates = essays.map((e) => e.date).sort();
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  const others = sorted(essays.map((e) => e.language ?? language)).filter((l) => l !== language);
  return {
    title: home.title,
    description: home.description,
    language,
    languages: [language, ...others],
    publishers: sorted(essays.map((e) => e.publisher)),
    series: sorted(essays.map((e) => e.series)),
    essays: essays.length,
    firstDate: dates[0]!,
    lastDate: dates.at(-1)!,
  };
}
