import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { readStyleXml, singleItemStyle } from "./styles.ts";
const csl = plugins.config.get("@csl");
const src: Record<string, string> = { apa: csl.styles.get("apa"), chicago: readStyleXml("chicago-author-date.csl"), mla: readStyleXml("modern-language-association.csl") };
const init: Record<string, number> = {};
const base = { type: "report", title: "What the US Now Craves from Japan", number: "201", genre: "AJISS-Commentary", issued: { "date-parts": [[2014, 8, 1]] }, author: [{ family: "Iizuka", given: "Keiko" }], publisher: "The Association of Japanese Institutes of Strategic Studies", URL: "https://example.org/x.html" };
for (const [k, v] of Object.entries(src)) for (const [variant, xml] of [["full", v], ["one", singleItemStyle(v)]] as const) {
  const name = `${k}-${variant}`; csl.styles.add(name, xml);
  const t = performance.now(); plugins.output.format("bibliography", [{ ...base, id: "w" }], { style: name, lang: "en-US", format: "text", nosort: true }); init[name] = Math.round(performance.now() - t);
}
let n = 0; const best: Record<string, number> = {};
for (let round = 0; round < 10; round++) for (const k of Object.keys(src)) for (const variant of ["full", "one"]) {
  const name = `${k}-${variant}`; const t = performance.now();
  for (let i = 0; i < 50; i++) plugins.output.format("bibliography", [{ ...base, id: `x${n++}`, title: base.title + n }], { style: name, lang: "en-US", format: "text", nosort: true });
  best[name] = Math.min(best[name] ?? Infinity, (performance.now() - t) / 50);
}
console.log("engine build ms", init); console.log("best ms/reference", Object.fromEntries(Object.entries(best).map(([k, v]) => [k, +v.toFixed(2)])));
