"""kbgen.text.fold: the fast fold (str.lower, then a Latin-1 byte table or a lookup of the non-ASCII
characters) gives what folding each character one by one gives, for every character and any text."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.text.fold import _fold_char, fold, fold_same_length


def slow(text: str) -> str:
    return "".join(_fold_char(c) for c in text)


def test_every_code_point_folds_as_one_character():
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        assert fold_same_length(c) == _fold_char(c), hex(cp)


def test_mixed_texts_fold_character_by_character():
    rng = random.Random(7)
    pool = [chr(i) for i in range(0x3000) if not 0xD800 <= i <= 0xDFFF] + list("ÁÉÍÓÚÜÑáéíóúüñ€’–İıΣσςẞß ") * 20
    for _ in range(50000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 16)))
        assert fold_same_length(text) == slow(text), repr(text)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_any_text(text):
    out = fold_same_length(text)
    assert out == slow(text)
    assert len(out) == len(text)


def test_examples():
    assert fold_same_length("Envío GRATIS a Cádiz, Ñandú") == "envio gratis a cadiz, ñandu"
    assert fold_same_length("ΟΔΟΣ") == slow("ΟΔΟΣ")  # str.lower would end it in ς
    assert fold_same_length("İstanbul 50 €") == slow("İstanbul 50 €")
    assert fold("  Calle   Mayor\t") == "calle mayor"
