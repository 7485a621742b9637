// The search page (src/search.11ty.tsx) on Pagefind's JS API (https://pagefind.app/docs/api/), for an
// archive at a domain root, under any subpath, or opened from disk. Pagefind runs in a web worker of this
// page's own (searchWorker, below), which keeps each search's results and sends the page only what it
// shows: the count, and the data of the first results as soon as each arrives, a page at a time ("More
// results" asks for the next). Pagefind's own worker mode sends the page every result of every search
// (20,000 for a broad query on a 20,000-essay archive), which held the page for hundreds of milliseconds
// while the reader typed. Filter values load only when a filter group is opened. The query, filters and
// sort stay in the address (?q=quota&author=Ben+Takeda&sort=newest), so a search can be bookmarked,
// shared and reached with Back. Everything shown is set as text, except Pagefind's excerpts: the essay's
// text, escaped by Pagefind, with its <mark>s.
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
  // The messages this script shows, in English; a page in another language gives its own and their
  // language (data-words, from lib/words/). {names} are filled in; "found" has a form per plural
  // category. test/unit/strings.test.ts holds these to en.json's.
  var WORDS = {
    searching: "Searching…",
    none: "No results for {term}",
    found: { one: "{n} result for {term}", other: "{n} results for {term}" },
    sections: "In this essay:",
    noValues: "None",
    failed: "Search could not load. Reload the page to try again.",
  };
  var words = Object.assign({ lang: "en" }, WORDS, JSON.parse(where.words || "{}"));

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
  // What the reader typed before this script ran (on a slow connection, or restored by the browser) is
  // kept, and searched below, rather than replaced by the address's query.
  if (!input.value) input.value = params.get("q") || "";

  /** The search shown: its id and term, its count of results, and the items placed for them so far. */
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
    if (term) send({ type: "preload", term: term });
    search(250);
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

  /** Searches for what the box holds, after `wait` ms unless another search comes first. */
  function search(wait) {
    // Once search could not load, it says so until the page is reloaded: nothing typed replaces that.
    if (broken) return;
    clearTimeout(debounce);
    var id = ++searchId;
    debounce = setTimeout(function () {
      var term = input.value.trim();
      writeAddress(term);
      if (!term) return clear();
      list.setAttribute("aria-busy", "true");
      if (!current) summary.textContent = say("searching");
      send({ type: "search", id: id, term: term, options: searchOptions(), count: pageSize });
    }, wait);
  }

  /** What Pagefind searches with besides the term: the selected filters and sort (a copy of each). */
  function searchOptions() {
    return { filters: JSON.parse(JSON.stringify(selected)), sort: pagefindSort() };
  }

  function clear() {
    current = null;
    list.textContent = "";
    list.removeAttribute("aria-busy");
    more.hidden = true;
    tools.hidden = true;
    summary.textContent = summary.getAttribute("data-idle");
  }

  /** A search's count (and its filter counts): the first page's places are laid out for its results. */
  function showSearch(message) {
    if (message.id !== searchId) return;
    var count = message.total;
    current = { id: message.id, term: message.term, total: count, items: [], focus: -1 };
    list.textContent = "";
    list.removeAttribute("aria-busy");
    summary.textContent = count === 0 ? say("none", { term: message.term }) : say("found", { term: message.term }, count);
    // Filters and sort only beside results (or beside filters that left none): no empty box before a query.
    tools.hidden = !(count > 0 || countSelected() > 0);
    if (message.filters) showCounts(message.filters);
    place(Math.min(pageSize, count));
  }

  /** The next page of results, asked of the worker; their places are held until each arrives. */
  function showMore(focus) {
    var from = current.items.length;
    var count = Math.min(pageSize, current.total - from);
    if (focus) current.focus = from;
    place(count);
    send({ type: "more", id: current.id, from: from, count: count });
  }

  function place(count) {
    for (var n = 0; n < count; n++) current.items.push(list.appendChild(element("li", "search-pending")));
    more.hidden = current.items.length >= current.total;
  }

  /** One result's data, into its place. */
  function showResult(message) {
    if (!current || message.id !== current.id) return;
    var shown = resultItem(message.data);
    current.items[message.index].replaceWith(shown);
    current.items[message.index] = shown;
    // After "More results", the keyboard continues from the first of the new results.
    if (message.index === current.focus) shown.querySelector("a").focus();
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
      box.appendChild(element("p", "search-result-sections-label", say("sections")));
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
        return b.matches - a.matches;
      })
      .slice(0, limit);
    return subs.filter(function (sub) {
      return most.indexOf(sub) >= 0;
    });
  }

  /** A message in the page's words, {names} filled in; with `n`, the form for that number, as {n}. */
  function say(name, values, n) {
    var text = words[name];
    values = Object.assign({}, values);
    if (n !== undefined) {
      text = text[new Intl.PluralRules(words.lang).select(n)] || text.other;
      values.n = new Intl.NumberFormat(words.lang).format(n);
    }
    return text.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
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
  var filtersAsked = false;
  var filtersBuilt = false;
  var lastCounts = null;
  function loadFilters() {
    if (filtersAsked) return;
    filtersAsked = true;
    var term = current ? current.term : "";
    send({ type: "filters", term: term, options: searchOptions() });
  }

  /** Every filter value in the index, and the counts among the current results (or in all, before a search). */
  function showFilterValues(message) {
    buildFilters(message.all);
    filtersBuilt = true;
    showCounts(current && current.term === message.term ? message.counts : message.all);
  }

  function buildFilters(all) {
    filterBox.querySelectorAll("details").forEach(function (group) {
      var name = group.getAttribute("data-filter");
      var options = group.querySelector(".search-filter-options");
      var values = Object.keys(all[name] || {});
      valuesOf(selected, name).forEach(function (value) {
        if (values.indexOf(value) < 0) values.push(value);
      });
      // In the page's language, not the reader's browser's: the same order for every reader of a page.
      values.sort(function (a, b) {
        return a.localeCompare(b, [words.lang, "en"], { numeric: true });
      });
      var note = options.querySelector(".search-filter-note");
      note.textContent = say("noValues");
      note.hidden = values.length > 0;
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
    lastCounts = counts;
    if (!filtersBuilt) return;
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

  var broken = false;
  function failed(error) {
    broken = true;
    clearTimeout(debounce);
    list.removeAttribute("aria-busy");
    summary.textContent = say("failed");
    console.error(error);
  }

  // The worker, started once, when first needed, from this script's own searchWorker and the shards'
  // search (assets/search-merge.js, loaded before this script): a blob: worker, which the page's CSP
  // allows, over http and from disk alike. It is given the source of Pagefind's client, which the page
  // loads (over http(s) the bundle's pagefind.js, from disk its classic-script copy), the list of the
  // index's shards in the page's language, and from disk a channel on which it asks this page for each
  // file it reads (a worker cannot load file:// copies itself).
  var searcher = null;
  function worker() {
    if (searcher) return;
    var source = "var shardedSearch = " + window.shardedSearch + ";\n(" + searchWorker + ")();\n";
    searcher = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
    searcher.onmessage = function (event) {
      var message = event.data;
      if (message.type === "search") showSearch(message);
      else if (message.type === "result") showResult(message);
      else if (message.type === "filters") showFilterValues(message);
      else if (message.type === "error") failed(new Error(message.message));
    };
    searcher.onerror = function (event) {
      failed(event.message);
    };
    var options = { baseUrl: root.pathname, excerptLength: Number(where.excerptLength) || 30 };
    var language = (document.documentElement.lang || "unknown").toLowerCase();
    var channel = fromDisk ? offlineFiles() : null;
    var load = function (name) {
      var loaded = channel
        ? channel.load(name).then(function (base64) {
            return channel.bytes(base64).buffer;
          })
        : fetch(new URL(name, bundle)).then(function (response) {
            return response.ok ? response.arrayBuffer() : null;
          });
      return loaded.catch(function () {
        return null;
      });
    };
    var shards = load("shards.json").then(function (buffer) {
      var list = buffer && JSON.parse(new TextDecoder().decode(buffer));
      var index = list && indexFor(list.languages || {}, language);
      if (!index) throw new Error("Search could not load shards.json");
      prefetch(load, index);
      return index;
    });
    Promise.all([shards, load("pagefind.js")])
      .then(function (loaded) {
        var index = loaded[0];
        if (!loaded[1]) throw new Error("Search could not load pagefind.js");
        var init = {
          type: "init",
          source: new TextDecoder().decode(loaded[1]),
          bundle: bundle.href,
          shards: index.shards,
          options: options,
          language: index.lang,
        };
        if (channel) init.port = channel.port;
        searcher.postMessage(init, channel ? [channel.port] : []);
      })
      .catch(failed);
  }

  /**
   * Pagefind asks for each shard's first files one after another, once the worker has started and its
   * client has loaded: its entry file, then its metadata, and the WebAssembly. The page asks for them at
   * once, while the worker starts (as it does for Pagefind's client), and hands each to the worker,
   * which gives it to Pagefind when asked.
   */
  function prefetch(load, index) {
    function give(name) {
      var url = new URL(name, bundle).href;
      searcher.postMessage({ type: "expect", url: url });
      load(name).then(function (buffer) {
        searcher.postMessage({ type: "file", url: url, buffer: buffer }, buffer ? [buffer] : []);
      });
    }
    give("wasm." + index.wasm + ".pagefind");
    index.shards.forEach(function (shard) {
      give(shard.path + "pagefind-entry.json");
      give(shard.path + shard.meta);
    });
  }

  /** The shards of a language's index: its own, its primary subtag's, else the language with the most pages. */
  function indexFor(languages, language) {
    var pick = function (lang) {
      return languages[lang] ? Object.assign({ lang: lang }, languages[lang]) : null;
    };
    var index = pick(language) || pick(language.split("-")[0]);
    if (index) return index;
    var pages = function (lang) {
      return languages[lang].shards.reduce(function (sum, shard) {
        return sum + shard.pages;
      }, 0);
    };
    var all = Object.keys(languages).sort(function (a, b) {
      return pages(b) - pages(a);
    });
    return all.length ? pick(all[0]) : null;
  }

  /** Sends the worker a message, starting it if need be. */
  function send(message) {
    worker();
    searcher.postMessage(message);
  }

  // From disk, browsers refuse fetch(), module imports and workers from files, so Pagefind is fed from
  // the classic-script copies of its files that the build writes to pagefind/offline/
  // (lib/search/offline.ts), each loaded only when Pagefind asks for it.
  function offlineFiles() {
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
    // The worker asks for files by address; it decodes the base64 itself, so that decoding a large index
    // chunk never holds up this page.
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      var id = event.data.id;
      var url = new URL(event.data.url, location.href).href;
      var name = url.indexOf(bundle.href) === 0 ? url.slice(bundle.href.length).split(/[?#]/)[0] : "";
      load(name).then(
        function (base64) {
          channel.port1.postMessage({ id: id, base64: base64 });
        },
        function () {
          channel.port1.postMessage({ id: id, base64: null });
        },
      );
    };
    return {
      load: load,
      port: channel.port2,
      bytes: function (base64) {
        var text = atob(base64);
        var out = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
        return out;
      },
    };
  }

  // Pagefind's client, WebAssembly and metadata start loading as soon as the reader may search: at once for
  // a search address, otherwise when the box takes focus. (Last, once every variable above has its value.)
  input.addEventListener("focus", function () {
    worker();
  });
  if (input.value.trim()) {
    worker();
    search(0);
  }

  /**
   * The worker: runs in its own scope (it is sent as source), so it uses nothing from the page's.
   * Pagefind runs here on its main-thread path (noWorker); the worker keeps the latest search's results
   * and answers with its count, then the data of the results asked for, each as it arrives.
   */
  function searchWorker() {
    var client = null;
    var latest = { id: 0, results: [] };
    var waiting = [];
    // Files the page is fetching for Pagefind (its `prefetch`), by address, until Pagefind asks for them.
    var early = {};
    var arrived = {};
    self.onmessage = function (event) {
      var message = event.data;
      if (message.type === "expect") {
        early[message.url] = new Promise(function (resolve) {
          arrived[message.url] = resolve;
        });
        return;
      }
      if (message.type === "file") return arrived[message.url] && arrived[message.url](message.buffer);
      if (message.type === "init") return start(message);
      if (client) handle(message);
      else waiting.push(message);
    };

    function start(init) {
      if (init.port) offlineFetch(init.port);
      answerEarly(init.bundle);
      // Pagefind's client names its classes but exports only its single-index API: the shards' search
      // (assets/search-merge.js) makes an instance of Pagefind's per index, as its mergeIndex does.
      var source = init.source + "\nexport { PagefindInstance as __PagefindInstance };\n";
      import(URL.createObjectURL(new Blob([source], { type: "text/javascript" }))).then(function (pagefind) {
        client = shardedSearch(pagefind.__PagefindInstance, init.bundle, init.shards, init.options, init.language);
        waiting.splice(0).forEach(handle);
      }, fail);
    }

    function handle(message) {
      if (message.type === "preload") client.preload(message.term).catch(function () {});
      else if (message.type === "search") search(message);
      else if (message.type === "more") send(message.id, message.from, message.count);
      else if (message.type === "filters") filters(message);
    }

    function search(message) {
      client.search(message.term, message.options).then(function (response) {
        if (message.id < latest.id) return;
        latest = { id: message.id, results: response.results };
        self.postMessage({ type: "search", id: message.id, term: message.term, total: response.results.length, filters: response.filters });
        send(message.id, 0, message.count);
      }, fail);
    }

    /** The data of results from..from+count, each posted as soon as it is loaded. */
    function send(id, from, count) {
      if (id !== latest.id) return;
      latest.results.slice(from, from + count).forEach(function (result, n) {
        result.data().then(function (data) {
          var subs = (data.sub_results || []).map(function (sub) {
            return { title: sub.title, url: sub.url, matches: (sub.locations || []).length };
          });
          self.postMessage({ type: "result", id: id, index: from + n, data: { url: data.url, meta: data.meta, excerpt: data.excerpt, sub_results: subs } });
        }, fail);
      });
    }

    /** Every filter value (loading Pagefind's filter chunks), and the counts among the term's results. */
    function filters(message) {
      client.filters().then(function (all) {
        if (!message.term) return self.postMessage({ type: "filters", term: "", all: all, counts: all });
        return client.search(message.term, message.options).then(function (response) {
          self.postMessage({ type: "filters", term: message.term, all: all, counts: response.filters });
        });
      }, fail);
    }

    /**
     * Pagefind's requests for the files the page fetched early are answered with those files (each once).
     * Its WebAssembly, which Pagefind asks of the first shard's folder, is the one at the bundle's top.
     */
    function answerEarly(bundle) {
      var fetchFile = self.fetch;
      self.fetch = function (input) {
        var url = String(input && input.url ? input.url : input).split("?")[0];
        var wasm = /\/(wasm\.[\w-]+\.pagefind)$/.exec(url);
        if (wasm && url.indexOf(bundle) === 0) url = input = bundle + wasm[1];
        var file = early[url];
        delete early[url];
        if (!file) return fetchFile(input);
        return file.then(function (buffer) {
          return buffer ? new Response(buffer) : fetchFile(input);
        });
      };
    }

    function fail(error) {
      self.postMessage({ type: "error", message: String((error && error.message) || error) });
    }

    // From disk: every fetch asks the page for the file's copy, over the channel it sent.
    function offlineFetch(port) {
      var pending = {};
      var next = 0;
      port.onmessage = function (event) {
        var done = pending[event.data.id];
        delete pending[event.data.id];
        done(event.data.base64);
      };
      self.fetch = function (input) {
        var url = String(input && input.url ? input.url : input);
        return new Promise(function (resolve) {
          var id = ++next;
          pending[id] = function (base64) {
            if (base64 == null) return resolve(new Response(null, { status: 404 }));
            var text = atob(base64);
            var bytes = new Uint8Array(text.length);
            for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
            resolve(new Response(bytes));
          };
          port.postMessage({ id: id, url: url });
        });
      };
    }
  }
})();
