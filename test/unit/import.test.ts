import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import matter from "gray-matter";
import yaml from "js-yaml";
import { parseHTML } from "linkedom";
import type { PluginSimple } from "markdown-it";
import footnotePlugin from "markdown-it-footnote";
import { createMarkdown } from "../../lib/bodies/markdown.ts";
import { toSlug, SLUG_PATTERN } from "../../lib/content/slug.ts";
import { parsePage, type RawPage } from "../../lib/import/parse-page.ts";
import { essayFile, type EssayInput } from "../../lib/import/essay-file.ts";
import { planImport, type Existing, type Plan } from "../../lib/import/plan.ts";

const FIXTURES = new URL("../fixtures/import/", import.meta.url);
const fixture = (name: string) => ({ file: name, text: readFileSync(new URL(name, FIXTURES), "utf8") });
const parsed = (name: string): RawPage => {
  const { file, text } = fixture(name);
  const result = parsePage(text, file);
  expect(result.problems).toEqual([]);
  return result.page!;
};

const SERIES = { series: "ajiss-commentary", seriesTitle: "AJISS-Commentary" };
const SEED_PATH = "src/essays/201-what-the-us-now-craves-from-japan.md";
const PUBLISHER = "The Association of Japanese Institutes of Strategic Studies";
const DISCLAIMER = `The views expressed in this piece are the author's own and should not be attributed to ${PUBLISHER}.`;
const COPYRIGHT = `©Copyright 2007 ${PUBLISHER} All Right Reserved.`;
const IIZUKA_BIO_START = "Keiko Iizuka is Washington Bureau Chief for the Yomiuri Shimbun";
const GOOD = ["ajiss-201.txt", "two-authors.txt", "three-authors.txt", "diacritics.txt", "markup.txt", "crlf.txt", "bom.txt"];

const empty = (): Existing => ({ authors: {}, series: {}, essays: new Map() });

/** What the archive holds after a plan is carried out. */
function apply(existing: Existing, plan: Plan): Existing {
  const next: Existing = { authors: { ...existing.authors }, series: { ...existing.series }, essays: new Map(existing.essays) };
  for (const path of plan.removes) next.essays.delete(path);
  for (const { path, text } of plan.writes) {
    if (path === "_data/authors.json") next.authors = JSON.parse(text) as Existing["authors"];
    else if (path === "_data/series.json") next.series = JSON.parse(text) as Existing["series"];
    else next.essays.set(path, text);
  }
  return next;
}

/** An essay file read the way the site reads it: gray-matter with YAML's core schema. */
function readEssay(text: string): { data: Record<string, unknown>; content: string } {
  const file = matter(text, { engines: { yaml: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object } });
  return { data: file.data, content: file.content };
}

const markdown = createMarkdown().use(footnotePlugin as unknown as PluginSimple);
/** The text of each block the body renders to, and the tags of every element. */
function renderBody(body: string): { texts: string[]; tags: string[] } {
  const root = parseHTML(`<!doctype html><html><body><div id="root">${markdown.render(body)}</div></body></html>`).document.getElementById("root")!;
  return { texts: [...root.children].map((e) => e.textContent ?? ""), tags: [...root.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()) };
}

