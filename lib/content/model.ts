// The archive as templates see it: validated records, linked to each other once, sorted once.
// These are classes on purpose: Eleventy's data cascade deep-merges plain objects, and these records
// link to each other in cycles (essay → series → essays), so it must treat them as opaque values.
import type { AuthorRecord, SeriesRecord, SiteRecord } from "./schema.ts";
import { paths } from "../pages/urls.ts";

export class Author {
  readonly essays: Essay[] = []; // newest first
  readonly path: string;
  constructor(readonly id: string, readonly record: AuthorRecord) {
    this.path = paths.author(id);
  }
  get name(): string {
    return this.record.name;
  }
}

export class Series {
  readonly essays: Essay[] = []; // by number
  readonly path: string;
  constructor(readonly id: string, readonly record: SeriesRecord) {
    this.path = paths.series(id);
  }
  get title(): string {
    return this.record.title;
  }
}

export interface EssayFields {
  /** Where the essay came from, relative to the content root, for messages. */
  file: string;
  slug: string;
  title: string;
  number: number;
  /** YYYY-MM-DD */
  date: string;
  year: number;
  lang: string;
  summary?: string;
  topics: string[];
  /** The rendered markdown body. */
  html: string;
}

export class Essay {
  readonly path: string;
  prev?: Essay;
  next?: Essay;
  constructor(
    readonly fields: EssayFields,
    readonly series: Series,
    readonly authors: Author[],
  ) {
    this.path = paths.essay(series.id, fields.number);
  }
  /** "AJISS-Commentary No.201" */
  get label(): string {
    return `${this.series.title} No.${this.fields.number}`;
  }
}

export class Year {
  readonly path: string;
  constructor(readonly year: number, readonly essays: Essay[]) {
    this.path = paths.year(year);
  }
}

/** The essay, author and year pages to write: all of them, or those an edit in the dev server changed. */
export interface Stale {
  essays: Essay[];
  authors: Author[];
  years: Year[];
}

export class Archive {
  constructor(
    readonly site: SiteRecord,
    /** Newest first; ties broken by series then number, so output order never depends on file order. */
    readonly essays: Essay[],
    /** By name. */
    readonly authors: Author[],
    /** By title. */
    readonly series: Series[],
    /** Newest first. */
    readonly years: Year[],
    /** The languages essays are written in, the site's first. */
    readonly languages: string[],
    readonly stale: Stale,
  ) {}
}
