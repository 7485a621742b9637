// Loads the whole archive: reads and validates every file (lib/read.ts), checks the rules that span
// files, and links the records into the model templates use. Each list is sorted once here, so no
// page has to scan the archive.
import { yearOf } from "../pages/dates.ts";
import { createMarkdown } from "../pages/markdown.ts";
import { Archive, Author, Essay, Series, Year, type Stale } from "./model.ts";
import { ContentError, type Problem } from "./problems.ts";
import { readRecords, type EssaySource, type ReadOptions } from "./read.ts";
import { SiteSchema, type SiteRecord } from "./schema.ts";

export interface LoadOptions extends ReadOptions {
  /** Overrides site.json's `url` for a deployment (the SITE_URL environment variable). */
  siteUrl?: string;
}

/** A series number belongs to one essay: every file after the first that claims it is a problem. */
function withoutDuplicates(essays: EssaySource[], problems: Problem[]): EssaySource[] {
  const seen = new Map<string, string>();
  return essays.filter(({ file, frontMatter: fm }) => {
    const key = `${fm.series}#${fm.number}`;
    const other = seen.get(key);
    if (other) problems.push({ file, where: "number", message: `${fm.series} No.${fm.number} is also ${other}` });
    else seen.set(key, file);
    return !other;
  });
}

function withSiteUrl(site: SiteRecord, siteUrl: string | undefined, problems: Problem[]): SiteRecord {
  if (siteUrl === undefined || siteUrl === "") return site;
  const parsed = SiteSchema.shape.url.safeParse(siteUrl);
  if (!parsed.success) {
    problems.push({ file: "SITE_URL (environment)", message: parsed.error.issues[0]?.message ?? "is not valid" });
    return site;
  }
  return { ...site, url: parsed.data };
}

// Kept between loads in one process, for the dev server's rebuilds: each body rendered so far (keyed
// by its parsed source, which lib/read.ts reuses while the file is unchanged), and the last load's essays.
const renderedBodies = new WeakMap<EssaySource, string>();
let lastLoad = new Map<string, Essay>();

const byNewest = (a: Essay, b: Essay): number =>
  b.fields.date.localeCompare(a.fields.date) ||
  a.series.id.localeCompare(b.series.id) ||
  b.fields.number - a.fields.number;

export async function loadArchive(root: string, options: LoadOptions = {}): Promise<Archive> {
  const records = await readRecords(root, options);
  const problems = records.problems;
  const sources = withoutDuplicates(records.essays, problems);
  const site = records.site && withSiteUrl(records.site, options.siteUrl, problems);
  if (problems.length > 0 || !site || !records.authors || !records.series) throw new ContentError(problems);
  const { authors: authorRecords, series: seriesRecords } = records;

  const authors = new Map(Object.entries(authorRecords).map(([id, r]) => [id, new Author(id, r)]));
  const series = new Map(Object.entries(seriesRecords).map(([id, r]) => [id, new Series(id, r)]));
  const md = createMarkdown();
  const edited = new Set<string>();
  const essays = sources.map((source) => {
    const { file, slug, frontMatter: fm, body } = source;
    let html = renderedBodies.get(source);
    if (html === undefined) {
      html = md.render(body);
      renderedBodies.set(source, html);
      edited.add(file);
    }
    const essay = new Essay(
      {
        file,
        slug,
        title: fm.title,
        number: fm.number,
        date: fm.date,
        year: yearOf(fm.date),
        lang: fm.lang ?? site.language,
        summary: fm.summary,
        topics: fm.topics ?? [],
        html,
      },
      series.get(fm.series)!,
      fm.authors.map((id) => authors.get(id)!),
    );
    return essay;
  });

  essays.sort(byNewest);
  const years = new Map<number, Essay[]>();
  for (const essay of essays) {
    essay.series.essays.push(essay);
    for (const author of essay.authors) author.essays.push(essay);
    const list = years.get(essay.fields.year) ?? [];
    list.push(essay);
    years.set(essay.fields.year, list);
  }
  for (const s of series.values()) {
    s.essays.sort((a, b) => a.fields.number - b.fields.number);
    s.essays.forEach((essay, i) => {
      essay.prev = s.essays[i - 1];
      essay.next = s.essays[i + 1];
    });
  }
  const byText = (a: string, b: string) => a.localeCompare(b, "en");
  const authorList = [...authors.values()].sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
  const yearList = [...years.entries()].map(([year, list]) => new Year(year, list));
  const previous = lastLoad;
  lastLoad = new Map(essays.map((e) => [e.fields.file, e]));
  return new Archive(
    site,
    essays,
    authorList,
    [...series.values()].sort((a, b) => byText(a.title, b.title) || byText(a.id, b.id)),
    yearList,
    [...new Set([site.language, ...essays.map((e) => e.fields.lang)])],
    staleSince(previous, lastLoad, edited, { essays, authors: authorList, years: yearList }),
  );
}

/**
 * What an edit can have changed since the previous load in this process: in the dev server, after one
 * essay is edited, only its page, its neighbours', its authors' and its year's need writing again (the
 * home and index pages are always written). Anything else (a first load, a load that reuses nothing, a
 * record edited, an essay added or removed) makes every page stale.
 */
function staleSince(previous: Map<string, Essay>, current: Map<string, Essay>, edited: Set<string>, all: Stale): Stale {
  const sameFiles = previous.size === current.size && [...current.keys()].every((f) => previous.has(f));
  if (!sameFiles || edited.size === current.size) return all;
  const essays = new Set<Essay>();
  const authorIds = new Set<string>();
  const years = new Set<number>();
  for (const file of edited) {
    for (const version of [previous.get(file)!, current.get(file)!]) {
      for (const essay of [version, version.prev, version.next]) if (essay) essays.add(current.get(essay.fields.file)!);
      for (const author of version.authors) authorIds.add(author.id);
      years.add(version.fields.year);
    }
  }
  return {
    essays: [...essays],
    authors: all.authors.filter((a) => authorIds.has(a.id)),
    years: all.years.filter((y) => years.has(y.year)),
  };
}
