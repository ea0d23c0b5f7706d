"""Helpers that keep the prose scanners linear in the length of a sentence.

A scanner that, for each match in a sentence, searches everything before it (``rx.search(s[:m.start()])``)
or compares the match with every earlier one costs the square of the sentence's length: a pasted
paragraph of 100 KB repeating "envío gratis" or "de 9 a 14 h" took minutes. These helpers answer the
same questions with work bounded per match.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional


def words_before(s: str, end: int, words: int, start: int = 0) -> int:
    """Where the last ``words`` whitespace-separated words of ``s[start:end]`` begin (with any spaces
    after them): no earlier than ``start``."""
    i = end
    for _ in range(words):
        while i > start and s[i - 1].isspace():
            i -= 1
        while i > start and not s[i - 1].isspace():
            i -= 1
        if i == start:
            break
    return i


def ends_with(rx: re.Pattern, s: str, end: int, words: int, start: int = 0) -> Optional[re.Match]:
    """``rx.search(s[start:end])`` for a pattern anchored at its end (``$``) whose matches span at
    most ``words`` words: only those last words are searched. A match that ends at ``end`` lies
    within them, and the pattern's look-behinds and ``\\b`` still see the characters before them,
    so the answer is the same (a match or none; positions are in ``s``)."""
    return rx.search(s, words_before(s, end, words + 1, start), end)


class Spans:
    """Spans of a text, as a sorted list of disjoint ones (touching or overlapping spans merged):
    whether a new span overlaps one of them takes a binary search instead of a pass over all."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, a: int, b: int) -> bool:
        """True when [a, b) shares a character with a span added before."""
        i = bisect.bisect_left(self.starts, b) - 1  # the last span starting before b
        return i >= 0 and self.ends[i] > a

    def add(self, a: int, b: int) -> None:
        lo = bisect.bisect_left(self.ends, a)  # the first span that ends at or after a
        hi = bisect.bisect_right(self.starts, b)  # past the last span that starts at or before b
        if lo < hi:  # merge with the spans it touches
            a, b = min(a, self.starts[lo]), max(b, self.ends[hi - 1])
        self.starts[lo:hi] = [a]
        self.ends[lo:hi] = [b]


class Occurrences:
    """Whether ``rx.search(s[x:y])`` finds something, for many slices of one span ``s[a:b]``.

    For word patterns (``\\b(?:tiendas|…)\\b``) that look at no more than the characters of their
    match and the one on either side, and match at most ``longest`` characters. The matches in
    ``s[a:b]`` are found once; a slice holds one of them, or one that only the slice's own edges make
    (a word cut by the slice reads as a whole word), which is looked for at the two edges only. The
    characters around ``s[a:b]`` must not be word characters (a sentence)."""

    def __init__(self, rx: re.Pattern, s: str, a: int, b: int, longest: int):
        self.rx, self.s, self.longest = rx, s, longest
        spans = [m.span() for m in rx.finditer(s, a, b)]
        self.starts = [x for x, _ in spans]
        self.ends = [y for _, y in spans]

    def within(self, x: int, y: int) -> bool:
        if x >= y:
            return False
        i = bisect.bisect_left(self.starts, x)
        if i < len(self.starts) and self.ends[i] <= y:
            return True  # a match of the span lies in the slice
        edge = self.longest + 1
        if self.rx.match(self.s[x:min(y, x + edge)]):
            return True  # a word the slice's start cuts reads as a whole word there
        # a word the slice's end cuts (a search from a position sees the character before it)
        return bool(self.rx.search(self.s, max(x, y - edge), y))
