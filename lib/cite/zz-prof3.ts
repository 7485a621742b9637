import { references } from "./formats.ts";
const essay = {
  id: "ajiss-commentary-201", title: "What the US Now Craves from Japan", number: 201, date: "2014-08-01", lang: "en",
  authors: [{ name: "Keiko Iizuka", family: "Iizuka", given: "Keiko" }],
  series: { title: "AJISS-Commentary", publisher: "The Association of Japanese Institutes of Strategic Studies", institution: "JIIA" },
  url: "https://example.org/archive/essays/ajiss-commentary/201.html",
};
references(essay);
for (let i = 0; i < 1000; i++) references({ ...essay, id: `x${i}`, number: i, title: essay.title + i });
