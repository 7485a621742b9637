import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { readStyleXml } from "./styles.ts";
const csl = plugins.config.get("@csl");
const src: Record<string, string> = { apa: csl.styles.get("apa"), chicago: readStyleXml("chicago-author-date.csl"), mla: readStyleXml("modern-language-association.csl") };
const single = (xml: string) => xml.replace(/<sort>[\s\S]*?<\/sort>/g, "").replace(/\s(disambiguate-add-year-suffix|disambiguate-add-names|disambiguate-add-givenname|givenname-disambiguation-rule|collapse)="[^"]*"/g, "");
for (const [k, v] of Object.entries(src)) { csl.styles.add(`${k}-full`, v); csl.styles.add(`${k}-single`, single(v)); }
const base = { type: "report", title: "What the US Now Craves from Japan", number: "201", genre: "AJISS-Commentary", issued: { "date-parts": [[2014, 8, 1]] }, publisher: "The Association of Japanese Institutes of Strategic Studies", URL: "https://example.org/x.html" };
const items = Array.from({ length: 400 }, (_, i) => ({ ...base, id: `x${i}`, number: String(i), title: base.title + " " + i, author: [{ family: `Fam${i}`, given: "Keiko" }] }));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const k of Object.keys(src)) {
  for (const variant of ["single", "full"]) {
    const style = `${k}-${variant}`;
    let c = cpu();
    const first = plugins.output.format("bibliography", [items[0]], { style, lang: "en-US", format: "html", nosort: true });
    const init = cpu() - c;
    c = cpu();
    const outs = items.map((it) => plugins.output.format("bibliography", [it], { style, lang: "en-US", format: "html", nosort: true }));
    console.log(style, "init", init.toFixed(0), "per item", ((cpu() - c) / items.length).toFixed(2), JSON.stringify(outs[5]).slice(0, 0));
    (globalThis as any)[style] = outs;
  }
  const a = (globalThis as any)[`${k}-full`], b = (globalThis as any)[`${k}-single`];
  console.log(k, "identical:", a.every((x: string, i: number) => x === b[i]));
}
