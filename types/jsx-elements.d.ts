// Elements TSX templates use beyond HTML's: Pagefind's Component UI (https://pagefind.app/docs/components/).
import "preact";

type PagefindElement = preact.JSX.HTMLAttributes<HTMLElement> & { [attribute: string]: unknown };

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements {
      "pagefind-config": PagefindElement;
      "pagefind-input": PagefindElement;
      "pagefind-summary": PagefindElement;
      "pagefind-results": PagefindElement;
      "pagefind-filter-pane": PagefindElement;
    }
  }
}
