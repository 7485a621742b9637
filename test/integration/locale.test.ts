// The same archive on any machine: built under C and under a Danish locale (where "aa" files as "å", after
// "z"), byte for byte the same. The archive is two essays of one day in series "aa-notes" and "zz-notes"
// (test/helpers/same-day.ts), the first in Latin, which the platform has no collation or names for.
// A process's default locale is fixed when it starts: the Danish build is a command's run under that
// locale; the other is this worker's own, which vitest.config.ts starts under C.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { buildInto } from "../helpers/build.ts";
import { files } from "../helpers/html.ts";
import { buildHere } from "../helpers/pages.ts";
import { sameDayArchive } from "../helpers/same-day.ts";
import { tempDir } from "../helpers/scratch.ts";

it("builds the same bytes under any locale", async () => {
  // Not Danish here, so that the two runs differ in locale.
  expect(Intl.DateTimeFormat().resolvedOptions().locale).not.toMatch(/^da\b/);
  const folder = await tempDir("locale-");
  const root = await sameDayArchive(folder);
  const c = { output: join(folder, "C.UTF-8", "dist") };
  const danishLocale = "da_DK.UTF-8";
  const [, danish] = await Promise.all([
    buildHere({ root, output: c.output, cache: false }),
    buildInto(root, join(folder, danishLocale), { cache: false, env: { LANG: danishLocale, LC_ALL: danishLocale } }),
  ]);
  const names = await files(c.output);
  expect(await files(danish.output)).toEqual(names);
  for (const name of names) {
    const [a, b] = await Promise.all([readFile(join(c.output, name)), readFile(join(danish.output, name))]);
    // As text first, to show where a page differs; then the bytes (the search index is binary).
    if (!a.equals(b)) expect(b.toString("utf8"), name).toBe(a.toString("utf8"));
    expect(a.equals(b), name).toBe(true);
  }
});
