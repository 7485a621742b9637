// An archive whose language is Japanese: its pages are in Japanese words (lib/words/ja.json), the
// search page's script included. Rendered by the real templates from the fixture with its language changed.
import { DOMParser } from "linkedom";
import { renderToString } from "preact-render-to-string";
import { beforeAll, expect, it } from "vitest";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import type { Archive } from "../../lib/archive/model.ts";
import { makeTrees } from "../../lib/archive/trees.ts";
import { listingViews } from "../../lib/views/listing.ts";
import { render as renderHome } from "../../src/index.11ty.tsx";
import { render as renderSearch } from "../../src/search.11ty.tsx";
import { render as renderYear } from "../../src/year.11ty.tsx";
import { fixture } from "../helpers/build.ts";
import { htmlMessages } from "../helpers/valid-html.ts";

let archive: Archive;
beforeAll(async () => {
  const english = await createArchiveLoader(fixture("basic"), { cache: false }).load();
  archive = inLanguage(english, "ja");
});

/** The archive with another site language (and so its one tree of pages in it). */
function inLanguage(archive: Archive, language: string): Archive {
  const changed = Object.assign(Object.create(Object.getPrototypeOf(archive) as object) as Archive, archive, { site: { ...archive.site, language } });
  changed.trees = makeTrees(changed);
  return changed;
}

const html = (node: Parameters<typeof renderToString>[0]) => `<!doctype html>\n${renderToString(node)}`;
const parse = (source: string) => new DOMParser().parseFromString(source, "text/html") as unknown as Document;
const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((e) => e.textContent?.replace(/\s+/g, " ").trim());

it("the home page, menu and counts are in Japanese", async () => {
  const source = html(renderHome({ view: listingViews(archive).home[0]! }));
  expect(await htmlMessages(source, "index.html")).toEqual([]);
  const doc = parse(source);
  expect(doc.documentElement.lang).toBe("ja");
  expect(texts(doc, ".site-header nav a")).toEqual(["アーカイブ", "年別", "執筆者", "シリーズ", "検索"]);
  expect(texts(doc, "#newest, #by-year, #by-series, #by-author")).toEqual(["すべての論考", "年別", "シリーズ別", "執筆者別"]);
  expect(texts(doc, ".index-list .count")[0]).toMatch(/^\d+件$/);
  expect(texts(doc, ".essay-meta time")[0]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
});

it("a year page is in Japanese, its title too", async () => {
  const year = archive.years[0]!;
  const view = listingViews(archive).year.find((v) => v.path === year.path)!;
  const doc = parse(html(renderYear({ view })));
  expect(doc.title).toBe(`${year.year}年の論考 · ${archive.site.title}`);
  expect(texts(doc, ".year-pager .pager-all")).toEqual(["すべての年"]);
});

it("the search page hands its script the Japanese messages; an English page hands none", async () => {
  const source = html(renderSearch({ view: listingViews(archive).search[0]! }));
  expect(await htmlMessages(source, "search.html")).toEqual([]);
  const doc = parse(source);
  expect(texts(doc, "h1, .search-more, .search-sort label")).toEqual(["論考を検索", "並べ替え", "さらに表示"]);
  const words = JSON.parse(doc.querySelector("script[data-words]")!.getAttribute("data-words")!);
  expect([words.lang, words.searching, words.found]).toEqual(["ja", "検索中…", { other: "「{term}」の検索結果：{n}件" }]);
  const english = inLanguage(archive, "en");
  expect(parse(html(renderSearch({ view: listingViews(english).search[0]! }))).querySelector("script[data-words]")).toBeNull();
});
