"""Build the search payload: lunr's BM25 index, counted and encoded compactly.

The inverted index is counted directly from kbgen's analysed terms
(``build_inverted``); it is the index lunr.py's ``Builder`` gave for the same
fields (``build_lunr``, kept as the reference the tests compare the bytes with).

Files written (site-relative):

* ``search/search_index.json`` -- fetched by Material's front end at page
  load and handed to our worker in the SETUP message as ``{config, docs}``.
  ``config.kbgen`` holds the whole ranking index: sorted term list, postings
  (doc gaps + term frequency) per field, field lengths, document kinds,
  folded surface words per term (for prefix and typo matching), stop words
  and ranking parameters. No titles or text: nothing that ranking does not
  need.
* ``search/kbgen/docs-NNN-<hash>.json`` -- display data (id, url, title,
  snippet text, section) in shards of ``SHARD_SIZE`` documents, fetched by
  the worker only for the results it shows.
"""
from __future__ import annotations

import gc
import hashlib
import json
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from .synonyms import SynonymGroups, default_synonyms, merge_synonyms
from .textproc import STOP_WORDS, stem, tokenize

FORMAT = "kbgen-search/1"
INDEX_PATH = "search/search_index.json"
SHARD_DIR = "search/kbgen"
SHARD_SIZE = 10
SNIPPET_CHARS = 1200

# field name, boost (lunr field boost: multiplies the BM25 weight)
FIELDS: tuple[tuple[str, float], ...] = (
    ("title", 6.0),      # FAQ question / section heading / store name
    ("keywords", 4.0),   # editor keywords
    ("tsyn", 2.0),       # synonyms of words in the title or keywords (added at index time)
    ("text", 1.0),       # answer / section body / store details
    ("syn", 0.5),        # synonyms of words in the text
    ("section", 1.0),    # FAQ category / policy title
)
K1 = 1.2
B = 0.75

# Ranking parameters, shipped in the payload so both runtimes read the same.
RANK = {
    "prefix_min": 2,       # last word being typed: complete it from 2 letters on
    "prefix_max": 50,      # at most this many completions
    "prefix_mult": 0.6,
    "fuzzy_min": 5,        # typo tolerance from 5 letters ...
    "fuzzy2_min": 8,       # ... edit distance 2 from 8 letters
    "fuzzy_few": 3,        # only when fewer docs than this match the word exactly
    "fuzzy_max": 30,
    "fuzzy1_mult": 0.5,
    "fuzzy2_mult": 0.3,
    "kind_boost": {"faq": 1.25},
    "field_mix": 0.3,      # a term's weight in a doc: best field + this x the other fields
    "idf_skip": ["tsyn", "syn"],  # document frequency counts the doc's own words only
}

KIND_CODES = {"faq": "f", "policy": "p", "store": "s", "contact": "c"}
CODE_KINDS = {v: k for k, v in KIND_CODES.items()}

_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


@dataclass
class SearchDoc:
    id: str
    kind: str  # "faq" | "policy" | "store" | "contact"
    title: str
    text: str
    url: str  # site-relative, e.g. "faq/envios/#plazo-entrega"
    keywords: list[str] = field(default_factory=list)
    section: str = ""  # category name / policy title


# --------------------------------------------------------------------------
# lunr pipeline functions, for the reference lunr.py index (``build_lunr``)


def kbgen_es_stop(token, i, tokens):
    return None if str(token) in STOP_WORDS else token


def kbgen_es_stem(token, i, tokens):
    return token.update(lambda s, m: stem(s))


_registered = False


def _register_pipeline() -> None:
    """Register the pipeline functions with lunr.py (once) so a serialised lunr index names them."""
    global _registered
    if not _registered:
        from lunr.pipeline import Pipeline
        Pipeline.register_function(kbgen_es_stop, "kbgenEsStopWordFilter")
        Pipeline.register_function(kbgen_es_stem, "kbgenEsStemmer")
        _registered = True


# --------------------------------------------------------------------------
# Markdown -> plain text for snippets and indexing

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_REF = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_MARK = re.compile(r"(\*\*|__|`+|~~)")
_MD_LINE = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", re.M)
_HTML_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


