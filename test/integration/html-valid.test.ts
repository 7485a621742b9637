// Every built page of the fixtures is valid HTML (html-validate, the spec-conformance rules).
// https://html-validate.org/rules/presets.html
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { built } from "../helpers/built.ts";
import { htmlPages } from "../helpers/html.ts";
import { htmlMessages } from "../helpers/valid-html.ts";

describe.each(["basic", "hostile", "imported", "bilingual"] as const)("the %s fixture", (fixture) => {
  it("has no HTML errors on any page", async () => {
    const dist = built(fixture);
    const errors: string[] = [];
    for (const path of await htmlPages(dist)) errors.push(...(await htmlMessages(await readFile(join(dist, path), "utf8"), path)));
    expect(errors).toEqual([]);
  });
});

it("the validator does catch what the Nu checker reported on the search page (an id with whitespace)", async () => {
  const page = '<!doctype html><html lang="en"><head><title>t</title></head><body><input type="checkbox" id="pf-filter-author-Aiko Ivanov-1"></body></html>';
  expect((await htmlMessages(page, "x.html")).join("\n")).toMatch(/valid-id/);
});
