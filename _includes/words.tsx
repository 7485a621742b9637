// The words of the page being rendered (lib/pages/strings.ts), which the layout sets for every component in it.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Strings } from "../lib/pages/strings.ts";

export const Words = createContext<Strings | undefined>(undefined);

export function useWords(): Strings {
  const words = useContext(Words);
  if (!words) throw new Error("a component that shows words was rendered outside the layout");
  return words;
}

/** The language of the page's content (its `<html lang>`): authors' names and series' titles are shown as written in it. */
export const PageLanguage = createContext("en");

export const usePageLanguage = (): string => useContext(PageLanguage);
