// Search across the index's shards (lib/search/shards.ts) as if they were one Pagefind index. Loaded by
// the search page before assets/search.js, which hands this function's source to its worker; the tests
// run it in Node (test/helpers/pagefind-client.ts).
//
// Pagefind can merge indexes (mergeIndex), but each ranks its pages by its own statistics: how many of its
// pages hold a word, and its pages' average length. Merged shards would then rank as no single index does
// (a small shard's pages pushed up by its own rarities). So each shard is searched with Pagefind's ranking
// details on ("playground mode": each result's terms, their weighted counts, the page's length), and each
// result scored again as one index of every shard would score it: Pagefind's BM25 (pagefind_web's
// search.rs, calculate_bm25_word_score) with the words' rarity and the average length over all shards.
// Sorted searches merge on the sort's values (each shard's sort table), so "newest first" is one order.
(function (scope) {
  "use strict";
  /**
   * A search over `shards` (the bundle's shards.json entries of one language: path, pages, meta),
   * below `bundle` (a URL ending in "/"), with Pagefind's `PagefindInstance` class and options
   * (baseUrl, excerptLength). Answers as Pagefind's own search does: { results, filters }, each result
   * with its data().
   */
  function shardedSearch(PagefindInstance, bundle, shards, options, language) {
    // Pagefind's default ranking (pagefind_web lib.rs, RankingWeights::default), which the shards use.
    var K1 = 1.4;
    var B = 0.75;
    var DIACRITIC_BONUS = 1 + 0.8;

    var total = 0;
    shards.forEach(function (shard) {
      total += shard.pages;
    });
    // Pagefind weighs a page's length against its index's average: here, over every shard's pages.
    var averageLength = 0;

    var instances = shards.map(function (shard, i) {
      return new PagefindInstance(Object.assign({}, options, { basePath: bundle + shard.path, primary: i === 0 }));
    });
    // The first loads Pagefind's WebAssembly, which the others share; each then reads its own metadata.
    var ready = instances[0]
      .init(language, { load_wasm: true })
      .then(function () {
        return Promise.all(
          instances.slice(1).map(function (instance) {
            return instance.init(language, { load_wasm: false });
          }),
        );
      })
      .then(function () {
        var words = 0;
        instances.forEach(function (_instance, i) {
          words += metaOf(i).words;
        });
        averageLength = total ? words / total : 0;
        return Promise.all(
          instances.map(function (instance) {
            return instance.enterPlaygroundMode();
          }),
        );
      });
    var sortTables = {};

    function idf(containing) {
      return Math.log((total - containing + 0.5) / (containing + 0.5) + 1);
    }

    /** Pagefind's term frequency for one word of a page (pagefind_tf with term_frequency 1: BM25's). */
    function termFrequency(weighted, lengthBonus, documentLength) {
      var w = weighted * lengthBonus;
      return ((K1 + 1) * w) / (K1 * (1 - B + B * (documentLength / averageLength)) + w);
    }

    /** Whether the term typed matches a word's form, as Pagefind's diacritic bonus asks (search.rs, diacritics_match). */
    function formsMatch(typed, form) {
      return form === typed || form.indexOf(typed) === 0 || typed.indexOf(form) === 0;
    }

    /**
     * The query's terms as Pagefind searched them (stemmed), each with how many pages of every shard hold
     * it: a shard reports each term's IDF over its own pages, ln((N + 1) / (n + 0.5)), from which n is read back.
     */
    function queryTerms(responses) {
      var terms = null;
      responses.forEach(function (response, i) {
        var idfs = response.query_term_idfs;
        if (!idfs) return;
        terms =
          terms ||
          idfs.map(function (t) {
            return { term: t.term, containing: 0, perShard: [] };
          });
        idfs.forEach(function (t, k) {
          var n = Math.round((shards[i].pages + 1) / Math.exp(t.idf) - 0.5);
          terms[k].containing += n;
          terms[k].perShard[i] = n;
        });
      });
      return terms;
    }

    /** Which of the query's terms a word of a shard's result came from: its count of pages in that shard, then its spelling. */
    function termOf(terms, shard, word, containing) {
      var best = -1;
      for (var k = 0; k < terms.length; k++) {
        var prefixed = word.indexOf(terms[k].term) === 0 || terms[k].term.indexOf(word) === 0;
        if (containing !== undefined && terms[k].perShard[shard] !== containing) continue;
        if (prefixed) return k;
        if (best < 0) best = k;
      }
      return Math.max(best, 0);
    }

    /** A result's score as one index of every shard would give it. */
    function globalScore(result, shard, terms, typed) {
      var scores = result.scores || [];
      var meta = result.verbose_meta_scores || [];
      var shardMeta = meta.reduce(function (sum, m) {
        return sum + m.coverage_boost;
      }, 0);
      var plain = scores.reduce(function (sum, s) {
        return sum + s.score;
      }, 0);
      // Pagefind multiplies a word's score by its diacritic bonus, which its details leave out: all, none,
      // or (rarely) some of a page's words have it; then each word's is worked out from its spelling.
      var rest = result.score - shardMeta;
      var all = Math.abs(rest - DIACRITIC_BONUS * plain) <= 1e-3 * Math.max(rest, 1e-9);
      var none = Math.abs(rest - plain) <= 1e-3 * Math.max(rest, 1e-9);
      var documentLength = result.params ? result.params.document_length : 0;
      var score = 0;
      scores.forEach(function (s) {
        var k = termOf(terms, shard, s.search_term, s.params.pages_containing_term);
        var bonus = all ? DIACRITIC_BONUS : none ? 1 : formsMatch(typed[k] || "", s.search_term) ? DIACRITIC_BONUS : 1;
        score += idf(terms[k].containing) * termFrequency(s.params.weighted_term_frequency, s.params.length_bonus, documentLength) * bonus;
      });
      if (meta.length) {
        var queryIdf = terms.reduce(function (sum, t) {
          return sum + idf(t.containing);
        }, 0);
        meta.forEach(function (m) {
          var matched = m.matched_terms.reduce(function (sum, word) {
            return sum + idf(terms[termOf(terms, shard, word)].containing);
          }, 0);
          if (queryIdf > 0) score += m.field_weight * matched * (matched / queryIdf) ** 2;
        });
      }
      return score;
    }

    /** Each filter's values with their counts summed over the shards. */
    function mergeFilters(list) {
      var merged = {};
      list.forEach(function (filters) {
        Object.keys(filters || {}).forEach(function (name) {
          var values = (merged[name] = merged[name] || {});
          Object.keys(filters[name]).forEach(function (value) {
            values[value] = (values[value] || 0) + filters[name][value];
          });
        });
      });
      return merged;
    }

    /** A shard's sort values (its sorts.json), loaded when a sorted search first needs them. */
    function sortTable(i) {
      if (!sortTables[i]) {
        sortTables[i] = fetch(bundle + shards[i].path + "sorts.json").then(function (response) {
          if (!response.ok) throw new Error("Search could not load " + shards[i].path + "sorts.json");
          return response.json();
        });
      }
      return sortTables[i];
    }

    /** The typed words, as Pagefind compares them with a word's form: lower case, split at spaces. */
    function typedTerms(term) {
      return term.toLocaleLowerCase().trim().split(/\s+/);
    }

    /**
     * What a shard's metadata says (CBOR: [version, [[page hash, word count, …], …], [[first word, last
     * word, chunk hash], …], …], pagefind_web's metadata.rs), read once: the words its pages hold in all,
     * and its index chunks.
     */
    var metas = [];
    function metaOf(i) {
      if (metas[i]) return metas[i];
      var bytes = new Uint8Array(instances[i].searchMeta);
      var at = 0;
      var head = function () {
        var info = bytes[at++] & 0x1f;
        if (info < 24) return info;
        var size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 8;
        var value = 0;
        for (var n = 0; n < size; n++) value = value * 256 + bytes[at++];
        return value;
      };
      var skip = function () {
        var major = bytes[at] >> 5;
        var length = head();
        if (major === 2 || major === 3) at += length;
        else if (major === 4) for (var n = 0; n < length; n++) skip();
      };
      var text = function () {
        var length = head();
        var value = new TextDecoder().decode(bytes.subarray(at, at + length));
        at += length;
        return value;
      };
      head();
      skip();
      var words = 0;
      for (var pages = head(), p = 0; p < pages; p++) {
        var fields = head();
        skip();
        words += head();
        for (var f = 2; f < fields; f++) skip();
      }
      var chunks = [];
      for (var count = head(), c = 0; c < count; c++) {
        head();
        chunks.push([text(), text(), text()]);
      }
      return (metas[i] = { words: words, chunks: chunks });
    }

    /**
     * Searches one shard. Pagefind matches a term's longer words (a prefix search) only in the index
     * chunks it loads, which end where the shard's own words do; so the chunks holding any word that
     * starts with a searched term are loaded, and the shard searched again if any was missing, so that
     * every shard matches every longer word it has, as one index of them all would.
     */
    function searchShard(i, term, searchOptions) {
      var instance = instances[i];
      return instance.search(term, searchOptions).then(function (response) {
        var missing = [];
        (response.search_keywords || []).forEach(function (keyword) {
          metaOf(i).chunks.forEach(function (chunk) {
            var holds = chunk[1] >= keyword && chunk[0] <= keyword + "\uffff";
            if (holds && !instance.loaded_chunks[chunk[2]] && missing.indexOf(chunk[2]) < 0) missing.push(chunk[2]);
          });
        });
        if (!missing.length) return response;
        return Promise.all(
          missing.map(function (hash) {
            return instance.loadChunk(hash);
          }),
        ).then(function () {
          return instance.search(term, searchOptions);
        });
      });
    }

    function search(term, searchOptions) {
      searchOptions = searchOptions || {};
      var sort = Object.keys(searchOptions.sort || {})[0];
      return ready
        .then(function () {
          return Promise.all(
            instances.map(function (_instance, i) {
              return searchShard(i, term, searchOptions);
            }),
          );
        })
        .then(function (responses) {
          var tagged = [];
          responses.forEach(function (response, shard) {
            response.results.forEach(function (result) {
              tagged.push({ shard: shard, result: result });
            });
          });
          var filters = mergeFilters(
            responses.map(function (r) {
              return r.filters;
            }),
          );
          var totalFilters = mergeFilters(
            responses.map(function (r) {
              return r.totalFilters;
            }),
          );
          var answer = function (list) {
            return {
              results: list.map(function (t) {
                return t.result;
              }),
              filters: filters,
              totalFilters: totalFilters,
            };
          };
          if (sort) return sorted(tagged, sort, searchOptions.sort[sort]).then(answer);
          var terms = queryTerms(responses);
          // A quoted search ("…") is answered without ranking details: its scores are the shards' own.
          if (terms) {
            var typed = typedTerms(term || "");
            tagged.forEach(function (t) {
              t.score = globalScore(t.result, t.shard, terms, typed);
            });
          } else
            tagged.forEach(function (t) {
              t.score = t.result.score;
            });
          tagged.sort(function (a, b) {
            return b.score - a.score || a.shard - b.shard;
          });
          return answer(tagged);
        });
    }

    /**
     * Results sorted by a sort's values across shards. A shard's result's score is its place in the shard's
     * order of that sort (negated for ascending: search.rs), whose value the shard's sort table has.
     */
    function sorted(tagged, sort, direction) {
      var shardsUsed = [];
      tagged.forEach(function (t) {
        if (shardsUsed.indexOf(t.shard) < 0) shardsUsed.push(t.shard);
      });
      return Promise.all(shardsUsed.map(sortTable)).then(function (tables) {
        tagged.forEach(function (t) {
          var values = tables[shardsUsed.indexOf(t.shard)][sort] || [];
          t.place = Math.abs(t.result.score);
          t.value = values[t.place];
        });
        var sign = direction === "desc" ? -1 : 1;
        tagged.sort(function (a, b) {
          var order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
          return sign * order || sign * (a.place - b.place) || a.shard - b.shard;
        });
        return tagged;
      });
    }

    return {
      search: search,
      preload: function (term) {
        return ready.then(function () {
          return Promise.all(
            instances.map(function (instance) {
              return instance.preload(term);
            }),
          );
        });
      },
      /** Every filter value, with its count over all essays. */
      filters: function () {
        return ready.then(function () {
          return Promise.all(
            instances.map(function (instance) {
              return instance.filters();
            }),
          ).then(mergeFilters);
        });
      },
    };
  }
  scope.shardedSearch = shardedSearch;
})(typeof self !== "undefined" ? self : globalThis);
