// A records file (_data/*.json) written back from the editor: only the fields the editor changed are
// rewritten, by jsonc-parser's edits (https://github.com/microsoft/node-jsonc-parser#readme), so every other
// record and field keeps its bytes, its order and its indentation.
import { applyEdits, modify } from "jsonc-parser";

/** The indentation the file uses: its first indented line's, else two spaces. */
function indentOf(text: string): { insertSpaces: boolean; tabSize: number } {
  const first = /\n([ \t]+)\S/.exec(text)?.[1];
  if (first?.startsWith("\t")) return { insertSpaces: false, tabSize: 1 };
  return { insertSpaces: true, tabSize: first?.length ?? 2 };
}

/** `text` with the value at `path` set (or, for undefined, removed). */
export function setJson(text: string, path: (string | number)[], value: unknown): string {
  const formattingOptions = { ...indentOf(text), eol: text.includes("\r\n") ? "\r\n" : "\n" };
  return applyEdits(text, modify(text, path, value, { formattingOptions }));
}

/**
 * `text` (a records file) with the fields in `changes` of the record at `path` ([] for site.json, [id] for
 * an author or series) set or, for undefined, removed, one by one.
 */
export function spliceRecord(text: string, path: string[], changes: [string, unknown][]): string {
  return changes.reduce((current, [field, value]) => setJson(current, [...path, field], value), text);
}
