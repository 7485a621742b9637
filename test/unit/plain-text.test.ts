import { describe, expect, it } from "vitest";
import MarkdownIt, { type PluginSimple } from "markdown-it";
import footnotePlugin from "markdown-it-footnote";
import { parseHTML } from "linkedom";
import { createMarkdown } from "../../lib/bodies/markdown.ts";
import { escapeMarkdown, joinLines } from "../../lib/import/plain-text.ts";

// @types/markdown-it-footnote types the plugin against markdown-it's CommonJS typings, which TypeScript
// sees as a different MarkdownIt from the ESM one; the function is the same.
const footnote = footnotePlugin as unknown as PluginSimple;

// The site's renderer, and the same with footnotes on (they will be): escaping must hold for both.
const withFootnotes = createMarkdown().use(footnote);
const renderers: [string, MarkdownIt][] = [
  ["createMarkdown()", createMarkdown()],
  ["createMarkdown() + footnotes", withFootnotes],
  ["plain markdown-it + footnotes", new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote)],
];

/** The elements the markdown became, and their text with entities decoded. */
function rendered(md: MarkdownIt, source: string): { tags: string[]; text: string; html: string } {
  const html = md.render(source);
  const root = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`).document.getElementById("root")!;
  return { tags: [...root.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()), text: root.firstElementChild?.textContent ?? "", html };
}

const NASTY = [
  "2014. The year everything changed.",
  "2014) Or this way.",
  "1. One",
  "12345.",
  "*US* and **Japan** and _both_ and __all__",
  "a*b*c and snake_case_name and _lead and trail_",
  "<b>bold</b> <i>x</i> <script>alert(1)</script> <!-- c --> <div>",
  "<http://example.com> and <mailto:a@b.c> and <a@b.c> and <x:y>",
  "a < b > c and 3<4 and x<y:z>",
  "[x](y) and ![img](src) and [ref] and [ref][1] and [^1] and ^[inline note]",
  "[ref]: http://example.com",
  "[^1]: a footnote definition",
  "# Heading",
  "###### six",
  "#hashtag",
  "> quoted",
  "- item",
  "+ item",
  "-",
  "+",
  "---",
  "- - -",
  "***",
  "___",
  "===",
  "-- not a rule",
  "* star item",
  "| a | b |",
  "~~struck~~ and ~single~ and ~~~fence",
  "```js",
  "~~~",
  "`code` and ``double`` and lone ` tick",
  "back\\slash and \\* and \\\\ and ends with \\",
  "\\",
  "\\\\",
  "C:\\Users\\x\\*.txt",
  "&amp; &lt; &#38; &#x26; &#X26; &copy &nosuch; & AT&T R&D",
  "{{ site.title }} {% raw %} ${x} {# c #}",
  "Tom & Jerry's \"quotes\" 'single' -- (c) (tm) ... +- 1/2",
  "2014-08-01: a date-like start",
  "    four spaces of indent",
  "  two leading spaces and two trailing  ",
  "\tleading tab",
  "non\u00a0breaking\u00a0spaces\u00a0",
  "\u00a0leading nbsp",
  "trailing backslash then space \\ ",
  "   ",
  "Kōji Hirose said «bonjour» — 日本語のテキスト — emoji 🇯🇵",
  "a\u200bzero width and \ufeffbom inside",
  "!important and !",
  "http://example.com/bare_link_with_underscores_ and www.example.com",
  "foo@bar.com",
  "1\\. already escaped-looking",
  "x_\\*y and \\_ and _\\_",
  "footnote-like: text[^note] and [^note]:",
  "$$ math $$ and $x$",
  ":::: container",
  "Setext?\n===",
  "a | b\n--|--\nc | d",
];

/** A deterministic stream of strings made of the characters markdown cares about. */
function* randomStrings(count: number): Generator<string> {
  const alphabet = [
    "a",
    "b",
    "1",
    "2",
    " ",
    " ",
    "\t",
    "\u00a0",
    ".",
    ")",
    "*",
    "_",
    "`",
    "~",
    "[",
    "]",
    "(",
    ")",
    "!",
    "^",
    "<",
    ">",
    ":",
    "@",
    "/",
    "&",
    "#",
    ";",
    "x",
    "\\",
    "-",
    "+",
    "=",
    "|",
    "{",
    "}",
    '"',
    "'",
    "é",
    "\n",
  ];
  let seed = 20140801;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < count; n++) {
    const length = 1 + Math.floor(next() * 40);
    let s = "";
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    yield s;
  }
}

describe("escapeMarkdown", () => {
  for (const [name, md] of renderers) {
    it(`renders every nasty paragraph as one <p> of exactly its text (${name})`, () => {
      for (const raw of NASTY) {
        const s = joinLines(raw);
        const out = rendered(md, escapeMarkdown(raw));
        expect({ raw, tags: out.tags }).toEqual({ raw, tags: ["p"] });
        expect({ raw, text: out.text }).toEqual({ raw, text: s });
      }
    });
    it(`holds for thousands of random strings of markdown's special characters (${name})`, () => {
      // Compared in bulk: one expect for 3,000 strings, which shows every string that failed.
      const failed: object[] = [];
      for (const raw of randomStrings(3000)) {
        if (joinLines(raw) === "") continue;
        const out = rendered(md, escapeMarkdown(raw));
        if (out.tags.join() !== "p" || out.text !== joinLines(raw)) failed.push({ raw, escaped: escapeMarkdown(raw), tags: out.tags, text: out.text });
      }
      expect(failed).toEqual([]);
    });
  }

  it("escapes only what needs it, so the file stays readable", () => {
    const plain = 'As Russia\'s President Putin keeps stirring, vis-à-vis Russia (e.g., beef) costs $5 & 10% more: "quotes"!';
    expect(escapeMarkdown(plain)).toBe(plain);
    expect(escapeMarkdown("2014. A year")).toBe("2014\\. A year");
    expect(escapeMarkdown("In 2014. A year")).toBe("In 2014. A year");
    expect(escapeMarkdown("*US*")).toBe("\\*US\\*");
    expect(escapeMarkdown("snake_case")).toBe("snake_case");
    expect(escapeMarkdown("AT&T &amp;")).toBe("AT&T \\&amp;");
    expect(escapeMarkdown("<b> and <http://x>")).toBe("<b> and \\<http://x>");
    expect(escapeMarkdown("# x - y")).toBe("\\# x - y");
    expect(escapeMarkdown("a\\b \\*")).toBe("a\\b \\\\\\*");
  });

  it("joins a paragraph's lines with one space", () => {
    expect(joinLines("one  \r\ntwo\n  three\rfour")).toBe("one two three four");
    expect(escapeMarkdown("first line\n- not a list")).toBe("first line - not a list");
  });
});
