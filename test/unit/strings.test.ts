import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stringsFor, stringsProblems, wordsProblems } from "../../lib/words/strings.ts";

const reference = JSON.parse(readFileSync(new URL("../../lib/words/en.json", import.meta.url), "utf8"));

describe("the pages' words", () => {
  it("has every key of en.json in every language's file", () => {
    expect(wordsProblems()).toEqual([]);
  });

  it.each([
    ["a missing key", { ...reference, "nav.years": undefined }, ["nav.years is missing"]],
    ["text where words by number are wanted", { ...reference, "count.essays": "{n} essays" }, ["count.essays must be words by plural category"]],
    ["words by number without 'other'", { ...reference, "count.essays": { one: "{n} essay" } }, ["count.essays must be words by plural category"]],
    ["an unknown plural category", { ...reference, "count.essays": { other: "{n}", several: "{n}" } }, ["count.essays must be words by plural category"]],
    ["a number where text is wanted", { ...reference, "nav.years": 2 }, ["nav.years must be text"]],
    ["a key en.json does not have", { ...reference, "nav.yaers": "Years" }, ["nav.yaers is not a key of en.json"]],
    ["not an object", ["Years"], ["is not a JSON object"]],
  ])("names the file and key of %s", (_, words, says) => {
    const problems = stringsProblems("lib/words/xx.json", JSON.parse(JSON.stringify(words)), reference);
    expect(problems.map((p) => `${p.where ?? ""} ${p.message}`.trim().slice(0, says[0]!.length))).toEqual(says);
    expect(problems.every((p) => p.file === "lib/words/xx.json")).toBe(true);
  });

  it("counts, dates and lists in each language's way", () => {
    const en = stringsFor("en", "en");
    const ja = stringsFor("ja", "en");
    expect([en.count("count.essays", 1), en.count("count.essays", 4000), ja.count("count.essays", 4000)]).toEqual(["1 essay", "4,000 essays", "4,000件"]);
    expect([en.date("2014-08-01"), ja.date("2014-08-01")]).toEqual(["1 August 2014", "2014年8月1日"]);
    expect([en.list(["A", "B", "C"]).join(""), ja.list(["A", "B", "C"]).join("")]).toEqual(["A, B and C", "A、B、C"]);
    expect(en.parts("home.more", { count: "2 earlier essays", byYear: 1, bySeries: 2, byAuthor: 3 })).toEqual([
      "2 earlier essays",
      ": browse them ",
      1,
      ", ",
      2,
      " or ",
      3,
      ".",
    ]);
  });

  it("takes a page's language's words, else the site's, else English's", () => {
    expect([stringsFor("ja-JP", "en").lang, stringsFor("fr", "ja").lang, stringsFor("fr", "de").lang]).toEqual(["ja", "ja", "en"]);
  });

  it("gives the search page's script the English messages en.json has", () => {
    const source = readFileSync(new URL("../../src/assets/search.js", import.meta.url), "utf8");
    const literal = /var WORDS = (\{[\s\S]*?\n {2}\});/.exec(source)![1]!;
    const words = new Function(`return ${literal}`)() as Record<string, unknown>;
    const en = stringsFor("en", "en");
    const reference = JSON.parse(readFileSync(new URL("../../lib/words/en.json", import.meta.url), "utf8")) as Record<string, unknown>;
    const scriptKeys = Object.keys(reference)
      .filter((key) => key.startsWith("search.js."))
      .map((key) => key.slice("search.js.".length));
    expect(scriptKeys.length).toBeGreaterThan(0);
    expect(Object.keys(words).sort()).toEqual(scriptKeys.sort());
    expect(Object.fromEntries(Object.keys(words).map((name) => [name, en.source(`search.js.${name}` as "search.js.none")]))).toEqual(words);
  });
});
