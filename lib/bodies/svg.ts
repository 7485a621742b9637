// Whether an SVG figure is a plain drawing: what the build publishes is static SVG alone, checked by an
// allowlist, because a reader may open the figure on its own (from disk, or from a host that sends no
// Content-Security-Policy), where it runs with the archive's own address. Anything not on the lists below
// is refused, never cleaned: a cleaned copy would be a figure the editor never saw.
//
// The file is parsed as namespace-aware XML by saxes (https://github.com/lddubeau/saxes): an element is
// what its namespace makes it, whatever its prefix (`<s:script>` bound to the SVG namespace is a script;
// `<html:script>` is XHTML's). A DOCTYPE is refused outright, so no DTD and no entity, internal or external,
// ever reaches a browser's parser; so is every processing instruction (`<?xml-stylesheet …?>`), the XML
// declaration aside. CSS (the `style` attribute, presentation attributes, `<style>`) is read by a CSS
// tokenizer (https://github.com/csstools/postcss-plugins/tree/main/packages/css-tokenizer), which decodes
// escapes (`u\72l(` is `url(`) and comments as a browser does, and is then held to an allowlist of tokens
// and functions: no at-rule, `url()` only to `#fragment`.
import { type CSSToken, isTokenFunction, isTokenString, isTokenWhiteSpaceOrComment, tokenize, TokenType } from "@csstools/css-tokenizer";
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";

const SVG = "http://www.w3.org/2000/svg";
const XLINK = "http://www.w3.org/1999/xlink";
const XML = "http://www.w3.org/XML/1998/namespace";
const XMLNS = "http://www.w3.org/2000/xmlns/";
/**
 * The namespaces Inkscape writes its editing state and RDF licence metadata in. A browser gives elements
 * and attributes in these namespaces no behaviour at all (it knows only XHTML, SVG and MathML), so they are
 * accepted rather than making every Inkscape export be saved again as "plain SVG".
 */
const EDITOR = new Set([
  "http://www.inkscape.org/namespaces/inkscape",
  "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "http://creativecommons.org/ns#",
  "http://purl.org/dc/elements/1.1/",
]);

const words = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

/**
 * Static SVG: structure, shapes, text, paint servers, clipping, masking, markers and filter primitives.
 * Not here: script, animation (`animate`, `set`, `animateTransform`, `animateMotion`: they can change an
 * `href` or a handler after the check), `foreignObject` (embedded HTML), `feImage` (loads what it names),
 * `view`, `cursor`, `font-face` and every element of another namespace.
 */
const ELEMENTS = words(`
  svg g defs symbol use title desc metadata switch a image style
  path rect circle ellipse line polyline polygon text tspan textPath
  linearGradient radialGradient stop pattern clipPath mask marker
  filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
  feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur
  feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence`);

/** Attributes with no namespace whose values are not CSS: geometry, structure, filter parameters, accessibility. */
const PLAIN_ATTRIBUTES = words(`
  id class lang version baseProfile width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points pathLength
  viewBox preserveAspectRatio dx dy rotate textLength lengthAdjust startOffset method spacing side
  refX refY markerWidth markerHeight markerUnits orient gradientUnits gradientTransform spreadMethod offset
  patternUnits patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits filterUnits
  primitiveUnits in in2 result stdDeviation mode operator k1 k2 k3 k4 values type tableValues slope intercept
  amplitude exponent order kernelMatrix divisor bias targetX targetY edgeMode preserveAlpha surfaceScale
  diffuseConstant specularConstant specularExponent kernelUnitLength scale xChannelSelector yChannelSelector
  radius baseFrequency numOctaves seed stitchTiles azimuth elevation z pointsAtX pointsAtY pointsAtZ
  limitingConeAngle systemLanguage role aria-label aria-labelledby aria-describedby aria-hidden media`);

/** Presentation attributes (and `style`, `transform`): CSS values, held to the CSS allowlist. */
const CSS_ATTRIBUTES = words(`
  style transform transform-origin fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap
  stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset opacity color display visibility
  clip-path clip-rule clip mask filter marker-start marker-mid marker-end stop-color stop-opacity flood-color
  flood-opacity lighting-color font-family font-size font-weight font-style font-variant font-stretch
  font-size-adjust text-anchor dominant-baseline alignment-baseline baseline-shift letter-spacing word-spacing
  text-decoration writing-mode direction unicode-bidi overflow shape-rendering text-rendering image-rendering
  color-interpolation color-interpolation-filters color-rendering paint-order vector-effect mix-blend-mode
  isolation enable-background cursor`);

/** CSS functions a static drawing uses: colours, transforms, filter effects, arithmetic. `url()` is apart. */
const CSS_FUNCTIONS = words(`
  rgb rgba hsl hsla hwb lab lch oklab oklch color calc min max clamp
  translate translatex translatey rotate scale scalex scaley skew skewx skewy matrix
  blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate sepia`);

/** Token kinds of CSS that can neither load nor run anything; functions, URLs and at-rules are checked apart. */
const CSS_TOKENS = new Set<string>([
  TokenType.Ident,
  TokenType.Number,
  TokenType.Percentage,
  TokenType.Dimension,
  TokenType.Whitespace,
  TokenType.Comment,
  TokenType.Comma,
  TokenType.Colon,
  TokenType.Semicolon,
  TokenType.Delim,
  TokenType.Hash,
  TokenType.String,
  TokenType.OpenParen,
  TokenType.CloseParen,
  TokenType.OpenCurly,
  TokenType.CloseCurly,
  TokenType.OpenSquare,
  TokenType.CloseSquare,
  TokenType.CDO,
  TokenType.CDC,
  TokenType.EOF,
]);

