// What "Cite this" needs to know about an essay: a plain record, independent of the page model
// (which is adapted to it), so the citation code can be tested and reused on its own.
import { CITATION_TYPES } from "../http/rules.ts";
import type { ReferenceStyle } from "./styles.ts";

export interface CitableAuthor {
  /** As printed in the byline: "Keiko Iizuka". */
  name: string;
  /** "Iizuka" */
  family: string;
  /** "Keiko"; absent for a single-name author, who is then cited by `family` alone. */
  given?: string;
  /** Absolute URL of the author's page, when the site URL is known. */
  pageUrl?: string;
}

export interface CitableSeries {
  /** "AJISS-Commentary" */
  title: string;
  /** Who publishes the series, and so each essay: "The Association of Japanese Institutes of Strategic Studies". */
  publisher: string;
  /**
   * The institution behind the publisher: "The Japan Institute of International Affairs". Shown to people
   * by the page; deliberately not in the machine-readable citations, which name the publisher of record
   * (see csl.ts).
   */
  institution: string;
  issn?: string;
  /** Absolute URL of the series page, when the site URL is known. */
  url?: string;
}

export interface CitableEssay {
  /** Unique in the archive: "ajiss-commentary-201". */
  id: string;
  title: string;
  /** The number in its series: 201. */
  number: number;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** BCP 47 language tag of the essay: "en", "ja". */
  lang: string;
  /** In byline order. */
  authors: CitableAuthor[];
  series: CitableSeries;
  /** Absolute URL of the essay page, when known. */
  url?: string;
  summary?: string;
  /** The copyright line: "©Copyright 2007 The Association of Japanese Institutes of Strategic Studies All Right Reserved." */
  copyright?: string;
}

/** The essay's reference in each style it is cited in (./styles.ts, `stylesFor`). */
export type References = Record<Exclude<ReferenceStyle, "sist02">, string> & { sist02?: string };

export interface Downloads {
  bibtex: string;
  ris: string;
  cslJson: string;
}

/** Everything "Cite this" shows and links to for one essay: what the build cache keeps (./cached.ts). */
export interface Citations {
  references: References;
  downloads: Downloads;
}

/** File name suffix and media type of each download, for the links and the files the build writes. */
export const downloadTypes: Readonly<Record<keyof Downloads, { extension: string; mediaType: string }>> = {
  bibtex: { extension: ".bib", mediaType: CITATION_TYPES.bibtex.type },
  ris: { extension: ".ris", mediaType: CITATION_TYPES.ris.type },
  cslJson: { extension: ".json", mediaType: CITATION_TYPES.cslJson.type },
};
