"""A pasted paragraph of 100 KB that repeats one pattern is read in bounded time by every prose
scanner and every check (bench/NOTES.md: 24 KB of "lunes " took 2.4 s, twice as much 4x as long;
"devolución gratis" repeated took minutes). The time is CPU time of this process, so a loaded
machine does not make the test flaky; the bound is generous, the scanners take well under it.
"""
from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

import pytest

from kbgen.checks.structure import heading_ids, links_in
from kbgen.text.addresses import find_addresses
from kbgen.text.claims import extract_claims, looks_like_promise, may_look_like_promise, split_sentences
from kbgen.text.emails import find_emails
from kbgen.text.phones import find_phones
from kbgen.text.times import find_hours_statements

ROOT = Path(__file__).resolve().parent.parent
SIZE = 100_000
BOUND = 2.0  # CPU seconds for 100 KB, per scanner or check

# each one a pattern that some scanner reads, repeated without a sentence break
UNITS = [
    "lunes ", "[x](", "9 a ",  # the three of the malformed corpus
    "9 h lunes ", "de 9 a 14 h ", "abrimos de 9 a 14 h ", "abrimos los domingos ", "L-V 9 a 14 ",
    "envío gratis ", "devolución gratis ", "gastos de devolución a tu cargo ", "30 % de descuento ",
    "entrega en 24 horas ", "entrega en 2 días a Canarias ", "salvo Canarias en 2 días ",
    "te respondemos en 1 hora por chat ", "mañana ", "el mismo día ", "al menos 3 días ",
    "la tienda de Sevilla abre de 9 a 14 h ", "salvo la tienda de Sevilla cierra los domingos ",
    "Calle Mayor 12 ", "612 345 678 ", "a@b.es ", "[x](a \"", "<a ", "[", "9, ",
]


def paragraph(unit: str) -> str:
    return "Abrimos. " + unit * (SIZE // len(unit))


def cpu(fn) -> float:
    """CPU seconds of fn(), with the claims' per-sentence cache emptied first (it would hide the work)."""
    from kbgen.text import claims
    claims._claims_of_sentence.cache_clear()
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def _unreadable(text: str) -> list:
    """What the promises check asks of a text without references (KB411)."""
    if not may_look_like_promise(text):
        return []
    return [s for a, b in split_sentences(text) if looks_like_promise(s := text[a:b])]


SCANNERS = {
    "extract_claims": lambda t: extract_claims(t, context="¿Cuándo abrís la tienda?"),
    "looks_like_promise": _unreadable,
    "find_hours_statements": lambda t: find_hours_statements(t, ["La Tuerca"]),
    "find_addresses": find_addresses,
    "find_phones": find_phones,
    "find_emails": find_emails,
    "links_in": lambda t: list(links_in(t, True)),
    "heading_ids": lambda t: heading_ids("# " + t),
}


@pytest.mark.parametrize("unit", UNITS)
def test_every_scanner_reads_a_long_paragraph_in_bounded_time(unit):
    text = paragraph(unit)
    slow = {name: round(s, 2) for name, fn in SCANNERS.items() if (s := cpu(lambda: fn(text))) > BOUND}
    assert not slow, f"100 KB of {unit!r}: {slow}"


def test_four_times_the_paragraph_costs_about_four_times_as_much():
    """Linear, not merely fast: 4x the text costs well under the 16x a quadratic scanner would
    (the best of a few runs, the collector paused, so that a busy machine does not decide)."""
    import gc

    def best(fn, text, runs):
        gc.collect()
        gc.disable()
        try:
            return min(cpu(lambda: fn(text)) for _ in range(runs))
        finally:
            gc.enable()

    for unit in ("devolución gratis ", "la tienda de Sevilla abre de 9 a 14 h ", "[x]("):
        text = paragraph(unit)[: SIZE // 2]
        for name, fn in SCANNERS.items():
            once = max(best(fn, text, 3), 0.01)
            four = best(fn, text + text[9:] * 3, 2)
            assert four < 8 * once, f"{name} on {unit!r}: {once:.2f} s, then {four:.2f} s for 4x the text"


CHECK_UNITS = ["lunes ", "[x](", "9 a ", "devolución gratis ", "abrimos de 9 a 14 h ",
               "salvo la tienda de Sevilla cierra los domingos ", "te respondemos en 1 hora por chat ",
               "612 345 678 "]


@pytest.mark.parametrize("unit", CHECK_UNITS)
def test_every_check_reads_a_long_paragraph_in_bounded_time(unit, tmp_path):
    """The paragraph in an FAQ answer of the example (as in tests/test_malformed.py), every check."""
    import kbgen.checks as checks
    from kbgen.engine import load_project
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    faq = content / "faq" / "envios.yaml"
    text = faq.read_text(encoding="utf-8")
    assert "al entregarlo." in text
    faq.write_text(text.replace("al entregarlo.", "al entregarlo. " + unit * (SIZE // len(unit)), 1), encoding="utf-8")
    project, _, unreadable = load_project(str(content))
    assert not unreadable
    checks.load_families()
    options = checks.Options(today=dt.date(2026, 11, 29), search=False, lang=project.site.language)
    slow = {}
    for fn in checks.CHECKS:
        if fn.__name__.startswith("search"):
            continue
        spent = cpu(lambda: list(fn(project, options)))
        if spent > BOUND:
            slow[fn.__name__] = round(spent, 2)
    assert not slow, f"100 KB of {unit!r} in an answer: {slow}"
