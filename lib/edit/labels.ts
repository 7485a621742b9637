// The editor's own words: the labels of the collections and fields, in each language the editor's interface
// has (Decap CMS's own words come with it, `locale`). A field is found by its collection and path
// ("essays.title"), then by its path alone ("title"); a field with no label here shows its name, and
// test/unit/edit-fields.test.ts fails, so a field added to a schema is given its words here.

/** The languages the editor's interface is in: Decap CMS's locales for them are in its bundle. */
export const EDITOR_LANGUAGES = ["en", "ja"] as const;
export type EditorLanguage = (typeof EDITOR_LANGUAGES)[number];

export const isEditorLanguage = (tag: string): tag is EditorLanguage => (EDITOR_LANGUAGES as readonly string[]).includes(tag);

const EN: Record<string, string> = {
  // collections
  "collection.essays": "Essays",
  "collection.essay": "Essay",
  "collection.authors": "Authors",
  "collection.author": "Author",
  "collection.series": "Series",
  "collection.seriesOne": "Series",
  "collection.settings": "Settings",
  "collection.site": "The archive (site.json)",
  // essays
  "essays.slug": "File name (a-z, 0-9, hyphens)",
  "essays.title": "Title",
  "essays.series": "Series",
  "essays.number": "Number",
  "essays.date": "Date",
  "essays.authors": "Authors",
  "essays.authors.id": "Author",
  "essays.authors.bio": "Bio printed with this essay",
  "essays.authors.affiliation": "Affiliation printed with this essay",
  "essays.summary": "Summary",
  "essays.topics": "Topics",
  "essays.lang": "Language",
  "essays.translationKey": "Translation key",
  "essays.translation": "Translation of",
  "essays.source": "Original page",
  "essays.disclaimer": "Disclaimer (where it differs from the series')",
  "essays.copyright": "Copyright (where it differs from the series')",
  "essays.body": "Text",
  // authors
  "authors.id": "Id (a-z, 0-9, hyphens)",
  "authors.name": "Name",
  "authors.names": "Name in other languages",
  "authors.names.lang": "Language",
  "authors.names.name": "Name",
  "authors.names.family": "Family name",
  "authors.names.given": "Given name",
  "authors.names.reading": "Reading (kana)",
  "authors.family": "Family name",
  "authors.given": "Given name",
  "authors.bio": "Bio",
  "authors.affiliation": "Affiliation",
  "authors.url": "Web page",
  // series
  "series.id": "Id (a-z, 0-9, hyphens)",
  "series.title": "Title",
  "series.titles": "Title in other languages",
  "series.titles.lang": "Language",
  "series.titles.text": "Title",
  "series.publisher": "Publisher",
  "series.institution": "Institution",
  "series.disclaimer": "Disclaimer",
  "series.copyright": "Copyright",
  "series.description": "Description",
  "series.issn": "ISSN",
  "series.url": "Web page",
  // site
  "site.title": "Title",
  "site.description": "Description",
  "site.url": "Address (URL)",
  "site.language": "Language",
  "site.languages": "Other languages",
  "site.languages.lang": "Language",
  "site.languages.title": "Title in that language",
  "site.languages.description": "Description in that language",
  "site.pdf": "PDFs of the essays",
  "site.pdf.paper": "Paper",
  // hints
  "hint.essays.slug": "The essay's file is <number>-<this>.md, e.g. 201-what-the-us-now-craves-from-japan.md. It cannot be changed once saved.",
  "hint.essays.body": "Markdown. A note: `reference[^1]` in the text and, below, `[^1]: the note`. A figure: `![What it shows](chart.png)`, the file in Media.",
  "hint.essays.translation": "The same essay in another language: both are given the same translation key.",
  "hint.authors.names.reading": "For the Japanese author index (五十音順): いいづか けいこ",
};

