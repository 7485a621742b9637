// The search page: Pagefind's Component UI (https://pagefind.app/docs/components/), configured at run
// time by assets/search.js from where the page is, so one build works at any URL path. search.js also
// keeps the query, filters and sort in the address, and shows the filters and sort only beside results.
import { useHref } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { OUTPUT } from "../lib/layout.ts";
import { paths } from "../lib/pages/urls.ts";
import { SEARCH_FILTERS, SEARCH_SORTS } from "../lib/search/fields.ts";

export const data = { permalink: paths.search };

/** The search page's own styles (assets/search.css), on no other page. */
const SEARCH_STYLESHEET = `${OUTPUT.assets}search.css`;

/**
 * One result: label ("AJISS-Commentary No.201"), title, authors and date, then the excerpt from the
 * essay's body with the matched words in <mark>, then the matching sections of that essay, nested in its
 * card. The title link covers the card (and only its own card) as a click target; section links sit above
 * it. `{{ }}` escapes; only Pagefind's excerpt (its own <mark>s, with the page's text escaped) is inserted
 * raw. Classes Pagefind's stylesheet does not know (search-*) are styled by assets/search.css alone.
 */
const RESULT_TEMPLATE = `<li class="pf-result search-result">
  <div class="pf-result-card search-result-card">
    <div class="pf-result-content">
      <p class="search-result-label">{{ meta.label }}</p>
      <p class="search-result-title"><a class="pf-result-link" href="{{ url | safeUrl }}">{{ meta.title }}</a></p>
      <p class="search-result-meta">{{ meta.authors }}{{#if meta.date}} · {{ meta.date }}{{/if}}</p>{{#if excerpt}}
      <p class="search-result-excerpt">{{+ excerpt +}}</p>{{/if}}{{#if sub_results}}
      <div class="search-result-sections">
        <p class="search-result-sections-label">In this essay:</p>
        <ul>{{#each sub_results as sub}}
          <li><a class="search-result-section" href="{{ sub.url | safeUrl }}">{{ sub.title }}</a></li>{{/each}}
        </ul>
      </div>{{/if}}
    </div>
  </div>
</li>`;

function Scripts() {
  const href = useHref();
  // Order matters: search.js sets the bundle path before the components read it. It is told where the
  // archive's root, the bundle and its file:// copies are, relative to this page, and which URL
  // parameters are filters.
  return (
    <>
      <script
        src={href(paths.searchScript)}
        data-root={href(paths.root)}
        data-bundle={href(paths.searchBundle)}
        data-offline={OUTPUT.offline}
        data-filters={SEARCH_FILTERS.join(" ")}
      />
      <script src={href(`${paths.searchBundle}pagefind-component-ui.js`)} />
    </>
  );
}

function Styles() {
  const href = useHref();
  // Pagefind's stylesheet first, so that ours (which themes it through its variables) follows it.
  return (
    <>
      <link rel="stylesheet" href={href(`${paths.searchBundle}pagefind-component-ui.css`)} />
      <link rel="stylesheet" href={href(SEARCH_STYLESHEET)} />
    </>
  );
}

/** Pagefind searches one language's index at a time: the page's. Links switch it (assets/search.js). */
function Languages({ languages }: { languages: string[] }) {
  const href = useHref();
  if (languages.length < 2) return null;
  return (
    <nav class="search-languages" aria-label="Language of the essays to search">
      Search essays in:{" "}
      {languages.map((lang, i) => (
        <>
          {i > 0 && " · "}
          <a href={`${href(paths.search)}?lang=${encodeURIComponent(lang)}`} hreflang={lang} lang={lang}>
            {new Intl.DisplayNames([lang], { type: "language" }).of(lang) ?? lang}
          </a>
        </>
      ))}
    </nav>
  );
}

/**
 * Filters and sort, hidden until a search has results (search.js). The filters sit behind one "Filter"
 * button, which search.js expands on wide screens and leaves collapsed on phones, so results stay in view.
 */
function Tools() {
  return (
    <div class="search-tools" hidden>
      <button type="button" class="search-filter-button" aria-expanded="false" aria-controls="search-filters">
        Filter<span class="search-filter-count"></span>
      </button>
      <p class="search-sort">
        <label for="search-sort">Sort by</label>{" "}
        <select id="search-sort" name="sort">
          {SEARCH_SORTS.map((s) => (
            <option value={s.value} data-sort={s.sort}>
              {s.label}
            </option>
          ))}
        </select>
      </p>
      <div id="search-filters" class="search-filters" hidden>
        <pagefind-filter-pane></pagefind-filter-pane>
      </div>
    </div>
  );
}

export function render(data: PageData) {
  return (
    <Layout archive={data.archive} path={paths.search} title="Search" head={<Styles />}>
      <h1 id="search-title">Search the essays</h1>
      <Languages languages={data.archive.languages} />
      <pagefind-config excerpt-length="30"></pagefind-config>
      <div class="search">
        <pagefind-input placeholder="Words, names, places…" debounce="250"></pagefind-input>
        <pagefind-summary default-message="Type to search the full text of every essay."></pagefind-summary>
        <Tools />
        <pagefind-results class="search-results" max-sub-results="3">
          <script type="text/pagefind-template" dangerouslySetInnerHTML={{ __html: RESULT_TEMPLATE }} />
        </pagefind-results>
      </div>
      <noscript>
        <p>Search needs JavaScript. You can browse the archive by year, author and series instead.</p>
      </noscript>
      <Scripts />
    </Layout>
  );
}
