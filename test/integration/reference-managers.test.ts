// Every route a reference manager reads an essay by, read back with a well-kept parser for each: the
// page's tags (linkedom), the .bib, .ris and CSL-JSON downloads (citation-js, which gives what each one
// says as CSL, and its parsers' raw entries for the fields CSL has no variable for). Each carries what
// Zotero's translators file a report under (Embedded Metadata.js, BibTeX.js, RIS.js, CSL JSON.js): the
// full date, the series as the report type, the language, the summary as the abstract, the rights.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { describe, expect, it } from "vitest";
import { built } from "../helpers/built.ts";
import { page } from "../helpers/html.ts";

interface Expected {
  path: string;
  /** As the page's tags and the downloads credit them: the English essay the record's names, the Japanese one its Japanese names (authors.json's `names`). */
  authorTags: string[];
  authors: { family: string; given: string }[];
  date: [number, number, number];
  slashDate: string;
  reportType: string;
  language: string;
  abstract?: string;
  rights: string;
  /** The rights as BibTeX writes them (LaTeX). */
  bibtexRights: string;
}

const ESSAYS: Expected[] = [
  {
    path: "essays/policy-notes/2",
    authorTags: ["Ben Takeda", "Chiyo Mori"],
    authors: [
      { family: "Takeda", given: "Ben" },
      { family: "Mori", given: "Chiyo" },
    ],
    date: [2020, 6, 15],
    slashDate: "2020/06/15",
    reportType: "Policy Notes",
    language: "en",
    abstract: "Quotas, salmon and the limits of bilateral talks.",
    rights: "© The Fixture Institute",
    bibtexRights: "\\copyright{} The Fixture Institute",
  },
  {
    path: "essays/field-reports/8",
    // Zotero reads "Family, Given" the right way round; "武田 ベン" it would file as family ベン.
    authorTags: ["武田, ベン"],
    authors: [{ family: "武田", given: "ベン" }],
    date: [2021, 9, 9],
    slashDate: "2021/09/09",
    // The series as the Japanese essay's page names it (series.json's titles.ja), in every route.
    reportType: "現地報告",
    language: "ja",
    rights: "© The Fixture Institute, field desk",
    bibtexRights: "\\copyright{} The Fixture Institute, field desk",
  },
];

const file = (path: string, extension: string) => readFile(join(built("bilingual"), `${path}.${extension}`), "utf8");
/** What citation-js reads from a download, as CSL. */
const csl = async (path: string, extension: string) => new Cite(await file(path, extension)).data[0] as Record<string, unknown>;
/** citation-js's parser's own entry, before it becomes CSL: the BibTeX fields or the RIS tags. */
const raw = async (path: string, extension: string) => (plugins.input.chainLink(await file(path, extension)) as Record<string, unknown>[])[0]!;

describe.each(ESSAYS)("$path, as a reference manager reads it", (essay) => {
  it("from the page's tags: a report, its full date, report type, language, abstract and rights", async () => {
    const doc = await page(built("bilingual"), `${essay.path}.html`);
    const meta = (name: string) => [...doc.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute("content"));
    // Zotero makes a report of a page that names the report's institution.
    expect(meta("citation_technical_report_institution")).toEqual(["The Fixture Institute"]);
    expect(meta("citation_author")).toEqual(essay.authorTags);
    expect(meta("citation_publication_date")).toEqual([essay.slashDate]);
    expect(meta("DC.type")).toEqual([essay.reportType]);
    expect(meta("citation_language")).toEqual([essay.language]);
    expect(meta("citation_abstract")).toEqual(essay.abstract ? [essay.abstract] : []);
    expect(meta("DC.rights")).toEqual([essay.rights]);
  });

  /** What citation-js reads from a download as CSL: a report, by these authors, of this date, language and abstract. */
  const report = async (extension: string) => {
    const item = await csl(essay.path, extension);
    expect(item).toMatchObject({ type: "report", author: essay.authors, issued: { "date-parts": [essay.date] }, language: essay.language });
    expect(item.abstract).toBe(essay.abstract);
    return item;
  };

  it("from the .bib: the full date, report type, language, abstract and rights", async () => {
    expect((await report("bib")).genre).toBe(essay.reportType);
    const fields = (await raw(essay.path, "bib")).properties as Record<string, string>;
    expect(fields.date).toBe(essay.date.map((n) => String(n).padStart(2, "0")).join("-"));
    expect(fields.copyright).toBe(essay.bibtexRights);
  });

  it("from the .ris: the full date, report type, language, abstract and rights", async () => {
    await report("ris");
    const tags = await raw(essay.path, "ris");
    expect(tags.M3).toBe(essay.reportType);
    expect(tags.DA).toBe(`${essay.slashDate}/`);
    expect(tags.CR).toBe(essay.rights);
  });

  it("from the CSL JSON: the full date, report type (genre), language, abstract and rights (license)", async () => {
    const item = await report("json");
    expect(item.genre).toBe(essay.reportType);
    expect(item.license).toBe(essay.rights);
  });
});
