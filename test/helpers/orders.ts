// Every order and language name of lib/ that a machine's locale could change, for a content root: read in a
// test's worker (started under C, vitest.config.ts) and, run as a script, printed as one line of JSON under
// the LANG test/unit/order.test.ts gives it, since a process's default locale is fixed when it starts.
import { pathToFileURL } from "node:url";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { byFamilyName } from "../../lib/archive/browse.ts";
import { autonym, stringsFor } from "../../lib/words/strings.ts";

export async function ordersOf(root: string): Promise<Record<string, unknown>> {
  const archive = await createArchiveLoader(root, { cache: false }).load();
  return {
    essays: archive.essays.map((e) => e.series.id),
    series: archive.series.map((s) => s.id),
    translations: archive.essays.map((e) => e.translations.map((t) => t.lang)),
    // Latin: a language the platform has no collation or names for.
    authorsInLatin: byFamilyName(archive.authors, "la").map((a) => a.id),
    latin: autonym("la"),
    count: stringsFor("en", "en").count("count.essays", 1234),
    date: stringsFor("en", "en").date("2021-05-05"),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(JSON.stringify(await ordersOf(process.argv[2]!)));
