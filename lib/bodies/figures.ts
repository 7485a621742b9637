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
import { imageSize } from "image-size";
import type MarkdownIt from "markdown-it";
import { z } from "zod";
import { cacheKey, cacheShelf, codeVersion, type CacheDir } from "../cache/cache.ts";
import type { Problem } from "../content/problems.ts";
import type { FigureSize, FigureSizes } from "../content/read.ts";
import { CONTENT } from "../paths/layout.ts";
import { paths, relativeHref } from "../paths/urls.ts";
import { svgProblems } from "./svg.ts";

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
      if (token.type === "image")
        references.push({ src: token.attrGet("src") ?? "", alt: token.children ? altText(token.children) : token.content, line: line + offset });
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
    return {
      why: `is on another site (${src}): the archive must work offline and its pages allow no outside images; save the file in ${CONTENT.figures}/ and write its name`,
    };
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
 * The largest figure published, in CSS pixels: a side of 10,000 and an area of 50 million. A camera's
 * photograph (8,192 × 5,464 at most today) and a long chart fit; a figure beyond them is a mistake, or a
 * file made to cost a reader's browser (a raster is decoded at 4 bytes a pixel: 50 million is 200 MB) or to
 * print thousands of pages (an SVG of 110 bytes can declare itself 2,000,000 px tall).
 */
export const FIGURE_LIMITS = { side: 10_000, area: 50_000_000 };

/** What image-size calls each type the extensions name (https://github.com/image-size/image-size). */
const TYPES: Record<string, { name: string; types: string[] }> = {
  png: { name: "a PNG", types: ["png"] },
  jpg: { name: "a JPEG", types: ["jpg"] },
  jpeg: { name: "a JPEG", types: ["jpg"] },
  gif: { name: "a GIF", types: ["gif"] },
  webp: { name: "a WebP", types: ["webp"] },
  avif: { name: "an AVIF", types: ["avif", "avis"] },
  svg: { name: "an SVG", types: ["svg"] },
};

/** A file's size as a browser lays it out (a JPEG turned by its EXIF orientation 5–8 has its sides swapped), and its type. */
function measure(bytes: Uint8Array): (FigureSize & { type: string }) | undefined {
  try {
    const size = imageSize(bytes);
    if (!size.width || !size.height) return undefined;
    const type = size.type ?? "";
    return (size.orientation ?? 1) >= 5 ? { width: size.height, height: size.width, type } : { width: size.width, height: size.height, type };
  } catch {
    return undefined;
  }
}

/** A figure's size, or why its bytes may not be published as `name`: a function of the two alone (and the code). */
export type FigureCheck = (name: string, bytes: Uint8Array) => { size: FigureSize } | { why: string };

/** A figure's size, or why its bytes may not be published as `name`: an SVG's content, its type, its size. */
export const checkFigure: FigureCheck = (name, bytes) => {
  const file = `${CONTENT.figures}/${name}`;
  const extension = (/\.([a-z]+)$/i.exec(name)?.[1] ?? "").toLowerCase();
  const expected = TYPES[extension];
  const size = measure(bytes);
  // A browser shows a figure as what its name's type says (the hosts send that type, and nosniff): bytes of
  // another type are refused, an SVG named chart.png above all, which would escape the check below.
  if (size && !expected?.types.includes(size.type)) {
    const actual = Object.values(TYPES).find((t) => t.types.includes(size.type));
    return {
      why: `${file} holds ${actual?.name ?? `an image of another type (${size.type})`} but is named as ${expected?.name ?? extension}: give it the extension of what it is`,
    };
  }
  if (extension === "svg") {
    const found = svgProblems(bytes);
    if (found.length) {
      return {
        why:
          `${file} is not a plain drawing: it holds ${found.slice(0, 5).join(", ")}${found.length > 5 ? ` and ${found.length - 5} more` : ""}. ` +
          "Only static SVG is published, as a reader who opens the figure on its own would run or load all that from the archive's address. " +
          "Export it again as plain SVG (no scripts, links, styles that load files, or embedded HTML), or as PNG",
      };
    }
  }
  if (!size) return { why: `${file} cannot be read as an image (or, for an SVG, has no width and height)` };
  const { side, area } = FIGURE_LIMITS;
  if (size.width > side || size.height > side || size.width * size.height > area) {
    return {
      why: `${file} is ${size.width} × ${size.height} px, over the limit of ${side.toLocaleString("en")} px a side and ${area.toLocaleString("en")} px in all: scale it down`,
    };
  }
  return { size: { width: size.width, height: size.height } };
};

const FigureCheckSchema = z.union([z.object({ size: z.object({ width: z.number(), height: z.number() }) }), z.object({ why: z.string() })]);

/**
 * checkFigure with its results kept in the build cache, keyed by the code, the name and the bytes (all it
 * reads): parsing an SVG costs about 0.1 ms a kilobyte, every build, where hashing its bytes costs a
 * hundredth of that. What it checked anew is kept only when `keep()` is called, once the whole archive
 * passed its checks: a build that fails writes nothing.
 */
export function cachedFigureCheck(cache: CacheDir): { check: FigureCheck; keep(): void } {
  const shelf = cacheShelf(cache, "figure-checks", FigureCheckSchema);
  const checkedAnew = new Map<string, ReturnType<FigureCheck>>();
  return {
    check(name, bytes) {
      const key = cacheKey(codeVersion(), name, bytes);
      const known = checkedAnew.get(key) ?? shelf.get(key);
      if (known !== undefined) return known;
      const checked = checkFigure(name, bytes);
      checkedAnew.set(key, checked);
      return checked;
    },
    keep() {
      for (const [key, checked] of checkedAnew) shelf.set(key, checked);
      checkedAnew.clear();
    },
  };
}

/**
 * Checks an essay's figures against the content root and measures them: the sizes to render with, and a
 * problem for each one that is missing, remote, unreadable or without alt text, at its line in the file.
 * `bodyLine`: the file's line on which the body begins. `read`: a figure's bytes by name (the editor's
 * checks give those of a figure not yet saved); throws when there is none.
 */
export function readFigures(
  root: string,
  file: string,
  bodyLine: number,
  references: FigureReference[],
  check: FigureCheck = checkFigure,
  read: (name: string) => Uint8Array = (name) => readFileSync(join(root, CONTENT.figures, name)),
): { sizes: FigureSizes; problems: Problem[] } {
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
      bytes = read(named.name);
    } catch {
      problem(`${CONTENT.figures}/${named.name} is not there`);
      continue;
    }
    const checked = check(named.name, bytes);
    if ("why" in checked) problem(checked.why);
    else sizes[named.name] = checked.size;
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
