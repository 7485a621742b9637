// Configures Pagefind's Component UI for wherever this archive is: at a domain root, under any subpath,
// or opened from disk. It runs before pagefind-component-ui.js, so the <pagefind-config> attributes it
// sets are the ones the components read when they start. It keeps the query, filters and sort in the
// address (?q=quota&author=Ben+Takeda&sort=newest), so a search can be bookmarked, shared and reached with
// Back, and restores them from it; it shows the filters and sort only beside results; and it gives the
// filter checkboxes ids without whitespace (Pagefind 1.6 builds them from the filter values).
(function () {
  "use strict";
  // The page says where the archive's root and Pagefind's bundle are, relative to itself, and which URL
  // parameters are filters.
  var where = document.currentScript.dataset;
  var root = new URL(where.root, location.href);
  var bundle = new URL(where.bundle, location.href);
  var filterNames = (where.filters || "").split(" ").filter(Boolean);
  var config = document.querySelector("pagefind-config");
  var tools = document.querySelector(".search-tools");
  var filterButton = document.querySelector(".search-filter-button");
  var filterBox = document.getElementById("search-filters");
  var selectedCount = document.querySelector(".search-filter-count");
  var pane = document.querySelector("pagefind-filter-pane");
  var sortSelect = document.getElementById("search-sort");
  var params = new URLSearchParams(location.search);

  // Pagefind loads the index of the page's language; ?lang= picks another (the search page's links).
  var lang = params.get("lang");
  if (lang) document.documentElement.lang = lang;
  config.setAttribute("base-url", root.pathname);
  config.setAttribute("bundle-path", location.protocol === "file:" ? offlineBundle() : bundle.pathname);

  // What the address asks for: ?q=, each filter's values (?author=A&author=B), ?sort=.
  var query = params.get("q");
  var filters = {};
  filterNames.forEach(function (name) {
    var values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  });
  for (var i = 0; i < sortSelect.options.length; i++) {
    if (sortSelect.options[i].value === params.get("sort")) sortSelect.selectedIndex = i;
  }

  // Filters behind the "Filter" button: shown on wide screens, hidden on phones (the stylesheet's
  // breakpoint), where opened filter groups would push the results off screen.
  var phone = window.matchMedia("(max-width: 40rem)");
  showFilters(!phone.matches);
  phone.addEventListener("change", function () {
    showFilters(!phone.matches);
  });
  filterButton.addEventListener("click", function () {
    showFilters(filterButton.getAttribute("aria-expanded") !== "true");
  });
  function showFilters(show) {
    filterButton.setAttribute("aria-expanded", String(show));
    filterBox.hidden = !show;
  }

  // Pagefind 1.6 names each filter checkbox after its value ("pf-filter-author-Aiko Ivanov-abc-def"), and
  // an id must not contain whitespace. Each new checkbox gets a plain id ("search-filter-author-3"). Its
  // label wraps it, which is what associates the two, so the label's `for` (the old id) is dropped rather
  // than repeated. Pagefind holds the elements themselves, never their ids; observer callbacks run before
  // the browser renders, so no reader sees the old ids.
  var serial = 0;
  new MutationObserver(function () {
    var boxes = pane.querySelectorAll("input[id]");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.hasAttribute("data-search-id")) continue;
      var id = "search-filter-" + String(box.name).replace(/[^A-Za-z0-9_-]/g, "") + "-" + ++serial;
      var label = box.closest("label");
      if (label && label.htmlFor === box.id) label.removeAttribute("for");
      box.id = id;
      box.setAttribute("data-search-id", "");
    }
  }).observe(pane, { childList: true, subtree: true });

  window.addEventListener("DOMContentLoaded", function () {
    var search = window.PagefindComponents.getInstanceManager().getInstance("default");
    search.on("search", function (term, selected) {
      writeAddress(term, selected);
      showSelectedCount(selected);
    });
    search.on("results", function (result) {
      // Filters and sort only beside results (or beside filters that left none): no empty box before a query.
      var any = result && result.results && result.results.length > 0;
      tools.hidden = !(search.searchTerm && (any || countValues(search.searchFilters) > 0));
    });
    // Pagefind 1.6's instance searches with `searchSort` (what <pagefind-config sort="date:desc"> sets).
    sortSelect.addEventListener("change", function () {
      search.searchSort = pagefindSort();
      writeAddress(search.searchTerm, search.searchFilters);
      if (search.searchTerm) search.triggerSearchWithFilters(search.searchTerm, search.searchFilters);
    });

    search.searchSort = pagefindSort();
    if (query) search.triggerSearchWithFilters(query, filters);
    else search.searchFilters = filters;
  });

  /** The selected sort as Pagefind takes it: {} (relevance) or {date: "desc"}, from "date:desc". */
  function pagefindSort() {
    var spec = sortSelect.options[sortSelect.selectedIndex].getAttribute("data-sort") || "";
    var parts = spec.split(":");
    var sort = {};
    if (parts[0]) sort[parts[0]] = parts[1] === "desc" ? "desc" : "asc";
    return sort;
  }

  function valuesOf(selected, name) {
    var values = selected && selected[name];
    return values == null ? [] : [].concat(values);
  }

  function countValues(selected) {
    return filterNames.reduce(function (n, name) {
      return n + valuesOf(selected, name).length;
    }, 0);
  }

  function showSelectedCount(selected) {
    var n = countValues(selected);
    // " (2 selected)", of which sighted readers see " (2)".
    selectedCount.textContent = "";
    if (!n) return;
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = " selected";
    selectedCount.append(" (" + n, hidden, ")");
  }

  /** The address for this search, in place of the current one: other parameters (?lang=) are kept. */
  function writeAddress(term, selected) {
    var url = new URL(location.href);
    url.searchParams.delete("q");
    url.searchParams.delete("sort");
    filterNames.forEach(function (name) {
      url.searchParams.delete(name);
    });
    if (term) url.searchParams.set("q", term);
    filterNames.forEach(function (name) {
      valuesOf(selected, name).forEach(function (value) {
        url.searchParams.append(name, value);
      });
    });
    if (sortSelect.selectedIndex > 0) url.searchParams.set("sort", sortSelect.value);
    history.replaceState(history.state, "", url);
  }

  // From disk, browsers refuse fetch() and module imports, so Pagefind's client is fed from the
  // classic-script copies of its files that the build writes to pagefind/offline/ (lib/search-offline.ts).
  // Each is loaded only when Pagefind asks for it. Returns the bundle path the components should use.
  function offlineBundle() {
    var files = {};
    var loading = {};
    window.__pagefindOffline = function (name, base64) {
      files[name] = base64;
    };
    function load(name) {
      if (!loading[name]) {
        loading[name] = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = new URL(where.offline + name + ".js", bundle).href;
          script.onload = function () {
            if (name in files) resolve(files[name]);
            else reject(new Error("Search file did not register: " + name));
          };
          script.onerror = function () {
            reject(new Error("Search file missing: " + name));
          };
          document.head.appendChild(script);
        });
      }
      return loading[name];
    }
    function bytes(base64) {
      var text = atob(base64);
      var out = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
      return out;
    }

    var realFetch = window.fetch;
    window.fetch = function (input, init) {
      // Pagefind shortens its file:// base path to "/…" (it strips location.origin, "file://" here).
      var url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
      if (url.indexOf(bundle.href) !== 0) return realFetch.call(window, input, init);
      var name = url.slice(bundle.href.length).split(/[?#]/)[0];
      return load(name).then(
        function (base64) {
          return new Response(bytes(base64));
        },
        function () {
          return new Response(null, { status: 404 });
        },
      );
    };

    // The components import `${bundle-path}pagefind.js`. A blob: module stands in for it: it imports
    // Pagefind's own client from its classic-script copy, with the bundle's file:// address as the base
    // path for its fetches and no worker (a worker's fetches would not pass through this page).
    window.__pagefindClient = function () {
      return load("pagefind.js").then(function (base64) {
        var source = new TextDecoder().decode(bytes(base64));
        return import(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
      });
    };
    var shim =
      "const client = await window.__pagefindClient();\n" +
      "export const createInstance = (options) => client.createInstance({ ...options, basePath: " +
      JSON.stringify(bundle.href) +
      ", noWorker: true });\n" +
      "export const { options, init, search, debouncedSearch, preload, filters, mergeIndex, destroy } = client;\n";
    // The fragment swallows the "pagefind.js" the components append to the bundle path.
    return URL.createObjectURL(new Blob([shim], { type: "text/javascript" })) + "#";
  }
})();
