import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { readStyleXml } from "./styles.ts";
const csl = plugins.config.get("@csl") as any;
csl.styles.add("chicago-author-date", readStyleXml("chicago-author-date.csl"));
csl.styles.add("modern-language-association", readStyleXml("modern-language-association.csl"));
const base = { type: "report", title: "What the US Now Craves from Japan", number: "201", genre: "AJISS-Commentary", issued: { "date-parts": [[2014, 8, 1]] }, publisher: "The Association of Japanese Institutes of Strategic Studies", URL: "https://example.org/x.html" };
const items = Array.from({ length: 400 }, (_, i) => ({ ...base, id: `x${i}`, number: String(i), title: base.title + " " + i, author: [{ family: `Fam${i}`, given: "Keiko" }] }));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const style of ["apa", "chicago-author-date", "modern-language-association"]) {
  plugins.output.format("bibliography", [items[0]], { style, lang: "en-US", format: "html" });
  let prep = 0, upd = 0, mk = 0;
  for (const it of items) {
    let c = cpu();
    const engine = csl.engine([it], style, "en-US", "html");
    prep += cpu() - c; c = cpu();
    engine.updateItems([it.id], true);
    upd += cpu() - c; c = cpu();
    engine.makeBibliography();
    mk += cpu() - c;
  }
  const n = items.length;
  console.log(style, "prepare", (prep / n).toFixed(2), "updateItems", (upd / n).toFixed(2), "makeBibliography", (mk / n).toFixed(2));
}
