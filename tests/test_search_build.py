"""The search payload is built without lunr.py's Builder: the direct count must give the very
bytes lunr's inverted index gave, and the indexed synonym expansion what a scan of every group
gives."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from kbgen.search import SearchDoc
from kbgen.search.build import (_inverted_from_lunr, _prepare, build_inverted, build_lunr, encode_payload)
from kbgen.search.synonyms import SynonymGroups, default_synonyms, merge_synonyms

ROOT = Path(__file__).resolve().parent.parent

TRICKY = [
    SearchDoc("vacio", "faq", "", "", "faq/x/#vacio"),
    SearchDoc("solo-stop", "faq", "de la que", "y el a los", "faq/x/#solo-stop", ["de"], "la"),
    SearchDoc("repetido", "faq", "envío " * 40, "tienda " * 30 + "devolución del dinero", "faq/x/#repetido",
              ["envío", "envíos", "ENVÍO"], "Envíos"),
    SearchDoc("frase", "policy", "Me devuelven el dinero", "¿Dónde está la tienda? Orden de compra, tique.",
              "politicas/x/#frase", ["tarjeta de crédito", "visa"], "Pagos"),
    SearchDoc("acentos", "store", "Año ÑANDÚ pingüino", "Canción, corazón; 24h 48-72 h. [enlace](http://x) **negrita**",
              "tiendas/acentos/", ["tienda"], "Tiendas"),
    SearchDoc("otro", "page", "Página", "<b>html</b> | tabla {: .x}", "pagina/"),
]


def _random_docs(n: int, seed: int) -> list[SearchDoc]:
    rnd = random.Random(seed)
    syn = default_synonyms()
    words = sorted({w for k, vs in syn.items() for p in [k, *vs] for w in p.split()})
    words += ["taladro", "tornillo", "de", "la", "el", "en", "para", "sin", "donde", "años", "ano"]

    def text(k):
        return " ".join(rnd.choice(words) for _ in range(rnd.randrange(k)))
    kinds = ["faq", "policy", "store", "contact", "page"]
    return [SearchDoc(f"d{i}", rnd.choice(kinds), text(12), text(80), f"u/{i}/", [text(4) for _ in range(rnd.randrange(3))],
                      text(4)) for i in range(n)]


def _example_docs() -> list[SearchDoc]:
    from kbgen.loaders.content import load_project
    from kbgen.search.project import project_docs
    project, _, _ = load_project(str(ROOT / "content"))
    return project_docs(project), project.synonyms or {}


@pytest.mark.parametrize("case", ["tricky", "random", "example"])
def test_direct_index_encodes_like_lunr(case):
    if case == "tricky":
        docs, syn = TRICKY, {"reembolso": ["me devuelven el dinero"]}
    elif case == "random":
        docs, syn = _random_docs(300, 7), {}
    else:
        docs, syn = _example_docs()
    prep = _prepare(docs, merge_synonyms(default_synonyms(), syn))
    builder, _ = build_lunr(prep)
    assert encode_payload(prep, build_inverted(prep)) == encode_payload(prep, _inverted_from_lunr(builder, len(docs)))


def _expand_by_scan(groups: SynonymGroups, sequences, present):
    """The expansion as first written: every group, every member, scanned."""
    added = []
    present_terms = set()
    for seq in sequences:
        present_terms.update(seq)
    exclude = present_terms | (present or set())

    def contains(phrase):
        if any(t not in present_terms for t in phrase):
            return False
        n = len(phrase)
        return n == 1 or any(tuple(seq[i:i + n]) == phrase for seq in sequences for i in range(len(seq) - n + 1))
    for members in groups.groups:
        hit = [m for m in members if contains(m)]
        if not hit:
            continue
        for m in members:
            if m not in hit:
                added.extend(t for t in m if t not in exclude and t not in added)
    return added


def test_indexed_synonym_expansion_equals_full_scan():
    groups = SynonymGroups(merge_synonyms(default_synonyms(), {"a b": ["c", "b a d"], "x": ["y z", "z y"]}))
    rnd = random.Random(3)
    vocab = sorted({t for g in groups.groups for m in g for t in m} | {"a", "b", "c", "d", "x", "y", "z", "otro"})
    for _ in range(3000):
        seqs = [[rnd.choice(vocab) for _ in range(rnd.randrange(8))] for _ in range(rnd.randrange(1, 3))]
        present = {rnd.choice(vocab) for _ in range(rnd.randrange(3))}
        assert groups.expand(seqs, present) == _expand_by_scan(groups, seqs, present), seqs


def _plain_text_every_pattern(md: str) -> str:
    """plain_text as first written: every pattern over every text."""
    from kbgen.search.build import _HTML_TAG, _MD_LINE, _MD_LINK, _MD_MARK, _MD_REF, _SPACES
    s = _MD_LINK.sub(r"\1", md or "")
    s = _MD_REF.sub(r"\1", s)
    s = _HTML_TAG.sub(" ", s)
    s = _MD_LINE.sub("", s)
    s = _MD_MARK.sub("", s)
    s = s.replace("{:", " ").replace("|", " ")
    return _SPACES.sub(" ", s).strip()


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab ñá[](){}:|*_`~<>!#-+1.)\n\t", max_size=60))
def test_plain_text_skips_only_patterns_that_cannot_match(md):
    from kbgen.search.build import plain_text
    assert plain_text(md) == _plain_text_every_pattern(md)


def _queries(docs: list[SearchDoc], seed: int, count: int) -> list[str]:
    """Customer-like queries over ``docs``: titles, word mixes, cut-off last words, typos."""
    rnd = random.Random(seed)
    words = [w for d in docs for w in (d.title + " " + d.text).split()]
    out = []
    for _ in range(count):
        q = " ".join(rnd.choice(words) for _ in range(rnd.randrange(1, 12)))
        k = rnd.randrange(4)
        if k == 1:
            q = q[: rnd.randrange(1, len(q) + 1)]
        elif k == 2 and len(q) > 4:
            i = rnd.randrange(len(q) - 1)
            q = q[:i] + q[i + 1] + q[i] + q[i + 2:]
        elif k == 3:
            q += " "
        out.append(q)
    return out + [d.title for d in docs[:40]]


@pytest.mark.parametrize("case", ["random", "example"])
def test_top_results_are_the_first_of_the_full_ranking(case):
    """``search`` (the CLI, the KB7xx tests) prunes documents that cannot reach the top; it must
    return exactly the first results of ``rank_docs`` (what the browser worker ranks)."""
    from kbgen.search import build_search_payload, load_index
    docs, syn = (_random_docs(400, 11), {}) if case == "random" else _example_docs()
    index = load_index(build_search_payload(docs, syn))
    for q in _queries(docs, 5, 250):
        full = [(d, s) for d, s, _, _ in index.rank_docs(q)]
        for k in (1, 3, 20):
            assert index.top(q, k) == full[:k], (q, k)
        assert [(r.id, r.score) for r in index.search(q, 10)] == [(index.docs[d][0], s) for d, s in full[:10]]


def _everywhere_docs(n: int) -> list[SearchDoc]:
    """``n`` questions of one category: the category's word is in every document, so its weight
    rounds to 0 (idf ~ 0.5/n) -- a word that matches but adds nothing, in both runtimes."""
    return [SearchDoc(f"d{i}", "faq", f"Pregunta número {i} sobre {['envíos', 'tiendas', 'pagos'][i % 3]}",
                      f"Respuesta {i}.", f"faq/ayuda/#d{i}", [], "Ayuda") for i in range(n)]


def test_a_word_in_every_document_matches_without_weight():
    from kbgen.search import build_search_payload, load_index
    index = load_index(build_search_payload(_everywhere_docs(5000), {}, use_default_synonyms=False))
    tid = index.term_id["ayud"]
    assert set(index.post[tid][5][1]) == {0.0}  # section field: rounded to nothing
    assert index.search("ayuda", 3) == []
    assert [r.id for r in index.search("ayuda pagos 17 ", 1)] == ["d17"]
    assert [r.id for r in index.search("ayuda 4999 ", 1)] == ["d4999"]


@pytest.mark.parametrize("case", ["random", "everywhere"])
def test_browser_ranking_equals_python_on_larger_sets(case, tmp_path, serve_dir, browser):
    """The worker scores every document; Python's ``rank_docs`` (and so ``top``) the same."""
    from kbgen.search import build_search_payload, load_index
    from test_search_helpers import browser_rankings, js_page
    docs = _random_docs(400, 11) if case == "random" else _everywhere_docs(5000)
    payload = build_search_payload(docs, {})
    index = load_index(payload)
    queries = _queries(docs, 9, 60) if case == "random" else ["ayuda", "ayuda envios 12", "ayud", "ayuda 4999 "]
    got = browser_rankings(browser, serve_dir, js_page(tmp_path / "js", payload), queries)
    for q in queries:
        assert got[q] == [[d, s, sorted(t)] for d, s, _, t in index.rank_docs(q)], q
        assert index.top(q, 3) == [(d, s) for d, s, _ in got[q][:3]], q


@pytest.mark.parametrize("case", ["random", "example"])
def test_typo_candidates_are_the_workers(case):
    """``fuzzy_words`` walks a trie; the worker intersects lunr's fuzzy TokenSet and keeps what
    ``osa`` accepts. Same words for typos, cut words, swapped and doubled letters."""
    from kbgen.search import build_search_payload, load_index
    from kbgen.search.engine import osa
    docs, syn = (_random_docs(300, 13), {}) if case == "random" else _example_docs()
    index = load_index(build_search_payload(docs, syn))
    rnd = random.Random(17)
    for _ in range(300):
        w = rnd.choice(index.word_list)
        for _ in range(rnd.randrange(3)):
            i, ch = rnd.randrange(len(w) + 1), rnd.choice("aeiosnrtlcdñ")
            w = [w[:i] + ch + w[i:], w[:i] + w[i + 1:], w[:i] + ch + w[i + 1:], w[:i] + w[i + 1:i + 2] + w[i:i + 1] + w[i + 2:]][
                rnd.randrange(4)]
        for d in (1, 2):
            if w:
                assert index.fuzzy_words(w, d) == [x for x in index._lunr_fuzzy_words(w, d) if osa(w, x, d) <= d], (w, d)
