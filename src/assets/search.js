// Configures Pagefind's Component UI for wherever this archive is: at a domain root, under any subpath,
// or opened from disk. It runs before pagefind-component-ui.js, so the <pagefind-config> attributes it
// sets are the ones the components read when they start. It also keeps the query in the address (?q=…),
// so a search can be bookmarked, shared and reached with Back.
(function () {
  "use strict";
  // The page says where the archive's root and Pagefind's bundle are, relative to itself.
  var where = document.currentScript.dataset;
  var root = new URL(where.root, location.href);
  var bundle = new URL(where.bundle, location.href);
  var config = document.querySelector("pagefind-config");
  var params = new URLSearchParams(location.search);

  // Pagefind loads the index of the page's language; ?lang= picks another (the search page's links).
  var lang = params.get("lang");
  if (lang) document.documentElement.lang = lang;
  config.setAttribute("base-url", root.pathname);
  config.setAttribute("bundle-path", location.protocol === "file:" ? offlineBundle() : bundle.pathname);

  window.addEventListener("DOMContentLoaded", function () {
    var search = window.PagefindComponents.getInstanceManager().getInstance("default");
    var query = params.get("q");
    if (query) search.triggerSearch(query);
    search.on("search", function (term) {
      var url = new URL(location.href);
      if (term) url.searchParams.set("q", term);
      else url.searchParams.delete("q");
      history.replaceState(history.state, "", url);
    });
  });

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
