"""Load the payload and rank, Python side.

This is a line-for-line twin of ``KBSearch.Index`` in
``kbgen/assets/search/kbsearch.js``: same decoding, same BM25 weights (lunr's
formula), same candidate expansion (lunr TokenSet for prefixes and typos),
same arithmetic in the same order, so the CLI and the browser return the
same results with the same scores.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import dataclass

from lunr.token_set import TokenSet

from .build import CODE_KINDS, FORMAT, INDEX_PATH, shard_path
from .textproc import fold, stem

import re

_WORD = re.compile("[a-z0-9ñ]+")
_OPEN_END = re.compile("[a-z0-9ñ]$")
_B36 = {c: i for i, c in enumerate("0123456789abcdefghijklmnopqrstuvwxyz")}


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


class SearchIndex:
    """The decoded payload: the same data the browser worker gets."""

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
        # postings: per field, per term: (docs, weights)
        nf = len(self.fields)
        flen = kb["flen"]
        avg = [(sum(flen[f]) / self.n) if self.n else 0.0 for f in range(nf)]
        raw: list[list[list[tuple[int, int]]]] = []  # field -> term -> [(doc, tf)]
        for f in range(nf):
            lists = kb["post"][f].split(" ") if kb["post"][f] else []
            per_term = []
            for s in lists:
                plist, num, last = [], 0, -1
                for ch in s:
                    if "A" <= ch <= "Z":
                        d = last + 1 + num
                        plist.append((d, ord(ch) - 64))
                        last, num = d, 0
                    else:
                        num = num * 36 + _B36[ch]
                per_term.append(plist)
            per_term.extend([] for _ in range(len(terms) - len(per_term)))
            raw.append(per_term)
        self.post: list[list[tuple[list[int], list[float]]]] = []  # term -> field -> (docs, weights)
        k1, b = self.k1, self.b
        idf_skip = set(self.rank.get("idf_skip", []))
        for t in range(len(terms)):
            seen_docs = set()
            for f in range(nf):
                if self.fields[f] in idf_skip:
                    continue
                for d, _tf in raw[f][t]:
                    seen_docs.add(d)
            dwt = len(seen_docs)
            x = (self.n - dwt + 0.5) / (dwt + 0.5)
            idf = math.log(1 + abs(x))
            per_field = []
            for f in range(nf):
                docs, ws = [], []
                boost = self.boost[f]
                for d, tf in raw[f][t]:
                    score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (flen[f][d] / avg[f])) + tf)
                    score = score * boost
                    docs.append(d)
                    ws.append(_round(score, 1000))
                per_field.append((docs, ws))
            self.post.append(per_field)
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
        self._df: dict[int, int] = {}
        # display data
        self.docs: list[tuple[str, str, str, str, str]] = []
        for k in range(kb["shard_count"]):
            path = shard_path(kb["shard_base"], k)
            self.docs.extend(tuple(r) for r in json.loads(payload[path].decode("utf-8")))

    # -- helpers ----------------------------------------------------------

    @property
    def token_set(self) -> TokenSet:
        if self._token_set is None:
            self._token_set = TokenSet.from_list(self.word_list)
        return self._token_set

    def df(self, tid: int) -> int:
        """Distinct documents containing the term in any field."""
        v = self._df.get(tid)
        if v is None:
            s = set()
            for docs, _ in self.post[tid]:
                s.update(docs)
            v = self._df[tid] = len(s)
        return v

    def prefix_words(self, prefix: str, limit: int) -> list[str]:
        i = bisect_left(self.word_list, prefix)
        out = []
        while i < len(self.word_list) and self.word_list[i].startswith(prefix) and len(out) < limit:
            out.append(self.word_list[i])
            i += 1
        return out

    def fuzzy_words(self, word: str, dist: int) -> list[str]:
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

    def rank_docs(self, query: str) -> list[tuple[int, float, list[bool], set[int]]]:
        """[(doc, score, matched per query word, matched term ids)] best first."""
        toks = self.analyze_query(query)
        n = len(toks)
        if n == 0:
            return []
        mix = self.rank["field_mix"]
        contrib: list[dict[int, float]] = []
        matched_terms: dict[int, set[int]] = {}
        for surface, term, last in toks:
            v, exact = self.variants(surface, term, last)
            best: dict[int, float] = {}
            # exact terms first: their smallest contribution caps approximate ones
            floor_ = -1.0
            for phase in (0, 1):
                for tid in sorted(v):
                    if (tid in exact) != (phase == 0):
                        continue
                    m = v[tid]
                    tw: dict[int, float] = {}  # sum over fields
                    tm: dict[int, float] = {}  # best field
                    for docs, ws in self.post[tid]:
                        for j in range(len(docs)):
                            d = docs[j]
                            tw[d] = tw.get(d, 0.0) + ws[j]
                            if ws[j] > tm.get(d, 0.0):
                                tm[d] = ws[j]
                    for d in sorted(tw):
                        x = tm[d] + mix * (tw[d] - tm[d])
                        if phase == 0:
                            val = x
                        else:
                            val = m * x
                            if floor_ >= 0 and val > m * floor_:
                                val = m * floor_
                        if val > best.get(d, 0.0):
                            best[d] = val
                        matched_terms.setdefault(d, set()).add(tid)
                if phase == 0 and best:
                    floor_ = min(best.values())
            contrib.append(best)
        kb = self.rank["kind_boost"]
        scored = []
        for d in sorted(matched_terms):
            s = 0.0
            c = 0
            hits = []
            for i in range(n):
                x = contrib[i].get(d)
                if x:
                    s += x
                    c += 1
                hits.append(bool(x))
            if c == 0:
                continue
            cov = c / n
            score = s * cov * cov * kb.get(CODE_KINDS.get(self.kinds[d], "other"), 1.0)
            scored.append((d, _round(score, 10000), hits, matched_terms[d]))
        scored.sort(key=lambda r: (-r[1], r[0]))
        return scored

    def search(self, query: str, limit: int = 10) -> list[SearchResult]:
        out = []
        for d, score, _, _ in self.rank_docs(query)[:limit]:
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
