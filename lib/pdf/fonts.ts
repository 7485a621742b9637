// The fonts Chromium prints with are the machine's (fontconfig's): which ones there are decides a PDF's
// bytes, and a language with no font at all would print as empty boxes. https://www.freedesktop.org/wiki/Software/fontconfig/
import { execFileSync } from "node:child_process";
import { primaryLanguage } from "../content/languages.ts";

/** A PDF cannot be made as asked: said in the editor's words. */
export class PdfError extends Error {}

/** The fonts fontconfig lists for a language ("ja"), or every font without one: file, family and style, sorted. */
function fontList(lang?: string): string[] {
  try {
    const args = [...(lang ? [`:lang=${lang}`] : []), "--format", "%{file}|%{family}|%{style}\n"];
    return execFileSync("fc-list", args, { encoding: "utf8" }).split("\n").filter(Boolean).sort();
  } catch {
    return [];
  }
}

/** What the machine's fonts are, for the PDFs' cache keys: a font added or removed prints anew. */
export function fontsFingerprint(): string {
  return fontList().join("\n");
}

/** Debian's package of fonts for a language's script, for the message when there is none. */
const PACKAGES: Record<string, string> = { ja: "fonts-ipaexfont-gothic fonts-ipaexfont-mincho", zh: "fonts-noto-cjk", ko: "fonts-noto-cjk" };

/** Refuses to print essays in a language the machine has no font for, naming what to install. */
export function checkFonts(languages: Iterable<string>): void {
  const missing = [...new Set([...languages].map(primaryLanguage))].filter((lang) => fontList(lang).length === 0);
  if (missing.length === 0) return;
  const lang = missing[0]!;
  const install = PACKAGES[lang] ?? "fonts-noto-core";
  throw new PdfError(
    `The essays' PDFs need a font for their language "${lang}", and this machine has none (fontconfig's \`fc-list :lang=${lang}\` lists no font). ` +
      `Install one (on Debian or Ubuntu: apt-get install ${install}), or turn PDFs off ("pdf" in site.json).`,
  );
}
