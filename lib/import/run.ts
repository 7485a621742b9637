// `npm run import`: reads the archive's records and essays, plans the import of a batch of saved pages
// (lib/import/plan.ts, pure), checks every file it would write against the content contract, and writes
// them all or none: each file is staged beside its target, then all are renamed into place.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { listEssays, parseEssay, parseRecords, readRecordTexts, type RecordTexts } from "../content/read.ts";
import type { Problem } from "../content/problems.ts";
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
}

export interface ImportResult extends Plan {
  written: boolean;
}

const refuse = (problems: Problem[]): ImportResult => ({ problems, writes: [], removes: [], lines: [], summary: "nothing written", written: false });

export async function importPages(root: string, files: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const texts = await readRecordTexts(root);
  const records = parseRecords(texts);
  if (records.problems.length) return refuse(records.problems);
  const seriesIds = Object.keys(records.series ?? {});
  const series = options.series ?? (seriesIds.length === 1 ? seriesIds[0] : undefined);
  if (!series) return refuse([{ file: "_data/series.json", message: `name the series the pages belong to with --series (one of: ${seriesIds.join(", ") || "none yet"})` }]);

  const listed = await listEssays(root);
  const essays = new Map<string, string>();
  for (const file of listed.files) essays.set(file, await readFile(join(root, file), "utf8"));
  const pages: { file: string; text: string }[] = [];
  const unreadable: Problem[] = [];
  for (const file of files) {
    try {
      pages.push({ file, text: await readFile(file, "utf8") });
    } catch {
      unreadable.push({ file, message: "cannot be read (is it there?)" });
    }
  }
  const plan = planImport(pages, { authors: records.authors ?? {}, series: records.series ?? {}, essays }, { series, seriesTitle: options.seriesTitle, force: options.force });
  const problems = [...unreadable, ...plan.problems, ...(unreadable.length || plan.problems.length ? [] : checkWrites(plan, texts))];
  if (problems.length) return { ...plan, problems, writes: [], removes: [], written: false };
  if (options.dryRun || plan.writes.length + plan.removes.length === 0) return { ...plan, written: false };

  const staged = plan.writes.map((w) => ({ target: join(root, w.path), staging: `${join(root, w.path)}.import-${process.pid}`, text: w.text }));
  try {
    for (const s of staged) {
      await mkdir(dirname(s.target), { recursive: true });
      await writeFile(s.staging, s.text);
    }
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.staging, { force: true })));
    throw error;
  }
  for (const s of staged) await rename(s.staging, s.target);
  for (const path of plan.removes) await rm(join(root, path), { force: true });
  return { ...plan, written: true };
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