def plain_text(md: str) -> str:
    """Markdown -> the plain text that is indexed and shown in snippets.

    Each pattern runs only when its characters occur (most answers have no link, tag or mark):
    the same result, without a regex pass per pattern over every answer."""
    s = md or ""
    if "[" in s:
        s = _MD_LINK.sub(r"\1", s)
        s = _MD_REF.sub(r"\1", s)
    if "<" in s:
        s = _HTML_TAG.sub(" ", s)
    s = _MD_LINE.sub("", s)
    if "*" in s or "_" in s or "`" in s or "~" in s:
        s = _MD_MARK.sub("", s)
    s = s.replace("{:", " ").replace("|", " ")
    return _SPACES.sub(" ", s).strip()


# --------------------------------------------------------------------------


def shard_path(base: str, k: int) -> str:
    """Site-relative path of display shard ``k`` (same rule in kbsearch.js)."""
    return f"{base}{k:03d}.json"


def _b36(n: int) -> str:
    if n == 0:
        return "0"
    out = []
    while n:
        n, r = divmod(n, 36)
        out.append(_B36[r])
    return "".join(reversed(out))


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b), 35)
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _dumps(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")


@dataclass
class _Prepared:
    docs: list[SearchDoc]
    display_text: list[str]
    fields: list[dict[str, list[str]]]  # per doc: field -> folded tokens (syn, tsyn: terms), lunr's input
    surfaces: dict[str, set[str]]  # term -> folded surface words
    terms: list[list[list[str]]] = field(default_factory=list)  # per doc, per FIELDS: index terms


def _prepare(docs: list[SearchDoc], synonyms: dict[str, list[str]]) -> _Prepared:
    """Tokens and index terms of every document field, synonym terms, surface words.

    ``terms`` is what lunr's pipeline makes of ``fields`` (stop words out, stems in; ``syn`` and
    ``tsyn`` as they are), computed here once so the index needs no second pass."""
    groups = SynonymGroups(synonyms)
    surfaces: dict[str, set[str]] = {}
    for surface, term in groups.surfaces:
        surfaces.setdefault(term, set()).add(surface)
    term_of = _Terms(surfaces)

    def analysed(tokens: list[str]) -> list[str]:
        return [t for t in map(term_of.__getitem__, tokens) if t is not None]

    display, per_doc, per_doc_terms = [], [], []
    section_cache: dict[str, list[str]] = {}  # a category's name is every one of its questions' section
    for d in docs:
        text = plain_text(d.text)
        display.append(text)
        section = d.section or ""
        section_tokens = section_cache.get(section)
        if section_tokens is None:
            section_tokens = section_cache[section] = tokenize(section)
        f = {
            "title": tokenize(d.title),
            "keywords": tokenize(" ; ".join(d.keywords or [])),
            "text": tokenize(text),
            "section": list(section_tokens),
        }
        seqs = {name: analysed(f[name]) for name in ("title", "keywords", "text", "section")}
        own = seqs["title"], seqs["keywords"], seqs["text"]
        present = set(own[0]).union(own[1], own[2])
        f["tsyn"] = groups.expand([own[0], own[1]], present)
        tsyn = set(f["tsyn"])
        f["syn"] = [t for t in groups.expand([own[2]], present) if t not in tsyn]
        per_doc.append(f)
        per_doc_terms.append([f[name] if name in ("tsyn", "syn") else seqs[name] for name, _ in FIELDS])
    return _Prepared(list(docs), display, per_doc, surfaces, per_doc_terms)


class _Terms(dict):
    """Folded token -> its index term (None for a stop word), stemmed once per distinct token;
    records each term's surface words in ``surfaces`` on the way."""

    def __init__(self, surfaces: dict[str, set[str]]):
        super().__init__()
        self._surfaces = surfaces

    def __missing__(self, token: str) -> str | None:
        if token in STOP_WORDS:
            term = None
        else:
            term = stem(token)
            self._surfaces.setdefault(term, set()).add(token)
        self[token] = term
        return term


@dataclass
class _Inverted:
    """The inverted index as kbgen ships it: what lunr's Builder would hold, nothing more."""
    terms: list[str]  # sorted
    post: list[str]  # per field: per term "<doc gap b36><tf letter>"..., terms separated by " "
    flen: list[list[int]]  # per field, per doc: number of terms


def _gap_codes(n: int) -> list[str]:
    """Base-36 codes of the document gaps 0 .. n-1."""
    return [_b36(i) for i in range(n)]


_TF_LETTERS = [""] + [chr(ord("A") + min(tf, 26) - 1) for tf in range(1, 65)]


def _tf_letter(tf: int) -> str:
    """Term frequency as one letter: A = 1 ... Z = 26 or more."""
    return _TF_LETTERS[tf] if tf < len(_TF_LETTERS) else "Z"


def build_inverted(prep: _Prepared) -> _Inverted:
    """Term frequencies and field lengths counted directly from the prepared terms, each
    posting encoded as it is counted.

    Same bytes as lunr.py's ``Builder`` gives (``field_term_frequencies``, ``field_lengths``,
    the inverted index's terms; ``tests/test_search_build.py`` compares both) without its
    per-token objects, metadata copies and field vectors that kbgen never ships."""
    nf = len(FIELDS)
    n = len(prep.terms)
    gaps = _gap_codes(n)
    # per field: term -> [last doc, code, code, ...]
    postings: list[dict[str, list]] = [{} for _ in range(nf)]
    flen: list[list[int]] = [[] for _ in range(nf)]
    for d, per_field in enumerate(prep.terms):
        for f in range(nf):
            terms = per_field[f]
            flen[f].append(len(terms))
            if not terms:
                continue
            post = postings[f]
            for t, tf in Counter(terms).items():
                lst = post.get(t)
                code = _TF_LETTERS[tf] if tf < 65 else "Z"
                if lst is None:
                    post[t] = [d, gaps[d] + code]
                else:
                    lst.append(gaps[d - lst[0] - 1] + code)
                    lst[0] = d
    vocab = set()
    for post in postings:
        vocab.update(post)
    terms = sorted(vocab)
    encoded = []
    for post in postings:
        parts = []
        for t in terms:
            lst = post.get(t)
            if lst is None:
                parts.append("")
            else:
                lst[0] = ""
                parts.append("".join(lst))
        encoded.append(" ".join(parts).rstrip(" "))
    return _Inverted(terms, encoded, flen)


def _encode_postings(terms: list[str], post: dict[str, list[tuple[int, int]]], n: int) -> str:
    """One field's postings from [(doc, tf)] per term."""
    gaps = _gap_codes(n)
    parts = []
    for t in terms:
        s, last = [], -1
        for d, tf in post.get(t, ()):
            s.append(gaps[d - last - 1] + _tf_letter(tf))
            last = d
        parts.append("".join(s))
    return " ".join(parts).rstrip(" ")


def _inverted_from_lunr(builder, n: int) -> _Inverted:
    """lunr.py's Builder state as an ``_Inverted`` (the reference ``build_inverted`` is tested against)."""
    names = [name for name, _ in FIELDS]
    terms = sorted(builder.inverted_index)
    post = []
    for name in names:
        per_term = {}
        for t in terms:
            docs_ = sorted(int(r) for r in builder.inverted_index[t][name])
            per_term[t] = [(d, builder.field_term_frequencies[f"{name}/{d}"][t]) for d in docs_]
        post.append(_encode_postings(terms, per_term, n))
    flen = [[builder.field_lengths[f"{name}/{d}"] for d in range(n)] for name in names]
    return _Inverted(terms, post, flen)


def build_lunr(prep: _Prepared) -> tuple[object, object]:
    """Index with lunr.py: our tokens in, our stop-word filter and stemmer
    as the lunr pipeline (skipped for the already-analysed ``syn`` field).

    Not used for the site any more (``build_inverted`` counts the same directly); kept as the
    reference the tests compare against and for ``bench/search_size.py``'s size comparison."""
    from lunr.builder import Builder
    _register_pipeline()
    builder = Builder()
    builder.pipeline.add(kbgen_es_stop, kbgen_es_stem)
    builder.search_pipeline.add(kbgen_es_stop, kbgen_es_stem)
    builder.pipeline.skip(kbgen_es_stop, ["syn", "tsyn"])
    builder.pipeline.skip(kbgen_es_stem, ["syn", "tsyn"])
    builder.ref("ref")
    builder.k1(K1)
    builder.b(B)
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for i, f in enumerate(prep.fields):
        builder.add({"ref": str(i), **f})
    index = builder.build()
    return builder, index


def build_search_payload(
    docs: list[SearchDoc],
    synonyms: dict[str, list[str]] | None = None,
    lang: str = "es",
    *,
    use_default_synonyms: bool = True,
) -> dict[str, bytes]:
    """Site-relative path -> bytes. Deterministic for the same input.

    ``synonyms`` (content/synonyms.yaml) is merged over kbgen's default
    Spanish retail list unless ``use_default_synonyms`` is false.
    """
    if lang != "es":
        raise ValueError(f"kbgen search supports lang 'es' only, not {lang!r}")
    syn = merge_synonyms(default_synonyms() if use_default_synonyms else None, synonyms)
    with _collector_paused():
        prep = _prepare(docs, syn)
        return encode_payload(prep, build_inverted(prep))


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector off while the payload is built: hundreds of thousands of
    token lists and postings, no reference cycles, and each collector pass would re-scan them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def encode_payload(prep: _Prepared, inv: _Inverted) -> dict[str, bytes]:
    n = len(prep.docs)
    names = [name for name, _ in FIELDS]
    terms = inv.terms
    # front-coded term list
    out, prev = [], ""
    for t in terms:
        k = _common_prefix(prev, t)
        out.append(_B36[k] + t[k:])
        prev = t
    terms_enc = ",".join(out)
    post = inv.post
    flen = inv.flen
    # surface words per term (those different from the term itself)
    vocab = []
    for t in terms:
        ws = sorted(w for w in prep.surfaces.get(t, ()) if w != t)
        vocab.append(".".join(_B36[_common_prefix(t, w)] + w[_common_prefix(t, w):] for w in ws))
    vocab_enc = ",".join(vocab).rstrip(",")
    kinds = "".join(KIND_CODES.get(d.kind, "o") for d in prep.docs)

    # display shards: search/kbgen/docs-<hash of all shards>-NNN.json
    blobs = []
    for s in range(0, n, SHARD_SIZE):
        rows = []
        for i in range(s, min(n, s + SHARD_SIZE)):
            d = prep.docs[i]
            text = prep.display_text[i]
            if len(text) > SNIPPET_CHARS:
                cut = text.rfind(" ", 0, SNIPPET_CHARS)
                text = text[: cut if cut > 0 else SNIPPET_CHARS] + " …"
            rows.append([d.id, d.url, d.title, text, d.section or ""])
        blobs.append(_dumps(rows))
    h = hashlib.sha256(b"\n".join(blobs)).hexdigest()[:10]
    shard_base = f"{SHARD_DIR}/docs-{h}-"
    files: dict[str, bytes] = {shard_path(shard_base, k): b for k, b in enumerate(blobs)}

    kb = {
        "format": FORMAT,
        "n": n,
        "fields": names,
        "boost": [b for _, b in FIELDS],
        "k1": K1,
        "b": B,
        "kinds": kinds,
        "flen": flen,
        "terms": terms_enc,
        "post": post,
        "vocab": vocab_enc,
        "stop": sorted(STOP_WORDS),
        "rank": RANK,
        "shard": SHARD_SIZE,
        "shard_base": shard_base,
        "shard_count": len(blobs),
    }
    index = {
        "config": {
            "lang": ["es"],
            "separator": "[^a-z0-9ñ]+",
            "pipeline": ["kbgenEsStopWordFilter", "kbgenEsStemmer"],
            "fields": {},
            "kbgen": kb,
        },
        "docs": [],
    }
    files[INDEX_PATH] = _dumps(index)
    return dict(sorted(files.items()))


def payload_for_project(project) -> dict[str, bytes]:
    """The site's payload for a loaded ``kbgen.model.Project`` (see ``kbgen.search.project``)."""
    from .project import payload_for_project as _p

    return _p(project)
