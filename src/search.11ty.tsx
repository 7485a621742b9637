// The search page: a small interface of our own (assets/search.js) on Pagefind's JS API
// (https://pagefind.app/docs/api/), Pagefind running in a worker of the page's own, rendered from its view
// alone (lib/views/listing.ts, `SearchView`). Pagefind's Component UI
// renders a placeholder and an observer for every result (thousands for a broad query at archive scale:
// seconds before the first is shown) and its script and stylesheet alone outweigh Pagefind's Default UI's
// whole first search; this page shows results a page at a time and loads a filter's values only when its
// group opens (docs/performance.md, "Search at archive scale"). The markup is all here, escaped; search.js fills in
// results, counts and filter values as text, except Pagefind's excerpts (the essay's text, escaped by
// Pagefind, with its <mark>s).
import { useHref } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import { listingsOf } from "../_includes/page-data.ts";
import { OUTPUT } from "../lib/paths/layout.ts";
import { autonym, pageStrings, stringsFor, type Strings } from "../lib/words/strings.ts";
import { paths } from "../lib/paths/urls.ts";
import { SEARCH_FILTERS, SEARCH_SORTS } from "../lib/search/fields.ts";
import type { SearchView } from "../lib/views/listing.ts";

// One per tree of pages: the site language's, and each other language's under its prefix (lib/archive/trees.ts).
export const data = listingsOf("search");

/** The search page's own styles (assets/search.css), on no other page. */
const SEARCH_STYLESHEET = `${OUTPUT.assets}search.css`;

/** Results shown at first, and added by each "More results". */
const PAGE_SIZE = 10;

function Stylesheet() {
  return <link rel="stylesheet" href={useHref()(SEARCH_STYLESHEET)} />;
}

/** search.js's messages (it has them in English), by its names for them. */
const SCRIPT_WORDS = {
  searching: "search.js.searching",
  none: "search.js.none",
  found: "search.js.found",
  sections: "search.js.sections",
  noValues: "search.js.noValues",
  failed: "search.js.failed",
} as const;

/** The page's words for search.js where they are not its English ones, with their language; none in English. */
function scriptWords(words: Strings): string | undefined {
  const english = stringsFor("en", "en");
  const given = Object.entries(SCRIPT_WORDS).filter(([, key]) => JSON.stringify(words.source(key)) !== JSON.stringify(english.source(key)));
  if (given.length === 0) return undefined;
  return JSON.stringify(Object.fromEntries([["lang", words.lang], ...given.map(([name, key]) => [name, words.source(key)])]));
}

function Script({ words }: { words: Strings }) {
  const href = useHref();
  // search.js is told where the archive's root, the bundle and its file:// copies are, relative to this
  // page, and which URL parameters are filters.
  return (
    <>
      <script src={href(paths.searchMergeScript)} />
      <script
        src={href(paths.searchScript)}
        data-root={href(paths.root)}
        data-bundle={href(paths.searchBundle)}
        data-offline={OUTPUT.offline}
        data-filters={SEARCH_FILTERS.join(" ")}
        data-page-size={String(PAGE_SIZE)}
        data-excerpt-length="30"
        data-words={scriptWords(words)}
      />
    </>
  );
}

/**
 * Pagefind searches one language's index at a time: the page's. With one tree of pages, links switch it
 * (?lang=, assets/search.js); with a tree per language, each language's search page is its tree's.
 */
function Languages({ languages, words }: { languages: SearchView["languages"]; words: Strings }) {
  const href = useHref();
  if (languages.length < 2) return null;
  return (
    <nav class="search-languages" aria-label={words.text("search.languages")}>
      {words.text("search.languagesLead")}{" "}
      {languages.map(({ lang, path, query, current }, i) => (
        <>
          {i > 0 && " · "}
          <a href={`${href(path)}${query ?? ""}`} hreflang={lang} lang={lang} aria-current={current ? "page" : undefined}>
            {autonym(lang)}
          </a>
        </>
      ))}
    </nav>
  );
}

/**
 * Filters and sort, hidden until a search has results (search.js). The filters sit behind one "Filter"
 * button, which search.js expands on wide screens and leaves collapsed on phones, so results stay in view.
 * Each filter is a closed group: its values, with their counts, are loaded when it is first opened.
 */
function Tools({ words }: { words: Strings }) {
  return (
    <div class="search-tools" hidden>
      <button type="button" class="search-filter-button" aria-expanded="false" aria-controls="search-filters">
        {words.text("search.filter")}
        <span class="search-filter-count"></span>
      </button>
      <p class="search-sort">
        <label for="search-sort">{words.text("search.sortBy")}</label>{" "}
        <select id="search-sort" name="sort">
          {SEARCH_SORTS.map((s) => (
            <option value={s.value} data-sort={s.sort}>
              {words.text(`search.sort.${s.value}`)}
            </option>
          ))}
        </select>
      </p>
      <div id="search-filters" class="search-filters" hidden>
        {SEARCH_FILTERS.map((name) => (
          <details class="search-filter-group" data-filter={name}>
            <summary>{words.text(`search.filter.${name}`)}</summary>
            <fieldset class="search-filter-options">
              <legend class="visually-hidden">{words.text(`search.filter.${name}`)}</legend>
              <p class="search-filter-note">{words.text("search.loading")}</p>
            </fieldset>
          </details>
        ))}
      </div>
    </div>
  );
}

export function render({ view }: { view: SearchView }) {
  const words = pageStrings(view.layout.site, view.layout.tree.lang);
  return (
    <Layout layout={view.layout} path={view.path} title={words.text("search.title")} head={<Stylesheet />}>
      <h1 id="search-title">{words.text("search.heading")}</h1>
      <Languages languages={view.languages} words={words} />
      <div class="search">
        <form class="search-form" role="search" method="get">
          <label for="search-input" class="visually-hidden">
            {words.text("search.inputLabel")}
          </label>
          <input
            id="search-input"
            class="search-input"
            type="search"
            name="q"
            placeholder={words.text("search.placeholder")}
            autocomplete="off"
            spellcheck={false}
          />
        </form>
        <p class="search-summary" role="status" aria-live="polite" data-idle={words.text("search.idle")}>
          {words.text("search.idle")}
        </p>
        <Tools words={words} />
        <ol class="search-results" aria-label={words.text("search.results")}></ol>
        <button type="button" class="search-more" hidden>
          {words.text("search.more")}
        </button>
      </div>
      <noscript>
        <p>{words.text("search.noscript")}</p>
      </noscript>
      <Script words={words} />
    </Layout>
  );
}
