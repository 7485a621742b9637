// Elements TSX templates use beyond HTML's: Pagefind's Component UI (https://pagefind.app/docs/components/),
// and Atom and sitemap elements.
import "preact";

type XmlElement = { children?: preact.ComponentChildren; [attribute: string]: unknown };
type PagefindElement = preact.JSX.HTMLAttributes<HTMLElement> & { [attribute: string]: unknown };

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements {
      "pagefind-config": PagefindElement;
      "pagefind-input": PagefindElement;
      "pagefind-summary": PagefindElement;
      "pagefind-results": PagefindElement;
      "pagefind-filter-pane": PagefindElement;
      // Atom and sitemap elements, for the XML templates (src/feed.11ty.tsx, src/sitemap.11ty.tsx).
      feed: XmlElement;
      subtitle: XmlElement;
      updated: XmlElement;
      published: XmlElement;
      id: XmlElement;
      entry: XmlElement;
      author: XmlElement;
      name: XmlElement;
      summary: XmlElement;
      content: XmlElement;
      urlset: XmlElement;
      url: XmlElement;
      loc: XmlElement;
      lastmod: XmlElement;
    }
  }
}
