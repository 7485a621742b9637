// The same archive on any machine: built under C and under a Danish locale (where "aa" files as "å", after
// "z"), byte for byte the same. The archive is two essays of one day in series "aa-notes" and "zz-notes"
// (test/helpers/same-day.ts), the first in Latin, which the platform has no collation or names for.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { buildInto } from "../helpers/build.ts";
import { files } from "../helpers/html.ts";
import { sameDayArchive } from "../helpers/same-day.ts";
import { tempDir } from "../helpers/scratch.ts";

it("builds the same bytes under any locale", async () => {
  const folder = await tempDir("locale-");
  const root = await sameDayArchive(folder);
  const under = (locale: string) => buildInto(root, join(folder, locale), { cache: false, env: { LANG: locale, LC_ALL: locale } });
  const [c, danish] = await Promise.all([under("C.UTF-8"), under("da_DK.UTF-8")]);
  const names = await files(c.output);
  expect(await files(danish.output)).toEqual(names);
  for (const name of names) {
    const [a, b] = await Promise.all([readFile(join(c.output, name)), readFile(join(danish.output, name))]);
    // As text first, to show where a page differs; then the bytes (the search index is binary).
    if (!a.equals(b)) expect(b.toString("utf8"), name).toBe(a.toString("utf8"));
    expect(a.equals(b), name).toBe(true);
  }
});
