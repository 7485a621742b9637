// What Pagefind indexes of an essay: a small page of its own, made from the essay alone, not the essay's
// page. Its bytes are all a shard's index depends on (with Pagefind's version and this code), so they are
// the shard's key: a change to an essay page's navigation, its neighbours or its author's other essays
// leaves its document, and its shard, as they were. Pagefind reads it as it would the essay's page: at
// the page's address, in its language, with the body as the only indexed text (data-pagefind-body) and
// the header's metadata, filters and sorts (https://pagefind.app/docs/metadata/,
// https://pagefind.app/docs/filtering/, https://pagefind.app/docs/sorts/).
import { renderToStaticMarkup } from "preact-render-to-string";
import type { Essay } from "../archive/model.ts";
import { essayLabel, stringsFor } from "../words/strings.ts";
import { authorNames, type SearchFilter } from "./fields.ts";

/** A filter's name, as the search page knows it (./fields.ts). */
const filter = (name: SearchFilter): SearchFilter => name;

/** The values an essay is sorted by in search (each essay has every one): `data-pagefind-sort`. */
export function sortValues(essay: Essay): { date: string; number: string } {
  return { date: essay.date, number: String(essay.number) };
}

/** The document Pagefind indexes for `essay`, in an archive whose language is `siteLanguage`. */
export function searchDocument(essay: Essay, siteLanguage: string): string {
  const lang = essay.lang;
  const words = stringsFor(lang, siteLanguage);
  const names = essay.authors.map((a) => a.nameIn(lang));
  const sorts = sortValues(essay);
  const page = (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <title>{essay.title}</title>
      </head>
      <body>
        <p data-pagefind-meta="label" data-pagefind-sort="number[data-number]" data-number={sorts.number}>
          {essayLabel(words, essay, lang)}
        </p>
        <p data-pagefind-filter={filter("series")}>{essay.series.titleIn(lang)}</p>
        <p
          data-pagefind-meta="date"
          data-pagefind-sort="date[data-date]"
          data-date={sorts.date}
          data-pagefind-filter={`${filter("year")}[data-year]`}
          data-year={essay.year}
        >
          {words.date(essay.date)}
        </p>
        <h1 data-pagefind-meta="title">{essay.title}</h1>
        <p data-pagefind-meta={`authors:${authorNames(names)}`}>
          {names.map((name) => (
            <span data-pagefind-filter={filter("author")}>{name}</span>
          ))}
        </p>
        {essay.summary && <p data-pagefind-meta="summary">{essay.summary}</p>}
        {essay.topics.map((topic) => (
          <p data-pagefind-filter={filter("topic")}>{topic}</p>
        ))}
        <main data-pagefind-body dangerouslySetInnerHTML={{ __html: essay.html }} />
      </body>
    </html>
  );
  return `<!doctype html>\n${renderToStaticMarkup(page)}\n`;
}
