// A two-essay archive whose order a machine's locale would change: two essays of one day, in series
// "aa-notes" and "zz-notes" (Danish files "aa" as "å", after "z"), and authors "Aagaard" and "Zeller";
// the first essay is in Latin, a language the platform's Intl has no names or collation for, and is
// paired with the second as its translation, so the second's page names it ("Read in Latin").
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

const record = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const series = (title: string) => ({
  title,
  publisher: "The Fixture Institute",
  institution: "The Fixture Foundation",
  disclaimer: "Views are the authors' own.",
  copyright: "© The Fixture Institute",
});

/** Writes the archive into `<folder>/content` and returns that folder. */
export async function sameDayArchive(folder: string): Promise<string> {
  const root = join(folder, "content");
  await mkdir(join(root, "src/essays"), { recursive: true });
  await mkdir(join(root, "_data"), { recursive: true });
  await writeFile(join(root, "_data/site.json"), record({ title: "Same Day", description: "Two essays of one day.", language: "en" }));
  await writeFile(join(root, "_data/series.json"), record({ "zz-notes": series("Notes"), "aa-notes": series("Notes") }));
  await writeFile(
    join(root, "_data/authors.json"),
    record({ "ida-zeller": { name: "Ida Zeller", bio: "Writes." }, "ole-aagaard": { name: "Ole Aagaard", bio: "Writes too." } }),
  );
  const essay = (series: string, author: string, more: string[]) =>
    [
      "---",
      `title: A Note in ${series}`,
      `series: ${series}`,
      "number: 1",
      "date: 2021-05-05",
      "authors:",
      `  - ${author}`,
      "translationKey: one-day",
      ...more,
      "---",
      "",
      "A short note.",
      "",
    ].join("\n");
  await writeFile(join(root, "src/essays/1-in-aa.md"), essay("aa-notes", "ole-aagaard", ["lang: la"]));
  await writeFile(join(root, "src/essays/1-in-zz.md"), essay("zz-notes", "ida-zeller", []));
  return root;
}
