// Which page is being rendered, so that every link can be made relative to it (lib/urls.ts).
import { createContext, type ComponentChildren, type JSX } from "preact";
import { useContext } from "preact/hooks";
import { relativeHref } from "../lib/paths/urls.ts";

export const Here = createContext<string>("index.html");

/** A function from an archive path to a link relative to the current page. */
export function useHref(): (to: string) => string {
  const here = useContext(Here);
  return (to) => relativeHref(here, to);
}

type LinkProps = Omit<JSX.AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string; children: ComponentChildren };

export function Link({ to, children, ...rest }: LinkProps) {
  const href = useHref();
  return (
    <a href={href(to)} {...rest}>
      {children}
    </a>
  );
}
