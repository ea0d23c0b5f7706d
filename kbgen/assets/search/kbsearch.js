/*
 * kbgen search, browser side: the Spanish pipeline, the index decoder and the
 * ranker. Twin of kbgen/search/textproc.py + kbgen/search/engine.py: same
 * steps, same arithmetic in the same order, so the browser and
 * `kbgen search` agree. Needs lunr.js (TokenSet) and snowball-es.js.
 * Part of kbgen; see kbgen/assets/search/README.md for origins and licences.
 */
(function (root) {
  "use strict";

  var lunr = root.lunr;
  var B36 = "0123456789abcdefghijklmnopqrstuvwxyz";
  var B36V = {};
  for (var bi = 0; bi < B36.length; bi++) B36V[B36[bi]] = bi;
  var CODE_KINDS = { f: "faq", p: "policy", s: "store", c: "contact" };

  /* ---------------------------------------------------------------------
   * Pipeline: lowercase -> fold (keeps ñ) -> words -> stop words -> stem
   * ------------------------------------------------------------------- */

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/n\u0303/g, "ñ").replace(/[\u0300-\u036f]/g, "");
  }

  function tokenize(s) {
    return fold(s).match(/[a-z0-9ñ]+/g) || [];
  }

  var stemmer = new root.SnowballSpanishStemmer();
  var stemCache = new Map();

  function stem(token) {
    var c = stemCache.get(token);
    if (c !== undefined) return c;
    var s;
    if (/^[0-9]+$/.test(token)) {
      s = token;
    } else {
      s = stemmer.stemWord(token);
      if (token.length >= 4 && token[token.length - 1] === "s") {
        if (s === token) s = stem(token.slice(0, -1));
        else if (token[token.length - 2] === "e" && s === token.slice(0, -2)) s = stem(token.slice(0, -2));
      }
    }
    if (stemCache.size > 50000) stemCache.clear();
    stemCache.set(token, s);
    return s;
  }

  function analyze(text, stop) {
    var out = [];
    var toks = tokenize(text);
    for (var i = 0; i < toks.length; i++) if (!stop.has(toks[i])) out.push(stem(toks[i]));
    return out;
  }

  function roundTo(x, scale) {
    return Math.floor(x * scale + 0.5) / scale;
  }

  /* Optimal-string-alignment distance, or limit + 1 when larger. */
  function osa(a, b, limit) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > limit) return limit + 1;
    var prev2 = null, prev = [], i, j;
    for (j = 0; j <= lb; j++) prev.push(j);
    for (i = 1; i <= la; i++) {
      var cur = [i];
      var rowMin = i;
      for (j = 1; j <= lb; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > limit) return limit + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[lb] <= limit ? prev[lb] : limit + 1;
  }

  function cmpStr(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function cmpNum(a, b) { return a - b; }

  /* ---------------------------------------------------------------------
   * Index: decodes config.kbgen of search/search_index.json
   * ------------------------------------------------------------------- */

  function Index(kb) {
    if (kb.format !== "kbgen-search/1") throw new Error("unknown search index format " + kb.format);
    var i, f, t;
    this.n = kb.n;
    this.fields = kb.fields;
    this.boost = kb.boost;
    this.k1 = kb.k1;
    this.b = kb.b;
    this.kinds = kb.kinds;
    this.rank = kb.rank;
    this.stop = new Set(kb.stop);
    this.shardSize = kb.shard;
    this.shardBase = kb.shard_base;
    this.shardCount = kb.shard_count;
    // terms
    var terms = [], prev = "";
    var parts = kb.terms ? kb.terms.split(",") : [];
    for (i = 0; i < parts.length; i++) {
      prev = prev.slice(0, B36V[parts[i][0]]) + parts[i].slice(1);
      terms.push(prev);
    }
    this.terms = terms;
    this.termId = new Map();
    for (i = 0; i < terms.length; i++) this.termId.set(terms[i], i);
    // postings
    var nf = this.fields.length, n = this.n, flen = kb.flen;
    var avg = [];
    for (f = 0; f < nf; f++) {
      var sum = 0;
      for (i = 0; i < n; i++) sum += flen[f][i];
      avg.push(n ? sum / n : 0);
    }
    var raw = [];  // field -> term -> [doc, tf, doc, tf, ...]
    for (f = 0; f < nf; f++) {
      var lists = kb.post[f] ? kb.post[f].split(" ") : [];
      var perTerm = [];
      for (t = 0; t < lists.length; t++) {
        var s = lists[t], plist = [], num = 0, last = -1;
        for (var k = 0; k < s.length; k++) {
          var ch = s.charCodeAt(k);
          if (ch >= 65 && ch <= 90) {
            var d = last + 1 + num;
            plist.push(d, ch - 64);
            last = d;
            num = 0;
          } else {
            num = num * 36 + B36V[s[k]];
          }
        }
        perTerm.push(plist);
      }
      while (perTerm.length < terms.length) perTerm.push([]);
      raw.push(perTerm);
    }
    var k1 = this.k1, b = this.b;
    var idfSkip = new Set(this.rank.idf_skip || []);
    this.post = [];  // term -> field -> {docs, ws}
    var seen = new Set();
    for (t = 0; t < terms.length; t++) {
      seen.clear();
      for (f = 0; f < nf; f++) {
        if (idfSkip.has(this.fields[f])) continue;
        var pl = raw[f][t];
        for (i = 0; i < pl.length; i += 2) seen.add(pl[i]);
      }
      var dwt = seen.size;
      var x = (n - dwt + 0.5) / (dwt + 0.5);
      var idf = Math.log(1 + Math.abs(x));
      var perField = [];
      for (f = 0; f < nf; f++) {
        var p = raw[f][t], boost = this.boost[f];
        var docs = new Int32Array(p.length / 2), ws = new Float64Array(p.length / 2);
        for (i = 0; i < p.length; i += 2) {
          var tf = p[i + 1];
          var score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (flen[f][p[i]] / avg[f])) + tf);
          score = score * boost;
          docs[i / 2] = p[i];
          ws[i / 2] = roundTo(score, 1000);
        }
        perField.push({ docs: docs, ws: ws });
      }
      this.post.push(perField);
    }
    // vocabulary: folded surface word -> term ids
    var words = new Map();
    for (i = 0; i < terms.length; i++) {
      if (!words.has(terms[i])) words.set(terms[i], []);
      words.get(terms[i]).push(i);
    }
    var vparts = kb.vocab ? kb.vocab.split(",") : [];
    for (i = 0; i < vparts.length; i++) {
      if (!vparts[i]) continue;
      var base = terms[i], ws2 = vparts[i].split(".");
      for (var w = 0; w < ws2.length; w++) {
        var word = base.slice(0, B36V[ws2[w][0]]) + ws2[w].slice(1);
        var lst = words.get(word);
        if (!lst) { lst = []; words.set(word, lst); }
        if (lst.indexOf(i) < 0) lst.push(i);
      }
    }
    this.words = words;
    this.wordList = Array.from(words.keys()).sort(cmpStr);
    this.tokenSet = lunr.TokenSet.fromArray(this.wordList);
    this.dfCache = new Map();
  }

  var I = Index.prototype;

  I.df = function (tid) {
    var v = this.dfCache.get(tid);
    if (v === undefined) {
      var s = new Set(), pf = this.post[tid];
      for (var f = 0; f < pf.length; f++) for (var i = 0; i < pf[f].docs.length; i++) s.add(pf[f].docs[i]);
      v = s.size;
      this.dfCache.set(tid, v);
    }
    return v;
  };

  I.prefixWords = function (prefix, limit) {
    var lo = 0, hi = this.wordList.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (this.wordList[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    var out = [];
    for (var i = lo; i < this.wordList.length && out.length < limit; i++) {
      if (this.wordList[i].slice(0, prefix.length) !== prefix) break;
      out.push(this.wordList[i]);
    }
    return out;
  };

  I.fuzzyWords = function (word, dist) {
    var found = this.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(word, dist)).toArray();
    return Array.from(new Set(found)).sort(cmpStr);
  };

  I.analyzeQuery = function (query) {
    var folded = fold(query);
    var raw = folded.match(/[a-z0-9ñ]+/g) || [];
    var openEnd = /[a-z0-9ñ]$/.test(folded);
    var out = [], seen = new Set();
    for (var i = 0; i < raw.length; i++) {
      var t = raw[i];
      if (this.stop.has(t)) continue;
      var s = stem(t);
      if (seen.has(s)) continue;
      seen.add(s);
      out.push([t, s, openEnd && i === raw.length - 1]);
    }
    return out;
  };

  I.variants = function (surface, term, last) {
    var r = this.rank, v = new Map(), exact = new Set(), i, j, w;
    var tid = this.termId.get(term);
    if (tid !== undefined) {
      v.set(tid, 1.0);
      exact.add(tid);
    }
    var set = function (t, m) { if (!v.has(t) || v.get(t) < m) v.set(t, m); };
    if (last && surface.length >= r.prefix_min) {
      var pw = this.prefixWords(surface, r.prefix_max);
      for (i = 0; i < pw.length; i++) {
        var ts = this.words.get(pw[i]);
        for (j = 0; j < ts.length; j++) set(ts[j], r.prefix_mult);
      }
    }
    if (surface.length >= r.fuzzy_min && (tid === undefined || this.df(tid) < r.fuzzy_few)) {
      var cands = new Map();
      var qs = term !== surface ? [surface, term] : [surface];
      for (i = 0; i < qs.length; i++) {
        var q = qs[i];
        if (q.length < r.fuzzy_min) continue;
        var d = q.length >= r.fuzzy2_min ? 2 : 1;
        var fw = this.fuzzyWords(q, d);
        for (j = 0; j < fw.length; j++) {
          w = fw[j];
          var e = osa(q, w, d);
          if (e <= d && (!cands.has(w) || e < cands.get(w))) cands.set(w, e);
        }
      }
      var ranked = Array.from(cands.entries()).sort(function (a, b2) {
        return a[1] - b2[1] || cmpStr(a[0], b2[0]);
      }).slice(0, r.fuzzy_max);
      for (i = 0; i < ranked.length; i++) {
        var m = ranked[i][1] <= 1 ? r.fuzzy1_mult : r.fuzzy2_mult;
        var ts2 = this.words.get(ranked[i][0]);
        for (j = 0; j < ts2.length; j++) set(ts2[j], m);
      }
    }
    return { v: v, exact: exact };
  };

  /* [{doc, score, hits: [bool per query word], terms: Set(term id)}] best first */
  I.rankDocs = function (query) {
    var toks = this.analyzeQuery(query);
    var n = toks.length;
    if (n === 0) return { toks: toks, ranked: [] };
    var mix = this.rank.field_mix;
    var contrib = [], matched = new Map(), i, j, d;
    for (var q = 0; q < n; q++) {
      var vx = this.variants(toks[q][0], toks[q][1], toks[q][2]);
      var tids = Array.from(vx.v.keys()).sort(cmpNum);
      var best = new Map();
      var floor = -1.0;
      for (var phase = 0; phase < 2; phase++) {
        for (i = 0; i < tids.length; i++) {
          var tid = tids[i];
          if (vx.exact.has(tid) !== (phase === 0)) continue;
          var m = vx.v.get(tid);
          var tw = new Map(), tm = new Map(), pf = this.post[tid];
          for (var f = 0; f < pf.length; f++) {
            var docs = pf[f].docs, ws = pf[f].ws;
            for (j = 0; j < docs.length; j++) {
              d = docs[j];
              tw.set(d, (tw.has(d) ? tw.get(d) : 0.0) + ws[j]);
              if (ws[j] > (tm.has(d) ? tm.get(d) : 0.0)) tm.set(d, ws[j]);
            }
          }
          var keys = Array.from(tw.keys()).sort(cmpNum);
          for (j = 0; j < keys.length; j++) {
            d = keys[j];
            var x = tm.get(d) + mix * (tw.get(d) - tm.get(d)), val;
            if (phase === 0) {
              val = x;
            } else {
              val = m * x;
              if (floor >= 0 && val > m * floor) val = m * floor;
            }
            if (val > (best.has(d) ? best.get(d) : 0.0)) best.set(d, val);
            var ms = matched.get(d);
            if (!ms) { ms = new Set(); matched.set(d, ms); }
            ms.add(tid);
          }
        }
        if (phase === 0 && best.size) {
          floor = Infinity;
          best.forEach(function (val2) { if (val2 < floor) floor = val2; });
        }
      }
      contrib.push(best);
    }
    var kb = this.rank.kind_boost, out = [];
    var docsAll = Array.from(matched.keys()).sort(cmpNum);
    for (i = 0; i < docsAll.length; i++) {
      d = docsAll[i];
      var s = 0.0, c = 0, hits = [];
      for (j = 0; j < n; j++) {
        var xx = contrib[j].get(d);
        if (xx) { s += xx; c += 1; }
        hits.push(!!xx);
      }
      if (c === 0) continue;
      var cov = c / n;
      var kind = CODE_KINDS[this.kinds[d]] || "other";
      var kbst = kb[kind] !== undefined ? kb[kind] : 1.0;
      var score = s * cov * cov * kbst;
      out.push({ doc: d, score: roundTo(score, 10000), hits: hits, terms: matched.get(d) });
    }
    out.sort(function (a, b2) { return b2.score - a.score || a.doc - b2.doc; });
    return { toks: toks, ranked: out };
  };

  I.shardOf = function (doc) { return Math.floor(doc / this.shardSize); };

  /* Site-relative path of display shard k (same rule as build.shard_path). */
  I.shardPath = function (k) { return this.shardBase + ("00" + k).slice(-Math.max(3, String(k).length)) + ".json"; };

  /* ---------------------------------------------------------------------
   * Highlighting and snippets (browser only)
   * ------------------------------------------------------------------- */

  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  var WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;

  /* Marks words of `text` whose term is in `termSet`; cuts a window of about
   * `maxLen` characters around the first mark when maxLen > 0. */
  function highlight(text, termSet, stop, maxLen) {
    var spans = [], m;
    WORD_RE.lastIndex = 0;
    while ((m = WORD_RE.exec(text)) !== null) {
      var toks = tokenize(m[0]), hit = false;
      for (var i = 0; i < toks.length; i++) {
        if (!stop.has(toks[i]) && termSet.has(stem(toks[i]))) { hit = true; break; }
      }
      if (hit) spans.push([m.index, m.index + m[0].length]);
    }
    var start = 0, end = text.length;
    if (maxLen > 0 && text.length > maxLen) {
      if (spans.length && spans[0][0] > maxLen / 3) {
        start = spans[0][0] - Math.floor(maxLen / 4);
        var sp = text.indexOf(" ", start);
        start = sp >= 0 && sp < spans[0][0] ? sp + 1 : spans[0][0];
      }
      end = Math.min(text.length, start + maxLen);
      if (end < text.length) {
        var sp2 = text.lastIndexOf(" ", end);
        if (sp2 > start) end = sp2;
      }
    }
    var out = start > 0 ? "… " : "", pos = start;
    for (var k = 0; k < spans.length; k++) {
      var a = spans[k][0], z = spans[k][1];
      if (a < start || z > end) continue;
      out += escapeHTML(text.slice(pos, a)) + "<mark>" + escapeHTML(text.slice(a, z)) + "</mark>";
      pos = z;
    }
    out += escapeHTML(text.slice(pos, end));
    if (end < text.length && !/…\s*$/.test(out)) out += " …";
    return out;
  }

  root.KBSearch = {
    fold: fold,
    tokenize: tokenize,
    stem: stem,
    analyze: analyze,
    osa: osa,
    Index: Index,
    highlight: highlight,
    escapeHTML: escapeHTML,
    CODE_KINDS: CODE_KINDS
  };
})(typeof globalThis !== "undefined" ? globalThis : self);
