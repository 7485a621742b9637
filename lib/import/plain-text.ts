// Plain text as markdown that renders back to exactly that text. Imported pages are prose, not markdown:
// whatever they contain ("2014. A year…", *US*, <b>, [1], &amp;) must show as written. Essay bodies are
// rendered by markdown-it with raw HTML off, no linkify, no typographer, plus footnotes
// (lib/bodies/markdown.ts); these rules are for that configuration.
// https://spec.commonmark.org/0.31.2/#backslash-escapes

/**
 * A paragraph's lines as one line: each line break, with the spaces around it, becomes one space. Pages
 * wrap paragraphs anywhere; a reader sees one space there, and one-line paragraphs keep the markdown
 * plain. The page parser joins lines with this same rule.
 */
export function joinLines(text: string): string {
  return text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, " ");
}

/** A character that is neither space nor punctuation nor symbol: `_` between two of these is never emphasis. */
const WORD = /[\p{L}\p{N}]/u;

/** `&` that markdown-it would read as a character reference (named, decimal or hex). */
const ENTITY_LIKE = /^&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** `<` that could open an autolink (<http://x>, <a@b.c>): no spaces or angle brackets before a `>`, with a `:` or `@`. */
const AUTOLINK_LIKE = /^<[^<>\x00-\x20]*[:@][^<>\x00-\x20]*>/;

/** Block markers that only count at the start of a paragraph: headings, quotes, list items, rules. */
function escapeStart(text: string): string {
  // "2014. The year…", "1) First" would be ordered lists: escape the dot or bracket.
  const ordered = /^(\d+)([.)])(?=[ \t]|$)/.exec(text);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${text.slice(ordered[0].length)}`;
  // "# x", "> x", "- x", "+ x", and "---" or "- - -" (a rule). `*`, `_`, `` ` ``, `~~`, `[` and `<`
  // are escaped wherever they are, below.
  if (/^[#>]/.test(text) || /^[-+](?=[ \t]|$)/.test(text) || /^(?:-[ \t]*){3,}$/.test(text)) return `\\${text}`;
  return text;
}

/** Leading and trailing spaces (which markdown would drop or read as indentation) as numeric references. */
function encodeEdgeSpace(chars: string): string {
  return [...chars].map((c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`).join("");
}

/**
 * Markdown for one paragraph of plain text: rendered, it is a single `<p>` whose text is `paragraph`
 * character for character (line breaks joined as by `joinLines`; NUL is the one character markdown
 * cannot carry). Only what markdown would read as markup is escaped, so the file stays readable:
 * `*`, backticks and `\` before punctuation always; `_` unless inside a word; `~` in runs of two or
 * more; `[`; `&` before an entity; `<` before an autolink; list, heading, quote and rule markers only
 * at the start.
 */
export function escapeMarkdown(paragraph: string): string {
  const text = joinLines(paragraph);
  const [, lead = "", core = "", trail = ""] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text) ?? [];
  const chars = [...core];
  // Where each character starts in `core`, for the look-aheads at `&` and `<`.
  const offsets: number[] = [];
  chars.reduce((offset, c) => (offsets.push(offset), offset + c.length), 0);
  const rest = (i: number) => core.slice(offsets[i]);
  const out: string[] = chars.map((c, i) => {
    switch (c) {
      case "*":
      case "`":
      case "[":
        return `\\${c}`;
      case "_": {
        // Inside a word (snake_case, a_b) `_` can neither open nor close emphasis.
        let before = i - 1;
        while (before >= 0 && chars[before] === "_") before--;
        let after = i + 1;
        while (after < chars.length && chars[after] === "_") after++;
        const inWord = before >= 0 && after < chars.length && WORD.test(chars[before]!) && WORD.test(chars[after]!);
        return inWord ? c : `\\${c}`;
      }
      case "~":
        return chars[i - 1] === "~" || chars[i + 1] === "~" ? `\\${c}` : c;
      case "&":
        return ENTITY_LIKE.test(rest(i)) ? `\\${c}` : c;
      case "<":
        return AUTOLINK_LIKE.test(rest(i)) ? `\\${c}` : c;
      default:
        return c;
    }
  });
  // A backslash escapes whatever ASCII punctuation follows it in the output, including another escape
  // or an encoded space's `&`; doubling it there keeps it a backslash.
  const following = (i: number) => (i + 1 < out.length ? out[i + 1]![0]! : trail ? "&" : "");
  for (let i = 0; i < out.length; i++) {
    if (out[i] === "\\" && /[!-/:-@[-`{-~]/.test(following(i))) out[i] = "\\\\";
  }
  const body = out.join("");
  // With leading space encoded, the paragraph starts with `&`: no block marker can follow.
  return lead ? encodeEdgeSpace(lead) + body + encodeEdgeSpace(trail) : escapeStart(body) + encodeEdgeSpace(trail);
}
