import { Cite } from "@citation-js/core";
import { downloads, references } from "./formats.ts";
const e = { id: "ajiss-commentary-301", title: "日本の安全保障と米国：「同盟」の行方 & 100% {x}", number: 301, date: "2015-01-09", lang: "ja",
  authors: [{ name: "飯塚恵子", family: "飯塚", given: "恵子" }, { name: "Zoë Ünal", family: "Ünal", given: "Zoë" }],
  series: { title: "AJISS-Commentary", publisher: "日本国際問題研究所", institution: "JIIA" } };
const d = downloads(e); console.log(d.bibtex); console.log(references(e));
const b = new Cite(d.bibtex).data[0]; console.log(b.title === e.title, JSON.stringify(b.author), b.publisher);
