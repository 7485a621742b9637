// The archive's HTTP rules, in one list: the content type of every kind of file the build writes, how long
// a browser may keep each, the security headers every response carries, the page a missing address gets,
// and the files that are configuration, not archive. The host configurations (hosts.ts) and
// `npm run preview` (preview-server.ts) are made from this list and from nothing else, so a host serves
// what the preview shows. docs/publishing.md says what each rule is for.
import { decodedPath } from "../content/site-url.ts";
import { OUTPUT } from "../paths/layout.ts";
import { paths } from "../paths/urls.ts";

/** A media type, and whether it is text to be sent with `; charset=utf-8`. */
export interface MediaType {
  type: string;
  text: boolean;
}

const text = (type: string): MediaType => ({ type, text: true });
const binary = (type: string): MediaType => ({ type, text: false });

/** The citation downloads beside each essay's page (lib/cite/types.ts names their extensions). */
export const CITATION_TYPES = {
  bibtex: text("application/x-bibtex"),
  ris: text("application/x-research-info-systems"),
  // CSL JSON: https://www.iana.org/assignments/media-types/application/vnd.citationstyles.csl+json
  cslJson: binary("application/vnd.citationstyles.csl+json"),
} as const;

/**
 * Content types by file extension (lower case). Pagefind's index files are compressed data its client
 * decompresses itself: octet-stream, whatever their extension says.
 */
export const BY_EXTENSION: Readonly<Record<string, MediaType>> = {
  html: text("text/html"),
  css: text("text/css"),
  // Module and classic scripts alike; with nosniff a script must be sent as JavaScript.
  js: text("text/javascript"),
  json: binary("application/json"),
  xml: binary("application/xml"),
  txt: text("text/plain"),
  bib: CITATION_TYPES.bibtex,
  // Each essay's PDF, when the archive makes them (lib/pdf/).
  pdf: binary("application/pdf"),
  ris: CITATION_TYPES.ris,
  pagefind: binary("application/octet-stream"),
  pf_meta: binary("application/octet-stream"),
  pf_index: binary("application/octet-stream"),
  pf_filter: binary("application/octet-stream"),
  pf_fragment: binary("application/octet-stream"),
  // The figures essays show (lib/bodies/figures.ts takes these).
  png: binary("image/png"),
  jpg: binary("image/jpeg"),
  jpeg: binary("image/jpeg"),
  gif: binary("image/gif"),
  webp: binary("image/webp"),
  avif: binary("image/avif"),
  svg: binary("image/svg+xml"),
};

/** Files whose extension says less than they are, by a pattern below the archive's root (see `Pattern`). */
export const BY_PATH: readonly { pattern: Pattern; media: MediaType }[] = [
  { pattern: `${OUTPUT.essays}*.json`, media: CITATION_TYPES.cslJson },
  // https://www.rfc-editor.org/rfc/rfc4287#section-7
  { pattern: paths.feed, media: binary("application/atom+xml") },
];

/**
 * A set of paths below the archive's root: literal characters and at most one `*`, which stands for any
 * characters, `/` included (as `_headers` files read it).
 */
export type Pattern = string;

/** Whether `path` (below the archive's root, no leading slash) is in `pattern`. */
export function matches(pattern: Pattern, path: string): boolean {
  const star = pattern.indexOf("*");
  if (star < 0) return path === pattern;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return path.length >= head.length + tail.length && path.startsWith(head) && path.endsWith(tail);
}

export const CACHING = {
  /** Kept for a year and never asked again: the name changes whenever the bytes do. */
  immutable: "public, max-age=31536000, immutable",
  /** Kept, but asked again (a cheap 304) before each use: the name stays when the bytes change. */
  revalidate: "no-cache",
} as const;

/**
 * What may be kept without asking: everything in a search shard's folder (`pagefind/<lang>/<key>/`, named
 * by a hash of what it was made from: lib/search/index.ts), recognised by its kinds of file, and their
 * copies for search from disk. Everything else (pages, Pagefind's client and WebAssembly, the list of
 * shards, the assets and figures, whose names guarantee nothing) is revalidated.
 */
export const IMMUTABLE: readonly Pattern[] = ["", ".js"].flatMap((script) =>
  [".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta", "/pagefind-entry.json", "/sorts.json"].map((file) => `${OUTPUT.searchBundle}*${file}${script}`),
);

/** A path the archive is served at, normalised: "/", "/a/", "/a/b/". */
export function normaliseBase(base: string): string {
  const parts = base.split("/").filter(Boolean);
  return parts.length ? `/${parts.join("/")}/` : "/";
}

/**
 * The path the archive is served at, from its address, as URLs write it (%-escaped: "/a%20b/"): the
 * host's root without one.
 */
export const basePath = (siteUrl?: string): string => normaliseBase(siteUrl ? new URL(siteUrl).pathname : "/");

