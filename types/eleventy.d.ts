// The small part of Eleventy's API this project uses; Eleventy 3 ships no TypeScript declarations.
declare module "@11ty/eleventy" {
  export interface EleventyEventArgs {
    directories: { input: string; output: string };
    runMode: "build" | "watch" | "serve";
    outputMode: "fs" | "json" | "ndjson";
    incremental: boolean;
  }

  export interface UserConfig {
    addExtension(extensions: string[], options: object): void;
    addTemplateFormats(formats: string): void;
    addGlobalData(name: string, value: () => unknown): void;
    addPassthroughCopy(paths: Record<string, string>): void;
    addWatchTarget(path: string): void;
    setDataDeepMerge(deep: boolean): void;
    on(event: "eleventy.before" | "eleventy.after", listener: (args: EleventyEventArgs) => unknown): void;
    on(event: "eleventy.beforeWatch", listener: (changedFiles: string[]) => unknown): void;
  }

  export default class Eleventy {
    constructor(input: string, output: string, options?: { configPath?: string; quietMode?: boolean });
    write(): Promise<unknown>;
    disableLogger(): void;
  }
}
