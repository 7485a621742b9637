import type { ComponentChildren } from "preact";
import type { Archive } from "../lib/content/model.ts";
import { NAV, sectionOf } from "../lib/pages/nav.ts";
import { pageStrings } from "../lib/pages/strings.ts";
import { absoluteUrl, paths } from "../lib/pages/urls.ts";
import { Here, Link, useHref } from "./here.tsx";
import { PageLanguage, Words } from "./words.tsx";

/**
 * Scripts and styles come from files only; search needs WebAssembly and a worker. A page with a `<base>`
 * (the 404 page) may set it to the archive's own address, and load its stylesheet and send its search form there.
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

interface LayoutProps {
  archive: Archive;
  /** This page's archive path (lib/urls.ts). */
  path: string;
  /** The page's own title; the site title is appended. */
  title?: string;
  /** The whole of the tab's title, when the page says it better than "title · site". */
  tabTitle?: string;
  description?: string;
  lang?: string;
  /** Whether standards-facing absolute URLs (canonical, og:url) apply: not for the 404 page. */
  canonical?: boolean;
  /**
   * An absolute URL every relative link on the page resolves from (`<base href>`), for the 404 page, which
   * hosts serve at any depth. The CSP allows that address as the base and for the stylesheet.
   */
  base?: string;
  /** Open Graph type: "article" for essays. */
  ogType?: "website" | "article";
  head?: ComponentChildren;
  children: ComponentChildren;
}

function Head({ archive, path, title, tabTitle, description, canonical = true, base, ogType = "website", head }: Omit<LayoutProps, "children">) {
  const href = useHref();
  const { site } = archive;
  const url = canonical && site.url ? absoluteUrl(site.url, path) : undefined;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta http-equiv="Content-Security-Policy" content={contentSecurityPolicy(base)} />
      {base && <base href={base} />}
      <meta name="color-scheme" content="light dark" />
      <title>{tabTitle ?? (title ? `${title} · ${site.title}` : site.title)}</title>
      <meta name="description" content={description ?? site.description} />
      {url && <link rel="canonical" href={url} />}
      <meta property="og:site_name" content={site.title} />
      <meta property="og:title" content={title ?? site.title} />
      <meta property="og:description" content={description ?? site.description} />
      <meta property="og:type" content={ogType} />
      {url && <meta property="og:url" content={url} />}
      {/* No favicon request: nothing to fetch that the archive does not hold. */}
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href={href(paths.stylesheet)} />
      {site.url && <link rel="alternate" type="application/atom+xml" title={site.title} href={href(paths.feed)} />}
      {head}
    </head>
  );
}

export function Layout(props: LayoutProps) {
  const { archive, path, lang, children } = props;
  const section = sectionOf(path);
  const page = lang ?? archive.site.language;
  // The page is in its content's language; the menu and footer are in the words it has (lib/pages/strings.ts).
  const words = pageStrings(archive.site, lang);
  const chrome = words.lang !== page.split("-")[0] ? words.lang : undefined;
  // The site's title and description are in the site's language, which the chrome may not be.
  const site = archive.site.language !== (chrome ?? page) ? archive.site.language : undefined;
  return (
    <Here.Provider value={path}>
      <Words.Provider value={words}>
        <PageLanguage.Provider value={page}>
          <html lang={page}>
            <Head {...props} />
            <body>
              <a class="skip-link" href="#main" lang={chrome}>
                {words.text("layout.skip")}
              </a>
              <header class="site-header" lang={chrome}>
                <Link to={paths.home} class="site-title" lang={site}>
                  {archive.site.title}
                </Link>
                <nav aria-label={words.text("layout.menu")}>
                  <ul>
                    {NAV.map(({ label, to, words: key }) => (
                      <li>
                        <Link to={to} aria-current={label === section ? "page" : undefined}>
                          {words.text(key)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
              </header>
              <main id="main">{children}</main>
              <footer class="site-footer" lang={chrome}>
                <p lang={site}>{archive.site.description}</p>
                {archive.site.url && <p>{words.parts("layout.feed", { feed: <Link to={paths.feed}>{words.text("layout.feedLink")}</Link> })}</p>}
              </footer>
            </body>
          </html>
        </PageLanguage.Provider>
      </Words.Provider>
    </Here.Provider>
  );
}
