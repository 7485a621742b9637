// The editor's pictures for docs/editing.md (`npm run screenshots -- --editor docs`): an essay open in the
// editor, its preview beside it, once in each language the editor's interface has, in Debian's Chromium
// (lib/runtime/browser.ts). The editor only reads: nothing is saved.
import { join } from "node:path";
import matter from "gray-matter";
import { readFile } from "node:fs/promises";
import { frontMatterOptions, listEssays } from "../content/read.ts";
import { launch } from "../runtime/browser.ts";
import { EDITOR_LANGUAGES } from "./labels.ts";
import { startEditor } from "./server.ts";
import { entryOf } from "./translations.ts";

/** The first essay in `lang`, else the first essay: what the picture in that language shows. */
async function essayFor(root: string, lang: string): Promise<string | undefined> {
  const { files } = await listEssays(root);
  for (const file of files) {
    const data = matter(await readFile(join(root, file), "utf8"), frontMatterOptions).data as { lang?: unknown };
    if (data.lang === lang) return file;
  }
  return files[0];
}

/** Writes `editor-<language>.png` into `out` for each language; returns the files written. */
export async function editorScreenshots({ root, out }: { root: string; out: string }): Promise<string[]> {
  const editor = await startEditor({ root, port: 0 });
  const browser = await launch();
  const written: string[] = [];
  try {
    for (const lang of EDITOR_LANGUAGES) {
      const essay = await essayFor(root, lang);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
      const page = await context.newPage();
      await page.goto(`${editor.url}?lang=${lang}#/collections/essays${essay ? `/entries/${entryOf(essay)}` : ""}`);
      // The local backend asks for no password: its sign-in page has one button.
      await page.getByRole("button").click();
      if (essay) await page.frameLocator("iframe").first().locator(".essay-body p").first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      const file = join(out, `editor-${lang}.png`);
      await page.screenshot({ path: file });
      written.push(file);
      await context.close();
    }
  } finally {
    await browser.close();
    await editor.close();
  }
  return written;
}