/**
 * The same path decoded ("/a b/"), as nginx matches `location`s and Apache its `RedirectMatch` and
 * `REQUEST_URI` (both decode a request's path before they compare it). The site URL's check
 * (lib/content/site-url.ts) has made sure it decodes.
 */
export const decodedBasePath = (siteUrl?: string): string => {
  const base = basePath(siteUrl);
  return decodedPath(base) ?? base;
};

/** The page every missing address gets, with status 404. */
export const NOT_FOUND = paths.notFound;

/** The host configurations the build writes into the archive (hosts.ts): served as missing, never packaged. */
export const HOST_FILES = {
  /** Netlify and Cloudflare Pages read it (and never serve it). */
  headers: "_headers",
  /** Apache httpd reads it (and never serves it). */
  htaccess: ".htaccess",
  /** For nginx, to include in a server block. */
  nginx: "nginx.conf",
} as const;

export const isHostFile = (path: string): boolean => (Object.values(HOST_FILES) as string[]).includes(path);

/**
 * The pages' policy (also in each page's `<meta>`): scripts and styles come from files only; search needs
 * WebAssembly and a worker. A page with a `<base>` (the 404 page) may set it to the archive's own address,
 * and load its stylesheet and send its search form there.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy
 */
export function contentSecurityPolicy(base?: string): string {
  const archive = base ? ` ${cspSource(base)}` : "";
  return [
    "default-src 'self'",
    // blob: is search from disk (assets/search.js): only this page's own scripts can mint blob: URLs.
    "script-src 'self' blob: 'wasm-unsafe-eval'",
    `style-src 'self'${archive}`,
    "img-src 'self' data:",
    // The search page's worker is a blob: made by its own script (assets/search.js).
    "worker-src 'self' blob:",
    "object-src 'none'",
    base ? `base-uri${archive}` : "base-uri 'none'",
    `form-action 'self'${archive}`,
  ].join("; ");
}

/** An absolute URL as a CSP source expression: origin and path, with no character that ends a source. */
function cspSource(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname.replace(/[;,\s]/g, encodeURIComponent);
}

/**
 * The figures essays show, SVG above all, which a browser opened on its own runs as a document: whatever
 * lib/bodies/figures.ts lets through, they are sent with a policy of their own besides the pages' (a
 * browser enforces both): `sandbox` makes such a document one with no script, no forms, no plugins and
 * an origin of its own; nothing is fetched but `data:` images (which the pages' policy also allows). A
 * figure shown on a page, by `<img>`, is an image, which runs no script and fetches nothing anyway.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/sandbox
 */
export const FIGURES: Pattern = `${OUTPUT.figures}*`;
export const FIGURE_POLICY = "sandbox; default-src 'none'; img-src data:";

/**
 * The headers every response carries. The policy is the 404 page's (the widest a page of this archive
 * has); each page's own `<meta>` narrows it, and a browser applies both. Only a header can say
 * `frame-ancestors`: no other site may frame the archive's pages.
 */
export function securityHeaders(siteUrl?: string): Record<string, string> {
  return {
    "Content-Security-Policy": `${contentSecurityPolicy(siteUrl)}; frame-ancestors 'none'`,
    "X-Content-Type-Options": "nosniff",
    // Other sites learn that a reader came from the archive, not from which page of it.
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
}

/** The Content-Type header for a file of the archive, or undefined for an extension the list lacks. */
export function contentTypeOf(path: string): string | undefined {
  const media = BY_PATH.find(({ pattern }) => matches(pattern, path))?.media ?? BY_EXTENSION[extensionOf(path)];
  return media && contentTypeHeader(media);
}

/** `text/css; charset=utf-8` */
export const contentTypeHeader = ({ type, text }: MediaType): string => (text ? `${type}; charset=utf-8` : type);

/** The extension after the last dot, in lower case, as hosts read it ("wasm.en.pagefind" → "pagefind"). */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export function cachingOf(path: string): string {
  return IMMUTABLE.some((pattern) => matches(pattern, path)) ? CACHING.immutable : CACHING.revalidate;
}

/** Every header the archive's rules give the file at `path` (below the archive's root). */
export function headersFor(path: string, siteUrl?: string): Record<string, string> {
  const type = contentTypeOf(path);
  const security = matches(FIGURES, path) ? figureSecurityHeaders(siteUrl) : securityHeaders(siteUrl);
  return { ...(type ? { "Content-Type": type } : {}), "Cache-Control": cachingOf(path), ...security };
}

/**
 * A figure's security headers: the pages' policy and the figure's, as one header of two policies
 * (comma-separated, as a browser reads two headers: https://www.w3.org/TR/CSP3/#parse-serialized-policy-list).
 * `_headers` hosts join the two rules' values the same way.
 */
export function figureSecurityHeaders(siteUrl?: string): Record<string, string> {
  const headers = securityHeaders(siteUrl);
  return { ...headers, "Content-Security-Policy": `${headers["Content-Security-Policy"]}, ${FIGURE_POLICY}` };
}
