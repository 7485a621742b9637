import { Cite } from "@citation-js/core";
import { references, referencesHtml, downloads } from "./formats.ts";
import type { CitableEssay } from "./types.ts";
const base: CitableEssay = {
  id: "s-1", title: "x", number: 1, date: "2014-08-01", lang: "en",
  authors: [{ name: "Keiko Iizuka", family: "Iizuka", given: "Keiko" }],
  series: { title: "AJISS-Commentary", publisher: "The Association of Japanese Institutes of Strategic Studies", institution: "JIIA", issn: "1234-5678" },
};
const titles = ['</script><script>alert(1)</script>', 'He said "hi" & \'bye\'', "{{ site.title }} {% raw %}", "AT&T <!-- comment --> 100% $5 #1 ~ ^ _ \\ back", "a title in lowercase words", "日本の安全保障と米国", "Über naïve café — 1990–2000"];
for (const title of titles) {
  for (const lang of ["en", "ja"]) {
    const e = { ...base, title, lang };
    const r = references(e), h = referencesHtml(e), d = downloads(e);
    const b = new Cite(d.bibtex).data[0], ri = new Cite(d.ris).data[0], cj = new Cite(JSON.parse(d.cslJson)).data[0];
    console.log(JSON.stringify({ title, lang, chicago: r.chicago, mlaHtml: h.mla, bib: b.title, ris: ri.title, csl: cj.title, ok: [b.title === title, ri.title === title, cj.title === title] }));
  }
}
const solo = { ...base, title: "The Republic", authors: [{ name: "Plato", family: "Plato" }, { name: "Keiko Iizuka", family: "Iizuka", given: "Keiko" }, { name: "A B", family: "B", given: "A" }] };
console.log(references(solo)); const d = downloads(solo); console.log(d.bibtex, d.ris); console.log(new Cite(d.bibtex).data[0].author, new Cite(d.ris).data[0].author);
