// The preview server answers as a static host would, and says plainly what stops it.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { notAnArchive, startPreview } from "../../lib/http/preview-server.ts";
import { tempDir } from "../helpers/scratch.ts";

it("serves pages by their address only: a folder address is its index.html or a 404", async () => {
  const dir = await tempDir("preview-");
  await mkdir(join(dir, "authors"));
  await writeFile(join(dir, "index.html"), "home");
  await writeFile(join(dir, "authors.html"), "authors");
  await writeFile(join(dir, "404.html"), "not found");
  const preview = await startPreview(dir, { base: "/archive/" });
  try {
    const get = async (path: string) => {
      const response = await fetch(new URL(path, preview.url));
      return [response.status, await response.text()];
    };
    expect(await get("")).toEqual([200, "home"]);
    expect(await get("authors.html")).toEqual([200, "authors"]);
    expect(await get("authors/")).toEqual([404, "not found"]);
    expect(await get("/elsewhere/index.html")).toEqual([404, "not found"]);
  } finally {
    await preview.close();
  }
});

it("refuses a folder with no archive, and a port already taken", async () => {
  const empty = await tempDir("preview-");
  expect(notAnArchive(empty)).toMatch(/no built archive.*npm run build/);
  await writeFile(join(empty, "index.html"), "home");
  expect(notAnArchive(empty)).toBeUndefined();
  const first = await startPreview(empty);
  const port = Number(new URL(first.url).port);
  try {
    await expect(startPreview(empty, { port })).rejects.toMatchObject({ code: "EADDRINUSE" });
  } finally {
    await first.close();
  }
});
