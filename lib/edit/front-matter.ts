// An essay file written back from the editor: the fields the editor changed are rewritten in place, each at
// its own lines; every other field keeps its bytes, its place and its comments, and so does the body when
// its text did not change. YAML by the `yaml` package, whose parser gives each field's place in the text
// (https://eemeli.org/yaml/#documents); read back by the build's own parser (lib/content/read.ts).
import { isMap, isScalar, parseDocument, stringify, type Node, type Pair } from "yaml";

/** A file split at its front matter: `head` is the opening `---` line (and a byte-order mark), `tail` the closing one. */
interface Split {
  head: string;
  yaml: string;
  tail: string;
  body: string;
}

/** The file's front matter and body, as gray-matter splits them: between a first line `---` and the next. */
export function splitFile(text: string): Split | undefined {
  const match = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(^---[ \t]*(?:\r?\n|$))/m.exec(text);
  if (match?.index !== 0) return undefined;
  return { head: match[1]!, yaml: match[2]!, tail: match[3]!, body: text.slice(match[0].length) };
}

/** `key: value` as the archive writes it: block style, no folded lines, quotes only where YAML needs them. */
function pairText(key: string, value: unknown): string {
  return stringify({ [key]: value }, { lineWidth: 0, indentSeq: true });
}

/** A new file: the fields in the order given, then the body. */
export function newFile(fields: [string, unknown][], body: string): string {
  return `---\n${fields.map(([k, v]) => pairText(k, v)).join("")}---\n\n${body.trim()}\n`;
}

/**
 * `text` with the front matter's fields in `set` written anew where they are (new ones after the nearest
 * field before them in `order`), those in `remove` taken out, and the body replaced when `body` is given.
 * Fields in neither keep their bytes.
 */
export function spliceFile(text: string, change: { set: Map<string, unknown>; remove: Set<string>; order: string[]; body?: string }): string {
  const split = splitFile(text);
  if (!split) throw new Error("the file has no front matter to write into");
  const doc = parseDocument(split.yaml);
  if (!isMap(doc.contents)) throw new Error("the front matter is not fields written `name: value`");
  const pairs = doc.contents.items as Pair<Node, Node | null>[];
  const edits: { start: number; end: number; text: string }[] = [];
  const placed = new Map<string, { start: number; end: number }>();
  for (const pair of pairs) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const start = lineStart(split.yaml, pair.key.range[0]);
    // The value's end (a block list's includes its last line break); a comment after a one-line value stays.
    const valueEnd = pair.value?.range?.[1] ?? pair.key.range[1];
    placed.set(key, { start, end: valueEnd });
    if (change.remove.has(key)) edits.push({ start, end: lineEnd(split.yaml, valueEnd), text: "" });
    else if (change.set.has(key)) {
      const written = pairText(key, change.set.get(key));
      const endsLine = split.yaml[valueEnd - 1] === "\n";
      edits.push({ start, end: valueEnd, text: endsLine ? written : written.replace(/\n$/, "") });
    }
  }
  for (const [key, value] of change.set) {
    if (placed.has(key)) continue;
    const before = change.order
      .slice(0, change.order.indexOf(key))
      .reverse()
      .find((k) => placed.has(k) && !change.remove.has(k));
    const at = before ? lineEnd(split.yaml, placed.get(before)!.end) : 0;
    edits.push({ start: at, end: at, text: pairText(key, value) });
  }
  let yaml = split.yaml;
  // From the end, so earlier places stay where they were; insertions at one place keep their order.
  for (const edit of edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i))
    yaml = yaml.slice(0, edit.start) + edit.text + yaml.slice(edit.end);
  if (yaml !== "" && !yaml.endsWith("\n")) yaml += "\n";
  const body = change.body === undefined ? split.body : `${/^\r?\n/.test(split.body) ? "\n" : ""}${change.body.trim()}\n`;
  return split.head + yaml + split.tail + body;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;
/** The offset after the line break ending the line that `offset` is on (or just before: a value's end is after its last character). */
function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === "\n") return offset;
  const next = text.indexOf("\n", offset);
  return next === -1 ? text.length : next + 1;
}
