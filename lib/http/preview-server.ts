// Serves a built archive over HTTP under any base path ("/", "/archive/of/x/"), as a static host
// would, with the archive's HTTP rules (rules.ts): for `npm run preview` and the browser tests.
// https://github.com/lukeed/sirv
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import sirv from "sirv";
import { decodedPath } from "../content/site-url.ts";
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

/** A decoded path as a URL writes it: each segment %-escaped ("/a b/" → "/a%20b/"). */
const encodedPath = (path: string): string => path.split("/").map(encodeURIComponent).join("/");

/**
 * `base` may be given as a URL writes it ("/a%20b/") or decoded ("/a b/"); requests are compared with it
 * decoded, as nginx and Apache compare them, whichever way a client escaped them.
 */
export async function startPreview(dir: string, options: { base?: string; port?: number; host?: string } = {}): Promise<Preview> {
  const given = normaliseBase(options.base ?? "/");
  const base = decodedPath(given) ?? given;
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
    const [, requested = "/", query = ""] = /^([^?#]*)(.*)$/s.exec(req.url ?? "/") ?? [];
    const decoded = decodedPath(requested);
    if (decoded === undefined || !decoded.startsWith(base)) return void notFound();
    const path = decoded.slice(base.length);
    if (isHostFile(path)) return void notFound();
    // A folder address is its index.html or nothing, as on a real host (sirv would also try folder.html).
    req.url = `/${encodedPath(path)}`.replace(/\/$/, "/index.html") + query;
    files(req, res, () => void notFound());
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}${encodedPath(base)}`,
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
