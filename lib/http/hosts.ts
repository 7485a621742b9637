// The host configurations the build writes into the archive, each made from the HTTP rules (rules.ts) and
// the archive's address (its path is where the rules apply): `_headers` for Netlify and Cloudflare Pages,
// `.htaccess` for Apache httpd, `nginx.conf` for nginx. Opened from disk they are inert text; each server's
// own configuration serves the others as missing; the offline package leaves them out.
// docs/publishing.md says how each is used.
import {
  basePath,
  BY_EXTENSION,
  BY_PATH,
  CACHING,
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
 * so no two rules here give the same header to one path. A file with no Cache-Control rule gets the host's
 * default, `public, max-age=0, must-revalidate`: revalidated, as the rules ask.
 * https://docs.netlify.com/manage/routing/headers/ https://developers.cloudflare.com/pages/configuration/headers/
 */
export function headersFile(siteUrl?: string): string {
  const base = basePath(siteUrl);
  const block = (pattern: Pattern, headers: Record<string, string>) =>
    [`${base}${pattern}`, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`), ""].join("\n");
  return [
    `# The archive's HTTP rules for Netlify and Cloudflare Pages. ${MADE_BY}`,
    "",
    block("*", securityHeaders(siteUrl)),
    ...plainExtensions().map(([extension, media]) => block(`*.${extension}`, { "Content-Type": contentTypeHeader(media) })),
    ...BY_PATH.map(({ pattern, media }) => block(pattern, { "Content-Type": contentTypeHeader(media) })),
    ...IMMUTABLE.map((pattern) => block(pattern, { "Cache-Control": CACHING.immutable })),
  ].join("\n");
}

/** A pattern as a regular expression over the whole request path. */
function pathRegex(base: string, patterns: readonly Pattern[]): string {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\#]/g, "\\$&");
  const alternatives = patterns.map((pattern) => pattern.split("*").map(literal).join(".*"));
  return `^${literal(base)}(?:${alternatives.join("|")})$`;
}

/**
 * Apache httpd's `.htaccess`, for hosts that allow it `AllowOverride FileInfo` (most shared hosting) and
 * load mod_headers. Without mod_headers the archive is still served, without the caching and security
 * headers. https://httpd.apache.org/docs/2.4/howto/htaccess.html
 */
export function htaccessFile(siteUrl?: string): string {
  const base = basePath(siteUrl);
  const quote = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;
  const textExtensions = Object.entries(BY_EXTENSION)
    .filter(([, media]) => media.text)
    .map(([extension]) => `.${extension}`);
  return [
    `# The archive's HTTP rules for Apache httpd. ${MADE_BY}`,
    "# It needs `AllowOverride FileInfo` for this folder; the headers need mod_headers.",
    "",
    `ErrorDocument 404 ${base}${NOT_FOUND}`,
    "# The host configurations, and folder addresses below the archive's root, are missing addresses.",
    `RedirectMatch 404 ${pathRegex(base, [...Object.values(HOST_FILES), "*/"])}`,
    "",
    ...Object.entries(BY_EXTENSION).map(([extension, { type }]) => `AddType ${type} .${extension}`),
    `AddCharset utf-8 ${textExtensions.join(" ")}`,
    ...BY_PATH.flatMap(({ pattern, media }) => [
      `<If "%{REQUEST_URI} =~ m#${pathRegex(base, [pattern])}#">`,
      `  ForceType ${media.type}`,
      "</If>",
    ]),
    "",
    "<IfModule mod_headers.c>",
    ...Object.entries(securityHeaders(siteUrl)).map(([name, value]) => `  Header always set ${name} ${quote(value)}`),
    `  Header always set Cache-Control ${quote(CACHING.revalidate)}`,
    `  <If "%{REQUEST_URI} =~ m#${pathRegex(base, IMMUTABLE)}#">`,
    `    Header always set Cache-Control ${quote(CACHING.immutable)}`,
    "  </If>",
    "</IfModule>",
    "",
  ].join("\n");
}

/**
 * nginx: a `location` block for the archive's path, to include in the `server` block whose `root` holds the
 * archive at that path. nginx's `add_header` in a nested location replaces the outer ones, so each location
 * repeats them all. https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header
 */
export function nginxFile(siteUrl?: string): string {
  const base = basePath(siteUrl);
  const indent = (lines: string[]) => lines.map((line) => (line ? `    ${line}` : line));
  const headers = (caching: string) =>
    Object.entries({ ...securityHeaders(siteUrl), "Cache-Control": caching }).map(
      ([name, value]) => `add_header ${name} "${value.replace(/["\\]/g, "\\$&")}" always;`,
    );
  const byType = new Map<string, string[]>();
  for (const [extension, { type }] of Object.entries(BY_EXTENSION)) byType.set(type, [...(byType.get(type) ?? []), extension]);
  const textTypes = new Set([...Object.values(BY_EXTENSION), ...BY_PATH.map(({ media }) => media)].filter((media) => media.text).map(({ type }) => type));
  const location = (match: string, body: string[]) => [`location ${match} {`, ...indent(body), "}"];
  return [
    `# The archive's HTTP rules for nginx. ${MADE_BY}`,
    "# Include it in the server block whose root holds the archive at this path, for example",
    `#   server { root /srv/www; include /srv/www${base}${HOST_FILES.nginx}; }`,
    "# and reload nginx after each publish (the rules can change with the build).",
    ...location(`^~ ${base}`, [
      "types {",
      ...indent([...byType].map(([type, extensions]) => `${type} ${extensions.join(" ")};`)),
      "}",
      "default_type application/octet-stream;",
      "charset utf-8;",
      `charset_types ${[...textTypes].join(" ")};`,
      "index index.html;",
      // A folder with no index.html is forbidden (403) by default: to a reader it is a missing address.
      `error_page 403 404 =404 ${base}${NOT_FOUND};`,
      ...headers(CACHING.revalidate),
      "",
      ...location(`~ ${pathRegex(base, Object.values(HOST_FILES))}`, ["return 404;"]),
      ...BY_PATH.flatMap(({ pattern, media }) =>
        location(`~ ${pathRegex(base, [pattern])}`, ["types { }", `default_type ${media.type};`, ...headers(CACHING.revalidate)]),
      ),
      ...location(`~ ${pathRegex(base, IMMUTABLE)}`, headers(CACHING.immutable)),
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
