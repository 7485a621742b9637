// The host configurations the build writes into the archive, each made from the HTTP rules (rules.ts) and
// the archive's address (its path is where the rules apply): `_headers` for Netlify and Cloudflare Pages,
// `.htaccess` for Apache httpd, `nginx.conf` for nginx. Opened from disk they are inert text; each server's
// own configuration serves the others as missing; the offline package leaves them out.
// docs/publishing.md says how each is used.
import {
  basePath,
  BY_EXTENSION,
  decodedBasePath,
  FIGURES,
  figureSecurityHeaders,
  BY_PATH,
  CACHING,
  FIGURE_POLICY,
  HOST_FILES,
  IMMUTABLE,
  NOT_FOUND,
  extensionOf,
  contentTypeHeader,
  securityHeaders,
  type MediaType,
  type Pattern,
} from "./rules.ts";

const MADE_BY = "Made by `npm run build` from lib/http/rules.ts: edit the rules there, not this file.";

/** Extensions no path rule shares, so that a host matching several patterns never sends two types. */
function plainExtensions(): [string, MediaType][] {
  const shared = new Set(BY_PATH.map(({ pattern }) => extensionOf(pattern)));
  return Object.entries(BY_EXTENSION).filter(([extension]) => !shared.has(extension));
}

/**
 * Netlify's and Cloudflare Pages' `_headers`: a host applies every rule whose path matches, joining values,
 * so no two rules here give the same header to one path, but for the figures' second policy, which is
 * meant to join the first (rules.ts, figureSecurityHeaders). A file with no Cache-Control rule gets the
 * host's default, `public, max-age=0, must-revalidate`: revalidated, as the rules ask.
 * Neither host says whether a path line is matched against the request's path %-escaped or decoded
 * (`netlify dev` matches the escaped one), so a path that differs in the two is given in both; no request
 * path is both.
 * https://docs.netlify.com/manage/routing/headers/ https://developers.cloudflare.com/pages/configuration/headers/
 */
