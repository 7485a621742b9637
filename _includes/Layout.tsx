import type { ComponentChildren } from "preact";
import { NAV, sectionOf } from "../lib/pages/nav.ts";
import { primaryLanguage } from "../lib/content/languages.ts";
import { autonym, pageStrings } from "../lib/words/strings.ts";
import { inTree } from "../lib/archive/trees.ts";
import type { LayoutView } from "../lib/views/layout.ts";
import { absoluteUrl, paths } from "../lib/paths/urls.ts";
import { contentSecurityPolicy } from "../lib/http/rules.ts";
import { Here, Link, useHref } from "./here.tsx";
import { Page, usePage } from "./page-context.tsx";

interface LayoutProps {
  /** The site, the tree of pages this one belongs to, and the other trees (lib/views/layout.ts): part of the page's view, so of its key. */
  layout: LayoutView;
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

function Head({ layout, path, title, tabTitle, description, canonical = true, base, ogType = "website", head }: Omit<LayoutProps, "children">) {
  const href = useHref();
  const { site } = layout;
  // The tree's title and description: the site's, or those of its language's pages.
  const { tree } = usePage();
  const { title: siteTitle, description: siteDescription } = tree;
  const url = canonical && site.url ? absoluteUrl(site.url, path) : undefined;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta http-equiv="Content-Security-Policy" content={contentSecurityPolicy(base)} />
      {base && <base href={base} />}
      <meta name="color-scheme" content="light dark" />
      <title>{tabTitle ?? (title ? `${title} · ${siteTitle}` : siteTitle)}</title>
      <meta name="description" content={description ?? siteDescription} />
      {url && <link rel="canonical" href={url} />}
      <meta property="og:site_name" content={siteTitle} />
      <meta property="og:title" content={title ?? siteTitle} />
      <meta property="og:description" content={description ?? siteDescription} />
      <meta property="og:type" content={ogType} />
      {url && <meta property="og:url" content={url} />}
      {/* No favicon request: nothing to fetch that the archive does not hold. */}
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href={href(paths.stylesheet)} />
      {site.url && <link rel="alternate" type="application/atom+xml" title={siteTitle} href={href(inTree(tree, paths.feed))} />}
      {head}
    </head>
  );
}

/** Links to the home pages of the archive's other languages, each named in its own. */
function OtherTrees({ trees, current }: { trees: LayoutView["trees"]; current: LayoutView["tree"] }) {
  if (trees.length < 2) return null;
  return (
    <ul class="site-languages">
      {trees
        .filter((tree) => tree.prefix !== current.prefix)
        .map((tree) => (
          <li>
            <Link to={inTree(tree, paths.home)} hreflang={tree.lang} lang={tree.lang}>
              {autonym(tree.lang)}
            </Link>
          </li>
        ))}
    </ul>
  );
}

export function Layout(props: LayoutProps) {
  const { layout, path, lang, children } = props;
  const { tree } = layout;
  const section = sectionOf(path.slice(path.startsWith(tree.prefix) ? tree.prefix.length : 0));
  const page = lang ?? tree.lang;
  // The page is in its content's language; the menu and footer are in the words it has (lib/words/strings.ts).
  const words = pageStrings(layout.site, page);
  const chrome = words.lang !== primaryLanguage(page) ? words.lang : undefined;
  // The title and description are in the tree's language, which the chrome may not be.
  const site = tree.lang !== (chrome ?? page) ? tree.lang : undefined;
  return (
    <Here.Provider value={path}>
      <Page.Provider value={{ lang: page, words, tree }}>
        <html lang={page}>
          <Head {...props} />
          <body>
            <a class="skip-link" href="#main" lang={chrome}>
              {words.text("layout.skip")}
            </a>
            <header class="site-header" lang={chrome}>
              <Link to={inTree(tree, paths.home)} class="site-title" lang={site}>
                {tree.title}
              </Link>
              <nav aria-label={words.text("layout.menu")}>
                <ul>
                  {NAV.map(({ label, to, words: key }) => (
                    <li>
                      <Link to={inTree(tree, to)} aria-current={label === section ? "page" : undefined}>
                        {words.text(key)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
              <OtherTrees trees={layout.trees} current={tree} />
            </header>
            <main id="main">{children}</main>
            <footer class="site-footer" lang={chrome}>
              <p lang={site}>{tree.description}</p>
              {layout.site.url && <p>{words.parts("layout.feed", { feed: <Link to={inTree(tree, paths.feed)}>{words.text("layout.feedLink")}</Link> })}</p>}
            </footer>
          </body>
        </html>
      </Page.Provider>
    </Here.Provider>
  );
}
