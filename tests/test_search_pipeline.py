"""The Spanish search pipeline: folding keeps ñ, Snowball stemming, stop words --
in Python and, with the same cases, in Chromium running kbgen's JavaScript."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from snowballstemmer.spanish_stemmer import SpanishStemmer

from kbgen.search import build_search_payload, fold, stem, tokenize
from kbgen.search.textproc import STOP_WORDS, analyze
from test_search_helpers import js_page

FOLD_CASES = {
    "Devolución": "devolucion",
    "AÑO": "año",
    "año": "año",
    "ano": "ano",
    "Pingüino": "pinguino",
    "ÁÉÍÓÚ Ü Ñ ñ": "aeiou u ñ ñ",
    "Gràcia": "gracia",
    "caña de pescar": "caña de pescar",
}

# Words Snowball reduces to one stem (and so must we, accented or not).
SAME_STEM = [
    ("devoluciones", "devolución", "devolucion"),
    ("envío", "envio", "envíos", "enviar"),
    ("tardar", "tarda", "tardan", "tardará"),
    ("reparación", "reparar"),
    ("garantía", "garantías", "garantia"),
    ("tiendas", "tienda"),
    ("pedido", "pedidos"),
    ("frenos", "freno"),
    # Snowball leaves these plurals alone; kbgen's plural fix-up joins them
    ("tickets", "ticket"),
    ("años", "año"),
    ("talleres", "taller"),
]
# ... and words it keeps apart.
DIFFERENT_STEM = [
    ("año", "ano"),
    ("años", "anos"),
    ("devolución", "devolver"),  # Snowball does not join them: the synonym list does
    ("caña", "cana"),
]

STOP_CASES = {
    "¿Cómo puedo devolver el pedido que me llegó?": ["pued", "devolv", "ped", "lleg"],
    "devolución sin ticket": ["devolu", "sin", "ticket"],
    "¿Dónde está mi paquete?": ["dond", "paquet"],
    "de la y el los": [],
}


def _seed_words() -> list[str]:
    words = set()
    seeds = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
    for f in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        words.update(re.findall(r"[a-záéíóúüñ]+", f.read_text("utf-8", "ignore").lower()))
    content = Path(__file__).resolve().parent.parent / "content"
    for f in sorted(content.rglob("*")) if content.is_dir() else []:
        if f.suffix in (".yaml", ".md"):
            words.update(re.findall(r"[a-záéíóúüñ]+", f.read_text("utf-8", "ignore").lower()))
    words.update(w for case in SAME_STEM + DIFFERENT_STEM for w in case)
    return sorted(words)


# ------------------------------------------------------------------ Python


@pytest.mark.parametrize("text,expected", FOLD_CASES.items())
def test_fold_strips_accents_but_keeps_enye(text, expected):
    assert fold(text) == expected


def test_tokenize_splits_on_punctuation_and_keeps_digits():
    assert tokenize("¿Envío 24h a Las Palmas? C/ Atocha, nº 12 — e-mail") == [
        "envio", "24h", "a", "las", "palmas", "c", "atocha", "n", "12", "e", "mail"]


@pytest.mark.parametrize("words", SAME_STEM)
def test_word_forms_share_a_stem(words):
    assert len({stem(fold(w)) for w in words}) == 1, {w: stem(fold(w)) for w in words}


@pytest.mark.parametrize("words", DIFFERENT_STEM)
def test_different_words_keep_different_stems(words):
    assert len({stem(fold(w)) for w in words}) == len(words)


def test_stemmer_is_snowball_where_snowball_already_decides():
    """Our stem is Snowball's, except the documented plural fix-up for words ending in s."""
    sb = SpanishStemmer()
    words = [fold(w) for w in _seed_words()]
    differ = [w for w in words if stem(w) != sb.stemWord(w) and not w.endswith("s")]
    assert differ == []


