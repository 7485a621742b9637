// A long year's or author's listing goes on over further pages. The fixture is small, so its listings are cut
// into pages of one essay here and rendered by the real templates (a whole build would need 250 essays).
import { DOMParser } from "linkedom";
import { renderToString } from "preact-render-to-string";
import { beforeAll, expect, it } from "vitest";
import { createArchiveLoader } from "../../lib/archive/loader.ts";
import type { Archive } from "../../lib/archive/model.ts";
import { authorPages, yearPages } from "../../lib/archive/browse.ts";
import { layoutView } from "../../lib/views/layout.ts";
import { authorPageViews, yearPageViews } from "../../lib/views/listing.ts";
import { render as renderAuthor } from "../../src/author.11ty.tsx";
import { render as renderYear } from "../../src/year.11ty.tsx";
import { fixture } from "../helpers/build.ts";
import { htmlMessages } from "../helpers/valid-html.ts";

let archive: Archive;
beforeAll(async () => {
  archive = await createArchiveLoader(fixture("basic"), { cache: false }).load();
});

const html = (node: Parameters<typeof renderToString>[0]) => `<!doctype html>\n${renderToString(node)}`;
const parse = (source: string) => new DOMParser().parseFromString(source, "text/html") as unknown as Document;
/** The page links of a listing page: text, href, and which is the current page. */
const pageLinks = (doc: Document) =>
  [...doc.querySelectorAll(".listing-pages a")].map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("aria-current") ?? a.getAttribute("rel")]);

it("a year's pages link to each other, name their page in the title, and list the rest of the year", async () => {
  const year = archive.years.find((y) => y.essays.length > 1)!;
  const pages = yearPages(year, archive.series, 1);
  expect(pages.length).toBe(year.essays.length);
  const tree = archive.trees[0]!;
  const second = html(renderYear({ view: yearPageViews(tree, layoutView(archive, tree), year, 1)[1]! }));
  expect(await htmlMessages(second, pages[1]!.path)).toEqual([]);
  const doc = parse(second);
  expect(doc.title).toContain(`Essays of ${year.year}, page 2 of ${pages.length}`);
  expect(pageLinks(doc).slice(0, 3)).toEqual([
    [`Page 1`, `${year.year}.html`, "prev"],
    [`Page 2`, `${year.year}-page-2.html`, "page"],
    ...(pages.length > 2 ? [[`Page 3`, `${year.year}-page-3.html`, "next"]] : []),
  ]);
  // This page's essay, not the first page's.
  expect(second).toContain(pages[1]!.groups[0]!.essays[0]!.title);
  expect(second).not.toContain(pages[0]!.groups[0]!.essays[0]!.title);
});

it("an author's pages do the same, and a listing that fits on one page shows no page links", async () => {
  const author = archive.authors.find((a) => a.essays.length > 1)!;
  const pages = authorPages(author, 1);
  const tree = archive.trees[0]!;
  const views = authorPageViews(tree, layoutView(archive, tree), author, 1);
  expect(views.map((v) => v.path)).toEqual(pages.map((p) => p.path));
  const last = html(renderAuthor({ view: views.at(-1)! }));
  expect(await htmlMessages(last, pages.at(-1)!.path)).toEqual([]);
  expect(pageLinks(parse(last)).at(-1)).toEqual([`Page ${pages.length}`, `${author.id}-page-${pages.length}.html`, "page"]);
  const whole = html(renderAuthor({ view: authorPageViews(tree, layoutView(archive, tree), author)[0]! }));
  expect(parse(whole).querySelector(".listing-pages")).toBeNull();
});
