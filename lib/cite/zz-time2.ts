const t0 = performance.now();
const { references, referencesHtml, downloads } = await import("./formats.ts");
const tImport = performance.now() - t0;
const base = {
  id: "ajiss-commentary-201", title: "What the US Now Craves from Japan", number: 201, date: "2014-08-01", lang: "en",
  authors: [{ name: "Keiko Iizuka", family: "Iizuka", given: "Keiko" }],
  series: { title: "AJISS-Commentary", publisher: "The Association of Japanese Institutes of Strategic Studies", institution: "JIIA" },
  url: "https://example.org/archive/essays/ajiss-commentary/201.html",
};
let t = performance.now();
references(base); downloads(base);
const first = performance.now() - t;
let k = 0;
const fresh = () => ({ ...base, id: `s-${k}`, number: ++k, title: `${base.title} Part ${k}`, authors: [{ name: `A ${k}`, family: `Author${k % 500}`, given: "Keiko" }] });
const best: Record<string, number> = {};
for (let round = 0; round < 15; round++) {
  for (const [label, fn] of [["references", references], ["referencesHtml", referencesHtml], ["downloads", downloads]] as const) {
    const batch = Array.from({ length: 100 }, fresh);
    t = performance.now();
    for (const e of batch) fn(e);
    const per = (performance.now() - t) / batch.length;
    best[label] = Math.min(best[label] ?? Infinity, per);
  }
}
console.log(`import ${tImport.toFixed(0)} ms, first essay ${first.toFixed(0)} ms; best-of-15 per essay:`, Object.fromEntries(Object.entries(best).map(([k, v]) => [k, +v.toFixed(2)])));
