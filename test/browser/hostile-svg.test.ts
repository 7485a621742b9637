// The hostile SVG corpus (test/fixtures/svg/src/figures/hostile/) is real, and what the figure check
// accepts is inert: each file is opened on its own in Chromium, as a reader opens a figure, from disk
// (file://) and over plain http from a server that sends no header but its type (no Content-Security-Policy,
// as GitHub Pages or a plain file server), then clicked where the drawing is. What it did is recorded: a
// dialog (every script in the corpus calls alert), a request for anything but the file itself, a navigation.
// Every hostile file does at least one of these when opened raw, and the check refuses it
// (test/unit/svg.test.ts names what each holds); every plain drawing the check accepts does none, either way.
// Requests leaving the file are answered 204 by the page's route: nothing reaches the network.
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readFigures } from "../../lib/bodies/figures.ts";
import { browser, watchedPage } from "../helpers/browser.ts";
import { fixture } from "../helpers/build.ts";

const ROOT = fixture("svg");
const FIGURES = join(ROOT, "src/figures");
const corpus = (kind: "hostile" | "plain") =>
  readdirSync(join(FIGURES, kind))
    .sort()
    .map((name) => `${kind}/${name}`);

/** A plain http server: the corpus as image/svg+xml, no other header; 404 for anything else. */
const server = createServer((request, response) => {
  const name = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname.slice(1));
  if (![...corpus("hostile"), ...corpus("plain")].includes(name)) return void response.writeHead(404).end();
  void readFile(join(FIGURES, name)).then((bytes) => response.writeHead(200, { "Content-Type": "image/svg+xml" }).end(bytes));
});
let httpBase = "";
beforeAll(async () => {
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  httpBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

const withoutFragment = (address: string) => address.replace(/#.*$/, "");

/**
 * A page that opens one file at a time, on its own: its route lets through only the file being opened, and
 * answers every other request 204, so nothing reaches the network.
 */
async function opener(page: Page): Promise<(url: string, hostile: boolean) => Promise<string[]>> {
  let current = "";
  await page.route("**/*", (route) => (withoutFragment(route.request().url()) === current ? route.continue() : route.fulfill({ status: 204 })));
  return (url, hostile) => effectsOf(page, url, hostile, (address) => (current = address));
}

/**
 * What opening `url` on its own did: dialogs, requests for anything else, navigations away from it.
 * `hostile`: it is expected to act, and is waited for until it does (so one that never acts fails the test
 * by its time limit); the first act seen is enough.
 */
async function effectsOf(page: Page, url: string, hostile: boolean, open: (address: string) => void): Promise<string[]> {
  open(url);
  const effects: string[] = [];
  let seen: () => void = () => {};
  const one = new Promise<void>((resolve) => (seen = resolve));
  const add = (effect: string) => {
    effects.push(effect);
    seen();
  };
  // Each dialog is dismissed (the shared page's own watch, test/helpers/browser.ts, does it there too).
  const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
    add(`dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  };
  const onRequest = (request: { url(): string }) => void (withoutFragment(request.url()) !== url && add(`request: ${request.url()}`));
  const onNavigated = (frame: { url(): string }) =>
    void (frame === page.mainFrame() && withoutFragment(frame.url()) !== url && add(`navigation: ${frame.url()}`));
  page.on("dialog", onDialog).on("request", onRequest).on("framenavigated", onNavigated);
  try {
    await page.goto(url, { waitUntil: "load" });
    if (hostile && effects.length) return effects;
    // A reader's click on the drawing (each is 200 × 100 at the top left), then two frames drawn after
    // the load, so what painting fetches (a fill, a mask, a cursor) has been asked for.
    await page.mouse.click(100, 50);
    await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)))).catch(() => {});
    // What acts later than that (a refresh) is waited for.
    if (hostile) await one;
    return effects;
  } finally {
    page.off("dialog", onDialog).off("request", onRequest).off("framenavigated", onNavigated);
    // Nothing the file started can be counted against the next one.
    open("about:blank");
    await page.goto("about:blank");
  }
}

/**
 * Each of `names`, opened from disk on the first page and over http on the second, side by side. A page
 * keeps to one way: moving between file:// and http starts a new renderer process, which made every opening
 * cost a quarter of a second of CPU (12 s for the corpus with one page taking turns, 7 s like this).
 */
async function openAll(names: string[], hostile: boolean, pages: Page[]): Promise<Record<string, string[]>> {
  const ways = [
    names.map((name) => [`${name} from disk`, pathToFileURL(join(FIGURES, name)).href]),
    names.map((name) => [`${name} over http`, httpBase + name]),
  ];
  const open = await Promise.all(pages.map(opener));
  const effects: Record<string, string[]> = {};
  await Promise.all(
    open.map(async (opens, i) => {
      for (const [label, url] of ways[i]!) effects[label!] = await opens(url!, hostile);
    }),
  );
  return effects;
}

/** A page beside the worker's shared one, closed after. */
let extra: Page[] = [];
beforeAll(async () => {
  const chromium = await browser();
  extra = [await chromium.newPage()];
});
afterAll(async () => {
  await Promise.all(extra.map((page) => page.close()));
});

it("every hostile SVG runs script, makes a request or navigates when opened raw, from disk and over http; the figure check refuses each", async () => {
  const { page } = await watchedPage("");
  const effects = await openAll(corpus("hostile"), true, [page, ...extra]);
  expect(Object.keys(effects)).toHaveLength(corpus("hostile").length * 2);
  expect(Object.entries(effects).filter(([, acts]) => acts.length === 0)).toEqual([]);
  const { problems } = readFigures(
    ROOT,
    "src/essays/1-charts.md",
    1,
    corpus("hostile").map((src, i) => ({ src, alt: src, line: i + 1 })),
  );
  expect(problems.map((p) => /figure src\/figures\/(\S+) is not a plain drawing/.exec(p.message)?.[1])).toEqual(corpus("hostile"));
});

it("every plain SVG the figure check accepts runs nothing, requests nothing and stays put, from disk and over http", async () => {
  const { sizes, problems } = readFigures(
    ROOT,
    "src/essays/1-charts.md",
    1,
    corpus("plain").map((src, i) => ({ src, alt: src, line: i + 1 })),
  );
  expect(problems).toEqual([]);
  expect(Object.keys(sizes).sort()).toEqual(corpus("plain"));
  const { page } = await watchedPage("");
  const effects = await openAll(corpus("plain"), false, [page, ...extra]);
  expect(Object.keys(effects)).toHaveLength(corpus("plain").length * 2);
  expect(Object.values(effects).flat()).toEqual([]);
});
