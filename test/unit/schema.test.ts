import { describe, expect, it } from "vitest";
import { AuthorsFileSchema, frontMatterSchema, SiteSchema } from "../../lib/content/schema.ts";

const valid = { title: "T", series: "s", number: 3, date: "2014-08-01", authors: ["a"] };
const known = { authors: new Set(["a", "b"]), series: new Set(["s"]) };
const fields = (input: unknown) => {
  const r = frontMatterSchema(known).safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("front matter schema", () => {
  it("accepts the content contract", () => {
    expect(fields(valid)).toEqual([]);
    expect(fields({ ...valid, summary: "S", topics: ["x"], lang: "ja", authors: ["a", "b"] })).toEqual([]);
  });
  it.each([
    ["title", { ...valid, title: " " }],
    ["series", { ...valid, series: "nope" }],
    ["authors.0", { ...valid, authors: ["zed"] }],
    ["authors", { ...valid, authors: [] }],
    ["authors", { ...valid, authors: ["a", "a"] }],
    ["number", { ...valid, number: 0 }],
    ["number", { ...valid, number: 1.5 }],
    ["number", { ...valid, number: "201" }],
    ["date", { ...valid, date: "2014-13-45" }],
    ["date", { ...valid, date: "1 August 2014" }],
    ["lang", { ...valid, lang: "not a tag" }],
    ["extra", { ...valid, extra: 1 }],
  ])("names the field %s", (field, input) => {
    expect(fields(input)).toContain(field === "extra" ? "" : field);
  });
  it("reports every problem at once", () => {
    expect(fields({ series: "nope", number: -1, date: "x", authors: ["zed"] })).toEqual(
      expect.arrayContaining(["title", "series", "number", "date", "authors.0"]),
    );
  });
});

describe("record schemas", () => {
  it("requires a name and a bio, and slug ids", () => {
    const paths = (input: unknown) => AuthorsFileSchema.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(paths({ ok: { name: "N", bio: "B" } })).toBeUndefined();
    expect(paths({ "Bad Id": { name: "N", bio: "B" } })).toEqual(["Bad Id"]);
    expect(paths({ ok: { bio: "B" }, also: { name: "N", bio: "" } })).toEqual(["ok.name", "also.bio"]);
  });
  it("requires an absolute http(s) site URL when there is one", () => {
    const site = { title: "T", description: "D", language: "en" };
    expect(SiteSchema.safeParse(site).success).toBe(true);
    expect(SiteSchema.safeParse({ ...site, url: "https://ex.org/a/" }).success).toBe(true);
    expect(SiteSchema.safeParse({ ...site, url: "/relative" }).success).toBe(false);
    expect(SiteSchema.safeParse({ ...site, url: "javascript:alert(1)" }).success).toBe(false);
  });
});
