"""Load the payload and rank, Python side.

The twin of ``KBSearch.Index`` in ``kbgen/assets/search/kbsearch.js``: same
decoding, same BM25 weights (lunr's formula), same candidates for prefixes and
typos, same arithmetic in the same order, so the CLI and the browser return the
same results with the same scores (``rank_docs`` ranks every document like the
worker's ``rankDocs``; tests compare both).

What differs is only how much is computed: the worker decodes everything once
per visit and scores every document a query word touches; here (``kbgen
search``, the KB7xx search tests) posting lists are decoded and weighed per term
on first use, each query word's contributions are kept for the next query, and
``top``/``search`` score only the documents that can still reach the first
results. Same numbers, tested against ``rank_docs``.
"""
from __future__ import annotations

import heapq
import json
import math
from bisect import bisect_left
from collections import Counter
from itertools import accumulate
from dataclasses import dataclass

from .build import CODE_KINDS, FORMAT, INDEX_PATH, shard_path
from .textproc import fold, stem

import re

_WORD = re.compile("[a-z0-9ñ]+")
_OPEN_END = re.compile("[a-z0-9ñ]$")
_TF_SPLIT = re.compile("([A-Z])")
_NAN = float("nan")
_B36 = {c: i for i, c in enumerate("0123456789abcdefghijklmnopqrstuvwxyz")}
_CONTRIB_CACHE = 4096  # query words whose contributions are kept (kbgen search, the search tests)


@dataclass(frozen=True)
class SearchResult:
    id: str
    title: str
    url: str
    score: float
    kind: str = ""
    section: str = ""


def _round(x: float, scale: float) -> float:
    return math.floor(x * scale + 0.5) / scale


