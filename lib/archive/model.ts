// The archive as templates see it: validated records, linked to each other once, sorted once.
// Each class carries its record's fields as its own (`essay.title`, `series.publisher`), plus what is
// derived from them, so a new field in a schema reaches every template with no edit here.
// They are classes so that Eleventy's data cascade treats them as opaque values: they link to each other
// in cycles (essay → series → essays).
import type { RenderedBody } from "../bodies/markdown.ts";
import { inLanguage } from "../content/languages.ts";
import { paths } from "../paths/urls.ts";
import type { AuthorRecord, FrontMatter, SeriesRecord, SiteRecord } from "../content/schema/index.ts";
import type { Records } from "../content/read.ts";

/** The records an archive is linked from, as validated (site.json with the deployment's URL, if one was given). */
export type ArchiveRecords = Required<Pick<Records, "site" | "authors" | "series">>;

export interface Author extends Omit<AuthorRecord, "family" | "given"> {}
export class Author {
  /** Newest first. */
  readonly essays: Essay[] = [];
  readonly path: string;
  /** For sorting and citing: the record's, or the last word of the name. */
  readonly family: string;
  readonly given?: string;
  constructor(
    readonly id: string,
    record: AuthorRecord,
  ) {
    Object.assign(this, record);
    this.path = paths.author(id);
    const words = record.name.split(/\s+/);
    this.family = record.family ?? words.at(-1)!;
    this.given = record.given ?? (record.family ? undefined : words.slice(0, -1).join(" ") || undefined);
  }
  /** The name as a page in `lang` shows it: as written in that language, where the record has it. */
  nameIn(lang: string): string {
    const written = inLanguage(this.names, lang);
    return written === undefined ? this.name : typeof written === "string" ? written : written.name;
  }
  /**
   * The name as citations in `lang` credit it: its parts in that language where the record has them; else
   * as written there, whole (one name, not split); else the record's own.
   */
  citedIn(lang: string): { name: string; family: string; given?: string } {
    const written = inLanguage(this.names, lang);
    if (written === undefined) return { name: this.name, family: this.family, given: this.given };
    if (typeof written === "string") return { name: written, family: written };
    return written.family ? { name: written.name, family: written.family, given: written.given } : { name: written.name, family: written.name };
  }
  /** How the name is read in `lang` (kana, for Japanese), where the record says. */
  readingIn(lang: string): string | undefined {
    const written = inLanguage(this.names, lang);
    return typeof written === "object" ? written.reading : undefined;
  }
}

export interface Series extends SeriesRecord {}
export class Series {
  /** By number. */
  readonly essays: Essay[] = [];
  readonly path: string;
  constructor(
    readonly id: string,
    record: SeriesRecord,
  ) {
    Object.assign(this, record);
    this.path = paths.series(id);
  }
  /** The title as a page in `lang` shows it: as written in that language, where the record has it. */
  titleIn(lang: string): string {
    return inLanguage(this.titles, lang) ?? this.title;
  }
}

/** An author as credited on one essay: the bio and affiliation printed with it, else the record's. */
export interface Credit {
  author: Author;
  bio?: string;
  affiliation?: string;
}

/** What the content root says of an essay beyond its front matter: its file, and its rendered body. */
export interface EssayOrigin extends RenderedBody {
  /** Relative to the content root, for messages. */
  file: string;
  slug: string;
  /** The figures the body shows, by name in the content root's figures folder (lib/bodies/figures.ts). */
  figures: string[];
}

export interface Essay extends Omit<FrontMatter, "authors" | "series" | "lang">, EssayOrigin {}
export class Essay {
  readonly path: string;
  readonly year: number;
  /** The essay's language: its own, or the site's. */
  readonly lang: string;
  prev?: Essay;
  next?: Essay;
  /** The same essay in other languages (its `translationKey`'s other essays), by language. */
  translations: Essay[] = [];
  constructor(
    frontMatter: FrontMatter,
    origin: EssayOrigin,
    derived: { year: number; lang: string },
    readonly series: Series,
    readonly credits: Credit[],
  ) {
    const { authors: _authors, series: _series, ...fields } = frontMatter;
    Object.assign(this, fields, origin);
    this.year = derived.year;
    this.lang = derived.lang;
    this.path = paths.essay(series.id, frontMatter.number);
  }
  get authors(): Author[] {
    return this.credits.map((c) => c.author);
  }
}

export class Year {
  readonly path: string;
  constructor(
    readonly year: number,
    readonly essays: Essay[],
  ) {
    this.path = paths.year(year);
  }
}

/** The pages of one language (lib/archive/trees.ts makes them). */
export interface Tree {
  /** The language tag as site.json lists it: "en", "ja". */
  lang: string;
  /** "" for the site's language, else "ja/": before every path of the tree's pages. */
  prefix: string;
  title: string;
  description: string;
  /** Newest first. */
  essays: Essay[];
  /** The archive's authors, years and series as this tree shows them: its essays only, its paths. */
  authors: Author[];
  years: Year[];
  series: Series[];
  /** An author or series of one of the tree's essays as the tree shows it (its `path` and `essays` the tree's). */
  authorView(author: Author): Author;
  seriesView(series: Series): Series;
}

export class Archive {
  /** The pages of each language the site lists (lib/archive/trees.ts), the site language's first. */
  trees: Tree[] = [];
  /** The site record, as `records` has it. */
  readonly site: SiteRecord;
  constructor(
    /** The records it was linked from, as they are (site.json with the deployment's URL). */
    readonly records: ArchiveRecords,
    /** Newest first; ties broken by series then number, so output order never depends on file order. */
    readonly essays: Essay[],
    /** By family name, then given name (lib/archive/browse.ts). */
    readonly authors: Author[],
    /** By title. */
    readonly series: Series[],
    /** Newest first. */
    readonly years: Year[],
    /** The languages essays are written in, the site's first. */
    readonly languages: string[],
  ) {
    this.site = records.site;
  }
}
