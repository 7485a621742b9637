// `npm run import`: reads the archive's records and essays, plans the import of a batch of saved pages
// (lib/import/plan.ts, pure), checks every file it would write against the content contract, and writes
// them all or none, whenever it is interrupted (lib/import/commit.ts).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { contentText, listEssays, NotUtf8Error, parseEssay, parseRecords, readRecordTexts, type RecordTexts } from "../content/read.ts";
import type { Problem } from "../content/problems.ts";
import type { Encoding } from "../content/encoding.ts";
import { commitImport, finishImport, type StepHook } from "./commit.ts";
import { decodePage } from "./page-encoding.ts";
import { planImport, type Plan } from "./plan.ts";

export interface ImportOptions {
  /** The series the pages belong to; default: the only series in series.json. */
  series?: string;
  /** The title of a series that is not in series.json yet. */
  seriesTitle?: string;
  /** Replace an essay already in the archive under the same number. */
  force?: boolean;
  /** Plan and check, but write nothing. */
  dryRun?: boolean;
  /** The pages' encoding, instead of detecting each one's. */
  encoding?: Encoding;
  /** Aborted on Ctrl-C: before the commit nothing is written; after it, the import is finished first. */
  signal?: AbortSignal;
  /** For tests: awaited before each step that changes the disk (lib/import/commit.ts). */
  step?: StepHook;
}

export interface ImportResult extends Plan {
  written: boolean;
}

const refuse = (problems: Problem[]): ImportResult => ({ problems, writes: [], removes: [], lines: [], summary: "nothing written", written: false });

export async function importPages(root: string, files: string[], options: ImportOptions = {}): Promise<ImportResult> {
  // An import interrupted after its commit is finished first (one interrupted before it is undone).
  await finishImport(root);
  const texts = await readRecordTexts(root);
  const records = parseRecords(texts);
  if (records.problems.length) return refuse(records.problems);
  const seriesIds = Object.keys(records.series ?? {});
  const series = options.series ?? (seriesIds.length === 1 ? seriesIds[0] : undefined);
  if (!series)
    return refuse([
      { file: "_data/series.json", message: `name the series the pages belong to with --series (one of: ${seriesIds.join(", ") || "none yet"})` },
    ]);

  const listed = await listEssays(root);
  const essays = new Map<string, string>();
  const broken: Problem[] = [];
  for (const file of listed.files) {
    const text = contentText(file, await readFile(join(root, file)));
    if (text instanceof NotUtf8Error) broken.push(text.problem);
    else essays.set(file, text);
  }
  // An essay the build refuses would be compared with the batch as garbled text: fix it first.
  if (broken.length) return refuse(broken);
  const pages: { file: string; text: string }[] = [];
  const unreadable: Problem[] = [];
  const encodings: string[] = [];
  for (const file of files) {
    const bytes = await readFile(file).catch(() => undefined);
    const page = bytes && decodePage(file, bytes, options.encoding);
    if (!page) unreadable.push({ file, message: "cannot be read (is it there?)" });
    else if ("problem" in page) unreadable.push(page.problem);
    else {
      pages.push({ file, text: page.text });
      encodings.push(`read ${file} as ${page.encoding} (${page.how})`);
    }
  }
  const plan = planImport(
    pages,
    { authors: records.authors ?? {}, series: records.series ?? {}, essays, language: records.site?.language },
    { series, seriesTitle: options.seriesTitle, force: options.force },
  );
  const problems = [...unreadable, ...plan.problems, ...(unreadable.length || plan.problems.length ? [] : checkWrites(plan, texts))];
  // A file refused before planning (unreadable, its encoding unknown) holds the whole batch back too.
  const held = unreadable.length ? plan.lines.map((line) => line.replace(/^(imported|replaced) /, "held back ")) : plan.lines;
  if (problems.length) return { ...plan, lines: [...encodings, ...held], problems, writes: [], removes: [], written: false };
  if (options.dryRun || plan.writes.length + plan.removes.length === 0) return { ...plan, lines: [...encodings, ...plan.lines], written: false };

  await commitImport(root, plan.writes, plan.removes, { signal: options.signal, step: options.step });
  return { ...plan, lines: [...encodings, ...plan.lines], written: true };
}

/** The planned files, read as the build will read them: nothing is written that the build would refuse. */
function checkWrites(plan: Plan, texts: RecordTexts): Problem[] {
  const next = { ...texts };
  for (const w of plan.writes) {
    const name = w.path.slice(w.path.lastIndexOf("/") + 1);
    if (name in next) next[name as keyof RecordTexts] = w.text;
  }
  const records = parseRecords(next);
  const essays = plan.writes.filter((w) => w.path.endsWith(".md")).flatMap((w) => parseEssay(w.path, w.text, records.known).problems);
  return [...records.problems, ...essays].map((p) => ({ ...p, message: `the importer would write something the build refuses: ${p.message}` }));
}
