import { describe, expect, it } from "vitest";
import type { Author, Essay, Series, Year } from "../../lib/archive/model.ts";
import { count } from "../../lib/runtime/messages.ts";
import {
  authorPages,
  byFamilyName,
  groupByInitial,
  groupByKanaRow,
  groupByYear,
  initialOf,
  kanaRowOf,
  neighbours,
  seriesYears,
  yearPages,
  yearSectionPath,
} from "../../lib/archive/browse.ts";
import { Author as AuthorRecord } from "../../lib/archive/model.ts";
import { sectionOf } from "../../lib/pages/nav.ts";

const series = { id: "s", title: "S" } as Series;
const essay = (number: number, date: string) => ({ number, date, year: Number(date.slice(0, 4)), series }) as Essay;
const author = (name: string, family: string, given?: string) => ({ id: name.toLowerCase().replace(/\W+/g, "-"), name, family, given }) as Author;

describe("series pages", () => {
  it("group by year, newest first, the higher number first on the same day", () => {
    const groups = groupByYear([essay(1, "2019-03-01"), essay(2, "2020-01-01"), essay(4, "2020-05-01"), essay(3, "2020-05-01")]);
    expect(groups.map((g) => [g.year, g.essays.map((e) => e.number)])).toEqual([
      [2020, [4, 3, 2]],
      [2019, [1]],
    ]);
  });

  it("list whole years up to the limit and link the rest", () => {
    // 30 essays a year for 40 years.
    const essays = Array.from({ length: 1200 }, (_, i) => essay(i + 1, `${1980 + Math.floor(i / 30)}-06-01`));
    const long = { ...series, essays } as Series;
    const { listed, linked } = seriesYears(long, 100);
    expect(listed.map((g) => g.year)).toEqual([2019, 2018, 2017]);
    expect(linked.map((g) => g.year)).toEqual(Array.from({ length: 37 }, (_, i) => 2016 - i));
    // A newest year longer than the limit is linked too: its year pages list it, a page at a time.
    expect(seriesYears(long, 10).listed).toEqual([]);
    expect(seriesYears({ ...series, essays: essays.slice(0, 60) } as Series, 100).linked).toEqual([]);
  });
});

describe("long listings", () => {
  const other = { id: "t", title: "T" } as Series;
  // A daily series and a weekly one in one year: 300 + 52 essays, newest first within each series.
  const daily = Array.from({ length: 300 }, (_, i) => essay(300 - i, "2020-06-01"));
  const weekly = Array.from({ length: 52 }, (_, i) => ({ ...essay(52 - i, "2020-06-01"), series: other }) as Essay);
  const year = { year: 2020, path: "years/2020.html", essays: [...daily, ...weekly] } as Year;

  it("go on over pages of at most the limit, a series' group going on over the next page", () => {
    const pages = yearPages(year, [series, other], 250);
    expect(pages.map((p) => [p.path, p.page, p.pages])).toEqual([
      ["years/2020.html", 1, 2],
      ["years/2020-page-2.html", 2, 2],
    ]);
    expect(pages.map((p) => p.groups.map((g) => [g.series.id, g.essays.length, g.total]))).toEqual([
      [["s", 250, 300]],
      [
        ["s", 50, 300],
        ["t", 52, 52],
      ],
    ]);
    expect(pages[1]!.groups[0]!.essays[0]!.number).toBe(50);
  });

  it("link a series to the year page its essays begin on", () => {
    expect(yearSectionPath(year, series, [series, other], 250)).toBe("years/2020.html#series-s");
    expect(yearSectionPath(year, other, [series, other], 250)).toBe("years/2020-page-2.html#series-t");
  });

  it("keep a short listing, and an author with no essays, on one page", () => {
    expect(yearPages({ ...year, essays: weekly } as Year, [series, other]).map((p) => p.path)).toEqual(["years/2020.html"]);
    const writer = { ...author("Ada Okafor", "Okafor"), path: "authors/ada-okafor.html", essays: daily } as unknown as Author;
    expect(authorPages(writer, 100).map((p) => [p.path, p.essays.length])).toEqual([
      ["authors/ada-okafor.html", 100],
      ["authors/ada-okafor-page-2.html", 100],
      ["authors/ada-okafor-page-3.html", 100],
    ]);
    expect(authorPages({ ...writer, essays: [] } as unknown as Author).map((p) => [p.path, p.essays.length])).toEqual([["authors/ada-okafor.html", 0]]);
  });
});

