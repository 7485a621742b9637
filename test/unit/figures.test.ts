// Figures: images kept in the content root's src/figures/, checked when the essay is read, rendered with
// their size and a relative link, and copied into the output.
import { appendFile, cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { ContentError, formatProblem } from "../../lib/content/problems.ts";
import { cachedFigureCheck, copyFigures } from "../../lib/bodies/figures.ts";
import { createMarkdown, renderBody } from "../../lib/bodies/markdown.ts";
import { fixture } from "../helpers/build.ts";
import { png } from "../helpers/png.ts";
import { tempDir } from "../helpers/scratch.ts";

const ESSAY = "src/essays/1-tidal-power.md";
/** The basic fixture with src/figures/chart.png (640×480) and maps/coast.png (30×20), and `body` added to one essay. */
async function contentWith(body: string): Promise<string> {
  const root = join(await tempDir("figures-"), "content");
  await cp(fixture("basic"), root, { recursive: true });
  await mkdir(join(root, "src/figures/maps"), { recursive: true });
  await writeFile(join(root, "src/figures/chart.png"), png(640, 480));
  await writeFile(join(root, "src/figures/maps/coast.png"), png(30, 20));
  await writeFile(join(root, "src/figures/notes.png"), "not an image");
  await appendFile(join(root, ESSAY), body);
  return root;
}
async function problemsOf(root: string): Promise<string[]> {
  const error = await createArchiveLoader(root, { cache: false })
    .load()
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  if (!(error instanceof ContentError)) throw new Error(`expected a ContentError, got ${String(error)}`);
  return error.problems.map(formatProblem);
}

describe("rendering a figure", () => {
  const md = createMarkdown();
  it("links the file relatively, with its size and alt text, and depends on the body and the sizes alone", () => {
    const body = 'Exports grew.\n\n![Exports by year, 2000–2014 "in yen" <b>](chart.png "Exports")\n';
    const html = renderBody(md, body, { "chart.png": { width: 640, height: 480 } }).html;
    expect(html).toContain(
      '<p><img src="../../figures/chart.png" alt="Exports by year, 2000–2014 &quot;in yen&quot; &lt;b&gt;" width="640" height="480" title="Exports" loading="lazy" decoding="async"></p>',
    );
    expect(renderBody(md, body, { "chart.png": { width: 640, height: 480 } }).html).toBe(html);
    expect(renderBody(md, body, { "chart.png": { width: 320, height: 240 } }).html).toContain('width="320" height="240"');
  });
  it("shows a figure it was given no size for as its alt text, never as a broken image", () => {
    expect(renderBody(md, "![A map](http://example.org/map.png)\n").html).toBe('<p><span class="figure-missing">A map</span></p>\n');
  });
});

describe("figures in an essay", () => {
  it("are measured and listed when they are right", async () => {
    const root = await contentWith(
      "\n![A chart of tidal output](chart.png)\n\nText ![The coast](maps/coast.png) and again ![The coast, again](maps/coast.png).\n",
    );
    const archive = await createArchiveLoader(root, { cache: false }).load();
    const essay = archive.essays.find((e) => e.file === ESSAY)!;
    expect(essay.figures.sort()).toEqual(["chart.png", "maps/coast.png"]);
    expect(essay.html).toContain('<img src="../../figures/chart.png" alt="A chart of tidal output" width="640" height="480"');
    expect(essay.html).toContain('<img src="../../figures/maps/coast.png" alt="The coast" width="30" height="20"');

    const output = join(root, "../dist");
    // These two, and the one the basic fixture's port-cities essay shows.
    expect(await copyFigures(root, output, archive)).toBe(3);
    expect(await readFile(join(output, "figures/chart.png"))).toEqual(png(640, 480));
    expect(await readFile(join(output, "figures/maps/coast.png"))).toEqual(png(30, 20));
  });

  it("are problems, at their line, when missing, remote, nameless, unreadable or without alt text", async () => {
    const root = await contentWith(
      [
        "", // line 13
        "![](chart.png)", // 14
        "![A map](missing.png)", // 15
        "Text, then", // 16
        "![A remote map](http://example.org/map.png) and ![Another](//cdn.example.org/x.png)", // 17
        "![Up](../../secret.png)", // 18
        "![Notes](notes.png)", // 19
        "![A report](report.pdf)", // 20
        "![A data image](data:image/png;base64,AAAA)", // 21
        "",
      ].join("\n"),
    );
    expect(await problemsOf(root)).toEqual([
      `${ESSAY} (line 14): figure chart.png has no alt text: say what it shows between the brackets, ![A chart of exports by year](chart.png)`,
      `${ESSAY} (line 15): figure src/figures/missing.png is not there`,
      `${ESSAY} (line 17): figure is on another site (http://example.org/map.png): the archive must work offline and its pages allow no outside images; save the file in src/figures/ and write its name`,
      `${ESSAY} (line 17): figure is on another site (//cdn.example.org/x.png): the archive must work offline and its pages allow no outside images; save the file in src/figures/ and write its name`,
      `${ESSAY} (line 18): figure "../../secret.png" is not a figure name: write the name of a file in src/figures/ (letters, digits, . _ - and / for folders; no spaces)`,
      `${ESSAY} (line 19): figure src/figures/notes.png cannot be read as an image (or, for an SVG, has no width and height)`,
      `${ESSAY} (line 20): figure "report.pdf" is not an image a browser shows: use PNG, JPEG, GIF, WebP, AVIF or SVG`,
      `${ESSAY} (line 21): figure is embedded in the text (data:image/png;base64,AAAA…): save it as a file in src/figures/ and write its name`,
    ]);
  });

  it("refuse an SVG that holds anything that acts, naming what it holds; a plain drawing is measured", async () => {
    const root = await contentWith(["", "![A plain chart](plain.svg)", "![A busy chart](busy.svg)", "![A linked chart](linked.svg)", ""].join("\n"));
    const svg = (inside: string, attributes = "") =>
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="80"${attributes}>${inside}</svg>`;
    await writeFile(
      join(root, "src/figures/plain.svg"),
      svg('<defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/><image href="data:image/png;base64,AAAA"/>'),
    );
    await writeFile(
      join(root, "src/figures/busy.svg"),
      svg('<script>alert(1)</script><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>', ' onload="alert(2)"'),
    );
    await writeFile(
      join(root, "src/figures/linked.svg"),
      svg('<a xlink:href="javascript:alert(3)"><text>x</text></a><style>@import url(https://example.org/x.css);</style>'),
    );
    const after =
      ". Only static SVG is published, as a reader who opens the figure on its own would run or load all that from the archive's address. Export it again as plain SVG (no scripts, links, styles that load files, or embedded HTML), or as PNG";
    expect(await problemsOf(root)).toEqual([
      `${ESSAY} (line 15): figure src/figures/busy.svg is not a plain drawing: it holds an event handler (onload="alert(2)"), an element outside static SVG (<script>), an element outside static SVG (<foreignObject>)${after}`,
      `${ESSAY} (line 16): figure src/figures/linked.svg is not a plain drawing: it holds a reference to another address (xlink:href="javascript:alert(3)"), a style outside static SVG (<style>: @import), a reference to another address (<style>: url(https://example.org/x.css))${after}`,
    ]);
  });

  it("are refused when their bytes are another type than their name says: an SVG named .png, a PNG named .svg or .jpg", async () => {
    const root = await contentWith(["", "![A chart](chart-svg.png)", "![A map](map-png.svg)", "![A photo](photo.jpg)", ""].join("\n"));
    await writeFile(join(root, "src/figures/chart-svg.png"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    await writeFile(join(root, "src/figures/map-png.svg"), png(4, 4));
    await writeFile(join(root, "src/figures/photo.jpg"), png(4, 4));
    expect(await problemsOf(root)).toEqual([
      `${ESSAY} (line 14): figure src/figures/chart-svg.png holds an SVG but is named as a PNG: give it the extension of what it is`,
      `${ESSAY} (line 15): figure src/figures/map-png.svg holds a PNG but is named as an SVG: give it the extension of what it is`,
      `${ESSAY} (line 16): figure src/figures/photo.jpg holds a PNG but is named as a JPEG: give it the extension of what it is`,
    ]);
  });

  it("are refused over 10,000 px a side or 50 million px in all, declared or measured; a tall figure under both is measured", async () => {
    const root = await contentWith(["", "![Tall](tall.svg)", "![Wide](wide.png)", "![Vast](vast.svg)", "![Long](long.svg)", ""].join("\n"));
    const svg = (width: number, height: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="9" height="9"/></svg>`;
    await writeFile(join(root, "src/figures/tall.svg"), svg(200, 2_000_000));
    await writeFile(join(root, "src/figures/wide.png"), png(10_001, 1));
    await writeFile(join(root, "src/figures/vast.svg"), svg(8000, 8000));
    await writeFile(join(root, "src/figures/long.svg"), svg(400, 9000));
    const over = "over the limit of 10,000 px a side and 50,000,000 px in all: scale it down";
    expect(await problemsOf(root)).toEqual([
      `${ESSAY} (line 14): figure src/figures/tall.svg is 200 × 2000000 px, ${over}`,
      `${ESSAY} (line 15): figure src/figures/wide.png is 10001 × 1 px, ${over}`,
      `${ESSAY} (line 16): figure src/figures/vast.svg is 8000 × 8000 px, ${over}`,
    ]);
  });

  it("are reported with the front matter's problems, all at once", async () => {
    const root = await contentWith("\n![A map](missing.png)\n");
    const path = join(root, ESSAY);
    await writeFile(path, (await readFile(path, "utf8")).replace("date: 2019-03-04", "date: 2019-02-30"));
    expect(await problemsOf(root)).toEqual([`${ESSAY} (date): is not a real calendar date`, `${ESSAY} (line 14): figure src/figures/missing.png is not there`]);
  });

  it("an image put among the essays is named, with where it goes", async () => {
    const root = await contentWith("");
    await writeFile(join(root, "src/essays/chart.png"), png(2, 2));
    expect(await problemsOf(root)).toEqual([
      "src/essays/chart.png: is an image: figures go in src/figures/, and an essay shows one with ![What it shows](chart.png)",
    ]);
  });
});

it("keeps each figure's check in the build cache, by its name and its bytes", async () => {
  const cache = await tempDir("figure-checks-");
  const entries = async () =>
    (await readdir(join(cache, "figure-checks"), { recursive: true }).catch(() => [])).filter((name) => name.endsWith(".json")).length;
  const plain = png(20, 10);
  const hostile = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
  const first = cachedFigureCheck(cache);
  const checked = [first.check("a.png", plain), first.check("b.svg", hostile)];
  expect(checked[0]).toEqual({ size: { width: 20, height: 10 } });
  expect(checked[1]).toMatchObject({ why: expect.stringMatching(/^src\/figures\/b\.svg is not a plain drawing/) });
  // Kept only once the archive passed its checks.
  expect(await entries()).toBe(0);
  first.keep();
  expect(await entries()).toBe(2);
  // Another build's check gives the same from the cache, writing nothing new; other bytes or another name are checked anew.
  const next = cachedFigureCheck(cache);
  expect([next.check("a.png", plain), next.check("b.svg", hostile)]).toEqual(checked);
  next.keep();
  expect(await entries()).toBe(2);
  expect(next.check("a.png", png(30, 10))).toEqual({ size: { width: 30, height: 10 } });
  expect(next.check("c.svg", hostile)).toMatchObject({ why: expect.stringMatching(/^src\/figures\/c\.svg /) });
  next.keep();
  expect(await entries()).toBe(4);
});