const JA: Record<string, string> = {
  "collection.essays": "論考",
  "collection.essay": "論考",
  "collection.authors": "執筆者",
  "collection.author": "執筆者",
  "collection.series": "シリーズ",
  "collection.seriesOne": "シリーズ",
  "collection.settings": "設定",
  "collection.site": "アーカイブ（site.json）",
  "essays.slug": "ファイル名（半角英小文字・数字・ハイフン）",
  "essays.title": "タイトル",
  "essays.series": "シリーズ",
  "essays.number": "番号",
  "essays.date": "日付",
  "essays.authors": "執筆者",
  "essays.authors.id": "執筆者",
  "essays.authors.bio": "この論考に添える略歴",
  "essays.authors.affiliation": "この論考に添える所属",
  "essays.summary": "要約",
  "essays.topics": "トピック",
  "essays.lang": "言語",
  "essays.translationKey": "翻訳キー",
  "essays.translation": "翻訳元・翻訳先",
  "essays.source": "元のページ",
  "essays.disclaimer": "免責事項（シリーズと異なる場合）",
  "essays.copyright": "著作権表示（シリーズと異なる場合）",
  "essays.body": "本文",
  "authors.id": "ID（半角英小文字・数字・ハイフン）",
  "authors.name": "氏名（英語表記）",
  "authors.names": "他の言語での氏名",
  "authors.names.lang": "言語",
  "authors.names.name": "氏名",
  "authors.names.family": "姓",
  "authors.names.given": "名",
  "authors.names.reading": "読み（かな）",
  "authors.family": "姓（英語表記）",
  "authors.given": "名（英語表記）",
  "authors.bio": "略歴",
  "authors.affiliation": "所属",
  "authors.url": "ウェブページ",
  "series.id": "ID（半角英小文字・数字・ハイフン）",
  "series.title": "タイトル",
  "series.titles": "他の言語でのタイトル",
  "series.titles.lang": "言語",
  "series.titles.text": "タイトル",
  "series.publisher": "発行者",
  "series.institution": "機関",
  "series.disclaimer": "免責事項",
  "series.copyright": "著作権表示",
  "series.description": "説明",
  "series.issn": "ISSN",
  "series.url": "ウェブページ",
  "site.title": "タイトル",
  "site.description": "説明",
  "site.url": "アドレス（URL）",
  "site.language": "言語",
  "site.languages": "他の言語",
  "site.languages.lang": "言語",
  "site.languages.title": "その言語でのタイトル",
  "site.languages.description": "その言語での説明",
  "site.pdf": "論考のPDF",
  "site.pdf.paper": "用紙",
  "hint.essays.slug": "論考のファイル名は <番号>-<これ>.md です（例：201-what-the-us-now-craves-from-japan.md）。保存後は変更できません。",
  "hint.essays.body": "Markdown。注：本文に `reference[^1]`、その下に `[^1]: 注の文`。図：`![図の説明](chart.png)`（ファイルはメディアに）。",
  "hint.essays.translation": "別の言語の同じ論考：両方に同じ翻訳キーが付きます。",
  "hint.authors.names.reading": "日本語の執筆者一覧（五十音順）に使います：いいづか けいこ",
};

const WORDS: Record<EditorLanguage, Record<string, string>> = { en: EN, ja: JA };

/** The editor's word for `key` in `lang`, else in English; undefined when neither has it. */
export function editorWord(lang: EditorLanguage, key: string): string | undefined {
  return WORDS[lang][key] ?? EN[key];
}

/** A field's label: by its collection and path, else its path's last part (its name). */
export function labelFor(lang: EditorLanguage, collection: string, path: string): string {
  return editorWord(lang, `${collection}.${path}`) ?? path.slice(path.lastIndexOf(".") + 1);
}

/** Whether a field has a label of its own in `lang` (the test's check). */
export const hasLabel = (lang: EditorLanguage, collection: string, path: string): boolean => WORDS[lang][`${collection}.${path}`] !== undefined;
