// poppler's command-line tools (Debian's poppler-utils; `.ci/run` installs them), which read a PDF the way a
// library's ingest would: pdfinfo for the metadata and tagging, pdffonts for embedding, pdftotext for the text.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A poppler tool's standard output, in UTF-8 and with dates in UTC whatever the machine's zone. */
export async function poppler(tool: "pdfinfo" | "pdffonts" | "pdftotext", ...args: string[]): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { encoding: "utf8", env: { ...process.env, TZ: "UTC", LC_ALL: "C.UTF-8" } });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${tool} is missing: these tests read the PDFs with poppler's tools (apt-get install poppler-utils)`);
    }
    throw error;
  }
}

/** pdfinfo's fields, by name. */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const text = await poppler("pdfinfo", "-isodates", file);
  return Object.fromEntries(
    text.split("\n").flatMap((line) => {
      const colon = line.indexOf(":");
      return colon > 0 ? [[line.slice(0, colon), line.slice(colon + 1).trim()]] : [];
    }),
  );
}

/** pdffonts' rows: each font's name, type and whether it is embedded. */
export async function pdfFonts(file: string): Promise<{ name: string; type: string; embedded: boolean }[]> {
  const lines = (await poppler("pdffonts", file)).split("\n").slice(2).filter(Boolean);
  // Columns are fixed-width: name (37), type (18), encoding (17), then emb, sub, uni.
  return lines.map((line) => ({ name: line.slice(0, 37).trim(), type: line.slice(37, 55).trim(), embedded: line.slice(72, 75).trim() === "yes" }));
}
