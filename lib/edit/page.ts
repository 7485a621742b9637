// The editor's one page: Decap CMS's bundle, its configuration (as JSON data, read by ./editor.js), and
// links to the editor in the site's other languages. Decap renders into a root of its own in <body>.
import type { EditorConfig } from "./config.ts";
import type { EditorLanguage } from "./labels.ts";

const NAMES: Record<EditorLanguage, string> = { en: "English", ja: "日本語" };

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function editorPage({
  lang,
  title,
  config,
  languages,
}: {
  lang: EditorLanguage;
  title: string;
  config: EditorConfig;
  languages: EditorLanguage[];
}): string {
  // JSON inside <script>: "<" escaped, so no text in a record can close the element.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  const others = languages
    .filter((l) => l !== lang)
    .map((l) => `<a href="/?lang=${l}" lang="${l}" hreflang="${l}">${NAMES[l]}</a>`)
    .join(" ");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${lang === "ja" ? "編集" : "Editor"}</title>
<style>.editor-languages{position:fixed;right:12px;bottom:8px;z-index:400;font:14px system-ui,sans-serif;background:#fff;padding:2px 8px;border-radius:4px}</style>
<script>window.CMS_MANUAL_INIT = true;</script>
<script id="editor-config" type="application/json">${json}</script>
</head>
<body>
${others ? `<nav class="editor-languages" aria-label="Language">${others}</nav>` : ""}
<script src="/decap/decap-cms.js"></script>
<script src="/editor.js"></script>
</body>
</html>
`;
}
