const t0 = performance.now();
const { references, referencesHtml, downloads } = await import("./formats.ts");
const tImport = performance.now() - t0;
const base = {
  id: "ajiss-commentary-201", title: "What the US Now Craves from Japan", number: 201, date: "2014-08-01", lang: "en",
  authors: [{ name: "Keiko Iizuka", family: "Iizuka", given: "Keiko" }],
  series: { title: "AJISS-Commentary", publisher: "The Association of Japanese Institutes of Strategic Studies", institution: "JIIA" },
  url: "https://example.org/archive/essays/ajiss-commentary/201.html",
};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = performance.now(); let c = cpu();
references(base); downloads(base);
console.log(`import ${tImport.toFixed(0)} ms; first essay ${(performance.now() - t).toFixed(0)} ms wall, ${(cpu() - c).toFixed(0)} ms cpu`);
const N = 1000;
const essays = Array.from({ length: N }, (_, i) => ({ ...base, id: `s-${i}`, number: i + 1, title: `${base.title} Part ${i}`, authors: [{ name: `A ${i}`, family: `Author${i % 500}`, given: "Keiko" }] }));
for (const [label, fn] of [["references (3 styles, text)", references], ["referencesHtml", referencesHtml], ["downloads (bib+ris+json)", downloads]] as const) {
  t = performance.now(); c = cpu();
  for (const e of essays) fn(e);
  console.log(`${label}: ${((performance.now() - t) / N).toFixed(2)} ms/essay wall, ${((cpu() - c) / N).toFixed(2)} cpu`);
}
t = performance.now();
for (const e of essays) references(e);
console.log(`references again (memoised): ${((performance.now() - t) / N).toFixed(3)} ms/essay`);
