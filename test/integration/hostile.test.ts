// Record text is text: markup, quotes and template syntax in any field are shown literally, never run.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DOMParser, parseHTML } from "linkedom";
import { beforeAll, expect, it } from "vitest";
import { built } from "../helpers/built.ts";
import { files, htmlPages, page, text } from "../helpers/html.ts";
import { xmlError } from "../helpers/well-formed.ts";

const HOSTILE = `</script><script>alert(1)</script><img src=x onerror=alert(2)> "q" 'a' {{ site.title }} {% raw %}`;

let dist: string;
beforeAll(async () => {
  dist = built("hostile");
});

it("adds no element, attribute or script of its own to any page", async () => {
  for (const path of await htmlPages(dist)) {
    const doc = await page(dist, path);
    // Scripts are the archive's own files, or data blocks a browser never runs (JSON-LD, Pagefind's template).
    for (const script of doc.querySelectorAll("script")) {
      const src = script.getAttribute("src");
      if (src) expect(new URL(src, `file:///dist/${path}`).pathname, path).toMatch(/^\/dist\/(assets|pagefind)\/[\w.-]+\.js$/);
      else expect(script.getAttribute("type"), path).toMatch(/^(application\/ld\+json|text\/pagefind-template)$/);
    }
    if (path.startsWith("essays/")) expect(doc.querySelectorAll('script[type="application/ld+json"]'), path).toHaveLength(1);
    expect(doc.querySelectorAll("img, iframe, object, embed").length, path).toBe(0);
    for (const el of doc.querySelectorAll("*")) {
      for (const { name, value } of el.attributes) {
        expect(name, `${path}: <${el.tagName} ${name}>`).not.toMatch(/^on/);
        expect(value, `${path}: <${el.tagName} ${name}>`).not.toMatch(/^\s*javascript:/i);
      }
    }
  }
});

it("shows every field's text literally", async () => {
  const essay = await page(dist, "essays/hostile-series/1.html");
  expect(text(essay.querySelector("h1"))).toBe(`Title ${HOSTILE}`);
  expect(essay.title).toBe(`No.1 · Title ${HOSTILE} · Series ${HOSTILE}`);
  expect(essay.querySelector('meta[name="description"]')!.getAttribute("content")).toBe(`Summary ${HOSTILE}`);
  expect(essay.querySelector('meta[property="og:title"]')!.getAttribute("content")).toBe(`Title ${HOSTILE}`);
  expect(essay.querySelector('meta[name="citation_title"]')!.getAttribute("content")).toBe(`Title ${HOSTILE}`);
  expect([...essay.querySelectorAll('meta[name="citation_author"]')].map((m) => m.getAttribute("content"))).toEqual([
    `Mallory ${HOSTILE}`,
    "<img src=x onerror=alert(3)>",
  ]);
  expect(text(essay.querySelector(".summary"))).toBe(`Summary ${HOSTILE}`);
  expect([...essay.querySelectorAll(".topics li")].map(text)).toEqual([`Topic ${HOSTILE}`, "<img src=x onerror=alert(4)>"]);
  expect(text(essay.querySelector(".byline"))).toContain(`Mallory ${HOSTILE} (Affiliation ${HOSTILE}) and <img src=x onerror=alert(3)>`);
  expect(text(essay.querySelector(".bio p"))).toBe(`Bio ${HOSTILE}`);
  expect(text(essay.querySelector(".disclaimer"))).toBe(`Disclaimer ${HOSTILE}`);
  expect(text(essay.querySelector(".copyright"))).toBe(`Copyright ${HOSTILE}`);
  expect(text(essay.querySelector(".essay-label"))).toBe(`Series ${HOSTILE} No.1`);

  const body = text(essay.querySelector(".essay-body"));
  expect(body).toContain(`Body text about zanzibar ${HOSTILE}`);
  expect(body).toContain("<script>alert(5)</script>");
  expect(body).toContain('<div onmouseover="alert(6)">raw block html</div>');
  expect(body).toContain('{{ site.title }} and {% include "x" %}');
  expect(text(essay.querySelector(".essay-body h2"))).toContain(`Heading ${HOSTILE}`);

  const author = await page(dist, "authors/mallory.html");
  expect(text(author.querySelector("h1"))).toBe(`Mallory ${HOSTILE}`);
  expect(text(author.querySelector(".affiliation"))).toBe(`Affiliation ${HOSTILE}`);
  const series = await page(dist, "series/hostile-series.html");
  expect(text(series.querySelector(".series-facts"))).toContain(`Publisher ${HOSTILE}`);
  expect(text(series.querySelector(".description"))).toBe(`Series description ${HOSTILE}`);
});

