// `npm run edit` in Chromium, offline, on a scratch copy of the basic fixture: a figure uploaded (and one the
// build would refuse, refused), an essay written with a figure and a note, refused while its figure has no
// alt text and while its number is taken, then saved as the content contract writes it; an existing essay
// edited with every field it does not touch kept byte for byte; in an archive in two languages, an author given a Japanese name with its
// reading in the Japanese interface; and a build that publishes the new essay with its figure. Two page
// loads in all (the editor, then the editor in Japanese); no request leaves the machine.
import { readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEditor, type Editor } from "../../lib/edit/server.ts";
import { watchedPage, type Watched } from "../helpers/browser.ts";
import { bilingualArchive } from "../helpers/bilingual.ts";
import { runBuild } from "../helpers/build.ts";
import { tempDir } from "../helpers/scratch.ts";

const FIGURE = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#3a6"/></svg>\n';
const SCRIPTED = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>\n';

/** Essay 2 as someone wrote it by hand: comments, a quoted date, a list in brackets, ids as text. */
const HANDWRITTEN = `---
# The first of a pair of notes on the North Pacific.
title: Fisheries Diplomacy in the North Pacific
series: policy-notes     # the numbered notes
number: 2
date: "2020-06-15"
authors:
  - ben-takeda   # lead author
  - chiyo-mori
summary: 'Quotas, salmon and the limits of bilateral talks.'
topics: [fisheries, diplomacy]
---

Every spring the quota talks begin again.

## Background

The convention area stretches from Hokkaido to the Aleutians.
`;

let root: string;
let editor: Editor;
let watched: Watched;
let page: Page;
beforeAll(async () => {
  root = await bilingualArchive(await tempDir("edit-"));
  await writeFile(join(root, "src/essays/2-fisheries-diplomacy.md"), HANDWRITTEN);
  editor = await startEditor({ root, port: 0 });
  watched = await watchedPage(editor.url);
  page = watched.page;
  // Nothing may leave the machine: any request to another address is stopped here, and recorded as a problem.
  await page.route(
    (url) => url.origin !== new URL(editor.url).origin,
    (route) => route.abort(),
  );
});
afterAll(async () => {
  await editor?.close();
});

const file = (path: string) => readFile(join(root, path), "utf8");

/** A refusal in the build's words: the backend's answer (a 422) and what Decap shows. */
async function refusal(answer: { status: number; error?: string }, words: string): Promise<void> {
  expect(answer.status).toBe(422);
  expect(answer.error).toContain(words);
  const toasts = page.locator(".Toastify__toast--error");
  // The toast that says it, or (for the failure's message) what the toasts say.
  await expect.poll(async () => ((texts) => texts.find((t) => t.includes(words)) ?? texts.join(" | "))(await toasts.allTextContents())).toContain(words);
}