/** Raster images an `<image>` may embed as data: they cannot act, and exports embed bitmaps this way. */
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp)[;,]/i;

const short = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 50 ? `${flat.slice(0, 50)}…` : flat;
};

/** What in `css` is outside the allowlist, each in a reader's words; `where` names the attribute or element. */
export function cssProblems(css: string, where: string): string[] {
  const problems: string[] = [];
  const tokens: CSSToken[] = tokenize({ css });
  const nextSignificant = (i: number) => tokens.slice(i + 1).find((t) => !isTokenWhiteSpaceOrComment(t));
  tokens.forEach((token, i) => {
    if (token[0] === TokenType.URL) {
      if (!token[4].value.startsWith("#")) problems.push(`a reference to another address (${where}: url(${short(token[4].value)}))`);
    } else if (isTokenFunction(token)) {
      const name = token[4].value.toLowerCase();
      if (name === "url") {
        const argument = nextSignificant(i);
        if (!isTokenString(argument) || !argument[4].value.startsWith("#"))
          problems.push(`a reference to another address (${where}: url(${short(argument?.[1] ?? "")}))`);
      } else if (!CSS_FUNCTIONS.has(name)) problems.push(`a style outside static SVG (${where}: ${name}())`);
    } else if (token[0] === TokenType.AtKeyword) {
      problems.push(`a style outside static SVG (${where}: @${token[4].value})`);
    } else if (!CSS_TOKENS.has(token[0])) {
      problems.push(`a style outside static SVG (${where}: ${short(token[1])})`);
    }
  });
  return problems;
}

function attributeProblems(element: SaxesTagNS, attribute: SaxesAttributeNS): string[] {
  const { name, local, uri, value } = attribute;
  const written = `${name}="${short(value)}"`;
  if (uri === XMLNS || EDITOR.has(uri) || (uri === XML && (local === "lang" || local === "space"))) return [];
  if (uri === "" && EDITOR.has(element.uri)) return [];
  const href = (uri === "" || uri === XLINK) && local === "href";
  if (href) {
    const image = element.uri === SVG && element.local === "image";
    return value.startsWith("#") && !image ? [] : image && DATA_IMAGE.test(value) ? [] : [`a reference to another address (${written})`];
  }
  // `data-*` (Illustrator's `data-name`) is never read by a browser itself.
  if (uri === "" && (PLAIN_ATTRIBUTES.has(local) || /^data-[a-z0-9_.-]+$/.test(local))) return [];
  if (uri === "" && CSS_ATTRIBUTES.has(local)) return cssProblems(value, name);
  if (uri === "" && /^on/i.test(local)) return [`an event handler (${written})`];
  return [`an attribute outside static SVG (${written})`];
}

/**
 * What in an SVG file is outside static SVG, each kind once, in a reader's words
 * (`an element outside static SVG (<s:script>)`); empty for a plain drawing.
 */
export function svgProblems(bytes: Uint8Array): string[] {
  // UTF-8 alone, as checked: a file declaring another encoding would be read by the browser as other
  // characters than these (ISO-2022-JP's escapes can hide a `<` from one reading and show it to the other).
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return ["bytes that are not UTF-8"];
  }
  const found = new Set<string>();
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: SaxesTagNS[] = [];
  /** How deep the parser is inside an element already refused: what it holds goes with it, unnamed. */
  let insideRefused = 0;
  let styleText: string[] | undefined;
  let stop = false;
  parser.on("doctype", (doctype) => {
    found.add(`a document type declaration (<!DOCTYPE ${short(doctype)}>)`);
    // Whatever follows may use the entities it declares: nothing after it is read as the browser would.
    stop = true;
    throw new StopParsing();
  });
  parser.on(
    "xmldecl",
    ({ encoding }) => void (encoding !== undefined && !/^utf-?8$/i.test(encoding) && found.add(`an encoding other than UTF-8 (encoding="${short(encoding)}")`)),
  );
  parser.on("processinginstruction", ({ target, body }) => void found.add(`a processing instruction (<?${target} ${short(body)}?>)`));
  parser.on("opentag", (element) => {
    const inside = open.at(-1);
    open.push(element);
    if (insideRefused) return void insideRefused++;
    const allowed = (element.uri === SVG && ELEMENTS.has(element.local)) || (EDITOR.has(element.uri) && inside !== undefined);
    // A refused element is named alone: what its attributes would do goes with it.
    if (!inside && !(element.uri === SVG && element.local === "svg")) found.add(`a first element other than <svg> in the SVG namespace (<${element.name}>)`);
    else if (!allowed) found.add(`an element outside static SVG (<${element.name}>)`);
    else {
      for (const attribute of Object.values(element.attributes)) for (const problem of attributeProblems(element, attribute)) found.add(problem);
      if (element.uri === SVG && element.local === "style") styleText = [];
      return;
    }
    insideRefused = 1;
  });
  parser.on("text", (text) => void styleText?.push(text));
  parser.on("cdata", (text) => void styleText?.push(text));
  parser.on("closetag", (element) => {
    open.pop();
    if (insideRefused) return void insideRefused--;
    if (styleText && element.uri === SVG && element.local === "style") {
      for (const problem of cssProblems(styleText.join(""), `<${element.name}>`)) found.add(problem);
      styleText = undefined;
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (!stop) found.add(`XML that is not well-formed (${error instanceof Error ? short(error.message) : String(error)})`);
  }
  return [...found];
}

class StopParsing extends Error {}