it("keeps hostile text as text in the feed", async () => {
  const feed = new DOMParser().parseFromString(await readFile(join(dist, "feed.xml"), "utf8"), "text/xml");
  const entry = [...feed.querySelectorAll("entry")].find((e) => e.querySelector("title")!.textContent!.includes("Title"))!;
  expect(entry.querySelector("title")!.textContent).toBe(`Series ${HOSTILE} No.1: Title ${HOSTILE}`);
  expect(entry.querySelector("summary")!.textContent).toBe(`Summary ${HOSTILE}`);
  expect([...entry.querySelectorAll("author name")].map((n) => n.textContent)).toEqual([`Mallory ${HOSTILE}`, "<img src=x onerror=alert(3)>"]);
  // The body is escaped HTML: text to the feed, and only markdown-it's own elements once a reader decodes it.
  const content = entry.querySelector("content")!;
  expect(content.children.length).toBe(0);
  const body = parseHTML(`<div>${content.textContent}</div>`).document;
  expect(body.querySelectorAll("script, img, [onmouseover], [onerror], a[href^=javascript]").length).toBe(0);
  expect(body.querySelectorAll("h2").length).toBe(1);
  expect(feed.querySelectorAll("script, img").length).toBe(0);
});

it("writes every XML file well-formed, with titles and summaries as text, whatever a record holds", async () => {
  const xmlFiles = (await files(dist)).filter((path) => path.endsWith(".xml"));
  expect(xmlFiles).toEqual(expect.arrayContaining(["feed.xml", "sitemap.xml"]));
  for (const path of xmlFiles) expect(xmlError(await readFile(join(dist, path), "utf8")), path).toBeUndefined();

  // The second essay's title and summary hold what XML and CDATA trip on (test/fixtures/hostile/src/essays/2-calm.md).
  const feed = new DOMParser().parseFromString(await readFile(join(dist, "feed.xml"), "utf8"), "text/xml");
  const entries = [...feed.querySelectorAll("entry")];
  const calm = entries.find((e) => e.querySelector("title")!.textContent!.includes("Second zanzibar essay"))!;
  expect(calm.querySelector("title")!.textContent).toBe(
    `Series ${HOSTILE} No.2: Second zanzibar essay ]]> <![CDATA[ & &amp; < "q" 'a' 😀 \u200f\u202eRTL\u202c \u2028 </title>`,
  );
  expect(calm.querySelector("summary")!.textContent).toBe("Summary ]]> & &lt; < 😀 \u200f \u2028 </summary><script>alert(11)</script>");
  expect(calm.querySelector("content")!.textContent).toContain("with ]]&gt; and &lt;![CDATA[ &amp; &amp; 😀 in it.");
  for (const entry of entries) {
    for (const field of ["title", "summary"]) expect(entry.querySelector(field)?.getAttribute("type") ?? "text", field).toBe("text");
    expect(entry.querySelector("content")!.getAttribute("type")).toBe("html");
  }
  for (const field of ["feed > title", "subtitle"]) expect(feed.querySelector(field)!.getAttribute("type"), field).toBe("text");
});
