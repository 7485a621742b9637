// The archive's address (site.json's `url`, or SITE_URL for one deployment), checked in one place. The
// address goes into every host configuration (lib/http/hosts.ts): its path into nginx's `location` and
// `error_page`, Apache's `ErrorDocument`, `RedirectMatch` and `<If>` expressions, `_headers` path lines;
// the whole address into the Content-Security-Policy each of them sends. Each of those has its own
// syntax, in which `$`, `;`, `{`, `}`, quotes, `#`, `*` or a backslash mean something, so the address is
// taken only when every character of it is one every host file carries as itself: an allowlist, never a
// list of what to refuse. docs/publishing.md says which addresses are taken and why.
// https://url.spec.whatwg.org/#url-parsing
import { codePointName } from "./text.ts";

/** What a path may hold, decoded: letters, marks and digits of any script, space, and `- . _ ~ % /`. */
const PATH_CHARACTER = /[\p{L}\p{M}\p{N} \-._~%/]/u;
/**
 * What the address may be written with: letters, marks and digits of any script, space, and the characters
 * URLs are written with (RFC 3986's). WHATWG URL would drop tabs and newlines unseen, and read `\` as `/`.
 * https://www.rfc-editor.org/rfc/rfc3986#section-2
 */
const URL_CHARACTER = /[\p{L}\p{M}\p{N} !#$%&'()*+,\-./:;=?@[\]_~]/u;
/** A host as WHATWG URL writes it: a domain (in punycode, if it was not ASCII), IPv4, or [IPv6]. */
const HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/;

export const PATH_ALLOWED = "letters, digits, spaces and - . _ ~ % /";

/** The first character of `text` that `allowed` does not match: quoted, or by its code point if it is not visible. */
function firstOther(text: string, allowed: RegExp): string | undefined {
  const other = [...text].find((character) => !allowed.test(character));
  if (other === undefined) return undefined;
  const visible = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(other);
  return visible ? `"${other}"` : codePointName(other.codePointAt(0)!);
}

/**
 * Why `url` cannot be the archive's address, in the words that follow its name ("must be …"), or
 * undefined when it can. A URL that passes is written with URL_CHARACTERs, parses with WHATWG URL, is
 * http(s) with no credentials, query or fragment, and its path, decoded, holds only PATH_CHARACTERs.
 */
export function siteUrlProblem(url: string): string | undefined {
  const unwritten = firstOther(url, URL_CHARACTER);
  if (unwritten) return `must be written with letters, digits, spaces and the characters of URLs only, not ${unwritten}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "must be an absolute http(s) URL";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "must be an absolute http(s) URL";
  if (parsed.username || parsed.password) return "must be the archive's address, without a user name or password";
  if (parsed.search || parsed.hash || /[?#]/.test(url)) return "must be the archive's address, without a ?query or #fragment";
  if (!HOST.test(parsed.hostname)) return "must have a host name of letters, digits, - and .";
  const path = decodedPath(parsed.pathname);
  if (path === undefined) return "must have a path whose %-escapes are UTF-8 (write a % sign as %25)";
  const unsafe = firstOther(path, PATH_CHARACTER);
  if (unsafe) return `must have a path of ${PATH_ALLOWED} only, not ${unsafe}: a host configuration cannot carry it safely`;
  if (path.includes("//")) return "must have a path with no empty folder name (//)";
  return undefined;
}

/** A URL's path with its %-escapes decoded ("/a%20b/" → "/a b/"), or undefined when they are not UTF-8. */
export function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

/** The address as WHATWG URL writes it (non-ASCII and spaces %-escaped, the host in lower case and punycode). */
export const normalSiteUrl = (url: string): string => new URL(url).href;
