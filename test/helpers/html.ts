// Built pages as DOM documents (linkedom), for assertions on structure rather than on strings.
import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";
import { expect } from "vitest";

export async function page(dist: string, path: string): Promise<Document> {
  return parseHTML(await readFile(join(dist, path), "utf8")).document;
}

/** Every file below a folder, as paths relative to it, sorted. */
export async function files(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)))
    .sort();
}

/**
 * The HTML pages of a built archive. Every test that loops over them asserts something of each, so an
 * empty or wrong folder would pass by asserting nothing: it must hold an archive's home and an essay page.
 */
export async function htmlPages(dist: string): Promise<string[]> {
  const pages = (await files(dist)).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
  expect(pages, `${dist} holds no archive's pages`).toContain("index.html");
  expect(
    pages.some((p) => /^essays\/.+\.html$/.test(p)),
    `${dist} holds no essay page`,
  ).toBe(true);
  return pages;
}

export const text = (el: Element | null | undefined): string => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
