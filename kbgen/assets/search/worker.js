/*
 * kbgen search worker for Material for MkDocs.
 *
 * Speaks Material's search worker protocol (SETUP=0, READY=1, QUERY=2,
 * RESULT=3; see Material's src/templates/assets/javascripts/integrations/
 * search/worker/message): Material's front end fetches
 * search/search_index.json, sends {config, docs, options} in SETUP, then one
 * QUERY per keystroke. We rank with kbgen's prebuilt index (config.kbgen),
 * fetch the display shards of the results we show (site files only) and
 * answer with Material's result shape: {items: SearchItem[][], suggest}.
 */
/* global importScripts, KBSearch */
importScripts("lunr.min.js", "snowball-es.js", "kbsearch.js");

(function () {
  "use strict";

  var MAX_RESULTS = 20;
  var SNIPPET = 220;

  var index = null;
  var suggestOn = false;
  var shardCache = new Map();
  var latest = 0;
  var chain = Promise.resolve();

  function siteRoot() {
    var href = self.location.href;
    var m = href.match(/^(.*\/)assets\/kbgen\/search\/worker\.js(?:[?#].*)?$/);
    return m ? m[1] : new URL("../../../", href).href;
  }
  var ROOT = siteRoot();

  function loadShard(k) {
    var p = shardCache.get(k);
    if (!p) {
      p = fetch(new URL(index.shardPath(k), ROOT).href, { credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .catch(function (e) {
          shardCache.delete(k);
          throw e;
        });
      shardCache.set(k, p);
    }
    return p;
  }

  function pageOf(url) {
    var i = url.indexOf("#");
    return i < 0 ? url : url.slice(0, i);
  }

  function run(query) {
    if (!index) return Promise.resolve({ items: [] });
    var res = index.rankDocs(query);
    var top = res.ranked.slice(0, MAX_RESULTS);
    var need = [];
    top.forEach(function (r) {
      var k = index.shardOf(r.doc);
      if (need.indexOf(k) < 0) need.push(k);
    });
    return Promise.all(need.map(loadShard)).then(function (shards) {
      var byShard = new Map();
      need.forEach(function (k, i) { byShard.set(k, shards[i]); });
      var items = top.map(function (r) {
        var row = byShard.get(index.shardOf(r.doc))[r.doc % index.shardSize];
        var url = row[1], title = row[2], text = row[3], section = row[4];
        var termSet = new Set();
        r.terms.forEach(function (tid) { termSet.add(index.terms[tid]); });
        var terms = {};
        res.toks.forEach(function (t, i) { terms[t[0]] = r.hits[i]; });
        var item = {
          location: url,
          title: KBSearch.highlight(title, termSet, index.stop, 0),
          text: KBSearch.highlight(text, termSet, index.stop, SNIPPET),
          score: r.score,
          terms: terms
        };
        if (url.indexOf("#") < 0) return [item];
        /* A parent article (no "#") makes Material render the question as a
         * section with its snippet under the category / policy title. */
        return [item, {
          location: pageOf(url),
          title: KBSearch.escapeHTML(section || title),
          text: "",
          score: 0,
          terms: terms
        }];
      });
      var out = { items: items };
      if (suggestOn) out.suggest = suggestion(query, res, top);
      return out;
    });
  }

  /* Completion of the word being typed, from the best result's words. */
  function suggestion(query, res, top) {
    var toks = res.toks;
    if (!top.length || !toks.length || !toks[toks.length - 1][2]) return [];
    var rawLast = query.split(/[\s-]+/).pop();
    var folded = KBSearch.fold(rawLast);
    if (!folded || folded !== toks[toks.length - 1][0]) return [];
    var words = index.prefixWords(folded, index.rank.prefix_max);
    var best = null;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (w === folded) continue;
      var tids = index.words.get(w);
      for (var j = 0; j < tids.length; j++) {
        if (top[0].terms.has(tids[j]) && (best === null || w.length < best.length)) best = w;
      }
    }
    return best ? [rawLast + best.slice(folded.length)] : [];
  }

  self.addEventListener("message", function (ev) {
    var msg = ev.data;
    switch (msg.type) {
      case 0: /* SETUP */
        try {
          index = new KBSearch.Index(msg.data.config.kbgen);
          suggestOn = !!(msg.data.options && msg.data.options.suggest);
        } catch (e) {
          console.warn("kbgen search: cannot load index", e);
          index = null;
        }
        self.postMessage({ type: 1 });
        break;
      case 2: /* QUERY */
        var id = ++latest;
        var query = String(msg.data || "");
        chain = chain.then(function () {
          if (id !== latest) return null;
          return run(query).then(function (data) {
            if (id === latest) self.postMessage({ type: 3, data: data });
          });
        }).catch(function (e) {
          console.warn("kbgen search:", e);
          if (id === latest) self.postMessage({ type: 3, data: { items: [] } });
        });
        break;
      default:
        break;
    }
  });
})();
