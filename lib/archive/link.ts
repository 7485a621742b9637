// Links validated records and essays into the model templates use (lib/archive/model.ts), after checking
// the rules that span files. Pure: the same records and sources give the same archive. Each list is sorted
// once here, so no page has to scan the archive.
import { byFamilyName } from "./browse.ts";
import { yearOf } from "../content/dates.ts";
import type { RenderedBody } from "../bodies/markdown.ts";
import { Archive, Author, Essay, Series, Year, type ArchiveRecords } from "./model.ts";
import type { Problem } from "../content/problems.ts";
import type { EssaySource } from "../content/read.ts";
import type { SiteRecord } from "../content/schema/index.ts";
import { isLanguage } from "../content/languages.ts";
import { byCodePoint, collatorFor } from "../content/order.ts";
import { makeTrees } from "./trees.ts";

/** A series number belongs to one essay: every file after the first that claims it is a problem. */
export function withoutDuplicates(essays: EssaySource[], problems: Problem[]): EssaySource[] {
  const seen = new Map<string, string>();
  return essays.filter(({ file, frontMatter: fm }) => {
    const key = `${fm.series}#${fm.number}`;
    const other = seen.get(key);
    if (other) problems.push({ file, where: "number", message: `${fm.series} No.${fm.number} is also ${other}` });
    else seen.set(key, file);
    return !other;
  });
}

/**
 * An essay's translations share its `translationKey`, each in another language. A key no other essay has
 * (a translation not yet added, or a misspelt key) and two essays in one language under one key are
 * problems; the essays whose key is wrong are left out of the pairing, not out of the archive.
 */
export function checkTranslations(essays: EssaySource[], siteLanguage: string, problems: Problem[]): void {
  const byKey = new Map<string, EssaySource[]>();
  for (const essay of essays) {
    const key = essay.frontMatter.translationKey;
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), essay]);
  }
  for (const [key, group] of byKey) {
    if (group.length === 1) {
      problems.push({
        file: group[0]!.file,
        where: "translationKey",
        message: `no other essay has the translationKey "${key}" (is its translation missing, or the key misspelt?)`,
      });
      continue;
    }
    const seen = new Map<string, string>();
    for (const { file, frontMatter } of group) {
      const lang = frontMatter.lang ?? siteLanguage;
      const other = seen.get(lang);
      if (other)
        problems.push({ file, where: "translationKey", message: `"${key}" pairs it with ${other}, also in "${lang}": a translation is in another language` });
      else seen.set(lang, file);
    }
  }
}

/**
 * site.json's `url`, or the one given for this deployment: the SITE_URL the command read and checked once
 * (lib/commands/args.ts, `checkSiteUrl`), as the schema writes it.
 */
export function withSiteUrl(site: SiteRecord, siteUrl: string | undefined): SiteRecord {
  return siteUrl === undefined || siteUrl === "" ? site : { ...site, url: siteUrl };
}

/** site.json's other languages must be other than its own. */
export function checkLanguages(site: SiteRecord, problems: Problem[]): void {
  for (const lang of Object.keys(site.languages ?? {})) {
    if (isLanguage(site.language, lang)) {
      problems.push({
        file: "_data/site.json",
        where: `languages.${lang}`,
        message: `is the site's own language ("language": "${site.language}"): its pages are the site's, with its title and description`,
      });
    }
  }
}

// Dates and ids by code point, titles in English's collation: the same order on every machine (lib/content/order.ts).
const byNewest = (a: Essay, b: Essay): number => byCodePoint(b.date, a.date) || byCodePoint(a.series.id, b.series.id) || b.number - a.number;
const titles = collatorFor("en");

/** The archive from valid records and essays whose ids were checked against them. */
export function linkArchive(records: ArchiveRecords, sources: EssaySource[], render: (source: EssaySource) => RenderedBody): Archive {
  const { site } = records;
  const authors = new Map(Object.entries(records.authors).map(([id, r]) => [id, new Author(id, r)]));
  const series = new Map(Object.entries(records.series).map(([id, r]) => [id, new Series(id, r)]));
  const essays = sources.map((source) => {
    const fm = source.frontMatter;
    const credits = fm.authors.map(({ id, bio, affiliation }) => {
      const author = authors.get(id)!;
      return { author, bio: bio ?? author.bio, affiliation: affiliation ?? author.affiliation };
    });
    const origin = { file: source.file, slug: source.slug, figures: Object.keys(source.figures), ...render(source) };
    return new Essay(fm, origin, { year: yearOf(fm.date), lang: fm.lang ?? site.language }, series.get(fm.series)!, credits);
  });

  essays.sort(byNewest);
  const years = new Map<number, Essay[]>();
  for (const essay of essays) {
    essay.series.essays.push(essay);
    for (const author of essay.authors) author.essays.push(essay);
    const year = years.get(essay.year);
    if (year) year.push(essay);
    else years.set(essay.year, [essay]);
  }
  const byKey = new Map<string, Essay[]>();
  for (const essay of essays) if (essay.translationKey) byKey.set(essay.translationKey, [...(byKey.get(essay.translationKey) ?? []), essay]);
  for (const group of byKey.values()) {
    for (const essay of group) essay.translations = group.filter((e) => e !== essay).sort((a, b) => byCodePoint(a.lang, b.lang));
  }
  for (const s of series.values()) {
    s.essays.sort((a, b) => a.number - b.number);
    s.essays.forEach((essay, i) => {
      essay.prev = s.essays[i - 1];
      essay.next = s.essays[i + 1];
    });
  }
  const archive = new Archive(
    records,
    essays,
    byFamilyName([...authors.values()], site.language),
    [...series.values()].sort((a, b) => titles.compare(a.title, b.title) || byCodePoint(a.id, b.id)),
    [...years.entries()].map(([year, list]) => new Year(year, list)),
    [...new Set([site.language, ...essays.map((e) => e.lang)])],
  );
  archive.trees = makeTrees(archive);
  return archive;
}
