// Figures: images an essay shows, kept in the content root's CONTENT.figures folder and written
// `![What the chart shows](chart.png)`. Each is checked when the essay is read (the file is there, it is an
// image a browser shows, it has alt text, it is not on another host, an SVG holds nothing that acts),
// measured so the page does not jump
// as it loads, and copied into the output's `figures/` (copyFigures), linked relatively from the page.
// The rendered body depends only on the body and each figure's name and size (lib/bodies/markdown.ts).
// https://github.com/image-size/image-size
import { readFileSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Parser } from "htmlparser2";
import { imageSize } from "image-size";
import type MarkdownIt from "markdown-it";
import type { Problem } from "../content/problems.ts";
import type { FigureSize, FigureSizes } from "../content/read.ts";
import { CONTENT } from "../paths/layout.ts";
import { paths, relativeHref } from "../paths/urls.ts";

type Token = ReturnType<MarkdownIt["parse"]>[number];


/** An image in a body, as written. */
export interface FigureReference {
  src: string;
  alt: string;
  /** 1-based, within the body. */
  line: number;
}

/** The formats browsers show in an <img>. */
const EXTENSIONS = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
/** A figure's name: folders and file names of letters, digits, `.`, `_` and `-`, none starting with a dot. */
const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Every image in a body, with its alt text and line. Pure: the body's text alone. */
export function figureReferences(md: MarkdownIt, body: string): FigureReference[] {
  if (!body.includes("![")) return [];
  const references: FigureReference[] = [];
  const visit = (tokens: Token[], line: number) => {
    let offset = 0;
    for (const token of tokens) {
      if (token.type === "softbreak" || token.type === "hardbreak") offset++;
      if (token.type === "image") references.push({ src: token.attrGet("src") ?? "", alt: token.children ? altText(token.children) : token.content, line: line + offset });
    }
  };
  for (const token of md.parse(body, {})) if (token.type === "inline" && token.children) visit(token.children, (token.map?.[0] ?? 0) + 1);
  return references;
}

/** An image's alt text: the text of what is between its brackets. */
function altText(tokens: Token[]): string {
  return tokens.map((t) => (t.children ? altText(t.children) : t.type === "softbreak" || t.type === "hardbreak" ? " " : t.content)).join("");
}

/** The name a reference gives, or why it is not one (remote, outside the folder, not an image). */
export function figureName(src: string): { name: string } | { why: string } {
  if (/^data:/i.test(src)) return { why: `is embedded in the text (${src.slice(0, 30)}…): save it as a file in ${CONTENT.figures}/ and write its name` };
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
    return { why: `is on another site (${src}): the archive must work offline and its pages allow no outside images; save the file in ${CONTENT.figures}/ and write its name` };
  }
  let name: string;
  try {
    name = decodeURI(src);
  } catch {
    name = src;
  }
  if (!NAME.test(name) || name.split("/").includes("..")) {
    return { why: `"${name}" is not a figure name: write the name of a file in ${CONTENT.figures}/ (letters, digits, . _ - and / for folders; no spaces)` };
  }
  if (!EXTENSIONS.test(name)) return { why: `"${name}" is not an image a browser shows: use PNG, JPEG, GIF, WebP, AVIF or SVG` };
  return { name };
}

/**
 * What in an SVG can act when the figure is opened on its own (where no page's Content-Security-Policy
 * applies, from disk included): scripts, event handlers, embedded HTML (`foreignObject`), frames and
 * objects, and references to anything outside the file (links, `<use>` and `<image>` of other files,
 * stylesheets and `url()` to other addresses, external entities). Each kind once, as a reader would name
 * it. A drawing that refers only within itself (`#gradient`) or embeds images as data is plain.
 * Parsed by htmlparser2 as XML, as a browser parses an SVG file. https://github.com/fb55/htmlparser2
 */
