import { describe, expect, it } from "vitest";
import { formatProblem, zodProblems } from "../../lib/content/problems.ts";
import { parseEssay, parseRecords } from "../../lib/content/read.ts";
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
    expect(paths({ a: { name: "N", names: { Japanese: "飯塚恵子" } }, b: { name: "N", names: { ja: "" } }, c: { name: "N", names: "飯塚恵子" } })).toEqual([
      "a.names.Japanese",
      "b.names.ja",
      "c.names",
    ]);
  });
  it("takes a name in another language with its parts and reading, each optional but the name", () => {
    const iizuka = { name: "飯塚恵子", family: "飯塚", given: "恵子", reading: "いいづか けいこ" };
    expect(paths({ ok: { name: "Keiko Iizuka", names: { ja: iizuka } }, also: { name: "N", names: { ja: { name: "武田ベン" } } } })).toBeUndefined();
    expect(paths({ a: { name: "N", names: { ja: { family: "飯塚" } } }, b: { name: "N", names: { ja: { ...iizuka, kana: "x" } } } })).toEqual([
      "a.names.ja",
      "b.names.ja",
    ]);
  });
  it("requires an absolute http(s) site URL when there is one", () => {
    const site = { title: "T", description: "D", language: "en" };
    expect(SiteSchema.safeParse(site).success).toBe(true);
    expect(SiteSchema.safeParse({ ...site, url: "https://ex.org/a/" }).success).toBe(true);
    expect(SiteSchema.safeParse({ ...site, url: "/relative" }).success).toBe(false);
    expect(SiteSchema.safeParse({ ...site, url: "javascript:alert(1)" }).success).toBe(false);
  });
});

describe("characters content may hold (lib/content/text.ts, applied to every string read)", () => {
  const records = (
    site: unknown,
    authors: unknown = { a: { name: "A" } },
    series: unknown = { s: { title: "S", publisher: "P", institution: "I", disclaimer: "D", copyright: "C" } },
  ) =>
    parseRecords({ "site.json": JSON.stringify(site), "authors.json": JSON.stringify(authors), "series.json": JSON.stringify(series) }).problems.map(
      formatProblem,
    );
  const site = { title: "T", description: "D", language: "en" };
  const essay = (frontMatter: string, body = "Text.\n") =>
    parseEssay("src/essays/3-x.md", `---\ntitle: T\nseries: s\nnumber: 3\ndate: 2014-08-01\nauthors: [a]\n${frontMatter}---\n\n${body}`, known).problems.map(
      formatProblem,
    );
  const control = (c: string) => `holds ${c}, a control character, at character`;

  it("refuses C0, DEL and C1 control characters in any record field, naming the file and field", () => {
    expect(records({ ...site, title: "T\u001b[31m" })).toEqual([`_data/site.json (title): ${control("U+001B")} 2: pages and feeds cannot carry it; remove it`]);
    expect(records({ ...site, description: "D\u007f" })[0]).toContain(`_data/site.json (description): ${control("U+007F")} 2`);
    expect(records({ ...site, languages: { ja: { title: "T", description: "\u0085" } } })[0]).toContain(
      `_data/site.json (languages.ja.description): ${control("U+0085")} 1`,
    );
    expect(records(site, { a: { name: "A", bio: "Bio\u0000" } })).toEqual([
      `_data/authors.json (a.bio): ${control("U+0000")} 4: pages and feeds cannot carry it; remove it`,
    ]);
    expect(records(site, { a: { name: "A", names: { ja: { name: "N", reading: "\u0007" } } } })[0]).toContain(
      `_data/authors.json (a.names.ja.reading): ${control("U+0007")} 1`,
    );
    expect(records(site, undefined, { s: { title: "S", publisher: "P", institution: "I", disclaimer: "D", copyright: "C\u009b" } })[0]).toContain(
      `_data/series.json (s.copyright): ${control("U+009B")} 2`,
    );
    // A field no schema knows is still checked for its characters, as its name is.
    expect(records({ ...site, later: "\u0001" })).toEqual(expect.arrayContaining([expect.stringContaining(`_data/site.json (later): ${control("U+0001")}`)]));
    expect(records({ ...site, "x\u0002": 1 })).toEqual(
      expect.arrayContaining([expect.stringContaining(`_data/site.json ("x\\u0002"): the field's name ${control("U+0002")}`)]),
    );
  });

  it("refuses a lone surrogate and a noncharacter, which XML cannot hold either", () => {
    expect(records({ ...site, title: "T\ud800" })[0]).toContain(
      "_data/site.json (title): holds U+D800, half of a surrogate pair, alone (not a character), at character 2",
    );
    expect(records({ ...site, title: "T\uffff" })[0]).toContain("_data/site.json (title): holds U+FFFF, a noncharacter");
    expect(records({ ...site, title: "T\ufdd0" })[0]).toContain("_data/site.json (title): holds U+FDD0, a noncharacter");
    expect(records({ ...site, title: "😀 \u202eRTL\u2028 & <b> ]]>", description: "\ue000" })).toEqual([]);
  });

  it("refuses control characters in front matter, naming the field, and in the body, naming the line and column", () => {
    expect(essay('summary: "S\\e"\n')).toEqual([`src/essays/3-x.md (summary): ${control("U+001B")} 2: pages and feeds cannot carry it; remove it`]);
    expect(essay('topics: [ok, "\\x85"]\n')[0]).toContain(`src/essays/3-x.md (topics.1): ${control("U+0085")} 1`);
    expect(essay('authors: [{id: a, bio: "\\0"}]\n'.replace("authors", "x")).some((p) => p.includes("(x.0.bio): holds U+0000"))).toBe(true);
    expect(essay("", "One.\n\nTwo \u001b[2J.\n")).toEqual([
      "src/essays/3-x.md (line 11, column 5): the body holds U+001B, a control character: pages and feeds cannot carry it; remove it",
    ]);
    expect(essay("", "Tab\tand CRLF\r\nlines.\n")).toEqual([]);
  });

  it("allows tabs and line breaks in paragraphs (bio, disclaimer, copyright, description, summary), not in one-line fields (title, name, topic)", () => {
    expect(
      records(
        { ...site, description: "One.\nTwo." },
        { a: { name: "A", bio: "Line\nline\tend" } },
        { s: { title: "S", publisher: "P", institution: "I", disclaimer: "D\nE", copyright: "C\r\nD", description: "x\ny" } },
      ),
    ).toEqual([]);
    expect(essay('summary: "One.\\nTwo."\ndisclaimer: "A\\nB"\ncopyright: "A\\nB"\n')).toEqual([]);
    expect(records({ ...site, title: "A\ttitle" })).toEqual(["_data/site.json (title): must be one line, without tabs or line breaks"]);
    expect(records(site, { a: { name: "A\nB" } })).toEqual(["_data/authors.json (a.name): must be one line, without tabs or line breaks"]);
    expect(essay('topics: ["a\\nb"]\n')).toEqual(["src/essays/3-x.md (topics.0): must be one line, without tabs or line breaks"]);
    expect(
      parseEssay("src/essays/3-x.md", '---\ntitle: "T\\nU"\nseries: s\nnumber: 3\ndate: 2014-08-01\nauthors: [a]\n---\n\nText.\n', known).problems.map(
        formatProblem,
      ),
    ).toEqual(["src/essays/3-x.md (title): must be one line, without tabs or line breaks"]);
  });
});
