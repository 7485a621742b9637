// Every problem found in the content is collected and reported together, each naming its file and field.
import type { z } from "zod";

export interface Problem {
  /** Path relative to the content root, e.g. "src/essays/201-x.md". */
  file: string;
  /** The field, as a dotted path ("authors.1"), or "line 3" for syntax errors. */
  where?: string;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The archive was not built: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the content.\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ContentError";
  }
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.where ? ` (${p.where})` : ""}: ${p.message}`;
}

/** zod issues as problems, the issue path as the field ("keiko-iizuka.name"). */
export function zodProblems(file: string, error: z.ZodError, prefix: (string | number)[] = []): Problem[] {
  return error.issues.map((issue) => {
    const where = [...prefix, ...issue.path].map(String).join(".");
    return { file, where: where || undefined, message: issue.message };
  });
}
