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

/**
 * zod issues as problems, the issue path as the field ("keiko-iizuka.name"). The schemas word their own
 * messages; the two issues zod words itself (an unknown field, a value of the wrong kind at the top) are
 * put in the editor's terms here.
 */
export function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const where = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        file,
        where: where ? `${where}.${key}` : key,
        message: "is not a field of the content contract (check its spelling; docs/content.md lists the fields)",
      }));
    }
    if (issue.code === "invalid_type" && !where) return [{ file, message: "must hold fields written `name: value`" }];
    return [{ file, where: where || undefined, message: issue.message }];
  });
}
