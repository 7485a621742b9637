// A packaged copy, unzipped, opens from disk: the folder's index.html leads into the archive, whose links
// and search work from file:// as dist/'s do (test/browser/portable.test.ts walks those in full).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { watchedPage } from "../helpers/browser.ts";
import { packagedFixture, unzip } from "../helpers/package.ts";
import { tempDir } from "../helpers/scratch.ts";

it("the unzipped package opens from disk: its index.html opens the archive, a link opens an essay, search finds it; nothing fails or leaves the folder", async () => {
  const report = await packagedFixture();
  const into = await tempDir("opened-");
  await unzip(report.out, into);
  const root = pathToFileURL(`${join(into, report.name)}/`).href;
  const { page, problems } = await watchedPage(root);

  await page.goto(`${root}index.html`);
  await page.waitForURL(`${root}data/index.html`);
  expect(await page.locator("h1").innerText()).toBe("Fixture Archive");

  await page.getByRole("link", { name: "Notes from the Mekong Delta", exact: true }).first().click();
  await page.waitForURL(`${root}data/essays/field-reports/7.html`);
  expect(await page.locator("h1").innerText()).toBe("Notes from the Mekong Delta");

  await page.getByRole("link", { name: "Search", exact: true }).first().click();
  await page.waitForURL(`${root}data/search.html`);
  await page.getByRole("searchbox").first().fill("saltwater");
  const first = page.locator(".search-result a.search-result-link").first();
  await first.waitFor();
  expect(await page.locator(".search-result").first().innerText()).toContain("Notes from the Mekong Delta");
  expect(problems).toEqual([]);
});