/** The markdown editor's text, replaced with `text` (inserted at once, as a paste is). */
async function typeBody(text: string): Promise<void> {
  const body = page.locator('[data-slate-editor="true"]').last();
  // Each step waits for the editor to show it: a key pressed before the editor has the focus goes elsewhere.
  const shown = () => body.evaluate((element) => (element.textContent ?? "").replace(/[\uFEFF\n]/g, ""));
  await body.click();
  await expect.poll(() => body.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  // Select all and delete, until the editor is empty: a select-all pressed while the editor is still taking
  // the focus selects nothing, and the Backspace then takes one character.
  /** Whether the editor empties within a second (a bound on waiting, not an assertion on time). */
  const emptied = async () => {
    for (let look = 0; look < 20; look++) {
      if ((await shown()) === "") return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  };
  for (let tries = 0; (await shown()) !== "" && tries < 10; tries++) {
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Backspace");
    if (await emptied()) break;
  }
  expect(await shown()).toBe("");
  await page.keyboard.insertText(text);
  await expect.poll(shown).toBe(text.replace(/\n/g, ""));
}

/** The backend's answer to the next request for `action` the page sends. */
async function answerTo(action: string, send: () => Promise<void>): Promise<{ status: number; error?: string }> {
  const response = page.waitForResponse((r) => r.url() === `${editor.url}api/v1` && (r.request().postData() ?? "").includes(`"action":"${action}"`));
  await send();
  const answer = await response;
  return { status: answer.status(), ...((await answer.json()) as { error?: string }) };
}

/** Publish → Publish now: the backend's answer to the save. */
async function publish(label = "Publish", now = "Publish now"): Promise<{ status: number; error?: string }> {
  return answerTo("persistEntry", async () => {
    await page.getByRole("button", { name: label, exact: true }).click();
    await page.getByText(now, { exact: true }).click();
  });
}

/** Saved: the backend answered once the file was in place (written whole, then renamed), and Decap has marked the entry saved (until then it would ask before the page is left). */
async function saved(answer: { status: number; error?: string }, unsaved = "Unsaved changes"): Promise<void> {
  expect(answer).toEqual({ status: 200, message: "entry persisted" });
  await page.getByText(unsaved).first().waitFor({ state: "hidden" });
}

/**
 * The problems seen, less the refusals this test asked for: a refused save is a 422, which Decap logs, and
 * a rejected promise it leaves unhandled ("page error: Object"); and less the editor's own requests that
 * the page dropped (ERR_ABORTED: the preview's stylesheet, when Decap makes the preview anew or the page
 * moves on before it arrives). A request to any other address is stopped, and stays a problem.
 */
const unexpected = () =>
  watched.problems.filter(
    (p) =>
      !/HTTP 422: .*\/api\/v1$|status of 422|API_ERROR: |^page error: Object$/.test(p) &&
      !(p.startsWith(`failed: ${editor.url}`) && p.endsWith("net::ERR_ABORTED")),
  );

it("writes a new essay with a figure and a note, refusing a figure the build would refuse, a missing alt text and a taken number first", async () => {
  await page.goto(`${editor.url}#/collections/essays`);
  await page.getByRole("button", { name: "Login" }).click();

  // A figure, uploaded; then one the build would refuse, refused in its words and never written.
  await page.getByRole("button", { name: "Media" }).click();
  const upload = page.locator('input[type="file"]');
  await upload.setInputFiles({ name: "harbour.svg", mimeType: "image/svg+xml", buffer: Buffer.from(FIGURE) });
  await page.getByText("harbour.svg", { exact: true }).waitFor();
  expect(await file("src/figures/harbour.svg")).toBe(FIGURE);
  const scripted = await answerTo("persistMedia", () =>
    upload.setInputFiles({ name: "scripted.svg", mimeType: "image/svg+xml", buffer: Buffer.from(SCRIPTED) }),
  );
  await refusal(scripted, "src/figures/scripted.svg is not a plain drawing: it holds an element outside static SVG (<script>)");
  expect(existsSync(join(root, "src/figures/scripted.svg"))).toBe(false);
  await page.getByRole("button", { name: "Close" }).click();

  await page.goto(`${editor.url}#/collections/essays/new`);
  // The next free number in the first series is offered.
  await expect.poll(() => page.getByRole("spinbutton", { name: "Number" }).inputValue()).toBe("4");
  await page.getByLabel(/^File name/).fill("tide-tables");
  await page.getByLabel("Title", { exact: true }).fill("Tide Tables and Harbour Charts");
  await page.locator('input[type="date"]').fill("2024-05-06");
  await page.getByRole("button", { name: /Add authors/ }).click();
  await page.getByLabel("Author", { exact: true }).click();
  await page.keyboard.type("Ada");
  await page.getByText("Ada Okafor", { exact: true }).click();
  await typeBody("Harbour masters read the tide tables.[^1]\n\n![](harbour.svg)\n\n[^1]: Published each year.");
  // The preview is the build's renderer: the note and the figure as readers will see them.
  const preview = page.frameLocator("iframe").first();
  await expect.poll(() => preview.locator(".essay-body .footnotes").textContent()).toContain("Published each year.");
  expect(await preview.locator('.essay-body img[src$="figures/harbour.svg"]').getAttribute("width")).toBe("200");

  await refusal(await publish(), "src/essays/4-tide-tables.md (line 12): figure harbour.svg has no alt text");
  await typeBody("Harbour masters read the tide tables.[^1]\n\n![The harbour's tides](harbour.svg)\n\n[^1]: Published each year.");
  await page.getByRole("spinbutton", { name: "Number" }).fill("1");
  const taken = await publish();
  await refusal(taken, "src/essays/1-tide-tables.md (number): policy-notes No.1 is also src/essays/1-tidal-power.md");
  expect(taken.error).toContain("(the next free number in policy-notes is 4)");
  expect(existsSync(join(root, "src/essays/1-tide-tables.md")) || existsSync(join(root, "src/essays/4-tide-tables.md"))).toBe(false);

  await page.getByRole("spinbutton", { name: "Number" }).fill("4");
  await saved(await publish());
  // Once saved, Decap opens the entry at its address.
  await page.waitForURL(/#\/collections\/essays\/entries\/4-tide-tables$/);
  expect(await file("src/essays/4-tide-tables.md")).toBe(
    [
      "---",
      "title: Tide Tables and Harbour Charts",
      "series: policy-notes",
      "number: 4",
      "date: 2024-05-06",
      "authors:",
      "  - id: ada-okafor",
      "---",
      "",
      "Harbour masters read the tide tables.[^1]",
      "",
      "![The harbour's tides](harbour.svg)",
      "",
      "[^1]: Published each year.",
      "",
    ].join("\n"),
  );
  expect(unexpected()).toEqual([]);
});

it("edits an existing essay, keeping every field it does not touch byte for byte", async () => {
  // From the list, as an editor would (an entry's address opened from another entry's keeps the first one's form).
  await page.goto(`${editor.url}#/collections/essays`);
  await page.getByText("policy-notes No.2 — Fisheries Diplomacy in the North Pacific").click();
  const title = page.getByLabel("Title", { exact: true });
  await expect.poll(() => title.inputValue()).toBe("Fisheries Diplomacy in the North Pacific");
  await title.fill("Fisheries Diplomacy in the Northern Pacific");
  await saved(await publish());
  expect(await file("src/essays/2-fisheries-diplomacy.md")).toBe(
    HANDWRITTEN.replace("title: Fisheries Diplomacy in the North Pacific", "title: Fisheries Diplomacy in the Northern Pacific"),
  );
  expect(unexpected()).toEqual([]);
});

it("gives an author a Japanese name with its reading, in the Japanese interface, leaving the other records as they were", async () => {
  const before = await file("_data/authors.json");
  await page.goto(`${editor.url}?lang=ja#/collections/authors/entries/ada-okafor`);
  await expect.poll(() => page.getByLabel("氏名（英語表記）").inputValue()).toBe("Ada Okafor");
  await page.getByRole("button", { name: /他の言語での氏名/ }).click();
  await page.getByLabel("言語", { exact: true }).click();
  await page.getByText("ja", { exact: true }).click();
  await page.getByLabel("氏名", { exact: true }).fill("オコンクォ・エイダ");
  // Optional fields' labels end in "(任意)"; the record's own family and given names say "（英語表記）".
  await page.getByLabel(/^姓(?!（)/).fill("オコンクォ");
  await page.getByLabel(/^名(?!（)/).fill("エイダ");
  await page.getByLabel(/^読み（かな）/).fill("おこんくぉ えいだ");
  await saved(await publish("公開", "公開する"), "未保存");
  const after = await file("_data/authors.json");
  expect(JSON.parse(after)["ada-okafor"].names).toEqual({
    ja: { name: "オコンクォ・エイダ", family: "オコンクォ", given: "エイダ", reading: "おこんくぉ えいだ" },
  });
  // Every other record and field keeps its bytes: the new field is written after the record's last one.
  const last = '    "url": "https://example.org/ada"';
  expect(after.slice(0, after.indexOf(last) + last.length)).toBe(before.slice(0, before.indexOf(last) + last.length));
  expect(after.slice(after.indexOf('\n  "ben-takeda"'))).toBe(before.slice(before.indexOf('\n  "ben-takeda"')));
  expect(unexpected()).toEqual([]);
});

it("publishes the new essay with its figure when the archive is built", async () => {
  const output = join(root, "..", "dist");
  const build = await runBuild(root, output);
  expect(build.stderr).toBe("");
  expect(build.code).toBe(0);
  const html = await readFile(join(output, "essays/policy-notes/4.html"), "utf8");
  expect(html).toContain(`alt="The harbour's tides"`);
  expect(html).toMatch(/<img src="..\/..\/figures\/harbour.svg"[^>]* width="200" height="100"/);
  expect(await readFile(join(output, "figures/harbour.svg"), "utf8")).toBe(FIGURE);
});
