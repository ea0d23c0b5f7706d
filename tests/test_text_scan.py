"""The helpers that keep the prose scanners linear answer exactly what the slow searches they
replace answer (random texts against those searches)."""
from __future__ import annotations

import random
import re

from kbgen.checks.structure import _HREF, _INLINE, _hrefs, _inline_links, _plain_heading
from kbgen.checks.text import _EXCEPT, _PLURAL_STORES
from kbgen.text import claims
from kbgen.text.scan import Occurrences, Spans, ends_with


def test_spans_overlap_like_a_list():
    rng = random.Random(1)
    for _ in range(2000):
        spans, added = Spans(), []
        for _ in range(rng.randint(0, 30)):
            a = rng.randint(0, 60)
            b = a + rng.randint(1, 8)
            if rng.random() < 0.5:
                spans.add(a, b)
                added.append((a, b))
            else:
                assert spans.overlaps(a, b) == any(a < y and x < b for x, y in added)


def test_ends_with_searches_only_the_last_words():
    patterns = [(claims._CLOCK_BEFORE, 3), (claims._PAST_ADJACENT_BEFORE, 5), (claims._UP_TO_BEFORE, 4),
                (claims._LOWER_BOUND_BEFORE, 3), (claims._ON_A_DAY_BEFORE, 2), (claims._RANGE_CLOCK_BEFORE, 2)]
    words = ("antes de las hasta a desde de despues at by before after until hace en los ultimos durante las "
             "mas unos last past up to un el - al menos como minimo no lo pides hechos on placed plazo entre "
             "x 9 ,").split()
    rng = random.Random(2)
    for _ in range(20000):
        s = "".join(rng.choice(words) + rng.choice([" ", "  ", "", "\t"]) for _ in range(rng.randint(0, 12)))
        end = rng.randint(0, len(s))
        for rx, n in patterns:
            assert bool(ends_with(rx, s, end, n)) == bool(rx.search(s[:end])), (rx.pattern, s[:end])


def test_except_before_steps_over_any_number_of_fillers():
    rng = random.Random(3)
    words = "salvo excepto sin incluir no incluye excluidas a en para la las los islas the to in for x Canarias".split()
    for _ in range(20000):
        s = "".join(rng.choice(words) + rng.choice([" ", "  ", ""]) for _ in range(rng.randint(0, 14)))
        end = rng.randint(0, len(s))
        assert claims._except_before(s, end) == bool(claims._EXCEPT_BEFORE.search(s[:end])), s[:end]


def test_occurrences_within_a_slice():
    rng = random.Random(4)
    words = ["salvo", "excepto", "menos", "except", "except for", "but not", "tiendas", "locales", "stores",
             "x", "a", "sal", "vo", "tienda", "s", ",", " "]
    for rx, longest in ((_EXCEPT, 10), (_PLURAL_STORES, 16)):
        for _ in range(5000):
            body = "".join(rng.choice(words) + rng.choice(["", " ", ","]) for _ in range(rng.randint(0, 12)))
            s = "\n" + body + "\n"
            occ = Occurrences(rx, s, 1, 1 + len(body), longest)
            for _ in range(8):
                x = rng.randint(1, 1 + len(body))
                y = rng.randint(x, 1 + len(body))
                assert occ.within(x, y) == bool(rx.search(s[x:y])), (s, x, y)


def test_links_and_headings_as_the_regexes_read_them():
    rng = random.Random(5)
    alphabet = list('[]()<>"\' \n\tax/#.') + ["](", "](<", "[x](y)"]
    for _ in range(50000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert list(_inline_links(t)) == [(m.start(1), m.group(1)) for m in _INLINE.finditer(t)], t
        heading = re.sub(r"[*_`]|<[^>]+>", "", re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", t))
        assert _plain_heading(t) == heading, t
    pieces = ["<a ", "<A\n", "<a", "href", "HREF", "=", " ", '"', "'", ">", "x", "<", "a"]
    for _ in range(50000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert list(_hrefs(t)) == [(m.start(1), m.group(1)) for m in _HREF.finditer(t)], t
