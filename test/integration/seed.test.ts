// The archive's own content: AJISS-Commentary No.201 carries the whole essay as published.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { REPO } from "../helpers/build.ts";
import { built } from "../helpers/built.ts";
import { page, text } from "../helpers/html.ts";

let dist: string;
beforeAll(async () => {
  dist = built("repository");
});

it("No.201 contains all 21 paragraphs of the seed text, in order", async () => {
  const seed = await readFile(join(REPO, "test/fixtures/import/ajiss-201.txt"), "utf8");
  const lines = seed.split("\n").map((l) => l.trim());
  const first = lines.findIndex((l) => l.startsWith("As Russia's President Putin"));
  const bio = lines.findIndex((l) => l.startsWith("Keiko Iizuka is"));
  const paragraphs = lines.slice(first, bio).filter(Boolean);
  expect(paragraphs).toHaveLength(21);

  const doc = await page(dist, "essays/ajiss-commentary/201.html");
  expect([...doc.querySelectorAll(".essay-body > p")].map(text)).toEqual(paragraphs);
  expect(text(doc.querySelector("h1"))).toBe("What the US Now Craves from Japan");
  expect(text(doc.querySelector(".essay-header .essay-label"))).toBe("AJISS-Commentary No.201");
  const time = doc.querySelector(".byline time")!;
  expect([time.getAttribute("datetime"), time.textContent]).toEqual(["2014-08-01", "1 August 2014"]);
  expect(text(doc.querySelector(".bio p"))).toBe(lines[bio]);
  expect(text(doc.querySelector(".disclaimer"))).toMatch(/^The views expressed in this piece are the author's own/);
  expect(doc.body.textContent).not.toContain("Page Top");
});

it("the archive home lists No.201", async () => {
  const doc = await page(dist, "index.html");
  expect(text(doc.querySelector(".essay-item"))).toBe(
    "AJISS-Commentary No.201 What the US Now Craves from Japan Keiko Iizuka, 1 August 2014",
  );
});
