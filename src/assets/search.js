// Configures Pagefind's Component UI for wherever this archive is: at a domain root, under any subpath
// or (issue: portable output) opened from disk. Runs before pagefind-component-ui.js, so the
// <pagefind-config> attributes it sets are the ones the components read when they start.
// Also keeps the query in the address (?q=…), so a search can be bookmarked, shared and reached with Back.
(function () {
  "use strict";
  var script = document.currentScript;
  // This file is <root>/assets/search.js.
  var root = new URL("../", script.src);
  var config = document.querySelector("pagefind-config");

  config.setAttribute("bundle-path", new URL("pagefind/", root).pathname);
  config.setAttribute("base-url", root.pathname);

  window.addEventListener("DOMContentLoaded", function () {
    var search = window.PagefindComponents.getInstanceManager().getInstance("default");
    var query = new URLSearchParams(location.search).get("q");
    if (query) search.triggerSearch(query);
    search.on("search", function (term) {
      var url = new URL(location.href);
      if (term) url.searchParams.set("q", term);
      else url.searchParams.delete("q");
      history.replaceState(history.state, "", url);
    });
  });
})();
