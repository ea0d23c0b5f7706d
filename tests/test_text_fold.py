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


def test_the_latin1_shortcuts_hold():
    """times and claims skip looking for typographic dashes, quotes and spaces in Latin-1 text
    (fold.is_latin1): each of those characters must be above U+00FF (but the no-break space,
    which claims looks for by itself)."""
    import re
    from kbgen.text import claims, times
    from kbgen.text.fold import is_latin1
    assert all(k > 0xFF for k in times._DASHES)
    extra = [c for c in claims._EXTRA_CHARS.pattern.strip("[]")]
    assert [c for c in extra if ord(c) <= 0xFF] == ["\u00a0"]
    assert is_latin1("Abrimos de 9 a 14 h, ¡también en agosto! ñ ü") and not is_latin1("9–14 h")
    from kbgen.text.fold import fold_same_length
    for text in ("Abrimos de 9\u201314 h", "L\u2013V: 9\u00a0a\u00a014", "entrega en 24\u202fh", "9 a 14",
                 "abrimos de 9 a 14 h"):
        assert claims._fold(text) == fold_same_length(text).translate(claims._EXTRA_FOLD)
        def read(t):
            return [{k: v for k, v in vars(s).items() if k != "raw"} if hasattr(s, "__dict__") else
                    {f: getattr(s, f) for f in s.__dataclass_fields__ if f != "raw"}
                    for s in times.find_hours_statements(t)]
        assert read(text) == read(text.translate(times._DASHES))
    assert re.sub(r"\s", " ", claims._fold("24\u00a0horas")) == "24 horas"
