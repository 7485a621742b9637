// The parts of Citation.js (0.8) this project uses; its packages ship no declarations.
// https://citation.js.org/api/0.8/
declare module "@citation-js/core" {
  /** A CSL-JSON item as Citation.js hands it back: plain JSON, fields by CSL variable name. */
  export type CslData = Record<string, unknown> & { id?: string; type?: string };

  export class Cite {
    /** Parses synchronously: CSL-JSON, BibTeX, RIS and other text formats registered by plugins. */
    constructor(data: unknown, options?: Record<string, unknown>);
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
    data: CslData[];
    /** Output: "bibliography", "bibtex", "biblatex", "ris", "data", … */
    format(format: string, ...options: unknown[]): unknown;
  }

  /** A name → value store (styles, locales). */
  export interface Register<T> {
    add(key: string, value: T): this;
    set(key: string, value: T): this;
    get(key: string): T;
    has(key: string): boolean;
    list(): string[];
  }

  /** `plugins.config.get("@csl")`, added by @citation-js/plugin-csl. */
  export interface CslPluginConfig {
    /** CSL style XML by name; "apa", "vancouver" and "harvard1" are built in. */
    styles: Register<string>;
    /** CSL locale XML by language tag; "en-US", "nl-NL", "fr-FR", "de-DE", "es-ES" are built in. */
    locales: Register<string>;
  }

  export const plugins: {
    config: {
      get(name: "@csl"): CslPluginConfig;
      get(name: string): unknown;
    };
    output: {
      /** Runs an output plugin on CSL-JSON data, as `Cite#format` does after cleaning its data. */
      format(name: string, data: readonly object[], ...options: unknown[]): unknown;
      has(name: string): boolean;
    };
    input: {
      /** One parsing step: text to the format's own entries (a BibTeX entry's fields, a RIS record's tags). */
      chainLink(input: unknown): unknown;
    };
  };

  export const version: string;
}

// Plugins register themselves with @citation-js/core when imported.
declare module "@citation-js/plugin-csl" {}
declare module "@citation-js/plugin-bibtex" {}
declare module "@citation-js/plugin-ris" {}
