// The build's checks, run by the editor before it writes anything: the content root as it would be after a
// save is read by the build's own parts (lib/content/read.ts, lib/bodies/figures.ts, lib/archive/link.ts),
// and the save is refused when it would add a problem the build reports, in the build's words. Problems
// that were there before the save (another essay's) do not stop it: they are not the editor's to mend.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type MarkdownIt from "markdown-it";
import { checkLanguages, checkTranslations, withoutDuplicates } from "../archive/link.ts";
import { checkFigure, figureName, figureReferences, readFigures, type FigureReference } from "../bodies/figures.ts";
import { createMarkdown } from "../bodies/markdown.ts";
import { formatProblem, type Problem } from "../content/problems.ts";
import {
  contentText,
  listEssays,
  NotUtf8Error,
  parseEssay,
  parseRecords,
  RECORD_FILES,
  readRecordTexts,
  type EssaySource,
  type RecordTexts,
} from "../content/read.ts";
import { CONTENT } from "../paths/layout.ts";

/** What a save would change: record files' texts, essays' texts and figures' bytes by name (null: deleted). */
export interface Overlay {
  records?: Partial<RecordTexts>;
  essays?: Map<string, string | null>;
  figures?: Map<string, Uint8Array | null>;
}

export interface ContentChecks {
  /** Every problem the build would report in the content root with `overlay` applied. */
  problems(overlay?: Overlay): Promise<Problem[]>;
  /** The problems `overlay` would add, formatted as the build prints them; none when the save may go ahead. */
  added(overlay: Overlay): Promise<string[]>;
}

/** An essay as read for some records, and its figures as checked for some figure files. */
interface Reading {
  text: string;
  ids: string;
  result: ReturnType<typeof parseEssay>;
  references: FigureReference[];
  figures?: { stamp: string; problems: Problem[]; source?: EssaySource };
}

export function contentChecks(root: string): ContentChecks {
  let md: MarkdownIt | undefined;
  /** Each essay's problems and source, by file, for the text and records it was read with: most are read again unchanged. */
  const read = new Map<string, Reading>();
  const figureStamp = (names: string[], overlay: Overlay) =>
    names
      .map((src) => {
        const named = figureName(src);
        if ("why" in named) return src;
        const n = named.name;
        if (overlay.figures?.has(n)) return `${n}:new${overlay.figures.get(n)?.length ?? "gone"}`;
        try {
          const { mtimeMs, size } = statSync(join(root, CONTENT.figures, n));
          return `${n}:${mtimeMs}:${size}`;
        } catch {
          return `${n}:none`;
        }
      })
      .join("|");

  async function problems(overlay: Overlay = {}): Promise<Problem[]> {
    const texts = { ...(await readRecordTexts(root)), ...overlay.records } as RecordTexts;
    const records = parseRecords(texts);
    const listed = await listEssays(root);
    const found: Problem[] = [...records.problems, ...listed.problems];
    const files = new Set(listed.files);
    for (const [file, text] of overlay.essays ?? []) text === null ? files.delete(file) : files.add(file);
    const ids = JSON.stringify(RECORD_FILES.map((f) => texts[f]).map(String));
    const sources: EssaySource[] = [];
    for (const file of [...files].sort()) {
      const given = overlay.essays?.get(file);
      const text = given ?? contentText(file, readFileSync(join(root, file)));
      if (text instanceof NotUtf8Error) {
        found.push(text.problem);
        continue;
      }
      let known = read.get(file);
      if (!known || known.text !== text || known.ids !== ids) {
        const result = parseEssay(file, text, records.known);
        const references = result.body?.text.includes("![") ? figureReferences((md ??= createMarkdown()), result.body.text) : [];
        known = { text, ids, result, references };
        if (given === undefined) read.set(file, known);
      }
      const { result, references } = known;
      const stamp = figureStamp(
        references.map((r) => r.src),
        overlay,
      );
      if (known.figures?.stamp !== stamp) {
        const bytes = (name: string) => {
          const given = overlay.figures?.get(name);
          if (given === null) throw new Error(`${name} is deleted`);
          return given ?? readFileSync(join(root, CONTENT.figures, name));
        };
        const checked = result.body && readFigures(root, file, result.body.line, references, checkFigure, bytes);
        const source = result.essay && checked && checked.problems.length === 0 ? { ...result.essay, figures: checked.sizes } : undefined;
        known.figures = { stamp, problems: checked?.problems ?? [], source };
      }
      found.push(...result.problems, ...known.figures.problems);
      if (known.figures.source) sources.push(known.figures.source);
    }
    const unique = withoutDuplicates(sources, found);
    if (records.site) {
      checkLanguages(records.site, found);
      checkTranslations(unique, records.site.language, found);
    }
    return found;
  }

  return {
    problems,
    async added(overlay) {
      const before = new Set((await problems()).map(formatProblem));
      return (await problems(overlay)).map(formatProblem).filter((p) => !before.has(p));
    },
  };
}
