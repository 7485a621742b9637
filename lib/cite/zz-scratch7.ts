import { references, referencesHtml, downloads } from "./formats.ts";
import type { CitableEssay } from "./types.ts";
const essay: CitableEssay = {
  id: "ajiss-commentary-201", title: "What the US Now Craves from Japan", number: 201, date: "2014-08-01", lang: "en",
  authors: [{ name: "Keiko Iizuka", family: "Iizuka", given: "Keiko", pageUrl: "https://example.org/archive/authors/keiko-iizuka.html" }],
  series: { title: "AJISS-Commentary", publisher: "The Association of Japanese Institutes of Strategic Studies", institution: "The Japan Institute of International Affairs", url: "https://example.org/archive/series/ajiss-commentary.html" },
  url: "https://example.org/archive/essays/ajiss-commentary/201.html",
};
console.log(JSON.stringify(references(essay), null, 1)); console.log(JSON.stringify(referencesHtml(essay), null, 1));
const d = downloads(essay); console.log(JSON.stringify(d.bibtex)); console.log(JSON.stringify(d.ris));
const { url, ...nourl } = essay; console.log(JSON.stringify(references(nourl), null, 1)); console.log(downloads({...nourl, summary: "A summary\nwith a line break & more."}).ris);
