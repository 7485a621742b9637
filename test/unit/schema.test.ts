import { describe, expect, it } from "vitest";
import { zodProblems } from "../../lib/content/problems.ts";
import { AuthorsFileSchema, frontMatterSchema, SiteSchema } from "../../lib/content/schema/index.ts";

const valid = { title: "T", series: "s", number: 3, date: "2014-08-01", authors: ["a"] };
const known = { authors: new Set(["a", "b"]), series: new Set(["s"]) };
/** The fields named by the problems found, as the editor reads them. */
const fields = (input: unknown) => {
  const r = frontMatterSchema(known).safeParse(input);
  return r.success ? [] : zodProblems("f.md", r.error).map((p) => p.where ?? "");
};

describe("front matter schema", () => {
  it("accepts the content contract", () => {
    expect(fields(valid)).toEqual([]);
    expect(fields({ ...valid, summary: "S", topics: ["x"], lang: "ja", authors: ["a", "b"] })).toEqual([]);
    expect(fields({ ...valid, source: "https://www.jiia.or.jp/en/ajiss_commentary/x.html", disclaimer: "D", copyright: "C" })).toEqual([]);
  });
  it("takes an author as an id, or with the bio and affiliation printed with this essay", () => {
    const parsed = frontMatterSchema(known).parse({ ...valid, authors: ["a", { id: "b", bio: "Then.", affiliation: "Yomiuri" }] });
    expect(parsed.authors).toEqual([{ id: "a" }, { id: "b", bio: "Then.", affiliation: "Yomiuri" }]);
    expect(parsed.topics).toEqual([]);
  });
  it.each([
    ["title", { ...valid, title: " " }],
    ["series", { ...valid, series: "nope" }],
    ["authors.0", { ...valid, authors: ["zed"] }],
    ["authors.0", { ...valid, authors: [{ id: "zed", bio: "B" }] }],
    ["authors.0.bio", { ...valid, authors: [{ id: "a", bio: "" }] }],
    ["authors.0.role", { ...valid, authors: [{ id: "a", role: "x" }] }],
    ["authors", { ...valid, authors: [] }],
    ["authors", { ...valid, authors: ["a", { id: "a" }] }],
    ["number", { ...valid, number: 0 }],
    ["number", { ...valid, number: 1.5 }],
    ["number", { ...valid, number: "201" }],
    ["date", { ...valid, date: "2014-13-45" }],
    ["date", { ...valid, date: "1 August 2014" }],
    ["lang", { ...valid, lang: "not a tag" }],
    ["source", { ...valid, source: "www.example.org" }],
    ["extra", { ...valid, extra: 1 }],
  ])("names the field %s", (field, input) => {
    expect(fields(input)).toEqual([field]);
  });
  it("reports every problem at once", () => {
    expect(fields({ series: "nope", number: -1, date: "x", authors: ["zed"] })).toEqual(
      expect.arrayContaining(["title", "series", "number", "date", "authors.0"]),
    );
  });
});

describe("record schemas", () => {
  const paths = (input: unknown) => AuthorsFileSchema.safeParse(input).error?.issues.map((i) => i.path.join("."));
  it("requires a name and slug ids; bio, family and given names are optional", () => {
    expect(paths({ ok: { name: "N", bio: "B" } })).toBeUndefined();
    expect(paths({ ok: { name: "Kōji Hirose", family: "Hirose", given: "Kōji" } })).toBeUndefined();
    expect(paths({ "Bad Id": { name: "N", bio: "B" } })).toEqual(["Bad Id"]);
    expect(paths({ ok: { bio: "B" }, also: { name: "N", bio: "" } })).toEqual(["ok.name", "also.bio"]);
  });
  it("takes names as written in other languages, by language tag", () => {
    expect(paths({ ok: { name: "Keiko Iizuka", names: { ja: "飯塚恵子", "zh-Hant": "飯塚惠子" } } })).toBeUndefined();
    expect(paths({ a: { name: "N", names: { Japanese: "飯塚恵子" } }, b: { name: "N", names: { ja: "" } }, c: { name: "N", names: "飯塚恵子" } })).toEqual(["a.names.Japanese", "b.names.ja", "c.names"]);
  });
  it("takes a name in another language with its parts and reading, each optional but the name", () => {
    const iizuka = { name: "飯塚恵子", family: "飯塚", given: "恵子", reading: "いいづか けいこ" };
    expect(paths({ ok: { name: "Keiko Iizuka", names: { ja: iizuka } }, also: { name: "N", names: { ja: { name: "武田ベン" } } } })).toBeUndefined();
    expect(paths({ a: { name: "N", names: { ja: { family: "飯塚" } } }, b: { name: "N", names: { ja: { ...iizuka, kana: "x" } } } })).toEqual(["a.names.ja", "b.names.ja"]);
  });
  it("requires an absolute http(s) site URL when there is one", () => {
    const site = { title: "T", description: "D", language: "en" };
    expect(SiteSchema.safeParse(site).success).toBe(true);
    expect(SiteSchema.safeParse({ ...site, url: "https://ex.org/a/" }).success).toBe(true);
    expect(SiteSchema.safeParse({ ...site, url: "/relative" }).success).toBe(false);
    expect(SiteSchema.safeParse({ ...site, url: "javascript:alert(1)" }).success).toBe(false);
  });
});
