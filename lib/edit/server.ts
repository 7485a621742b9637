// `npm run edit`'s server: Decap CMS's prebuilt bundle from node_modules (nothing from another host), the
// page that starts it with a configuration made from the schemas (./config.ts), its local backend
// (./backend.ts), and a preview of an essay's body rendered by the build's own renderer. It listens on
// 127.0.0.1 only and answers only requests addressed to it there (no other site's page can drive it: a
// request naming another host, or sent from another origin, is refused).
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { figureName, figureReferences, readFigures } from "../bodies/figures.ts";
import { createMarkdown, renderBody } from "../bodies/markdown.ts";
import { parseRecords, readRecordTexts } from "../content/read.ts";
import { CONTENT, TEMPLATES } from "../paths/layout.ts";
import { stringsFor } from "../words/strings.ts";
import { editorBackend } from "./backend.ts";
import { editorConfig, type EditorSchemas } from "./config.ts";
import { isEditorLanguage, type EditorLanguage } from "./labels.ts";
import { nextNumbers } from "./numbers.ts";
import { editorPage } from "./page.ts";

export interface EditorOptions {
  /** The content root the editor reads and writes. */
  root: string;
  /** 0 for any free port. */
  port: number;
  /** The dev server's address (`npm start`), where an essay's page can be opened. */
  siteUrl?: string;
  /** The schemas the editor is made from (a test gives one with a field more). */
  schemas?: EditorSchemas;
}

export interface Editor {
  /** http://127.0.0.1:<port>/ */
  url: string;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The repository (templates, stylesheets), which may differ from the content root. */
const repository = join(here, "../..");
/** Decap CMS's prebuilt bundle: dist/decap-cms.js and the chunks and WebAssembly it loads beside itself. */
const decapPackage = createRequire(import.meta.url).resolve("decap-cms/package.json");
const decapDist = join(dirname(decapPackage), "dist");
const decapVersion = (JSON.parse(readFileSync(decapPackage, "utf8")) as { version: string }).version;
const DECAP_FILE = /^[\w-]+(?:\.[\w-]+)*\.(js|wasm|css)$/;

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  wasm: "application/wasm",
  css: "text/css; charset=utf-8",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
};
const typeOf = (name: string) => TYPES[(/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? "").toLowerCase()] ?? "application/octet-stream";

/** Larger than any essay (2,000,000 bytes) with figures uploaded beside it, base64: decap-server takes 50 MB. */
const MAX_BODY = 64 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error(`a request of more than ${MAX_BODY / 1024 / 1024} MB`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The configuration for the content root as it is now, in the language asked for, else the site's, else English. */
export async function configFor(root: string, { asked, siteUrl, schemas }: { asked?: string | null; siteUrl?: string; schemas?: EditorSchemas } = {}) {
  const { site, series, authors } = parseRecords(await readRecordTexts(root));
  const languages = site ? [site.language, ...Object.keys(site.languages ?? {})] : ["en"];
  const lang: EditorLanguage = [asked, ...languages].find((l): l is EditorLanguage => !!l && isEditorLanguage(l)) ?? "en";
  const config = editorConfig({ lang, languages, nextNumbers: await nextNumbers(root, Object.keys(series ?? {})), siteUrl, schemas });
  const choices = (records: Record<string, { name?: string; title?: string }> = {}) =>
    Object.entries(records).map(([value, r]) => ({ label: r.name ?? r.title ?? value, value }));
  return { config, lang, title: site?.title ?? "", languages, choices: { authors: choices(authors), series: choices(series) } };
}

export async function startEditor({ root, port, siteUrl, schemas }: EditorOptions): Promise<Editor> {
  // Made once now, so that a schema field with no widget (./fields.ts) stops the command, not the page.
  await configFor(root, { siteUrl, schemas });
  const backend = editorBackend(root, schemas);
  const script = readFileSync(join(here, "editor.js"), "utf8");
  let origin = "";

  /** The page, its configuration made now, from the records as they are, in the language asked for or the site's. */
  async function page(asked: string | null): Promise<string> {
    const { config, lang, title, languages } = await configFor(root, { asked, siteUrl, schemas });
    return editorPage({ lang, title, config, languages: languages.filter(isEditorLanguage) });
  }

  /** An essay body as the build renders it, its figures measured from the content root. */
  function preview(body: string, lang: string): string {
    const md = createMarkdown(stringsFor(lang, lang));
    const { sizes } = readFigures(root, "preview", 1, figureReferences(md, body));
    return renderBody(md, body, sizes).html;
  }

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const send = (status: number, type: string, body: string | Buffer, cache: Record<string, string> = { "Cache-Control": "no-store" }) => {
      response.writeHead(status, { "Content-Type": type, "X-Content-Type-Options": "nosniff", ...cache });
      response.end(body);
    };
    const url = new URL(request.url ?? "/", origin);
    const host = request.headers.host ?? "";
    const from = request.headers.origin;
    if (host !== new URL(origin).host && host !== `localhost:${new URL(origin).port}`)
      return send(421, "text/plain", "This editor answers only at its own address.");
    if (from !== undefined && from !== origin && from !== `http://localhost:${new URL(origin).port}`)
      return send(403, "text/plain", "Requests from other sites are refused.");
    if (request.method === "POST") {
      if (!/^application\/json\b/.test(request.headers["content-type"] ?? "")) return send(415, "text/plain", "JSON only.");
      const body = JSON.parse(await readBody(request)) as { body?: unknown; lang?: unknown };
      if (url.pathname === "/api/v1") {
        const answer = await backend.handle(body);
        return send(answer.status, "application/json", JSON.stringify(answer.json));
      }
      if (url.pathname === "/api/preview")
        return send(200, "application/json", JSON.stringify({ html: preview(String(body.body ?? ""), String(body.lang || "en")) }));
      return send(404, "text/plain", "Not found");
    }
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, "text/plain", "Method not allowed");
    if (url.pathname === "/") return send(200, "text/html; charset=utf-8", await page(url.searchParams.get("lang")));
    // Browsers ask for one; the editor has none, and a 404 would be an error in the console.
    if (url.pathname === "/favicon.ico") return send(204, "text/plain", "");
    if (url.pathname === "/editor.js") return send(200, TYPES.js!, script);
    if (url.pathname === "/archive.css") return send(200, TYPES.css!, await readFile(join(repository, TEMPLATES.assets, "site.css")));
    const decap = /^\/decap\/([^/]+)$/.exec(url.pathname)?.[1];
    if (decap && DECAP_FILE.test(decap)) {
      // Revalidated by its version: a reload gets 304 and Chromium keeps the 5 MB script's compiled code.
      const etag = `"${decapVersion}-${decap}"`;
      const cache = { "Cache-Control": "no-cache", ETag: etag };
      if (request.headers["if-none-match"] === etag) return send(304, typeOf(decap), "", cache);
      const bytes = await readFile(join(decapDist, decap)).catch(() => undefined);
      if (bytes) return send(200, typeOf(decap), bytes, cache);
    }
    const figure = /^\/figures\/(.+)$/.exec(url.pathname)?.[1];
    const named = figure === undefined ? undefined : figureName(figure);
    if (named && "name" in named) {
      const bytes = await readFile(join(root, CONTENT.figures, named.name)).catch(() => undefined);
      if (bytes) return send(200, typeOf(named.name), bytes);
    }
    return send(404, "text/plain", "Not found");
  }

  const server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
