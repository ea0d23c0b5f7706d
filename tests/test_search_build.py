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
