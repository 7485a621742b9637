// Prints, as one line of JSON, every order and language name of lib/ that a machine's locale could change,
// for the content root given: run under a LANG by test/unit/order.test.ts, since a process's default
// locale is fixed when it starts.
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { byFamilyName } from "../../lib/archive/browse.ts";
import { autonym, stringsFor } from "../../lib/words/strings.ts";

const archive = await createArchiveLoader(process.argv[2]!, { cache: false }).load();
console.log(
  JSON.stringify({
    essays: archive.essays.map((e) => e.series.id),
    series: archive.series.map((s) => s.id),
    translations: archive.essays.map((e) => e.translations.map((t) => t.lang)),
    // Latin: a language the platform has no collation or names for.
    authorsInLatin: byFamilyName(archive.authors, "la").map((a) => a.id),
    latin: autonym("la"),
    count: stringsFor("en", "en").count("count.essays", 1234),
    date: stringsFor("en", "en").date("2021-05-05"),
  }),
);
