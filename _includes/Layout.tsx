import type { ComponentChildren } from "preact";
import type { Archive } from "../lib/content/model.ts";
import { absoluteUrl, paths } from "../lib/pages/urls.ts";
import { Here, Link, useHref } from "./here.tsx";

/**
 * Scripts and styles come from files only; search needs WebAssembly and a worker.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // blob: is search from disk (assets/search.js): only this page's own scripts can mint blob: URLs.
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

const NAV = [
  ["Archive", paths.home],
  ["Authors", paths.authors],
  ["Series", paths.seriesIndex],
  ["Search", paths.search],
] as const;

interface LayoutProps {
  archive: Archive;
  /** This page's archive path (lib/urls.ts). */
  path: string;
  /** The page's own title; the site title is appended. */
  title?: string;
  description?: string;
  lang?: string;
  /** Whether standards-facing absolute URLs (canonical, og:url) apply: not for the 404 page. */
  canonical?: boolean;
  /** Open Graph type: "article" for essays. */
  ogType?: "website" | "article";
  head?: ComponentChildren;
  children: ComponentChildren;
}

function Head({ archive, path, title, description, canonical = true, ogType = "website", head }: Omit<LayoutProps, "children">) {
  const href = useHref();
  const { site } = archive;
  const url = canonical && site.url ? absoluteUrl(site.url, path) : undefined;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta http-equiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />
      <title>{title ? `${title} · ${site.title}` : site.title}</title>
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
  return (
    <Here.Provider value={path}>
      <html lang={lang ?? archive.site.language}>
        <Head {...props} />
        <body>
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <Link to={paths.home} class="site-title">
              {archive.site.title}
            </Link>
            <nav aria-label="Site">
              <ul>
                {NAV.map(([label, to]) => (
                  <li>
                    <Link to={to}>{label}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          </header>
          <main id="main">{children}</main>
          <footer class="site-footer">
            <p>{archive.site.description}</p>
            {archive.site.url && (
              <p>
                <Link to={paths.feed}>Atom feed</Link> of the newest essays
              </p>
            )}
          </footer>
        </body>
      </html>
    </Here.Provider>
  );
}
