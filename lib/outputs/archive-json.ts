// archive.json: every essay in one machine-readable list, for librarians and harvesters: series, number,
// title, date, language, authors and the page's path, newest first as the archive orders them.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { OutputKind } from "./kind.ts";

export const archiveJson = {
  name: "archiveJson",
  writes: "archive.json: each essay's series, number, title, date, language, authors and path",
  modes: ["build", "dev"],
  async afterPages({ output, archive }) {
    const essays = archive.essays.map((essay) => ({
      series: essay.series.id,
      number: essay.number,
      title: essay.title,
      date: essay.date,
      lang: essay.lang,
      authors: essay.authors.map((author) => author.id),
      path: essay.path,
    }));
    await writeFile(join(output, "archive.json"), `${JSON.stringify({ essays }, null, 2)}\n`);
  },
} satisfies OutputKind<"archiveJson", void, void>;
