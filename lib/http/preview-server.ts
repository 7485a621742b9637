// Serves a built archive over HTTP under any base path ("/", "/archive/of/x/"), as a static host
// would, with the archive's HTTP rules (rules.ts): for `npm run preview` and the browser tests.
// https://github.com/lukeed/sirv
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import sirv from "sirv";
import { headersFor, isHostFile, normaliseBase, NOT_FOUND } from "./rules.ts";

export interface Preview {
  /** The archive's URL, ending in the base path. */
  url: string;
  close(): Promise<void>;
}

/** Why `dir` cannot be served as an archive, or undefined when it can. */
export function notAnArchive(dir: string): string | undefined {
  if (!existsSync(join(dir, "index.html"))) return `${dir}/ holds no built archive (no index.html): run \`npm run build\` first`;
  return undefined;
}

export async function startPreview(dir: string, options: { base?: string; port?: number; host?: string } = {}): Promise<Preview> {
  const base = normaliseBase(options.base ?? "/");
  const host = options.host ?? "127.0.0.1";
  const siteUrl = await archiveAddress(dir);
  const setHeaders = (res: ServerResponse, path: string) => {
    for (const [name, value] of Object.entries(headersFor(path, siteUrl))) res.setHeader(name, value);
  };
  // No extensions: `/a` is not `/a.html`, as on a real host. sirv keeps a Content-Type set here.
  const files = sirv(dir, { dev: true, etag: false, extensions: [], setHeaders: (res, pathname) => setHeaders(res, pathname.slice(1)) });
  const server: Server = createServer((req, res) => {
    const notFound = async () => {
      res.statusCode = 404;
      setHeaders(res, NOT_FOUND);
      res.end(await readFile(join(dir, NOT_FOUND)).catch(() => "Not found"));
    };
    const url = req.url ?? "/";
    if (!url.startsWith(base)) return void notFound();
    // A folder address is its index.html or nothing, as on a real host (sirv would also try folder.html).
    const path = url.slice(base.length).replace(/[?#].*/, "");
    if (isHostFile(path)) return void notFound();
    req.url = `/${url.slice(base.length)}`.replace(/\/(?=$|[?#])/, "/index.html");
    files(req, res, () => void notFound());
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}${base}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/**
 * The archive's address, as its 404 page gives it (`<base href>`, which the build sets from the site URL),
 * for the security headers' policy; undefined for an archive built without one.
 */
async function archiveAddress(dir: string): Promise<string | undefined> {
  const page = await readFile(join(dir, NOT_FOUND), "utf8").catch(() => "");
  const href = /<base href="([^"]*)"/.exec(page)?.[1];
  return href?.replace(/&amp;/g, "&");
}
