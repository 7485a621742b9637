import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { appendFile, cp } from "node:fs/promises";
import { join } from "node:path";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import { renderedBodyKey } from "../../lib/bodies/cached.ts";
import { createMarkdown, renderBody, slugify } from "../../lib/bodies/markdown.ts";
import { fixture } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

const render = (src: string) => parseHTML(`<div id="root">${createMarkdown().render(src)}</div>`).document;

describe("markdown", () => {
  it("never lets raw HTML through", () => {
    const doc = render('Hello <img src=x onerror="alert(1)"> and <script>alert(2)</script>\n\n<div>block</div>');
    expect(doc.querySelector("img, script, #root div")).toBeNull();
    expect(doc.getElementById("root")!.textContent).toContain("<script>alert(2)</script>");
  });
  it("never makes a javascript: link", () => {
    const doc = render("[click](javascript:alert(1)) and <javascript:alert(2)>");
    expect([...doc.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([]);
  });
  it("gives headings ids and an accessible permalink", () => {
    const doc = render("## The quota problem\n\ntext");
    const h2 = doc.querySelector("h2")!;
    expect(h2.id).toBe("the-quota-problem");
    const link = doc.querySelector('a[href="#the-quota-problem"]')!;
    expect(link.textContent).toContain("The quota problem");
  });
  it("keeps the title the only h1 by moving body headings down", () => {
    const doc = render("# Part one\n\n## Detail");
    expect(doc.querySelector("h1")).toBeNull();
    expect(doc.querySelector("h2")!.id).toBe("part-one");
    expect(doc.querySelector("h3")!.id).toBe("detail");
  });
  it("treats template syntax as text", () => {
    expect(render("{{ site.title }} {% raw %}").getElementById("root")!.textContent).toContain("{{ site.title }} {% raw %}");
  });
  it("slugs keep letters of every script", () => {
    expect(slugify("Japan–US Relations, 2014!")).toBe("japan-us-relations-2014");
    expect(slugify("港湾都市")).toBe("港湾都市");
  });
  it("renders notes, linked both ways, the way back named for screen readers", () => {
    const doc = render("A claim.[^1] Another.[^src]\n\n[^1]: The first note.\n[^src]: The source.\n");
    const refs = [...doc.querySelectorAll("sup.footnote-ref a")];
    expect(refs.map((a) => a.getAttribute("href"))).toEqual(["#fn1", "#fn2"]);
    const notes = [...doc.querySelectorAll("section.footnotes li")];
    expect(notes.map((li) => li.id)).toEqual(["fn1", "fn2"]);
    expect(notes[0]!.textContent).toContain("The first note.");
    const back = notes[0]!.querySelector("a.footnote-backref")!;
    expect(back.getAttribute("href")).toBe(`#${refs[0]!.id}`);
    expect(back.getAttribute("aria-label")).toBe("Back to the text of note 1");
  });
  it("collects headings, reading time and the first paragraph as text", () => {
    const body = renderBody(createMarkdown(), "First *words* here[^1].\n\n## Part one\n\nMore.\n\n[^1]: Note.\n");
    expect(body.headings).toEqual([{ id: "part-one", text: "Part one", level: 2 }]);
    expect(body.lead).toBe("First words here.");
    expect(body.readingMinutes).toBe(1);
  });
  it("speaks the essay's language: a Japanese essay's heading links and notes' way back are in Japanese", async () => {
    const root = join(await tempDir("ja-body-"), "content");
    await cp(fixture("basic"), root, { recursive: true });
    await appendFile(join(root, "src/essays/8-port-cities.md"), "\n## 課題\n\n物流の話[^1]。\n\n[^1]: 注記。\n");
    const archive = await createArchiveLoader(root, { cache: false }).load();
    const essay = archive.essays.find((e) => e.number === 8)!;
    const ja = parseHTML(`<div>${essay.html}</div>`).document;
    expect(ja.querySelector("a.header-anchor")?.textContent).toContain("「課題」の節へのリンク");
    expect(ja.querySelector("a.footnote-backref")?.getAttribute("aria-label")).toBe("注1の本文に戻る");
    // The body's cache key names the words' language: the same text in English words is another entry.
    expect(renderedBodyKey("ja", "text", {})).not.toBe(renderedBodyKey("en", "text", {}));
  });
});
