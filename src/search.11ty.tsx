// The search page: Pagefind's Component UI (https://pagefind.app/docs/components/), configured at run
// time by assets/search.js from where the page is, so one build works at any URL path.
import { useHref } from "../_includes/here.tsx";
import { Layout } from "../_includes/Layout.tsx";
import type { PageData } from "../_includes/page-data.ts";
import { OUTPUT } from "../lib/layout.ts";
import { paths } from "../lib/pages/urls.ts";

export const data = { permalink: paths.search };

/**
 * One result: label ("AJISS-Commentary No.201"), title, authors and date, the highlighted excerpt and
 * links to matching sections. The card keeps Pagefind's structure: its title link covers the card (and
 * only its own card) as a click target. `{{ }}` escapes; only Pagefind's excerpt (its own <mark>s, with the
 * page's text escaped) is inserted raw.
 */
const RESULT_TEMPLATE = `<li class="pf-result search-result">
  <div class="pf-result-card">
    <div class="pf-result-content">
      <p class="search-result-label">{{ meta.label }}</p>
      <p class="search-result-title"><a class="pf-result-link" href="{{ url | safeUrl }}">{{ meta.title }}</a></p>
      <p class="search-result-meta">{{ meta.authors }}{{#if meta.date}} · {{ meta.date }}{{/if}}</p>
      {{#if excerpt}}<p class="pf-result-excerpt">{{+ excerpt +}}</p>{{/if}}
    </div>
  </div>
  {{#if sub_results}}<ul class="pf-heading-chips">{{#each sub_results as sub}}
    <li class="pf-heading-chip"><a class="pf-heading-link" href="{{ sub.url | safeUrl }}">{{ sub.title }}</a></li>
  {{/each}}</ul>{{/if}}
</li>`;

function Scripts() {
  const href = useHref();
  // Order matters: search.js sets the bundle path before the components read it. It is told where the
  // archive's root, the bundle and its file:// copies are, relative to this page.
  return (
    <>
      <script src={href(paths.searchScript)} data-root={href(paths.root)} data-bundle={href(paths.searchBundle)} data-offline={OUTPUT.offline} />
      <script src={href(`${paths.searchBundle}pagefind-component-ui.js`)} />
    </>
  );
}

function Styles() {
  const href = useHref();
  return <link rel="stylesheet" href={href(`${paths.searchBundle}pagefind-component-ui.css`)} />;
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

export function render(data: PageData) {
  return (
    <Layout archive={data.archive} path={paths.search} title="Search" head={<Styles />}>
      <h1 id="search-title">Search the essays</h1>
      <Languages languages={data.archive.languages} />
      <pagefind-config excerpt-length="30"></pagefind-config>
      <div class="search">
        <pagefind-input placeholder="Words, names, places…" debounce="250"></pagefind-input>
        <pagefind-summary default-message="Type to search the full text of every essay."></pagefind-summary>
        <div class="search-columns">
          <pagefind-filter-pane class="search-filters"></pagefind-filter-pane>
          <pagefind-results class="search-results" max-sub-results="3">
            <script type="text/pagefind-template" dangerouslySetInnerHTML={{ __html: RESULT_TEMPLATE }} />
          </pagefind-results>
        </div>
      </div>
      <noscript>
        <p>Search needs JavaScript. You can browse the archive by year, author and series instead.</p>
      </noscript>
      <Scripts />
    </Layout>
  );
}
