// Essay bodies: markdown-it with raw HTML off (the body is the one place HTML is inserted, so it must
// only ever be HTML markdown-it made), headings with ids and accessible permalinks.
// https://github.com/markdown-it/markdown-it#init-with-presets-and-options
// https://github.com/valeriangalliat/markdown-it-anchor#permalinks
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";

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

export function createMarkdown(): MarkdownIt {
  // No linkify: bare URLs stay text (it doubled the time to render a body, and essays link explicitly).
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(demoteHeadings);
  md.use(anchor, {
    slugify,
    level: [2, 3, 4],
    permalink: anchor.permalink.linkAfterHeader({
      style: "visually-hidden",
      assistiveText: (title: string) => `Link to the section “${title}”`,
      visuallyHiddenClass: "visually-hidden",
      wrapper: ['<div class="heading">', "</div>"],
    }),
  });
  return md;
}
