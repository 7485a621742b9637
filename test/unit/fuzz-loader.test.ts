// The loader, fuzzed (fast-check): random and mutated front matter, records and bytes never make it throw,
// every problem names a file, and valid input always loads, as it was written. A few hundred cases in
// `npm test`; `FUZZ_RUNS=10000 npx vitest run test/unit/fuzz-loader.test.ts` for a longer run.
import { cp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import yaml from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { firstInvalidUtf8, readUtf8 } from "../../lib/content/encoding.ts";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { ContentError } from "../../lib/content/problems.ts";
import { contentText, NotUtf8Error, parseEssay, parseRecords, type RecordTexts } from "../../lib/content/read.ts";
import { LIMITS } from "../../lib/content/schema/index.ts";
import { figureReferences, readFigures } from "../../lib/bodies/figures.ts";
import { createMarkdown, renderBody } from "../../lib/bodies/markdown.ts";
import { fixture } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const options = { numRuns: RUNS };
const FILE = "src/essays/7-x.md";
const AUTHORS = ["ada-okafor", "ben-takeda", "constructor"];
const known = { authors: new Set(AUTHORS), series: new Set(["policy-notes"]) };

/** Problems are data naming a file, never an exception. */
function expectProblemsNamed(problems: { file: string; message: string }[], file?: string) {
  for (const p of problems) {
    expect(typeof p.message).toBe("string");
    expect(p.message.length).toBeGreaterThan(0);
    if (file) expect(p.file).toBe(file);
    else expect(p.file.length).toBeGreaterThan(0);
  }
}

const VALID_ESSAY = "---\ntitle: A title\nseries: policy-notes\nnumber: 7\ndate: 2020-02-29\nauthors:\n  - ada-okafor\n---\n\nThe body.\n";

/** Text with random edits: characters inserted, ranges deleted or repeated, lines swapped. */
const mutated = (text: string) =>
  fc
    .array(fc.tuple(fc.constantFrom("insert", "delete", "repeat", "swap"), fc.nat(), fc.nat({ max: 20 }), fc.string({ unit: "binary", maxLength: 12 })), {
      minLength: 1,
      maxLength: 6,
    })
    .map((edits) =>
      edits.reduce((t, [kind, at, length, insert]) => {
        const i = t.length ? at % t.length : 0;
        if (kind === "insert") return t.slice(0, i) + insert + t.slice(i);
        if (kind === "delete") return t.slice(0, i) + t.slice(i + length);
        if (kind === "repeat") return t.slice(0, i + length) + t.slice(i);
        const lines = t.split("\n");
        const a = at % lines.length;
        const b = (at + length) % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        return lines.join("\n");
      }, text),
    );

/** Any YAML value, for a field. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("__proto__", "constructor", "", " ", "2014-02-30", "de-1", "x".repeat(301)),
);

describe("essays, fuzzed", () => {
  it("random text never throws, and every problem names the file", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary" }),
          fc.string().map((s) => `---\n${s}\n---\n${s}`),
        ),
        (text) => {
          const result = parseEssay(FILE, text, known);
          expectProblemsNamed(result.problems, FILE);
          expect(result.essay === undefined).toBe(result.problems.length > 0);
        },
      ),
      options,
    );
  });

  it("mutated front matter never throws, and every problem names the file", () => {
    fc.assert(
      fc.property(mutated(VALID_ESSAY), (text) => {
        const result = parseEssay(FILE, text, known);
        expectProblemsNamed(result.problems, FILE);
      }),
      options,
    );
  });

  it("front matter with random fields and values never throws", () => {
    const base = { title: "T", series: "policy-notes", number: 7, date: "2020-01-01", authors: ["ada-okafor"] };
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(fc.constantFrom("title", "series", "number", "date", "authors", "summary", "topics", "lang", "source", "__proto__"), fc.string()),
          anyValue,
        ),
        (fields) => {
          const text = `---\n${yaml.dump({ ...base, ...fields })}---\n\nBody.\n`;
          const result = parseEssay(FILE, text, known);
          expectProblemsNamed(result.problems, FILE);
        },
      ),
      options,
    );
  });

  it("valid front matter always loads, as written", () => {
    const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== "" && s.trim() === s);
    const day = fc
      .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const essay = fc.record(
      {
        title: text.filter((s) => s.length <= LIMITS.title),
        number: fc.integer({ min: 1, max: 1_000_000 }),
        date: day,
        authors: fc.uniqueArray(fc.constantFrom(...AUTHORS), { minLength: 1, maxLength: 3 }),
        summary: text,
        topics: fc.array(text, { maxLength: 4 }),
        lang: fc.constantFrom("en", "ja", "pt-BR", "zh-Hant-TW", "de-CH-1996"),
        body: text,
      },
      { requiredKeys: ["title", "number", "date", "authors", "body"] },
    );
    fc.assert(
      fc.property(essay, ({ body, ...fields }) => {
        const file = `src/essays/${fields.number}-x.md`;
        const result = parseEssay(file, `---\n${yaml.dump({ ...fields, series: "policy-notes" })}---\n\n${body}\n`, known);
        expect(result.problems).toEqual([]);
        expect(result.essay!.frontMatter).toEqual({ topics: [], ...fields, series: "policy-notes", authors: fields.authors.map((id) => ({ id })) });
        expect(result.essay!.body.trim()).toBe(body.trim());
      }),
      options,
    );
  });
});

describe("figures, fuzzed", () => {
  const md = createMarkdown();
  it("any body's images are found, checked and rendered without throwing, each problem at a line of the file", () => {
    const image = fc.tuple(
      fc.string({ maxLength: 12 }),
      fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom("chart.png", "http://x/y.png", "../a.png", "a b.png", "%E0%A4%A.png", "x.svg")),
    );
    const body = fc
      .array(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          image.map(([alt, src]) => `![${alt}](${src})`),
          fc.constant("\n"),
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(body, (text) => {
        const references = figureReferences(md, text);
        const { sizes, problems } = readFigures(fixture("basic"), FILE, 9, references);
        expectProblemsNamed(problems, FILE);
        for (const p of problems) expect(Number(/^line (\d+)$/.exec(p.where ?? "")?.[1])).toBeGreaterThanOrEqual(9);
        expect(typeof renderBody(md, text, sizes).html).toBe("string");
      }),
      options,
    );
  });
});

describe("records, fuzzed", () => {
  const site = JSON.stringify({ title: "T", description: "D", language: "en" });
  const series = JSON.stringify({ s: { title: "S", publisher: "P", institution: "I", disclaimer: "D", copyright: "C" } });

  it("random JSON and keys never throw, nothing is dropped, and every problem names a record file", () => {
    const key = fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "ok-id"));
    const records = fc.oneof(fc.dictionary(key, fc.oneof(fc.record({ name: fc.string() }), fc.jsonValue())), fc.jsonValue());
    fc.assert(
      fc.property(records, fc.boolean(), (value, asAuthors) => {
        const text = JSON.stringify(value) ?? "null";
        const texts: RecordTexts = { "site.json": site, "series.json": asAuthors ? series : text, "authors.json": asAuthors ? text : "{}" };
        const result = parseRecords(texts);
        expectProblemsNamed(result.problems);
        for (const p of result.problems) expect(p.file).toMatch(/^_data\/(authors|series)\.json$/);
        const parsed = asAuthors ? result.authors : result.series;
        // None vanishes: with no problem every key is kept; a key that is no id is named in a problem.
        if (value && typeof value === "object" && !Array.isArray(value)) {
          for (const id of Object.keys(value)) {
            if (result.problems.length === 0) expect(parsed !== undefined && Object.hasOwn(parsed, id), id).toBe(true);
            else if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
              expect(
                result.problems.some((p) => p.message.startsWith(`"${id}" is not a valid id`)),
                id,
              ).toBe(true);
          }
        }
        // No record is inherited from Object.prototype.
        if (parsed) expect(Object.getPrototypeOf(parsed)).toBe(null);
      }),
      options,
    );
  });

  it("valid records always load, every one of them", () => {
    const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
    const author = fc.record({ name: fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== "") }, { requiredKeys: ["name"] });
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(slug, fc.constant("constructor")), author), (authors) => {
        const result = parseRecords({ "site.json": site, "series.json": series, "authors.json": JSON.stringify(authors) });
        expect(result.problems).toEqual([]);
        expect({ ...result.authors }).toEqual(authors);
      }),
      options,
    );
  });
});

describe("bytes, fuzzed", () => {
  it("any bytes are read as UTF-8 or are one problem at the first bad byte, where TextDecoder fails", () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.string({ unit: "binary" }).map((s) => new TextEncoder().encode(s)),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        let valid = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(b);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(b) === -1).toBe(valid);
        const read = readUtf8(FILE, b);
        if ("problem" in read) {
          expect(read.problem.file).toBe(FILE);
          expect(read.problem.where).toMatch(/^line \d+, column \d+$/);
        }
      }),
      options,
    );
  });

  describe("through the whole loader", () => {
    let root: string;
    beforeAll(async () => {
      root = join(await tempDir("fuzz-"), "content");
      await cp(fixture("basic"), root, { recursive: true });
    });
    it("any essay file, as bytes, loads or is a ContentError whose problems name files", async () => {
      const essay = fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        mutated(VALID_ESSAY.replace("number: 7", "number: 9")).map((t) => new TextEncoder().encode(t)),
      );
      await fc.assert(
        fc.asyncProperty(essay, async (bytes) => {
          await writeFile(join(root, "src/essays/9-fuzzed.md"), bytes);
          const outcome = await createArchiveLoader(root, { cache: false })
            .load()
            .then(
              () => undefined,
              (e: unknown) => e,
            );
          if (outcome === undefined) return;
          expect(outcome).toBeInstanceOf(ContentError);
          expectProblemsNamed((outcome as ContentError).problems);
        }),
        { numRuns: Math.ceil(RUNS / 5) },
      );
      // The loader reads bytes as the parsers do.
      expect(contentText(FILE, Uint8Array.from([0xff]))).toBeInstanceOf(NotUtf8Error);
    });
  });
});