describe("years", () => {
  it("know their neighbours with essays", () => {
    const years = [2021, 2019, 2014].map((year) => ({ year }) as Year);
    expect(neighbours(years[1]!, years)).toEqual({ earlier: years[2], later: years[0] });
    expect(neighbours(years[0]!, years)).toEqual({ earlier: years[1], later: undefined });
    expect(neighbours(years[2]!, years)).toEqual({ earlier: undefined, later: years[1] });
  });
});

describe("authors", () => {
  it("sort by family name, then given name, in the site language's collation", () => {
    const list = [
      author("Zoe Adams", "Adams", "Zoe"),
      author("Émile Zola", "Zola", "Émile"),
      author("Ana Adams", "Adams", "Ana"),
      author("Lars Ørsted", "Ørsted", "Lars"),
      author("Jan Éluard", "Éluard", "Jan"),
    ];
    expect(byFamilyName(list, "en").map((a) => a.name)).toEqual(["Ana Adams", "Zoe Adams", "Jan Éluard", "Lars Ørsted", "Émile Zola"]);
  });

  it("file under the letter of the family name without accents, other scripts under #", () => {
    expect(["Éluard", "okafor", "Ørsted", "飯塚", "Łukasz"].map(initialOf)).toEqual(["E", "O", "#", "#", "#"]);
    const groups = groupByInitial(
      byFamilyName([author("Keiko 飯塚", "飯塚"), author("Jan Éluard", "Éluard"), author("Ada Okafor", "Okafor"), author("Eve Eng", "Eng")], "en"),
    );
    expect(groups.map((g) => [g.letter, g.id, g.authors.map((a) => a.family)])).toEqual([
      ["E", "letter-e", ["Éluard", "Eng"]],
      ["O", "letter-o", ["Okafor"]],
      ["#", "letter-other", ["飯塚"]],
    ]);
  });
});

describe("the Japanese authors index", () => {
  it("files a reading under its gojūon row, katakana and voiced kana as their plain hiragana", () => {
    expect(
      ["いいづか", "カトウ", "がとう", "さいとう", "ちば", "はやし", "ぱく", "まつもと", "よしだ", "わたなべ", "んー", "Iizuka", "飯塚"].map(kanaRowOf),
    ).toEqual(["あ", "か", "か", "さ", "た", "は", "は", "ま", "や", "わ", "わ", "#", "#"]);
  });
  it("is in 五十音順 by reading, in rows, those with no reading last in the order given", () => {
    const ja = (id: string, name: string, reading?: string) => new AuthorRecord(id, { name: id, names: { ja: reading ? { name, reading } : name } });
    const authors = [
      ja("watanabe", "渡辺", "わたなべ"),
      ja("iizuka", "飯塚恵子", "いいづか けいこ"),
      ja("kato", "加藤", "かとう"),
      ja("ito", "伊藤", "いとう"),
      ja("nomura", "野村"),
      ja("gato", "賀藤", "がとう"),
    ];
    const groups = groupByKanaRow(authors, "ja");
    expect(groups.map((g) => [g.letter, g.id, g.authors.map((a) => a.id)])).toEqual([
      ["あ", "row-1", ["iizuka", "ito"]],
      ["か", "row-2", ["kato", "gato"]],
      ["わ", "row-10", ["watanabe"]],
      ["#", "letter-other", ["nomura"]],
    ]);
  });
});

it("counts in words", () => {
  expect([count(1), count(2), count(4000), count(1, "author"), count(0, "year")]).toEqual(["1 essay", "2 essays", "4,000 essays", "1 author", "0 years"]);
});

it("places every page in a menu section", () => {
  expect(
    [
      "index.html",
      "essays/s/1.html",
      "years.html",
      "years/2014.html",
      "authors.html",
      "authors/a.html",
      "series.html",
      "series/s.html",
      "search.html",
      "404.html",
    ].map(sectionOf),
  ).toEqual(["Archive", "Archive", "Years", "Years", "Authors", "Authors", "Series", "Series", "Search", undefined]);
});