def test_c_stemmer_gives_the_pure_python_stems_on_every_word_kbgen_meets():
    """PyStemmer (kbgen's stemmer) and snowballstemmer (what the browser's port follows line for
    line) are generated from the same spanish.sbl: the same stem for every word of the seeds, the
    example content and kbgen's own texts, with and without accents, and with suffixes added."""
    import os
    import re as _re
    from kbgen.text.stemmer import IMPLEMENTATION, stem_word

    assert IMPLEMENTATION == "PyStemmer"  # a dependency: without it kbgen works, 20x slower
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    words = set(_seed_words())
    for folder in ("content", "kbgen"):
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for name in files:
                if name.endswith((".md", ".yaml", ".py", ".txt")):
                    with open(os.path.join(dirpath, name), encoding="utf-8") as fh:
                        words.update(_re.findall(r"[a-záéíóúüñ0-9]+", fh.read().lower()))
    suffixes = ("s", "es", "mente", "ción", "ciones", "ando", "iendo", "aba", "ían", "aron", "ieron",
                "ado", "idas", "arse", "ándole", "ísimo", "aría", "ería", "adora", "encia", "able", "idad")
    words |= {w + s for w in sorted(words)[:1500] for s in suffixes}
    words |= {fold(w) for w in words}
    assert len(words) > 20_000
    sb = SpanishStemmer()
    assert [w for w in sorted(words) if stem_word(w) != sb.stemWord(w)] == []


def test_accented_and_unaccented_words_share_the_stem_where_snowball_conflates():
    sb = SpanishStemmer()
    for group in (("devoluciones", "devolución"), ("informaciones", "información"), ("envíos", "envío")):
        assert len({sb.stemWord(w) for w in group}) == 1  # Snowball joins them ...
        assert len({stem(fold(w)) for w in group}) == 1  # ... and so do we, without accents too


@pytest.mark.parametrize("text,expected", STOP_CASES.items())
def test_stop_words_are_removed(text, expected):
    assert analyze(text) == expected


def test_stop_word_list_is_snowball_spanish_less_donde_and_sin():
    assert {"de", "la", "que", "el", "en", "y", "los", "esta", "mas", "tu", "el"} <= STOP_WORDS
    assert "donde" not in STOP_WORDS and "sin" not in STOP_WORDS
    assert all(w == fold(w) for w in STOP_WORDS)


# ------------------------------------------------------------------ the same in Chromium


@pytest.fixture(scope="module")
def js(tmp_path_factory, serve_dir, browser):
    from kbgen.search import SearchDoc

    payload = build_search_payload([SearchDoc("x", "faq", "Prueba", "texto de prueba", "faq/x/#x")], {})
    folder = js_page(tmp_path_factory.mktemp("jspage"), payload)
    page = browser.new_page()
    page.goto(serve_dir(folder) + "index.html")
    page.evaluate("""async () => {
        const r = await fetch("search/search_index.json");
        window.IDX = new KBSearch.Index((await r.json()).config.kbgen);
    }""")
    yield page
    page.close()


def test_browser_fold_is_python_fold(js):
    got = js.evaluate("cases => cases.map(c => KBSearch.fold(c))", list(FOLD_CASES))
    assert got == list(FOLD_CASES.values())
    assert js.evaluate("KBSearch.tokenize('¿Envío 24h a Las Palmas? C/ Atocha, nº 12 — e-mail')") == \
        tokenize("¿Envío 24h a Las Palmas? C/ Atocha, nº 12 — e-mail")


def test_browser_stems_word_forms_like_python(js):
    for words in SAME_STEM + DIFFERENT_STEM:
        got = js.evaluate("ws => ws.map(w => KBSearch.stem(KBSearch.fold(w)))", list(words))
        assert got == [stem(fold(w)) for w in words], words


def test_browser_stemmer_equals_python_on_thousands_of_words(js):
    words = sorted({fold(w) for w in _seed_words()} | set(_seed_words()))
    assert len(words) > 500
    got = js.evaluate("ws => ws.map(w => KBSearch.stem(w))", words)
    diff = [(w, p, j) for w, p, j in zip(words, [stem(w) for w in words], got) if p != j]
    assert diff == []
    # and the raw Snowball port, on accented words too
    sb = SpanishStemmer()
    got = js.evaluate("ws => { const s = new SnowballSpanishStemmer(); return ws.map(w => s.stemWord(w)); }", words)
    assert [w for w, j in zip(words, got) if sb.stemWord(w) != j] == []


def test_browser_stop_words_like_python(js):
    for text, expected in STOP_CASES.items():
        assert js.evaluate("t => KBSearch.analyze(t, IDX.stop)", text) == expected
    assert sorted(js.evaluate("Array.from(IDX.stop)")) == sorted(STOP_WORDS)