export function headersFile(siteUrl?: string): string {
  const bases = [...new Set([basePath(siteUrl), decodedBasePath(siteUrl)])];
  const block = (pattern: Pattern, headers: Record<string, string>) =>
    bases.map((base) => [`${base}${pattern}`, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`), ""].join("\n"));
  return [
    `# The archive's HTTP rules for Netlify and Cloudflare Pages. ${MADE_BY}`,
    "",
    ...block("*", securityHeaders(siteUrl)),
    ...plainExtensions().flatMap(([extension, media]) => block(`*.${extension}`, { "Content-Type": contentTypeHeader(media) })),
    ...BY_PATH.flatMap(({ pattern, media }) => block(pattern, { "Content-Type": contentTypeHeader(media) })),
    ...IMMUTABLE.flatMap((pattern) => block(pattern, { "Cache-Control": CACHING.immutable })),
    ...block(FIGURES, { "Content-Security-Policy": FIGURE_POLICY }),
  ].join("\n");
}

/** A pattern as a regular expression over the whole request path. */
function pathRegex(base: string, patterns: readonly Pattern[]): string {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\#]/g, "\\$&");
  const alternatives = patterns.map((pattern) => pattern.split("*").map(literal).join(".*"));
  return `^${literal(base)}(?:${alternatives.join("|")})$`;
}

/**
 * A value as one quoted word of an Apache or nginx configuration: both read `\"` as a quote and `\\` as
 * a backslash inside quotes, and keep every other character as it is (a space too).
 */
const quoted = (value: string): string => `"${value.replace(/["\\]/g, "\\$&")}"`;

/**
 * Apache httpd's `.htaccess`, for hosts that allow it `AllowOverride FileInfo` (most shared hosting) and
 * load mod_headers. Without mod_headers the archive is still served, without the caching and security
 * headers. `ErrorDocument` takes a URL (%-escaped: a space would make it a message); `RedirectMatch` and
 * `REQUEST_URI` in `<If>` see the request's path decoded; mod_headers reads `%` in a value as a format,
 * so a `%` of the address is written `%%`.
 * https://httpd.apache.org/docs/2.4/howto/htaccess.html https://httpd.apache.org/docs/2.4/mod/mod_headers.html#header
 */
export function htaccessFile(siteUrl?: string): string {
  const base = decodedBasePath(siteUrl);
  const header = (name: string, value: string) => `Header always set ${name} ${quoted(value.replace(/%/g, "%%"))}`;
  const whenPath = (patterns: readonly Pattern[], lines: string[]) => [
    `<If "%{REQUEST_URI} =~ m#${pathRegex(base, patterns)}#">`,
    ...lines.map((line) => `  ${line}`),
    "</If>",
  ];
  const textExtensions = Object.entries(BY_EXTENSION)
    .filter(([, media]) => media.text)
    .map(([extension]) => `.${extension}`);
  const indent = (lines: string[]) => lines.map((line) => `  ${line}`);
  return [
    `# The archive's HTTP rules for Apache httpd. ${MADE_BY}`,
    "# It needs `AllowOverride FileInfo` for this folder; the headers need mod_headers.",
    "",
    `ErrorDocument 404 ${basePath(siteUrl)}${NOT_FOUND}`,
    "# The host configurations, and folder addresses below the archive's root, are missing addresses.",
    `RedirectMatch 404 ${quoted(pathRegex(base, [...Object.values(HOST_FILES), "*/"]))}`,
    "",
    ...Object.entries(BY_EXTENSION).map(([extension, { type }]) => `AddType ${type} .${extension}`),
    `AddCharset utf-8 ${textExtensions.join(" ")}`,
    ...BY_PATH.flatMap(({ pattern, media }) => whenPath([pattern], [`ForceType ${media.type}`])),
    "",
    "<IfModule mod_headers.c>",
    ...indent([
      ...Object.entries(securityHeaders(siteUrl)).map(([name, value]) => header(name, value)),
      header("Cache-Control", CACHING.revalidate),
      ...whenPath(IMMUTABLE, [header("Cache-Control", CACHING.immutable)]),
      ...whenPath([FIGURES], [header("Content-Security-Policy", figureSecurityHeaders(siteUrl)["Content-Security-Policy"]!)]),
    ]),
    "</IfModule>",
    "",
  ].join("\n");
}

/**
 * nginx: a `location` block for the archive's path, to include in the `server` block whose `root` holds the
 * archive at that path. nginx matches `location`s against the request's path decoded, and `error_page`
 * redirects to a path as it is, so both are given the decoded path, quoted. nginx's `add_header` in a
 * nested location replaces the outer ones, so each location repeats them all.
 * https://nginx.org/en/docs/http/ngx_http_core_module.html#location https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header
 */
export function nginxFile(siteUrl?: string): string {
  const base = decodedBasePath(siteUrl);
  const indent = (lines: string[]) => lines.map((line) => (line ? `    ${line}` : line));
  const headers = (caching: string, security = securityHeaders(siteUrl)) =>
    Object.entries({ ...security, "Cache-Control": caching }).map(([name, value]) => `add_header ${name} ${quoted(value)} always;`);
  const byType = new Map<string, string[]>();
  for (const [extension, { type }] of Object.entries(BY_EXTENSION)) byType.set(type, [...(byType.get(type) ?? []), extension]);
  const textTypes = new Set([...Object.values(BY_EXTENSION), ...BY_PATH.map(({ media }) => media)].filter((media) => media.text).map(({ type }) => type));
  const location = (match: string, body: string[]) => [`location ${match} {`, ...indent(body), "}"];
  const regex = (patterns: readonly Pattern[]) => `~ ${quoted(pathRegex(base, patterns))}`;
  return [
    `# The archive's HTTP rules for nginx. ${MADE_BY}`,
    "# Include it in the server block whose root holds the archive at this path, for example",
    `#   server { root /srv/www; include ${quoted(`/srv/www${base}${HOST_FILES.nginx}`)}; }`,
    "# and reload nginx after each publish (the rules can change with the build).",
    ...location(`^~ ${quoted(base)}`, [
      "types {",
      ...indent([...byType].map(([type, extensions]) => `${type} ${extensions.join(" ")};`)),
      "}",
      "default_type application/octet-stream;",
      "charset utf-8;",
      `charset_types ${[...textTypes].join(" ")};`,
      "index index.html;",
      // A folder with no index.html is forbidden (403) by default: to a reader it is a missing address.
      `error_page 403 404 =404 ${quoted(`${base}${NOT_FOUND}`)};`,
      ...headers(CACHING.revalidate),
      "",
      ...location(regex(Object.values(HOST_FILES)), ["return 404;"]),
      ...BY_PATH.flatMap(({ pattern, media }) => location(regex([pattern]), ["types { }", `default_type ${media.type};`, ...headers(CACHING.revalidate)])),
      ...location(regex(IMMUTABLE), headers(CACHING.immutable)),
      ...location(regex([FIGURES]), headers(CACHING.revalidate, figureSecurityHeaders(siteUrl))),
    ]),
    "",
  ].join("\n");
}

/** Each host configuration's file name and text. */
export function hostFiles(siteUrl?: string): { path: string; text: string }[] {
  return [
    { path: HOST_FILES.headers, text: headersFile(siteUrl) },
    { path: HOST_FILES.htaccess, text: htaccessFile(siteUrl) },
    { path: HOST_FILES.nginx, text: nginxFile(siteUrl) },
  ];
}