def osa(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance (adjacent transposition = 1),
    or ``limit + 1`` when larger than ``limit``."""
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    prev2 = None
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        row_min = cur[0]
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            if v < row_min:
                row_min = v
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[lb] if prev[lb] <= limit else limit + 1


class _GapValues(dict):
    """Base-36 document gap -> gap + 1 (the step to the next document), memoised."""

    def __missing__(self, code: str) -> int:
        v = self[code] = int(code, 36) + 1
        return v


class _Postings:
    """``post[tid]`` -> per field ``(docs, weights)``, decoded and weighted on first use.

    A query touches a few dozen terms out of thousands, so decoding every posting list and
    computing every BM25 weight at load (what the browser worker does once per visit) would
    cost the CLI and the search tests more than all their queries."""

    def __init__(self, index: "SearchIndex"):
        self._index = index
        self._cache: dict[int, list[tuple[list[int], list[float]]]] = {}

    def __len__(self) -> int:
        return len(self._index.terms)

    def __getitem__(self, tid: int) -> list[tuple[list[int], list[float]]]:
        v = self._cache.get(tid)
        if v is None:
            if not 0 <= tid < len(self):
                raise IndexError(tid)
            v = self._cache[tid] = self._index._field_weights(tid)
        return v

    def __iter__(self):
        return (self[t] for t in range(len(self)))


class _DocRows:
    """``docs[d]`` -> (id, url, title, text, section), one display shard decoded at a time."""

    def __init__(self, payload, base: str, count: int, size: int, n: int):
        self._payload, self._base, self._count, self._size, self._n = payload, base, count, size, n
        self._shards: dict[int, list] = {}

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, d: int) -> tuple[str, str, str, str, str]:
        if not 0 <= d < self._n:
            raise IndexError(d)
        k, i = divmod(d, self._size)
        rows = self._shards.get(k)
        if rows is None:
            rows = self._shards[k] = json.loads(self._payload[shard_path(self._base, k)].decode("utf-8"))
        return tuple(rows[i])

    def __iter__(self):
        return (self[d] for d in range(self._n))


class SearchIndex:
    """The decoded payload: the same data the browser worker gets.

    Posting lists, their weights and the display shards are decoded when a query first needs
    them (``_Postings``, ``_DocRows``); the numbers are the worker's."""

    def __init__(self, payload: dict[str, bytes]):
        root = json.loads(payload[INDEX_PATH].decode("utf-8"))
        kb = root["config"]["kbgen"]
        if kb.get("format") != FORMAT:
            raise ValueError(f"unknown search index format {kb.get('format')!r}")
        self.n: int = kb["n"]
        self.fields: list[str] = kb["fields"]
        self.boost: list[float] = kb["boost"]
        self.k1: float = kb["k1"]
        self.b: float = kb["b"]
        self.kinds: str = kb["kinds"]
        self.rank: dict = kb["rank"]
        self.stop = frozenset(kb["stop"])
        # terms
        terms, prev = [], ""
        for part in kb["terms"].split(",") if kb["terms"] else []:
            k = _B36[part[0]]
            prev = prev[:k] + part[1:]
            terms.append(prev)
        self.terms = terms
        self.term_id = {t: i for i, t in enumerate(terms)}
        # postings: per field, per term, decoded on use
        nf = len(self.fields)
        self._flen = flen = kb["flen"]
        self._avg = [(sum(flen[f]) / self.n) if self.n else 0.0 for f in range(nf)]
        idf_skip = set(self.rank.get("idf_skip", []))
        self._idf_fields = [f for f in range(nf) if self.fields[f] not in idf_skip]
        self._norms: dict[int, list[float]] = {}
        self._lists = [kb["post"][f].split(" ") if kb["post"][f] else [] for f in range(nf)]  # field -> term -> code
        self._gap1 = _GapValues()
        self.post = _Postings(self)
        # vocabulary: folded surface word -> term ids
        words: dict[str, list[int]] = {}
        for i, t in enumerate(terms):
            words.setdefault(t, []).append(i)
        vparts = kb["vocab"].split(",") if kb["vocab"] else []
        for i, part in enumerate(vparts):
            if not part:
                continue
            t = terms[i]
            for w in part.split("."):
                word = t[: _B36[w[0]]] + w[1:]
                lst = words.setdefault(word, [])
                if i not in lst:
                    lst.append(i)
        self.words = words
        self.word_list = sorted(words)
        self._token_set = None
        self._trie_root: dict | None = None
        self._boosts: dict[str, float] | None = None
        self._mixed: dict[int, tuple[list[int], list[float]]] = {}
        self._contrib: dict[tuple[str, str, bool], tuple[dict[int, float], list[int], float]] = {}
        # display data
        self.docs = _DocRows(payload, kb["shard_base"], kb["shard_count"], kb["shard"], self.n)

    # -- helpers ----------------------------------------------------------

    def _decode(self, f: int, tid: int) -> tuple[list[int], list[int]]:
        """(docs, term frequencies) of term ``tid`` in field ``f`` ("<doc gap b36><tf letter>"...)."""
        lists = self._lists[f]
        code = lists[tid] if tid < len(lists) else ""
        if not code:
            return [], []
        parts = _TF_SPLIT.split(code)  # gap, letter, gap, letter, ..., ""
        docs = list(accumulate(map(self._gap1.__getitem__, parts[0:-1:2]), initial=-1))
        del docs[0]
        return docs, [ord(c) - 64 for c in parts[1::2]]

    def _field_weights(self, tid: int) -> list[tuple[list[int], list[float]]]:
        """Per field: (docs, BM25 weights) of one term (lunr's formula, rounded like the worker)."""
        decoded = [self._decode(f, tid) for f in range(len(self.fields))]
        dwt = len(set().union(*(decoded[f][0] for f in self._idf_fields)))
        x = (self.n - dwt + 0.5) / (dwt + 0.5)
        idf = math.log(1 + abs(x))
        c1 = self.k1 + 1
        floor = math.floor
        per_field = []
        for f, (docs, tfs) in enumerate(decoded):
            if not docs:
                per_field.append(([], []))
                continue
            boost, norm = self.boost[f], self._norm(f)
            # score = idf * ((k1 + 1) * tf) / norm; score * boost; rounded to 1/1000: the worker's order
            ws = [floor(idf * (c1 * tf) / (norm[d] + tf) * boost * 1000 + 0.5) / 1000 for d, tf in zip(docs, tfs)]
            per_field.append((docs, ws))
        return per_field

    def _norm(self, f: int) -> list[float]:
        """Per document: lunr's length normalisation ``k1 * (1 - b + b * len / avg)`` of field ``f``,
        the same expression as the worker's, computed once per field."""
        v = self._norms.get(f)
        if v is None:
            k1, b, avg = self.k1, self.b, self._avg[f]
            v = self._norms[f] = [k1 * (1 - b + b * (ln / avg)) for ln in self._flen[f]]
        return v

    @property
    def token_set(self):
        """lunr's TokenSet of the vocabulary (what the worker intersects for typos)."""
        if self._token_set is None:
            from lunr.token_set import TokenSet
            self._token_set = TokenSet.from_list(self.word_list)
        return self._token_set

    def _trie(self) -> dict:
        """The vocabulary as nested dicts, char -> child; key "" holds the word ending there."""
        if self._trie_root is None:
            root: dict = {}
            for w in self.word_list:
                node = root
                for ch in w:
                    nxt = node.get(ch)
                    if nxt is None:
                        nxt = node[ch] = {}
                    node = nxt
                node[""] = w
            self._trie_root = root
        return self._trie_root

    def df(self, tid: int) -> int:
        """Distinct documents containing the term in any field."""
        return len(self.mixed(tid)[0])

    def prefix_words(self, prefix: str, limit: int) -> list[str]:
        i = bisect_left(self.word_list, prefix)
        out = []
        while i < len(self.word_list) and self.word_list[i].startswith(prefix) and len(out) < limit:
            out.append(self.word_list[i])
            i += 1
        return out

    def fuzzy_words(self, word: str, dist: int) -> list[str]:
        """Vocabulary words within optimal-string-alignment distance ``dist`` of ``word``, sorted.

        The worker intersects lunr's fuzzy TokenSet with the vocabulary and keeps the words
        ``osa`` accepts; lunr's automaton (insert, delete, substitute, swap, each 1) accepts every
        word within that distance, so the result is this set. Found here by walking the
        vocabulary's trie with one OSA row per node, leaving a branch once its row exceeds
        ``dist`` (no longer prefix can come back under it, transpositions included)."""
        n = len(word)
        out = []
        stack = [(self._trie(), list(range(n + 1)), None, "")]  # node, its row, parent's row, its last char
        while stack:
            node, prev, prev2, pc = stack.pop()
            for c, child in node.items():
                if not c:
                    continue
                cur = [prev[0] + 1]
                row_min = cur[0]
                for j in range(1, n + 1):
                    qj = word[j - 1]
                    v = prev[j - 1] + (qj != c)
                    if prev[j] + 1 < v:
                        v = prev[j] + 1
                    if cur[j - 1] + 1 < v:
                        v = cur[j - 1] + 1
                    if pc and j > 1 and c == word[j - 2] and pc == qj and prev2[j - 2] + 1 < v:
                        v = prev2[j - 2] + 1
                    cur.append(v)
                    if v < row_min:
                        row_min = v
                if row_min <= dist:
                    if cur[n] <= dist and "" in child:
                        out.append(child[""])
                    stack.append((child, cur, prev, c))
        return sorted(out)

    def _lunr_fuzzy_words(self, word: str, dist: int) -> list[str]:
        """The worker's way (lunr TokenSet intersection), kept as the reference for the tests."""
        from lunr.token_set import TokenSet
        found = self.token_set.intersect(TokenSet.from_fuzzy_string(word, dist)).to_list()
        return sorted(set(found))

    # -- query analysis ---------------------------------------------------

    def analyze_query(self, query: str) -> list[tuple[str, str, bool]]:
        folded = fold(query)
        raw = _WORD.findall(folded)
        open_end = bool(_OPEN_END.search(folded))
        out: list[tuple[str, str, bool]] = []
        seen = set()
        for i, t in enumerate(raw):
            if t in self.stop:
                continue
            s = stem(t)
            if s in seen:
                continue
            seen.add(s)
            out.append((t, s, open_end and i == len(raw) - 1))
        return out

    def variants(self, surface: str, term: str, last: bool) -> tuple[dict[int, float], set[int]]:
        """Index terms a query word stands for: term id -> multiplier; and the exact ones."""
        r = self.rank
        v: dict[int, float] = {}
        exact: set[int] = set()
        tid = self.term_id.get(term)
        if tid is not None:
            v[tid] = 1.0
            exact.add(tid)
        if last and len(surface) >= r["prefix_min"]:
            for w in self.prefix_words(surface, r["prefix_max"]):
                for t in self.words[w]:
                    if t not in v or v[t] < r["prefix_mult"]:
                        v[t] = r["prefix_mult"]
        if len(surface) >= r["fuzzy_min"] and (tid is None or self.df(tid) < r["fuzzy_few"]):
            cands: dict[str, int] = {}
            for q in ([surface, term] if term != surface else [surface]):
                if len(q) < r["fuzzy_min"]:
                    continue
                d = 2 if len(q) >= r["fuzzy2_min"] else 1
                for w in self.fuzzy_words(q, d):
                    e = osa(q, w, d)
                    if e <= d and (w not in cands or e < cands[w]):
                        cands[w] = e
            ranked = sorted(cands.items(), key=lambda kv: (kv[1], kv[0]))[: r["fuzzy_max"]]
            for w, e in ranked:
                m = r["fuzzy1_mult"] if e <= 1 else r["fuzzy2_mult"]
                for t in self.words[w]:
                    if t not in v or v[t] < m:
                        v[t] = m
        return v, exact

    # -- ranking ----------------------------------------------------------

    def mixed(self, tid: int) -> tuple[list[int], list[float]]:
        """A term's weight in each document containing it: best field + field_mix x the others.

        (docs ascending, weights), computed once per term; the same sums in the same order as
        the worker's per-query loop, so the same bits. A document whose weights all round to 0
        (a word in every document) gets NaN, as in the worker: it matches but adds nothing."""
        v = self._mixed.get(tid)
        if v is None:
            fields = [fw for fw in (self.post._cache.get(tid) or self._field_weights(tid)) if fw[0]]
            if len(fields) == 1:  # one field: best = the weight, others = 0
                docs, ws = fields[0]
                v = (docs, [w if w > 0.0 else _NAN for w in ws])
            else:
                mix = self.rank["field_mix"]
                tw: dict[int, float] = {}  # sum over fields
                tm: dict[int, float] = {}  # best field
                for docs, ws in fields:
                    for d, w in zip(docs, ws):
                        tw[d] = tw.get(d, 0.0) + w
                        if w > tm.get(d, 0.0):
                            tm[d] = w
                ds = sorted(tw)
                v = (ds, [tm[d] + mix * (tw[d] - tm[d]) if d in tm else _NAN for d in ds])
            self._mixed[tid] = v
        return v

    def contributions(self, surface: str, term: str, last: bool) -> dict[int, float]:
        """doc -> what one query word adds to the doc's score (> 0 only), cached per word.

        Exact terms first: their smallest contribution caps the approximate ones (prefix
        completions, typo corrections), so exact and stemmed matches rank above them."""
        return self._word(surface, term, last)[0]

    def _word(self, surface: str, term: str, last: bool) -> tuple[dict[int, float], list[int], float]:
        """(contributions, variant term ids, largest contribution) of one query word, cached."""
        key = (surface, term, last)
        hit = self._contrib.get(key)
        if hit is not None:
            return hit
        v, exact = self.variants(surface, term, last)
        best = {}
        floor_ = -1.0
        for phase in (0, 1):
            for tid in sorted(v):
                if (tid in exact) != (phase == 0):
                    continue
                m = v[tid]
                docs, xs = self.mixed(tid)
                get = best.get
                if phase == 0:
                    if not best:  # the one exact term: its positive weights (NaN > 0 is false)
                        best = {d: x for d, x in zip(docs, xs) if x > 0.0}
                        continue
                    for d, x in zip(docs, xs):
                        if x > get(d, 0.0):
                            best[d] = x
                else:
                    cap = m * floor_
                    for d, x in zip(docs, xs):
                        val = m * x
                        if floor_ >= 0 and val > cap:
                            val = cap
                        if val > get(d, 0.0):
                            best[d] = val
            if phase == 0 and best:
                floor_ = min(best.values())
        if len(self._contrib) >= _CONTRIB_CACHE:
            self._contrib.clear()
        hit = self._contrib[key] = (best, sorted(v), max(best.values(), default=0.0))
        return hit

    def _scores(self, toks: list[tuple[str, str, bool]]) -> list[tuple[int, float]]:
        """(doc, score) of every document some query word contributes to, in doc order."""
        n = len(toks)
        s: dict[int, float] = {}
        c: dict[int, int] = {}
        for surface, term, last in toks:
            for d, x in self.contributions(surface, term, last).items():
                s[d] = s.get(d, 0.0) + x  # word order, like the worker: the same sum
                c[d] = c.get(d, 0) + 1
        kb = self.rank["kind_boost"]
        boost = {code: kb.get(kind, 1.0) for code, kind in CODE_KINDS.items()}
        kinds = self.kinds
        out = []
        for d in sorted(s):
            cov = c[d] / n
            score = s[d] * cov * cov * boost.get(kinds[d], kb.get("other", 1.0))
            out.append((d, _round(score, 10000)))
        return out

    def rank_docs(self, query: str) -> list[tuple[int, float, list[bool], set[int]]]:
        """[(doc, score, matched per query word, matched term ids)] best first."""
        toks = self.analyze_query(query)
        n = len(toks)
        if n == 0:
            return []
        contrib = [self.contributions(*t) for t in toks]
        matched: dict[int, set[int]] = {}  # doc -> ids of the query's terms it contains (highlighting)
        for t in toks:
            for tid in self._word(*t)[1]:
                for d in self.mixed(tid)[0]:
                    matched.setdefault(d, set()).add(tid)
        scored = [(d, score, [d in contrib[i] for i in range(n)], matched[d]) for d, score in self._scores(toks)]
        scored.sort(key=lambda r: (-r[1], r[0]))
        return scored

    def top(self, query: str, limit: int) -> list[tuple[int, float]]:
        """The first ``limit`` (doc, score) of ``rank_docs(query)``, without its per-document extras.

        Exact, but without scoring every document a query word touches: a document matching
        ``c`` of the ``n`` query words scores at most ``U(c)`` = (the ``c`` largest word
        contributions) x (c/n)^2 x the largest kind boost, so documents are scored in order of
        how many query words they match, and the rest are dropped once ``U(c)`` is below the
        ``limit``-th score (common words reach thousands of documents that match nothing else)."""
        toks = self.analyze_query(query)
        n = len(toks)
        if n == 0 or limit <= 0:
            return []
        kbmin, kbmax = self._kind_boost_range()
        if kbmin <= 0:  # the bound needs positive boosts; score everything
            return heapq.nsmallest(limit, self._scores(toks), key=lambda r: (-r[1], r[0]))
        words = [self._word(*t) for t in toks]
        contrib = [w[0] for w in words]
        tops = sorted((w[2] for w in words), reverse=True)
        bound = [0.0]
        for c in range(1, n + 1):
            bound.append(bound[-1] + tops[c - 1])
        # U(c) with room for float error and the rounding to 1/10000 of the scores compared with it
        bound = [x * (c / n) * (c / n) * kbmax * (1 + 1e-9) + 1e-4 for c, x in enumerate(bound)]
        counts = Counter()
        for b in contrib:
            counts.update(b.keys())
        boost = self._kind_boosts()
        kinds = self.kinds
        heap: list[tuple[float, int]] = []  # the best ``limit`` so far as (score, -doc): worst on top
        c_prev = 0
        for d, c in counts.most_common():  # most query words matched first
            if c != c_prev:
                if len(heap) == limit and bound[c] < heap[0][0]:
                    break
                c_prev, cov = c, c / n
            s = 0.0
            for b in contrib:  # word order, like the worker: the same sum
                x = b.get(d)
                if x:
                    s += x
            item = (_round(s * cov * cov * boost[kinds[d]], 10000), -d)
            if len(heap) < limit:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)
        return [(-nd, score) for score, nd in sorted(heap, reverse=True)]

    def _kind_boosts(self) -> dict[str, float]:
        """Kind code (as in ``kinds``) -> score multiplier."""
        if self._boosts is None:
            kb = self.rank["kind_boost"]
            self._boosts = {code: kb.get(CODE_KINDS.get(code, "other"), 1.0) for code in set(self.kinds)}
        return self._boosts

    def _kind_boost_range(self) -> tuple[float, float]:
        vals = list(self._kind_boosts().values()) or [1.0]
        return min(vals), max(vals)

    def search(self, query: str, limit: int = 10) -> list[SearchResult]:
        out = []
        for d, score in self.top(query, limit):
            id_, url, title, _text, section = self.docs[d]
            out.append(SearchResult(id_, title, url, score, CODE_KINDS.get(self.kinds[d], "other"), section))
        return out


