// The search page (src/search.11ty.tsx) on Pagefind's JS API (https://pagefind.app/docs/api/), for an
// archive at a domain root, under any subpath, or opened from disk. Pagefind searches in its web worker;
// this page shows the first results as soon as their fragments arrive, a page at a time ("More results"
// asks for the next), and loads filter data only when a filter group is opened. It keeps the query,
// filters and sort in the address (?q=quota&author=Ben+Takeda&sort=newest), so a search can be
// bookmarked, shared and reached with Back, and restores them from it. Everything shown is set as text,
// except Pagefind's excerpts: the essay's text, escaped by Pagefind, with its <mark>s.
(function () {
  "use strict";
  // The page says where the archive's root and Pagefind's bundle are, relative to itself, and which URL
  // parameters are filters.
  var where = document.currentScript.dataset;
  var root = new URL(where.root, location.href);
  var bundle = new URL(where.bundle, location.href);
  var filterNames = (where.filters || "").split(" ").filter(Boolean);
  var pageSize = Number(where.pageSize) || 10;
  var fromDisk = location.protocol === "file:";

  var form = document.querySelector(".search-form");
  var input = document.getElementById("search-input");
  var summary = document.querySelector(".search-summary");
  var tools = document.querySelector(".search-tools");
  var filterButton = document.querySelector(".search-filter-button");
  var filterBox = document.getElementById("search-filters");
  var selectedCount = document.querySelector(".search-filter-count");
  var sortSelect = document.getElementById("search-sort");
  var list = document.querySelector(".search-results");
  var more = document.querySelector(".search-more");
  var params = new URLSearchParams(location.search);

  // Pagefind loads the index of the page's language; ?lang= picks another (the search page's links).
  var lang = params.get("lang");
  if (lang) document.documentElement.lang = lang;

  // What the address asks for: ?q=, each filter's values (?author=A&author=B), ?sort=.
  var selected = {};
  filterNames.forEach(function (name) {
    var values = params.getAll(name).filter(Boolean);
    if (values.length) selected[name] = values;
  });
  for (var i = 0; i < sortSelect.options.length; i++) {
    if (sortSelect.options[i].value === params.get("sort")) sortSelect.selectedIndex = i;
  }
  input.value = params.get("q") || "";

  /** The search shown: its term, Pagefind's results and how many of them are on the page. */
  var current = null;
  var searchId = 0;
  var debounce = 0;

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
  showSelectedCount();

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(0);
  });
  input.addEventListener("input", function () {
    // The index chunks for the words so far load while the reader types; the search waits for a pause.
    var term = input.value.trim();
    if (term && client) {
      client.then(function (pf) {
        pf.preload(term);
      });
    }
    search(250);
  });
  // Pagefind's client, WebAssembly and metadata load as soon as the reader may type.
  input.addEventListener("focus", function () {
    pagefind().catch(failed);
  });
  sortSelect.addEventListener("change", function () {
    search(0);
  });
  more.addEventListener("click", function () {
    showMore(true);
  });
  filterBox.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches("input[type=checkbox]")) return;
    var values = (selected[box.name] || []).filter(function (value) {
      return value !== box.value;
    });
    if (box.checked) values.push(box.value);
    if (values.length) selected[box.name] = values;
    else delete selected[box.name];
    showSelectedCount();
    search(0);
  });
  filterBox.querySelectorAll("details").forEach(function (group) {
    group.addEventListener("toggle", function () {
      if (group.open) loadFilters();
    });
  });

  if (input.value.trim()) search(0);

  /** Searches for what the box holds, after `wait` ms unless another search comes first. */
  function search(wait) {
    clearTimeout(debounce);
    var id = ++searchId;
    debounce = setTimeout(function () {
      var term = input.value.trim();
      writeAddress(term);
      if (!term) return clear();
      list.setAttribute("aria-busy", "true");
      if (!current) summary.textContent = "Searching…";
      // A copy: the selection may change while Pagefind is still reading this one.
      var options = { filters: JSON.parse(JSON.stringify(selected)), sort: pagefindSort() };
      pagefind()
        .then(function (pf) {
          return id === searchId ? pf.search(term, options) : null;
        })
        .then(function (response) {
          if (response && id === searchId) show(id, term, response);
        }, failed);
    }, wait);
  }

  function clear() {
    current = null;
    list.textContent = "";
    list.removeAttribute("aria-busy");
    more.hidden = true;
    tools.hidden = true;
    summary.textContent = summary.getAttribute("data-idle");
  }

  function show(id, term, response) {
    var count = response.results.length;
    current = { id: id, term: term, results: response.results, shown: 0 };
    list.textContent = "";
    list.removeAttribute("aria-busy");
    summary.textContent =
      count === 0 ? "No results for " + term : new Intl.NumberFormat("en").format(count) + (count === 1 ? " result for " : " results for ") + term;
    // Filters and sort only beside results (or beside filters that left none): no empty box before a query.
    tools.hidden = !(count > 0 || countSelected() > 0);
    showCounts(response.filters);
    showMore(false);
  }

  /** The next page of results: placeholders at once, each filled when its fragment arrives, in order. */
  function showMore(focus) {
    var page = current;
    var batch = page.results.slice(page.shown, page.shown + pageSize);
    page.shown += batch.length;
    more.hidden = page.shown >= page.results.length;
    batch.forEach(function (result, n) {
      var item = document.createElement("li");
      item.className = "search-pending";
      list.appendChild(item);
      result.data().then(function (data) {
        if (current !== page) return;
        var shown = resultItem(data);
        item.replaceWith(shown);
        // After "More results", the keyboard continues from the first of the new results.
        if (focus && n === 0) shown.querySelector("a").focus();
      }, failed);
    });
  }

  /** One result: label, title (the card's link), authors and date, the excerpt, the matching sections. */
  function resultItem(data) {
    var meta = data.meta || {};
    var item = element("li", "search-result");
    var card = item.appendChild(element("div", "search-result-card"));
    card.appendChild(element("p", "search-result-label", meta.label));
    var link = card.appendChild(element("p", "search-result-title")).appendChild(element("a", "search-result-link", meta.title));
    link.href = safeUrl(data.url);
    card.appendChild(element("p", "search-result-meta", (meta.authors || "") + (meta.date ? " · " + meta.date : "")));
    if (data.excerpt) card.appendChild(element("p", "search-result-excerpt")).innerHTML = data.excerpt;
    var sections = subResults(data, 3);
    if (sections.length) {
      var box = card.appendChild(element("div", "search-result-sections"));
      box.appendChild(element("p", "search-result-sections-label", "In this essay:"));
      var items = box.appendChild(element("ul"));
      sections.forEach(function (sub) {
        items.appendChild(element("li")).appendChild(element("a", "search-result-section", sub.title)).href = safeUrl(sub.url);
      });
    }
    return item;
  }

  /** The essay's matching sections, not the essay itself, at most `limit` of those with the most matches, in order. */
  function subResults(data, limit) {
    var subs = Array.isArray(data.sub_results) ? data.sub_results : [];
    if (subs.length && subs[0].url === data.url) subs = subs.slice(1);
    if (subs.length <= limit) return subs;
    var most = subs
      .slice()
      .sort(function (a, b) {
        return (b.locations || []).length - (a.locations || []).length;
      })
      .slice(0, limit);
    return subs.filter(function (sub) {
      return most.indexOf(sub) >= 0;
    });
  }

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  /** Addresses from the index are the archive's own; anything else (javascript:, data:) is not linked. */
  function safeUrl(url) {
    return /^(https?:|\/|\.|#)/i.test(url || "") || !/^[a-z][a-z0-9+.-]*:/i.test(url || "") ? url : "#";
  }

  // Filters: each group's values are read from the index (Pagefind's filter chunks) the first time a group
  // opens, then kept, with the count of the current results beside each; values no result has are hidden.
  var filtersLoaded = null;
  var lastCounts = null;
  function loadFilters() {
    if (filtersLoaded) return filtersLoaded;
    filtersLoaded = pagefind()
      .then(function (pf) {
        return pf.filters().then(function (all) {
          buildFilters(all);
          // Counts for the results shown: the same search, now that Pagefind has the filter chunks.
          var term = current && current.term;
          if (!term) return showCounts(all);
          return pf.search(term, { filters: selected, sort: pagefindSort() }).then(function (response) {
            if (current && current.term === term) showCounts(response.filters);
          });
        });
      })
      .catch(failed);
    return filtersLoaded;
  }

  function buildFilters(all) {
    filterBox.querySelectorAll("details").forEach(function (group) {
      var name = group.getAttribute("data-filter");
      var options = group.querySelector(".search-filter-options");
      var values = Object.keys(all[name] || {});
      valuesOf(selected, name).forEach(function (value) {
        if (values.indexOf(value) < 0) values.push(value);
      });
      values.sort(function (a, b) {
        return a.localeCompare(b, undefined, { numeric: true });
      });
      options.querySelector(".search-filter-note").textContent = values.length ? "" : "None";
      options.querySelector(".search-filter-note").hidden = values.length > 0;
      var fragment = document.createDocumentFragment();
      values.forEach(function (value) {
        var label = element("label", "search-filter-option");
        var box = label.appendChild(element("input"));
        box.type = "checkbox";
        box.name = name;
        box.value = value;
        box.checked = valuesOf(selected, name).indexOf(value) >= 0;
        label.appendChild(element("span", "search-filter-value", value));
        label.appendChild(element("span", "search-filter-number"));
        fragment.appendChild(label);
      });
      options.appendChild(fragment);
    });
  }

  /** Each value's count among the current results; a value none has is hidden unless it is selected. */
  function showCounts(counts) {
    if (counts) lastCounts = counts;
    if (!lastCounts) return;
    filterBox.querySelectorAll(".search-filter-option").forEach(function (label) {
      var box = label.firstChild;
      var n = (lastCounts[box.name] || {})[box.value] || 0;
      label.lastChild.textContent = " " + n;
      label.hidden = n === 0 && !box.checked;
    });
  }

  /** The selected sort as Pagefind takes it: {} (relevance) or {date: "desc"}, from "date:desc". */
  function pagefindSort() {
    var spec = sortSelect.options[sortSelect.selectedIndex].getAttribute("data-sort") || "";
    var parts = spec.split(":");
    var sort = {};
    if (parts[0]) sort[parts[0]] = parts[1] === "desc" ? "desc" : "asc";
    return sort;
  }

  function valuesOf(chosen, name) {
    var values = chosen && chosen[name];
    return values == null ? [] : [].concat(values);
  }

  function countSelected() {
    return filterNames.reduce(function (n, name) {
      return n + valuesOf(selected, name).length;
    }, 0);
  }

  function showSelectedCount() {
    var n = countSelected();
    // " (2 selected)", of which sighted readers see " (2)".
    selectedCount.textContent = "";
    if (!n) return;
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = " selected";
    selectedCount.append(" (" + n, hidden, ")");
  }

  /** The address for this search, in place of the current one: other parameters (?lang=) are kept. */
  function writeAddress(term) {
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
    if (url.href !== location.href) history.replaceState(history.state, "", url);
  }

  function failed(error) {
    list.removeAttribute("aria-busy");
    summary.textContent = "Search could not load. Reload the page to try again.";
    console.error(error);
  }

  // Pagefind's client, loaded once, when first needed. Over http(s) it is imported from the bundle; from
  // disk it comes from the classic-script copies (below). Either way it searches in its web worker, so
  // that typing is never held up by a search.
  var client = null;
  function pagefind() {
    if (!client) {
      client = (fromDisk ? offlineClient() : import(bundle.href + "pagefind.js")).then(function (module) {
        return module.createInstance({ basePath: bundle.href, baseUrl: root.pathname, excerptLength: Number(where.excerptLength) || 30 });
      });
    }
    return client;
  }

  // From disk, browsers refuse fetch(), module imports and workers from files, so Pagefind's client is fed
  // from the classic-script copies of its files that the build writes to pagefind/offline/
  // (lib/search/offline.ts). Each is loaded only when Pagefind asks for it. Resolves to Pagefind's module.
  function offlineClient() {
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
    /** The bundle file an address names ("index/en_1.pf_index"), or null for any other address. */
    function bundleFile(input) {
      // Pagefind shortens its file:// base path to "/…" (it strips location.origin, "file://" here).
      var url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
      return url.indexOf(bundle.href) === 0 ? url.slice(bundle.href.length).split(/[?#]/)[0] : null;
    }

    // The page's own fetches, should Pagefind search on this thread (if its worker cannot start).
    var realFetch = window.fetch;
    window.fetch = function (input, init) {
      var name = bundleFile(input);
      if (name === null) return realFetch.call(window, input, init);
      return load(name).then(
        function (base64) {
          return new Response(bytes(base64));
        },
        function () {
          return new Response(null, { status: 404 });
        },
      );
    };

    // Pagefind's worker: its script from its copy, as a blob: worker that asks this page for each file it
    // fetches, over a message channel handed to it before Pagefind's first message.
    var workerSource = "";
    var RealWorker = window.Worker;
    window.Worker = function (url, options) {
      if (bundleFile(url) !== "pagefind-worker.js" || !workerSource) return new RealWorker(url, options);
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        var id = event.data.id;
        load(bundleFile(event.data.url) || "").then(
          function (base64) {
            var data = bytes(base64);
            channel.port1.postMessage({ id: id, bytes: data }, [data.buffer]);
          },
          function () {
            channel.port1.postMessage({ id: id, bytes: null });
          },
        );
      };
      var worker = new RealWorker(URL.createObjectURL(new Blob([WORKER_FETCH, workerSource], { type: "text/javascript" })), options);
      worker.postMessage({ pagefindOfflinePort: channel.port2 }, [channel.port2]);
      return worker;
    };

    // Pagefind's own client, imported from its copy as a blob: module (the CSP allows this page's own).
    return Promise.all([load("pagefind.js"), load("pagefind-worker.js").catch(function () {})]).then(function (sources) {
      if (sources[1]) workerSource = new TextDecoder().decode(bytes(sources[1]));
      var source = new TextDecoder().decode(bytes(sources[0]));
      return import(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
    });
  }

  // Put before Pagefind's worker script from disk: its fetch() asks the page, through the port the page
  // sends first (which Pagefind's own message listener never sees).
  var WORKER_FETCH =
    "(function () {\n" +
    "  var port = null, waiting = [], pending = {}, next = 0;\n" +
    "  self.addEventListener('message', function (event) {\n" +
    "    if (!event.data || !event.data.pagefindOfflinePort) return;\n" +
    "    event.stopImmediatePropagation();\n" +
    "    port = event.data.pagefindOfflinePort;\n" +
    "    port.onmessage = function (e) { var done = pending[e.data.id]; delete pending[e.data.id]; done(e.data.bytes); };\n" +
    "    waiting.splice(0).forEach(function (send) { send(); });\n" +
    "  });\n" +
    "  self.fetch = function (input) {\n" +
    "    var url = String(input && input.url ? input.url : input);\n" +
    "    return new Promise(function (resolve) {\n" +
    "      var id = ++next;\n" +
    "      pending[id] = function (bytes) { resolve(bytes ? new Response(bytes) : new Response(null, { status: 404 })); };\n" +
    "      var send = function () { port.postMessage({ id: id, url: url }); };\n" +
    "      if (port) send(); else waiting.push(send);\n" +
    "    });\n" +
    "  };\n" +
    "})();\n";
})();
