// Follows every link, stylesheet and script from a start page, as a reader (or a mirror) would.
import { parseHTML } from "linkedom";

export interface Crawled {
  /** Every URL (without fragment) reached, in order. */
  visited: string[];
  /** "from -> to: why" for each broken link. */
  broken: string[];
}

/** `read(url)` returns the resource's text, or null when it is missing (404, no such file, a directory). */
export async function crawl(start: string, read: (url: string) => Promise<string | null>): Promise<Crawled> {
  const root = new URL("./", start).href;
  const queue = [start];
  const queued = new Set(queue);
  const seen = new Map<string, Promise<string | null>>();
  const ids = new Map<string, Set<string>>();
  const visited: string[] = [];
  const broken: string[] = [];
  const load = (url: string) => {
    if (!seen.has(url)) seen.set(url, read(url));
    return seen.get(url)!;
  };
  const links: [string, string][] = [];
  while (queue.length) {
    const url = queue.shift()!;
    const body = await load(url);
    if (body === null || !url.endsWith(".html")) continue;
    visited.push(url);
    const { document } = parseHTML(body);
    ids.set(url, new Set([...document.querySelectorAll("[id]")].map((e) => e.id)));
    for (const el of document.querySelectorAll("a[href], link[href], script[src]")) {
      const raw = el.getAttribute("href") ?? el.getAttribute("src")!;
      if (/^(https?:|mailto:|data:)/.test(raw) && !raw.startsWith(root)) continue; // external or inline
      const target = new URL(raw, url);
      links.push([url, target.href]);
      target.hash = "";
      if (!target.href.startsWith(root) || queued.has(target.href)) continue;
      queued.add(target.href);
      if (target.href.endsWith(".html")) queue.push(target.href);
      else void load(target.href);
    }
  }
  for (const [from, to] of links) {
    const target = new URL(to);
    const fragment = decodeURIComponent(target.hash.slice(1));
    target.hash = "";
    if (!target.href.startsWith(root)) broken.push(`${from} -> ${to}: leaves the archive`);
    else if ((await load(target.href)) === null) broken.push(`${from} -> ${to}: missing`);
    else if (fragment && !ids.get(target.href)?.has(fragment)) broken.push(`${from} -> ${to}: no such fragment`);
  }
  return { visited, broken };
}