def load_index(payload: dict[str, bytes]) -> SearchIndex:
    return SearchIndex(payload)


def load_index_from_dir(site_dir) -> SearchIndex:
    """Read ``search/search_index.json`` and its shards from a built site."""
    from pathlib import Path

    root = Path(site_dir)
    main = (root / INDEX_PATH).read_bytes()
    payload = {INDEX_PATH: main}
    kb = json.loads(main)["config"]["kbgen"]
    for k in range(kb["shard_count"]):
        p = shard_path(kb["shard_base"], k)
        payload[p] = (root / p).read_bytes()
    return SearchIndex(payload)


def search(index: SearchIndex, query: str, limit: int = 10) -> list[SearchResult]:
    return index.search(query, limit)


@dataclass(frozen=True)
class SearchMiss:
    """A search test whose expected answer is not in the top ``top`` (for KB7xx)."""

    query: str
    expect: str
    rank: int | None  # 1-based rank of the expected answer among the first 20, None if absent
    got: tuple[SearchResult, ...]  # the first results

    def message(self, lang: str = "es") -> str:
        """What went wrong, in ``lang`` (the site's language: es or en)."""
        from ..messages import msg
        first = self.got[0] if self.got else None
        where = msg("search.rank", lang, rank=self.rank) if self.rank else msg("search.absent", lang)
        came = msg("search.first", lang, title=first.title, id=first.id) if first else msg("search.nothing", lang)
        return msg("search.miss", lang, query=self.query, expect=self.expect, where=where, came=came)


def run_search_tests(index: SearchIndex, tests, top: int = 3) -> list[SearchMiss]:
    """``tests``: (query, expected id) pairs, or objects with ``.query``/``.expect``."""
    misses = []
    for t in tests:
        query, expect = (t.query, t.expect) if hasattr(t, "query") else t
        res = index.search(query, 20)
        ids = [r.id for r in res]
        if expect not in ids[:top]:
            rank = ids.index(expect) + 1 if expect in ids else None
            misses.append(SearchMiss(query, expect, rank, tuple(res[:top])))
    return misses
