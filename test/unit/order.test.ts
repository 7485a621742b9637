// Every order lib/ makes is the same on every machine: under a Danish locale (where "aa" files as "å",
// after "z") as under C. A process's default locale is fixed when it starts, so lib/ runs in a child
// process under Danish, and in this worker (which vitest.config.ts starts under C), on a two-essay archive
// (test/helpers/same-day.ts, test/helpers/orders.ts).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { REPO } from "../helpers/build.ts";
import { ordersOf } from "../helpers/orders.ts";
import { sameDayArchive } from "../helpers/same-day.ts";
import { tempDir } from "../helpers/scratch.ts";

const ordersUnder = async (root: string, locale: string): Promise<unknown> => {
  const env = { ...process.env, LANG: locale, LC_ALL: locale };
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "test/helpers/orders.ts", root], { cwd: REPO, env });
  return JSON.parse(stdout);
};

it("orders ids and dates by code point, and names in a language named, whatever the machine's locale", async () => {
  const root = await sameDayArchive(await tempDir("orders-"));
  const expected = {
    // Two essays of one day: by series id, "aa-notes" first.
    essays: ["aa-notes", "zz-notes"],
    series: ["aa-notes", "zz-notes"],
    translations: [["en"], ["la"]],
    // Aagaard before Zeller: in English's collation where the platform has none for the site's language.
    authorsInLatin: ["ole-aagaard", "ida-zeller"],
    latin: "Latin",
    count: "1,234 essays",
    date: "5 May 2021",
  };
  // Not Danish here, so that the two runs differ in locale.
  expect(Intl.DateTimeFormat().resolvedOptions().locale).not.toMatch(/^da\b/);
  const [c, danish] = await Promise.all([ordersOf(root), ordersUnder(root, "da_DK.UTF-8")]);
  expect(c).toEqual(expected);
  expect(danish).toEqual(expected);
});