export function activeSvgContent(bytes: Uint8Array): string[] {
  const found = new Set<string>();
  const external = (ref: string) => !/^\s*(#|data:image\/)/i.test(ref);
  const externalUrls = (css: string) => [...css.matchAll(/url\(\s*['"]?([^'")]*)/gi)].some(([, ref]) => external(ref ?? "")) || /@import/i.test(css);
  let inStyle = false;
  const parser = new Parser(
    {
      onprocessinginstruction: (_name, data) => void (/<!ENTITY[^>]*\b(SYSTEM|PUBLIC)\b/i.test(`<${data}>`) && found.add("an external entity")),
      onopentag(name, attributes) {
        const tag = name.toLowerCase().replace(/^svg:/, "");
        if (tag === "script") found.add("a script (<script>)");
        if (tag === "foreignobject") found.add("embedded HTML (<foreignObject>)");
        if (["iframe", "object", "embed"].includes(tag)) found.add(`an embedded page (<${tag}>)`);
        inStyle = tag === "style";
        for (const [attribute, value] of Object.entries(attributes)) {
          const key = attribute.toLowerCase();
          if (key.startsWith("on")) found.add(`an event handler (${attribute})`);
          else if ((key === "href" || key.endsWith(":href") || key === "src") && external(value)) found.add(`a reference to another file or address (${attribute}="${value.slice(0, 40)}")`);
          else if (key === "style" && externalUrls(value)) found.add("a style that loads another file");
        }
      },
      ontext: (text) => void (inStyle && externalUrls(text) && found.add("a style that loads another file")),
      onclosetag: () => void (inStyle = false),
    },
    { xmlMode: true },
  );
  parser.write(new TextDecoder().decode(bytes));
  parser.end();
  return [...found];
}

/** A file's size as a browser lays it out: a JPEG turned by its EXIF orientation (5–8) has its sides swapped. */
function measure(bytes: Uint8Array): FigureSize | undefined {
  try {
    const size = imageSize(bytes);
    if (!size.width || !size.height) return undefined;
    return (size.orientation ?? 1) >= 5 ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
  } catch {
    return undefined;
  }
}

/**
 * Checks an essay's figures against the content root and measures them: the sizes to render with, and a
 * problem for each one that is missing, remote, unreadable or without alt text, at its line in the file.
 * `bodyLine`: the file's line on which the body begins.
 */
export function readFigures(root: string, file: string, bodyLine: number, references: FigureReference[]): { sizes: FigureSizes; problems: Problem[] } {
  const sizes: FigureSizes = {};
  const problems: Problem[] = [];
  for (const { src, alt, line } of references) {
    const where = `line ${bodyLine + line - 1}`;
    const problem = (message: string) => problems.push({ file, where, message: `figure ${message}` });
    if (alt.trim() === "") problem(`${src} has no alt text: say what it shows between the brackets, ![A chart of exports by year](${src})`);
    const named = figureName(src);
    if ("why" in named) {
      problem(named.why);
      continue;
    }
    if (sizes[named.name]) continue;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(root, CONTENT.figures, named.name));
    } catch {
      problem(`${CONTENT.figures}/${named.name} is not there`);
      continue;
    }
    const active = /\.svg$/i.test(named.name) ? activeSvgContent(bytes) : [];
    if (active.length) {
      problem(
        `${CONTENT.figures}/${named.name} holds ${active.join(", ")}: a reader who opens the figure itself would run it on the archive's own address. ` +
          "Export it again as a plain drawing (no scripts, links or embedded pages), or as PNG",
      );
      continue;
    }
    const size = measure(bytes);
    if (!size) problem(`${CONTENT.figures}/${named.name} cannot be read as an image (or, for an SVG, has no width and height)`);
    else sizes[named.name] = size;
  }
  return { sizes, problems };
}

/** The figure's address from an essay page: the same from every one, since they are all at one depth. */
export function figureHref(name: string): string {
  return relativeHref(paths.essay("series", 1), paths.figure(name));
}

/** Copies every figure the essays show into the output's `figures/`; returns how many. */
export async function copyFigures(root: string, output: string, archive: { essays: { figures: string[] }[] }): Promise<number> {
  const names = [...new Set(archive.essays.flatMap((e) => e.figures))].sort();
  for (const name of names) {
    const target = join(output, paths.figure(name));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(root, CONTENT.figures, name), target);
  }
  return names.length;
}
