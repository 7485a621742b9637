// The two files at the top of a package for a person rather than a program: README.txt, what the folder
// is and how to open it, in the archive's languages (those written here: English and Japanese; English
// is always there, for a reader or librarian of any other); and index.html, which opens the archive in
// data/ (a meta refresh, and a plain link for a browser that does not follow it: no script).
import { renderToStaticMarkup } from "preact-render-to-string";
import { count } from "../runtime/messages.ts";
import { primaryLanguage } from "../content/languages.ts";
import { stringsFor } from "../words/strings.ts";
import { BAG } from "./bag.ts";
import type { ArchiveFacts } from "./facts.ts";

interface Text {
  /** The section's heading, when the README has more than one. */
  heading: string;
  paragraphs: (facts: ArchiveFacts) => string[];
  /** The link text of index.html. */
  open: (title: string) => string;
  /** Whether lines break at spaces (not in Japanese, which has none between words). */
  wrapped: boolean;
}

const TEXTS: Record<string, Text> = {
  en: {
    heading: "English",
    paragraphs: (f) => {
      const when =
        f.firstDate === f.lastDate
          ? `on ${stringsFor("en", "en").date(f.firstDate)}`
          : `between ${stringsFor("en", "en").date(f.firstDate)} and ${stringsFor("en", "en").date(f.lastDate)}`;
      return [
        `This is an offline copy of ${f.title}: ${count(f.essays)} published by ${f.publishers.join(" and ")} ${when}.`,
        `To read it, unzip it first if it is still in its zip file (from inside a zip, links and search do not work), ` +
          `then open ${BAG.opener} in this folder with a web browser (double-click it). Every page, every link ` +
          `and the full-text search work from this folder, with no internet connection. Keep the folder whole: the ` +
          `archive itself is in its ${BAG.payload.slice(0, -1)} folder.`,
        `For libraries and archives: this folder is a BagIt bag (RFC 8493). ${BAG.manifest} holds a SHA-256 ` +
          `checksum of every file under ${BAG.payload}, and ${BAG.info} describes the copy. Any BagIt tool checks it, ` +
          `for example: bagit.py --validate FOLDER`,
      ];
    },
    open: (title) => `Open ${title}`,
    wrapped: true,
  },
  ja: {
    heading: "日本語",
    paragraphs: (f) => {
      const when =
        f.firstDate === f.lastDate
          ? `${stringsFor("ja", "ja").date(f.firstDate)}に`
          : `${stringsFor("ja", "ja").date(f.firstDate)}から${stringsFor("ja", "ja").date(f.lastDate)}までに`;
      return [
        `これは「${f.title}」のオフライン版です。${f.publishers.join("、")}が${when}発行した${f.essays}本の論考を収めています。`,
        `読むには、zip ファイルのままであれば先に展開してから（zip の中ではリンクや検索が働きません）、このフォルダーの ` +
          `${BAG.opener} をウェブブラウザーで開いてください（ダブルクリック）。インターネットに` +
          `接続しなくても、すべてのページ、リンク、全文検索がこのフォルダーから使えます。本体は ${BAG.payload.slice(0, -1)} ` +
          `フォルダーにありますので、フォルダーは分けずにそのまま保管してください。`,
        `図書館・アーカイブの方へ：このフォルダーは BagIt バッグ（RFC 8493）です。${BAG.manifest} に ${BAG.payload} 以下の` +
          `すべてのファイルの SHA-256 チェックサムが、${BAG.info} にこの複製の説明があります。BagIt に対応したツールで` +
          `検証できます（例：bagit.py --validate フォルダー）。`,
      ];
    },
    open: (title) => `「${title}」を開く`,
    wrapped: false,
  },
};

/** The languages the README is written in, for an archive in `languages`: those we have, and English. */
export function readmeLanguages(languages: readonly string[]): string[] {
  const known = [...new Set(languages.map(primaryLanguage))].filter((l) => l in TEXTS);
  return known.includes("en") ? known : [...known, "en"];
}

/** README.txt: the archive's title and description, then what the copy is and how to open it. */
export function readme(facts: ArchiveFacts): string {
  const languages = readmeLanguages(facts.languages);
  const wrapped = TEXTS[primaryLanguage(facts.language)]?.wrapped ?? true;
  const head = [facts.title, ...(facts.description ? [facts.description] : [])].map((l) => (wrapped ? wrap(l) : l)).join("\n");
  const sections = languages.map((language) => {
    const text = TEXTS[language]!;
    const body = text.paragraphs(facts).map((p) => (text.wrapped ? wrap(p) : p));
    return (languages.length > 1 ? [`== ${text.heading} ==`, ...body] : body).join("\n\n");
  });
  return `${[head, ...sections].join("\n\n")}\n`;
}

/** Lines of at most `width` characters, broken at spaces. */
function wrap(paragraph: string, width = 76): string {
  const lines: string[] = [];
  let current = "";
  for (const word of paragraph.split(" ")) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  lines.push(current);
  return lines.join("\n");
}

/** The top-level index.html: opens data/index.html at once, and links to it in each README language. */
export function opener(facts: ArchiveFacts): string {
  const target = `${BAG.payload}index.html`;
  const languages = readmeLanguages(facts.languages);
  const page = (
    <html lang={facts.language}>
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="refresh" content={`0; url=${target}`} />
        <title>{facts.title}</title>
      </head>
      <body>
        {languages.map((language) => (
          <p lang={language}>
            <a href={target}>{TEXTS[language]!.open(facts.title)}</a>
          </p>
        ))}
      </body>
    </html>
  );
  return `<!doctype html>\n${renderToStaticMarkup(page)}\n`;
}
