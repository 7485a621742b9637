// SVG figures are static SVG alone, by allowlist (lib/bodies/svg.ts, called by lib/bodies/figures.ts):
// every file of the hostile corpus (test/fixtures/svg/src/figures/hostile/, one file a class of attack,
// each shown by test/browser/hostile-svg.test.ts to act when opened raw) is refused, naming the file, the
// essay's line and what it holds; the plain drawings beside it, editors' exports among them, are measured.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFigures } from "../../lib/bodies/figures.ts";
import { cssProblems, svgProblems } from "../../lib/bodies/svg.ts";
import { fixture } from "../helpers/build.ts";

const ROOT = fixture("svg");
const ESSAY = "src/essays/1-charts.md";
const names = (kind: "hostile" | "plain") => readdirSync(join(ROOT, "src/figures", kind)).sort();

/** What each hostile file holds, as the problem names it. */
const HOSTILE: Record<string, string> = {
  "attribute-cursor-url.svg": "a reference to another address (cursor: url(http://127.0.0.1:9/cursor.png))",
  "attribute-fill-url.svg": "a reference to another address (fill: url(http://127.0.0.1:9/fill.svg#paint))",
  "attribute-filter-url.svg": "a reference to another address (filter: url(http://127.0.0.1:9/filter.svg#f))",
  "attribute-mask-url.svg": "a reference to another address (mask: url(http://127.0.0.1:9/mask.svg#m))",
  "css-escape-url.svg": "a reference to another address (<style>: url(http://127.0.0.1:9/css-escape.png))",
  "css-image-set.svg": "a style outside static SVG (<style>: image-set())",
  "css-import.svg": "a style outside static SVG (<style>: @import), a reference to another address (<style>: url(http://127.0.0.1:9/import.css))",
  "doctype-entity-attribute.svg": 'a document type declaration (<!DOCTYPE svg [<!ENTITY away "http://127.0.0.1:9/entity-attr…>)',
  "doctype-entity-element.svg": `a document type declaration (<!DOCTYPE svg [<!ENTITY payload "<script>alert('entity-eleme…>)`,
  "external-image.svg": 'a reference to another address (href="http://127.0.0.1:9/external-image.png")',
  "external-use.svg": 'a reference to another address (href="other.svg#shape")',
  "foreign-object.svg": "an element outside static SVG (<foreignObject>)",
  "html-script.svg": "an element outside static SVG (<html:script>)",
  "link-away.svg": 'a reference to another address (href="http://127.0.0.1:9/linked")',
  "onload.svg": `an event handler (onload="alert('onload')")`,
  "prefixed-script.svg": "an element outside static SVG (<s:script>)",
  "script.svg": "an element outside static SVG (<script>)",
  "xhtml-iframe-srcdoc.svg": "an element outside static SVG (<h:iframe>)",
  "xhtml-link.svg": "an element outside static SVG (<h:link>)",
  "xhtml-meta-refresh.svg": "an element outside static SVG (<h:meta>)",
  "xhtml-style.svg": "an element outside static SVG (<h:style>)",
  "xml-stylesheet.svg": 'a processing instruction (<?xml-stylesheet type="text/css" href="http://127.0.0.1:9/styleshee…?>)',
};

describe("an SVG figure", () => {
  it("is refused for every class of the hostile corpus, naming the file, the essay's line and what it holds", () => {
    expect(Object.keys(HOSTILE).sort()).toEqual(names("hostile"));
    const references = names("hostile").map((name, i) => ({ src: `hostile/${name}`, alt: name, line: i + 1 }));
    const { sizes, problems } = readFigures(ROOT, ESSAY, 10, references);
    expect(sizes).toEqual({});
    expect(problems.map((p) => [p.where, p.message.replace(/\. Only static SVG is published.*/, "")])).toEqual(
      names("hostile").map((name, i) => [`line ${10 + i}`, `figure src/figures/hostile/${name} is not a plain drawing: it holds ${HOSTILE[name]}`]),
    );
  });

  it("is published as it is when it is a plain drawing: gradients, text, <use> of #ids, editors' exports with their metadata", () => {
    const references = names("plain").map((name, i) => ({ src: `plain/${name}`, alt: name, line: i + 1 }));
    const { sizes, problems } = readFigures(ROOT, ESSAY, 10, references);
    expect(problems).toEqual([]);
    expect(Object.keys(sizes).sort()).toEqual(names("plain").map((name) => `plain/${name}`));
  });
});

describe("an SVG's encoding", () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
  it("is UTF-8 alone, as it is checked: a declared other encoding (a browser would read other characters) or bytes that are not UTF-8 are refused", () => {
    expect(svgProblems(new TextEncoder().encode(`<?xml version="1.0" encoding="ISO-2022-JP"?>${svg}`))).toEqual([
      'an encoding other than UTF-8 (encoding="ISO-2022-JP")',
    ]);
    expect(svgProblems(Buffer.from(`\ufeff${svg}`, "utf16le"))).toEqual(["bytes that are not UTF-8"]);
    expect(svgProblems(new TextEncoder().encode(`\ufeff<?xml version="1.0" encoding="UTF-8"?>${svg}`))).toEqual([]);
  });
});

describe("CSS in an SVG", () => {
  // Each as a browser reads it: escapes decoded, comments dropped, names in any case.
  it.each([
    ["fill: u\\72l(http://x/y)", "a reference to another address (style: url(http://x/y))"],
    ["fill: \\75 rl(http://x/y)", "a reference to another address (style: url(http://x/y))"],
    ['fill: URL( "http://x/y" )', 'a reference to another address (style: url("http://x/y"))'],
    ["fill: url(  '//x/y')", "a reference to another address (style: url('//x/y'))"],
    ["background: image(x.png)", "a style outside static SVG (style: image())"],
    ["width: expression(alert(1))", "a style outside static SVG (style: expression())"],
    ["fill: var(--x)", "a style outside static SVG (style: var())"],
    ["fill: im\\61ge-set('x.png' 1x)", "a style outside static SVG (style: image-set())"],
    ["@media print { a { fill: red } }", "a style outside static SVG (style: @media)"],
    ["@font-face { src: local(x) }", "a style outside static SVG (style: @font-face)"],
    ["fill: url(http://x", "a reference to another address (style: url(http://x))"],
  ])("refuses %s", (css, problem) => {
    expect(cssProblems(css, "style")).toContain(problem);
  });

  it.each([
    "fill: url(#g); stroke: rgb(0 0 0 / 50%); opacity: .5 !important",
    "fill: url('#g') red; filter: url(\"#blur\") drop-shadow(1px 1px 2px #000)",
    "transform: translate(10px, 20px) rotate(45deg) scale(1.5) matrix(1,0,0,1,0,0)",
    ".a:hover > .b[data-x='1'] { font: bold 12px/1.2 'Noto Sans', sans-serif } /* a comment */",
  ])("accepts %s", (css) => {
    expect(cssProblems(css, "style")).toEqual([]);
  });
});
