// Essay bodies: markdown-it with raw HTML off (the body is the one place HTML is inserted, so it must
// only ever be HTML markdown-it made), headings with ids and accessible permalinks.
// https://github.com/markdown-it/markdown-it#init-with-presets-and-options
// https://github.com/valeriangalliat/markdown-it-anchor#permalinks
// Notes ([^1]) by markdown-it-footnote, linked both ways: https://github.com/markdown-it/markdown-it-footnote
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import footnote from "markdown-it-footnote";
import type { PluginSimple } from "markdown-it";
import type { FigureSizes } from "../content/read.ts";
import { figureHref, figureName } from "./figures.ts";
import { stringsFor, type Strings } from "../words/strings.ts";

/** Heading ids: lowercase words joined by hyphens; letters of any script are kept. */
export function slugify(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** The essay's title is the page's only h1, so a body that uses `#` has its headings moved down one. */
function demoteHeadings(md: MarkdownIt): void {
  md.core.ruler.push("demote_headings", (state) => {
    const headings = state.tokens.filter((t) => t.type === "heading_open" || t.type === "heading_close");
    if (!headings.some((t) => t.tag === "h1")) return;
    for (const t of headings) t.tag = `h${Math.min(Number(t.tag.slice(1)) + 1, 6)}`;
  });
}

/**
 * A renderer whose own words (a heading's link label, a note's way back) are `words`, the words of the
 * essay's language (lib/words/strings.ts), English by default; the body's cache key names their language
 * (./cached.ts).
 */
export function createMarkdown(words: Strings = stringsFor("en", "en")): MarkdownIt {
  // No linkify: bare URLs stay text (it doubled the time to render a body, and essays link explicitly).
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(demoteHeadings);
  md.use(anchor, {
    slugify,
    level: [2, 3, 4],
    permalink: anchor.permalink.linkAfterHeader({
      style: "visually-hidden",
      assistiveText: (title: string) => words.text("body.sectionLink", { title }),
      visuallyHiddenClass: "visually-hidden",
      wrapper: ['<div class="heading">', "</div>"],
    }),
  });
  // Its declarations are written against markdown-it's older typings; the plugin itself is current.
  md.use(footnote as unknown as PluginSimple);
  // The way back from a note names where it goes, for screen readers ("↩︎" alone says nothing).
  md.renderer.rules.footnote_anchor = (tokens, idx, _options, env, self) => {
    const id = self.rules.footnote_anchor_name!(tokens, idx, _options, env, self);
    const ref = tokens[idx]!.meta.subId > 0 ? `${id}:${tokens[idx]!.meta.subId}` : id;
    const label = md.utils.escapeHtml(words.text("body.backToNote", { n: Number(tokens[idx]!.meta.id) + 1 }));
    return ` <a href="#fnref${ref}" class="footnote-backref" aria-label="${label}">↩︎</a>`;
  };
  // Figures: a file of the content root's figures folder, with the size it was measured at so the page does
  // not jump, linked relatively. The sizes come in the render's env: the HTML depends on the body and them
  // alone. One without a size (never in a build: the loader refuses it first) is shown as its alt text.
  md.renderer.rules.image = (tokens, idx, _options, env: RenderEnv) => {
    const token = tokens[idx]!;
    const alt = md.utils.escapeHtml(token.children ? md.renderer.renderInlineAsText(token.children, md.options, env) : token.content);
    const named = figureName(token.attrGet("src") ?? "");
    const size = "name" in named ? env.figures?.[named.name] : undefined;
    if (!("name" in named) || !size) return `<span class="figure-missing">${alt}</span>`;
    const title = token.attrGet("title");
    const src = md.utils.escapeHtml(figureHref(named.name));
    return `<img src="${src}" alt="${alt}" width="${size.width}" height="${size.height}"${title ? ` title="${md.utils.escapeHtml(title)}"` : ""} loading="lazy" decoding="async">`;
  };
  return md;
}

/** What rendering a body is given besides its text. */
interface RenderEnv {
  figures?: FigureSizes;
}

/** A section heading of an essay, for its table of contents. */
export interface Heading {
  id: string;
  text: string;
  /** 2 for h2, 3 for h3. */
  level: number;
}

export interface RenderedBody {
  html: string;
  /** The h2 and h3 headings, in order. */
  headings: Heading[];
  /** Minutes a reader takes: about 230 words a minute, or 500 characters of CJK text. */
  readingMinutes: number;
  /** The first paragraph as plain text, for descriptions. */
  lead: string;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * Renders a body once, collecting what the page shows about it from the same tokens. The result depends
 * on `body`, `figures` (each figure's name and size) and the words `md` was made with alone.
 */
export function renderBody(md: MarkdownIt, body: string, figures: FigureSizes = {}): RenderedBody {
  const env: RenderEnv = { figures };
  const tokens = md.parse(body, env);
  const headings: Heading[] = [];
  let words = 0;
  let cjk = 0;
  let lead: string | undefined;
  tokens.forEach((token, i) => {
    if (lead === undefined && token.type === "inline" && tokens[i - 1]?.type === "paragraph_open") {
      lead = (token.children ?? []).map((c) => (c.type === "softbreak" ? " " : c.type === "text" || c.type === "code_inline" ? c.content : "")).join("");
    }
    if (token.type === "inline") {
      cjk += token.content.match(CJK)?.length ?? 0;
      words += token.content.replace(CJK, " ").split(/\s+/).filter(Boolean).length;
    }
    const level = Number(token.tag.slice(1));
    const id = token.attrGet("id");
    if (token.type === "heading_open" && id && level <= 3) headings.push({ id, text: tokens[i + 1]!.content, level });
  });
  const readingMinutes = Math.max(1, Math.round(words / 230 + cjk / 500));
  return { html: md.renderer.render(tokens, md.options, env), headings, readingMinutes, lead: lead ?? "" };
}
