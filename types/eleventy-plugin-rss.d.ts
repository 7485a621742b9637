// The helper of @11ty/eleventy-plugin-rss this project uses; the package ships no declarations.
declare module "@11ty/eleventy-plugin-rss" {
  export function convertHtmlToAbsoluteUrls(html: string, base: string): Promise<string>;
}