describe("parsePage", () => {
  it("reads the seed page", () => {
    const page = parsed("ajiss-201.txt");
    expect(page).toMatchObject({
      institution: "The Japan Institute of International Affairs",
      number: 201,
      title: "What the US Now Craves from Japan",
      authors: ["Keiko Iizuka"],
      date: "2014-08-01",
      disclaimer: DISCLAIMER,
      copyright: COPYRIGHT,
    });
    expect(page.paragraphs).toHaveLength(21);
    expect(page.paragraphs[0]).toMatch(/^As Russia's President Putin .* vis-à-vis Russia\.$/);
    expect(page.paragraphs.at(-1)).toMatch(/^Sophisticated and well-thought-out .* coordinating with the US\.$/);
    expect(page.bios).toHaveLength(1);
    expect(page.bios[0]).toMatch(new RegExp(`^${IIZUKA_BIO_START}.*Brookings Institution in 2008-09\\.$`));
    expect(page.paragraphs.some((p) => p.includes("Page Top") || p.startsWith("Keiko Iizuka"))).toBe(false);
  });

  it("reads two authors joined by 'and', each with a bio, and 'March 15, 2015'", () => {
    const page = parsed("two-authors.txt");
    expect(page).toMatchObject({ number: 205, authors: ["Taro Yamada", "Hanako Suzuki"], date: "2015-03-15" });
    expect(page.bios.map((b) => b?.slice(0, 14))).toEqual(["Taro Yamada is", "Hanako Suzuki "]);
    expect(page.paragraphs).toHaveLength(2);
    expect(page.copyright).toMatch(/^©Copyright 2015 /);
  });

  it("reads three authors ('A, B and C'), lets one go without a bio, and reads 01.08.2014 day first", () => {
    const page = parsed("three-authors.txt");
    expect(page).toMatchObject({ number: 207, authors: ["Ken Sato", "Mei Tanaka", "Jun Mori"], date: "2014-08-01" });
    expect(page.bios).toEqual(["Ken Sato is a Research Fellow at the Institute.", undefined, "Jun Mori is an economist based in Osaka."]);
    expect(page.paragraphs).toEqual([
      "Energy security means different things in Tokyo, Beijing and Seoul.",
      "The three authors agree on one thing only: diversity of supply.",
    ]);
  });

  it("reads a Japanese page of the same layout: its name, date, number, bio, disclaimer and page furniture", () => {
    const page = parsed("ja/ajiss-201.txt");
    expect(page).toMatchObject({
      institution: "日本国際問題研究所",
      number: 201,
      title: "米国がいま日本に求めるもの",
      authors: ["飯塚恵子"],
      date: "2014-08-01",
    });
    expect(page.paragraphs).toHaveLength(4);
    expect(page.bios[0]).toMatch(/^飯塚恵子　読売新聞ワシントン支局長。/);
    expect(page.disclaimer).toBe("本稿の内容は執筆者個人の見解であり、日本国際問題研究所の見解を代表するものではありません。");
    expect(page.copyright).toMatch(/^©Copyright 2007/);
    // Its other ways of writing: "第201号", full-width digits, two names joined by "、", a bio with no space
    // after the name, and a paragraph wrapped mid-sentence (joined with no space).
    const text = fixture("ja/ajiss-201.txt")
      .text.replace("No.201", "第２０１号")
      .replace("飯塚恵子　2014年8月1日", "飯塚恵子、山田太郎　２０１４年８月１日")
      .replace("飯塚恵子　読売新聞", "飯塚恵子は読売新聞")
      .replace("足並みを", "足並みを\n")
      .replace("ページトップ", "▲ページの先頭へ");
    const other = parsePage(text, "ja.txt");
    expect(other.problems).toEqual([]);
    expect(other.page).toMatchObject({
      number: 201,
      authors: ["飯塚恵子", "山田太郎"],
      date: "2014-08-01",
      bios: [expect.stringMatching(/^飯塚恵子は/), undefined],
    });
    expect(other.page!.paragraphs[0]).toContain("足並みをそろえつつある");
  });

  it("keeps names and text with diacritics as written", () => {
    const page = parsed("diacritics.txt");
    expect(page).toMatchObject({ title: "Ōsaka, Kōbe and the Kansai Economy", authors: ["Kōji Hirose"], date: "2014-09-03" });
    expect(page.bios).toEqual(["Kōji Hirose is Professor of Economics at Ōsaka University."]);
    expect(page.paragraphs[1]).toContain("— vis-à-vis Tokyo");
  });

  it("reads CRLF, trailing spaces and tabs, non-breaking spaces in structure lines, and wrapped paragraphs", () => {
    const page = parsed("crlf.txt");
    expect(page).toMatchObject({
      number: 211,
      title: "Trade After the Summit",
      authors: ["Keiko Iizuka"],
      date: "2014-08-01",
      disclaimer: DISCLAIMER,
      copyright: COPYRIGHT,
    });
    // Body text keeps its non-breaking space; only the line ends are trimmed.
    expect(page.paragraphs).toEqual([
      "The summit ended without a deal, but both sides said talks would go on.",
      "Markets took the news calmly: the yen moved 0.2\u00a0%.",
    ]);
    expect(page.bios).toEqual(["Keiko Iizuka is Washington Bureau Chief for the Yomiuri Shimbun."]);
  });

  it("ignores a byte-order mark, and needs neither Page Top nor a final newline", () => {
    const page = parsed("bom.txt");
    expect(page).toMatchObject({ institution: "The Japan Institute of International Affairs", number: 213, date: "2014-08-01", copyright: COPYRIGHT });
    expect(page.paragraphs).toEqual(["Some editors save files with an invisible mark at the start.", "It should change nothing."]);
  });

  it("keeps markup-like text and a punctuated title exactly as written", () => {
    const page = parsed("markup.txt");
    expect(page.title).toBe(`Japan & the US: "Allies" <or> 'Rivals'?`);
    expect(page.paragraphs).toContain("2014. That was the year everything changed.");
    expect(page.paragraphs).toContain("Backslashes: C:\\Users\\x\\*.txt and \\\\ and a trailing \\");
    expect(page.paragraphs).toContain("Templates: {{ site.title }} {% raw %} ${x}");
    expect(page.paragraphs).toContain("---");
    expect(page.paragraphs.at(-1)).toBe("This paragraph is wrapped across three lines in the saved page and reads as one.");
  });

  it("takes a title that ends in a date for the title, not the byline", () => {
    const text = "The Japan Institute of International Affairs\nNo.220\nTokyo Since March 11, 2011\nKeiko Iizuka, 11 March 2015\n\nBody.\n";
    expect(parsePage(text, "x.txt").page).toMatchObject({
      title: "Tokyo Since March 11, 2011",
      authors: ["Keiko Iizuka"],
      date: "2015-03-11",
      paragraphs: ["Body."],
    });
  });

  it("reads the names and the date on lines of their own, an Oxford comma, and 'By'", () => {
    const text = "Institute\n\nNo.221\nA Title\nBy Ana de la Cruz, Bo Li, and Cy Ng\n1.2.2015\n\nBody.\n";
    expect(parsePage(text, "x.txt").page).toMatchObject({ title: "A Title", authors: ["Ana de la Cruz", "Bo Li", "Cy Ng"], date: "2015-02-01" });
  });

  const BAD: [string, RegExp][] = [
    ["bad-no-number.txt", /^no essay number \(a line like "No\.201"\) near the top$/],
    ["bad-no-date.txt", /^no date in the byline/],
    ["bad-impossible-date.txt", /^the byline's date "31 February 2014" is not a real calendar day$/],
    ["bad-no-title.txt", /^no title/],
    ["bad-no-body.txt", /^no body text/],
    ["bad-no-byline.txt", /^no byline \(a line like "Keiko Iizuka 1 August 2014" under the title\)$/],
    ["bad-layout.txt", /^the page's layout was not recognised/],
    ["bad-trailing-text.txt", /^unrecognised text after the page's copyright line: "Share this page/],
    ["bad-empty.txt", /^is empty$/],
  ];
  for (const [name, message] of BAD) {
    it(`refuses ${name} with one problem in plain words`, () => {
      const { file, text } = fixture(name);
      const result = parsePage(text, file);
      expect(result.page).toBeUndefined();
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]!.file).toBe(name);
      expect(result.problems[0]!.message).toMatch(message);
    });
  }

  it("refuses a page holding a character the content check refuses, naming its line and column", () => {
    const { file, text } = fixture("ajiss-201.txt");
    const lines = text.split("\n");
    lines[9] = `${lines[9]!.slice(0, 4)}\u001b${lines[9]!.slice(4)}`;
    const result = parsePage(lines.join("\n"), file);
    expect(result.page).toBeUndefined();
    expect(result.problems).toEqual([{ file, where: "line 10", message: "holds U+001B, a control character, at column 5: remove it from the saved page" }]);
  });

  it("points at the line of a bad byline", () => {
    const { file, text } = fixture("bad-impossible-date.txt");
    expect(parsePage(text, file).problems[0]!.where).toBe("line 5");
  });
});

describe("toSlug", () => {
  it("folds accents and keeps ASCII letters and digits", () => {
    expect(toSlug("Kōji Hirose")).toBe("koji-hirose");
    expect(toSlug("Japan & the US: \"Allies\" <or> 'Rivals'?")).toBe("japan-the-us-allies-or-rivals");
    expect(toSlug("  AJISS–Commentary No.201 ")).toBe("ajiss-commentary-no-201");
    expect(toSlug("港湾")).toBe("");
    for (const s of ["Kōji Hirose", "Ōsaka, Kōbe", "a--b", "Ⅻ ﬁle"]) expect(toSlug(s)).toMatch(SLUG_PATTERN);
  });
});

describe("essayFile", () => {
  const input: EssayInput = {
    title: "What the US Now Craves from Japan",
    series: "ajiss-commentary",
    number: 201,
    date: "2014-08-01",
    authors: [{ id: "keiko-iizuka", bio: "Keiko Iizuka is: a journalist." }, { id: "taro-yamada" }],
    paragraphs: ["First.", "2014. Second *with* <b>markup</b>."],
  };

  it("writes the front matter in docs/content.md's order, block style, and the body after one blank line", () => {
    const { path, text } = essayFile({
      ...input,
      disclaimer: "Other views.",
      copyright: "© 2015 X",
      source: "https://www.jiia.or.jp/en/ajiss_commentary/x.html",
    });
    expect(path).toBe(SEED_PATH);
    expect(text).toBe(
      [
        "---",
        "title: What the US Now Craves from Japan",
        "series: ajiss-commentary",
        "number: 201",
        "date: 2014-08-01",
        "authors:",
        "  - id: keiko-iizuka",
        "    bio: 'Keiko Iizuka is: a journalist.'",
        "  - taro-yamada",
        "disclaimer: Other views.",
        "copyright: © 2015 X",
        "source: https://www.jiia.or.jp/en/ajiss_commentary/x.html",
        "---",
        "",
        "First.",
        "",
        "2014\\. Second \\*with\\* <b>markup</b>.",
        "",
      ].join("\n"),
    );
    expect(essayFile(input)).toEqual(essayFile(structuredClone(input)));
  });

  it("quotes whatever YAML would misread, and reads back to the same values", () => {
    const titles = [
      "2014-08-01",
      "no",
      "Yes",
      "null",
      "~",
      "123",
      "0x1F",
      "1e3",
      ".inf",
      "Title: sub",
      "# hash",
      "- dash",
      "'single'",
      '"double"',
      "[x]",
      "{{ x }}",
      "a #b",
      "@at",
      "`tick",
      "& <b> > | % *",
      "trailing: ",
      " lead",
      "line\nbreak",
      "tab\tin",
      "Kōji Hirose",
    ];
    for (const title of titles) {
      const { text } = essayFile({ ...input, title, authors: [{ id: "123", bio: title }, { id: "no" }], disclaimer: title });
      expect(readEssay(text).data).toEqual({
        title,
        series: "ajiss-commentary",
        number: 201,
        date: "2014-08-01",
        authors: [{ id: "123", bio: title }, "no"],
        disclaimer: title,
      });
    }
    expect(essayFile({ ...input, title: "2014-08-01" }).text).toContain("title: '2014-08-01'\n");
  });

  it("names a title without ASCII letters 'essay'", () => {
    expect(essayFile({ ...input, title: "港湾都市" }).path).toBe("src/essays/201-essay.md");
  });
});

describe("planImport", () => {
  it("turns the seed into its essay, author and series records", () => {
    const plan = planImport([fixture("ajiss-201.txt")], empty(), SERIES);
    expect(plan.problems).toEqual([]);
    expect(plan.writes.map((w) => w.path)).toEqual(["_data/authors.json", "_data/series.json", SEED_PATH]);
    expect(plan.lines).toEqual([`imported ${SEED_PATH}`]);
    expect(plan.summary).toBe("imported 1 essay, 1 new author, new series ajiss-commentary");

    const [authors, series, essay] = plan.writes as [Plan["writes"][0], Plan["writes"][0], Plan["writes"][0]];
    expect(JSON.parse(authors.text)).toEqual({ "keiko-iizuka": { name: "Keiko Iizuka", bio: expect.stringMatching(new RegExp(`^${IIZUKA_BIO_START}`)) } });
    expect(JSON.parse(series.text)).toEqual({
      "ajiss-commentary": {
        title: "AJISS-Commentary",
        publisher: PUBLISHER,
        institution: "The Japan Institute of International Affairs",
        disclaimer: DISCLAIMER,
        copyright: COPYRIGHT,
      },
    });
    expect(series.text).toBe(`${JSON.stringify(JSON.parse(series.text), null, 2)}\n`);

    const { data, content } = readEssay(essay.text);
    expect(data).toEqual({
      title: "What the US Now Craves from Japan",
      series: "ajiss-commentary",
      number: 201,
      date: "2014-08-01",
      authors: [{ id: "keiko-iizuka", bio: expect.stringMatching(new RegExp(`^${IIZUKA_BIO_START}`)) }],
    });
    expect(renderBody(content).texts).toEqual(parsed("ajiss-201.txt").paragraphs);
    expect(essay.text.endsWith(".\n")).toBe(true);
  });

  it("renders every imported paragraph back to exactly its text, as one <p> each", () => {
    for (const name of GOOD) {
      const plan = planImport([fixture(name)], empty(), SERIES);
      expect(plan.problems).toEqual([]);
      const essay = plan.writes.find((w) => w.path.startsWith("src/essays/"))!;
      const body = renderBody(readEssay(essay.text).content);
      expect(body.tags.every((tag) => tag === "p")).toBe(true);
      expect(body.texts).toEqual(parsed(name).paragraphs);
    }
  });

  it("is idempotent: planning again against its own result changes nothing", () => {
    const batch = GOOD.map(fixture);
    const first = planImport(batch, empty(), SERIES);
    expect(first.problems).toEqual([]);
    const again = planImport(batch, apply(empty(), first), SERIES);
    expect(again.problems).toEqual([]);
    expect(again.writes).toEqual([]);
    expect(again.lines.every((line) => line.startsWith("unchanged src/essays/"))).toBe(true);
    expect(again.summary).toBe(`imported 0 essays, ${GOOD.length} unchanged`);
  });

  it("does not depend on the order of the files", () => {
    const batch = GOOD.map(fixture);
    expect(planImport([...batch].reverse(), empty(), SERIES)).toEqual(planImport(batch, empty(), SERIES));
  });

  it("makes new authors in id order, each essay carrying its own bios", () => {
    const plan = planImport(GOOD.map(fixture), empty(), SERIES);
    const authors = JSON.parse(plan.writes.find((w) => w.path === "_data/authors.json")!.text) as Record<string, { name: string; bio?: string }>;
    expect(Object.keys(authors)).toEqual(["hanako-suzuki", "jun-mori", "keiko-iizuka", "ken-sato", "koji-hirose", "mei-tanaka", "taro-yamada"]);
    expect(authors["koji-hirose"]).toEqual({ name: "Kōji Hirose", bio: "Kōji Hirose is Professor of Economics at Ōsaka University." });
    expect(authors["mei-tanaka"]).toEqual({ name: "Mei Tanaka" });
    // Keiko Iizuka's first page by number is No.201: its bio is the record's.
    expect(authors["keiko-iizuka"]!.bio).toMatch(/Brookings Institution in 2008-09\.$/);
    const three = readEssay(plan.writes.find((w) => w.path.startsWith("src/essays/207-"))!.text).data;
    expect(three.authors).toEqual([
      { id: "ken-sato", bio: "Ken Sato is a Research Fellow at the Institute." },
      "mei-tanaka",
      { id: "jun-mori", bio: "Jun Mori is an economist based in Osaka." },
    ]);
    const crlf = readEssay(plan.writes.find((w) => w.path.startsWith("src/essays/211-"))!.text).data;
    expect(crlf.authors).toEqual([{ id: "keiko-iizuka", bio: "Keiko Iizuka is Washington Bureau Chief for the Yomiuri Shimbun." }]);
  });

  it("keeps an existing author record as it is", () => {
    const existing: Existing = {
      ...empty(),
      authors: { "keiko-iizuka": { name: "Keiko Iizuka", bio: "The record's own bio.", url: "https://example.org/ki" } },
    };
    const plan = planImport([fixture("ajiss-201.txt")], existing, SERIES);
    expect(plan.writes.map((w) => w.path)).toEqual(["_data/series.json", SEED_PATH]);
    expect(plan.summary).toBe("imported 1 essay, new series ajiss-commentary");

    const withNew = planImport([fixture("ajiss-201.txt"), fixture("two-authors.txt")], existing, SERIES);
    const authors = withNew.writes.find((w) => w.path === "_data/authors.json")!.text;
    expect(Object.keys(JSON.parse(authors) as object)).toEqual(["keiko-iizuka", "hanako-suzuki", "taro-yamada"]);
    expect((JSON.parse(authors) as Existing["authors"])["keiko-iizuka"]).toEqual(existing.authors["keiko-iizuka"]);
  });

  it("credits a Japanese page's author to the record that has the name in Japanese, and marks the essay Japanese", () => {
    const english = apply(empty(), planImport([fixture("ajiss-201.txt")], empty(), SERIES));
    const refused = planImport([fixture("ja/ajiss-201.txt")], english, { series: "ajiss-commentary-ja", seriesTitle: "AJISSコメンタリー" });
    expect(refused.problems.map((p) => p.message)).toEqual([expect.stringContaining('no author record has the name "飯塚恵子"')]);
    expect(refused.problems[0]!.message).toContain('"names": { "ja": "飯塚恵子" }');

    const named: Existing = { ...english, authors: { "keiko-iizuka": { ...english.authors["keiko-iizuka"]!, names: { ja: "飯塚恵子" } } } };
    const plan = planImport([fixture("ja/ajiss-201.txt")], named, { series: "ajiss-commentary-ja", seriesTitle: "AJISSコメンタリー" });
    expect(plan.problems).toEqual([]);
    const essay = plan.writes.find((w) => w.path.startsWith("src/essays/"))!;
    expect(essay.path).toBe("src/essays/201-essay.md");
    const { data } = readEssay(essay.text);
    expect(data).toMatchObject({
      title: "米国がいま日本に求めるもの",
      number: 201,
      date: "2014-08-01",
      lang: "ja",
      authors: [{ id: "keiko-iizuka", bio: expect.stringMatching(/^飯塚恵子/) }],
    });
    // In a Japanese archive, a Japanese essay needs no `lang`; an English one does.
    const inJapanese = planImport(
      [fixture("ja/ajiss-201.txt")],
      { ...named, language: "ja" },
      { series: "ajiss-commentary-ja", seriesTitle: "AJISSコメンタリー" },
    );
    expect(readEssay(inJapanese.writes.find((w) => w.path.startsWith("src/essays/"))!.text).data.lang).toBeUndefined();
    expect(readEssay(planImport([fixture("ajiss-201.txt")], { ...empty(), language: "ja" }, SERIES).writes.at(-1)!.text).data.lang).toBe("en");
  });

  it("keeps a page's disclaimer and copyright on the essay only where they differ from the series'", () => {
    const plan = planImport([fixture("ajiss-201.txt"), fixture("two-authors.txt")], empty(), SERIES);
    const seed = readEssay(plan.writes.find((w) => w.path === SEED_PATH)!.text).data;
    expect(seed).not.toHaveProperty("disclaimer");
    expect(seed).not.toHaveProperty("copyright");
    const two = readEssay(plan.writes.find((w) => w.path.startsWith("src/essays/205-"))!.text).data;
    expect(two.disclaimer).toMatch(/^The views expressed in this piece are the authors' own/);
    expect(two.copyright).toMatch(/^©Copyright 2015 /);
  });

  it("writes nothing when any file in the batch has a problem", () => {
    const plan = planImport([fixture("ajiss-201.txt"), fixture("bad-no-date.txt"), fixture("two-authors.txt")], empty(), SERIES);
    expect(plan.writes).toEqual([]);
    expect(plan.problems).toEqual([{ file: "bad-no-date.txt", where: "line 5", message: expect.stringMatching(/^no date in the byline/) }]);
    expect(plan.lines).toEqual([
      `held back ${SEED_PATH}`,
      "held back src/essays/205-rules-for-the-seas-around-japan.md",
      expect.stringMatching(/^refused bad-no-date\.txt: no date in the byline/),
    ]);
    expect(plan.summary).toBe("nothing written: 1 problem, 1 file refused");
  });

  it("needs a title for a new series", () => {
    const plan = planImport([fixture("ajiss-201.txt")], empty(), { series: "ajiss-commentary" });
    expect(plan.writes).toEqual([]);
    expect(plan.problems.map((p) => p.message)).toEqual(["series ajiss-commentary is new: give its title with --series-title"]);
  });

  it("refuses a number the series already has with other content, unless forced", () => {
    const old = "---\ntitle: Old\nseries: ajiss-commentary\nnumber: 201\ndate: 2014-08-01\nauthors:\n  - keiko-iizuka\n---\n\nOld text.\n";
    const existing: Existing = {
      ...apply(empty(), planImport([fixture("ajiss-201.txt")], empty(), SERIES)),
      essays: new Map([["src/essays/201-old.md", old]]),
    };

    const refused = planImport([fixture("ajiss-201.txt")], existing, SERIES);
    expect(refused.writes).toEqual([]);
    expect(refused.problems).toEqual([{ file: "ajiss-201.txt", message: expect.stringContaining("src/essays/201-old.md") }]);
    expect(refused.lines).toEqual(["refused ajiss-201.txt: No.201 is already src/essays/201-old.md"]);

    const forced = planImport([fixture("ajiss-201.txt")], existing, { ...SERIES, force: true });
    expect(forced.problems).toEqual([]);
    expect(forced.writes.map((w) => w.path)).toEqual([SEED_PATH]);
    expect(forced.removes).toEqual(["src/essays/201-old.md"]);
    expect(forced.lines).toEqual([`replaced ${SEED_PATH}`]);
    expect(planImport([fixture("ajiss-201.txt")], apply(existing, forced), SERIES).lines).toEqual([`unchanged ${SEED_PATH}`]);
  });

  it("lets another series have the same number", () => {
    const other = "---\ntitle: Other\nseries: other-series\nnumber: 201\ndate: 2014-08-01\nauthors:\n  - keiko-iizuka\n---\n\nText.\n";
    const plan = planImport([fixture("ajiss-201.txt")], { ...empty(), essays: new Map([["src/essays/201-other.md", other]]) }, SERIES);
    expect(plan.problems).toEqual([]);
    expect(plan.lines).toEqual([`imported ${SEED_PATH}`]);
  });

  it("refuses two files with the same number in one batch", () => {
    const seed = fixture("ajiss-201.txt");
    const plan = planImport([seed, { file: "copy.txt", text: seed.text }], empty(), SERIES);
    expect(plan.writes).toEqual([]);
    expect(plan.problems).toEqual([{ file: "copy.txt", message: "has the same essay number (No.201) as ajiss-201.txt" }]);
  });

  it("records the source address, and refuses one that is not http(s)", () => {
    const ok = planImport([fixture("ajiss-201.txt")], empty(), { ...SERIES, source: () => "https://www.jiia.or.jp/en/ajiss_commentary/201.html" });
    expect(readEssay(ok.writes.at(-1)!.text).data.source).toBe("https://www.jiia.or.jp/en/ajiss_commentary/201.html");
    const bad = planImport([fixture("ajiss-201.txt")], empty(), { ...SERIES, source: () => "file:///tmp/x" });
    expect(bad.writes).toEqual([]);
    expect(bad.problems[0]!.where).toBe("source");
  });
});
