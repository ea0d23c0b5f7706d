"""Promises in prose: find the measurable and yes/no claims a text makes.

``extract_claims`` reads Spanish and English sentences such as "Entrega en 24 horas
en toda la península", "30 días para devolver", "te respondemos en menos de 1 hora",
"hasta un 30 % de descuento" or "abrimos de lunes a sábado de 9 a 21 h" and returns
one :class:`Claim` per promise, with the sentence it came from. ``claim_from_spec``
builds the same claim from an explicit ``claim:`` mapping in promises.yaml.

How a sentence is read:

1. It is split from the text (``. ! ?`` + space, blank lines, list items); questions,
   past-tense facts ("hace 30 días", "entregábamos…") and disclaimers ("no garantizamos…")
   carry no promise.
2. Opening promises are taken first (they own "24 horas", "7 días a la semana",
   "de 9 a 21 h"), then free returns / free shipping, then discounts, then durations.
3. A duration belongs to the nearest *cue* word: a cue before it ("entrega en 24 h",
   "reembolso en 5 días") or right after it through "para/de/to" ("30 días para
   devolver", "30-day returns"). Cues that are not promises (garantía, prueba,
   validez, financiación, salida del almacén) absorb their durations, so
   "30 días de garantía" and "salen del almacén el mismo día" make no claim.
4. Zones and channels named in the sentence are paired with the durations: one group
   applies to all of them, as many groups as durations pair in order, else nearest.

A text, then each sentence, is read only if a trigger finds something no claim goes without
(a digit, "gratis", a number word before a unit...; see "which sentences can hold a claim"),
and each sentence once per context (a cache): most sentences of a help site are never scanned.
Every scanner is linear in the sentence's length (kbgen.text.scan), so a pasted paragraph of
100 KB costs what its size says.

All positions refer to the text as given. No I/O; pure functions.
Opening day sets use 0 = Monday … 6 = Sunday (the order of ``kbgen.hours``).
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from kbgen.text.fold import fold_same_length, is_latin1
from kbgen.text.scan import Spans, ends_with, words_before
from kbgen.text.trigger import any_digit
from kbgen.text.trigger import has_digit
from kbgen.text.trigger import tokens as _tokens
from kbgen.text.trigger import trie as _trie
from kbgen.text.trigger import trigger as _trigger

# ------------------------------------------------------------------ values

UNIT_MINUTES = {"m": 1, "h": 60, "d": 1440, "w": 10080, "mo": 43200}  # a month counts 30 days
_UNIT_NAMES_ES = {
    "m": ("minuto", "minutos"),
    "h": ("hora", "horas"),
    "d": ("día", "días"),
    "w": ("semana", "semanas"),
    "mo": ("mes", "meses"),
}


@dataclass(frozen=True)
class Span:
    """A duration or a range of durations in minutes; ``unit`` only steers display."""

    min_minutes: int
    max_minutes: int
    unit: str = field(default="", compare=False)  # m h d w mo, nextday, sameday

    def __post_init__(self):
        if not 0 <= self.min_minutes <= self.max_minutes:
            raise ValueError(f"bad span {self.min_minutes}..{self.max_minutes}")

    def __str__(self) -> str:
        return fmt_span(self)


def _num(x: float) -> str:
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.2f}".rstrip("0").replace(".", ",")


def _guess_unit(span: Span) -> str:
    hi = span.max_minutes
    if hi % 60 or hi < 60:
        return "m"
    if hi % 1440 or hi < 2880 or span.min_minutes % 1440:
        return "h"
    return "d"


def fmt_span(span: Span, business_days: bool = False) -> str:
    """A span as a person reads it: '24 horas', '48–72 horas', '2 días laborables'."""
    unit = span.unit if span.unit in UNIT_MINUTES or span.unit in ("nextday", "sameday") else ""
    if unit == "nextday" and span.max_minutes == 1440:
        return "al día siguiente laborable" if business_days else "al día siguiente"
    if unit == "sameday":
        return "el mismo día"
    if business_days and not span.min_minutes % 1440 and not span.max_minutes % 1440:
        unit = "d"
    if unit not in UNIT_MINUTES or span.min_minutes % UNIT_MINUTES[unit] or span.max_minutes % UNIT_MINUTES[unit]:
        unit = _guess_unit(span)
    size = UNIT_MINUTES[unit]
    lo, hi = span.min_minutes / size, span.max_minutes / size
    one, many = _UNIT_NAMES_ES[unit]
    text = f"{_num(hi)} {one if hi == 1 else many}" if lo == hi else f"{_num(lo)}–{_num(hi)} {many}"
    if business_days and unit == "d":
        text += " laborable" if lo == hi == 1 else " laborables"
    return text


def business_to_calendar_days(days: float) -> float:
    """The longest calendar stretch N business days can cover (weekends, no holidays):
    1 -> 3 (Friday evening to Monday evening), 5 -> 7, 6 -> 10."""
    return days + 2 * math.ceil(days / 5) if days > 0 else 0


# ------------------------------------------------------------------ the claim

OPS = ("at_most", "at_least", "equals", "is_true", "is_false")


@dataclass(frozen=True)
class Claim:
    """One promise: ``metric`` ``op`` ``value`` (+ where it applies and where it was read).

    ``value`` is a :class:`Span` for durations, a number for percentages, a bool for
    yes/no promises, an int for ``opening.days_per_week`` and
    ``(frozenset(days), ((start_min, end_min), ...))`` for ``opening.hours``.
    ``start``/``end``/``sentence`` locate the sentence in the text (0/0/"" for a spec).
    """

    metric: str
    op: str
    value: Any
    business_days: bool = False
    zone: str | None = None
    channel: str | None = None
    threshold: float | None = None
    start: int = 0
    end: int = 0
    sentence: str = ""
    cutoff: int | None = None  # "pide antes de las 14:00": minutes since midnight
    except_zones: tuple[str, ...] = ()  # "en toda España salvo Canarias" (zone is then None)

    @property
    def setting(self) -> str:
        """The operations.yaml path the claim is about: 'delivery.peninsula', 'max_discount'."""
        if self.metric == "delivery":
            return f"delivery.{self.zone}" if self.zone else "delivery"
        if self.metric == "first_response":
            return f"first_response.{self.channel}" if self.channel else "first_response"
        return {"discount": "max_discount", "shipping.free": "free_shipping_from"}.get(self.metric, self.metric)


# ------------------------------------------------------------------ text helpers

_EXTRA_FOLD = str.maketrans("\u00a0\u202f\u2009\u2013\u2014\u2010\u2011\u2212\u2019", "   -----'")


_EXTRA_CHARS = re.compile("[\u00a0\u202f\u2009\u2013\u2014\u2010\u2011\u2212\u2019]")


@functools.lru_cache(maxsize=8)  # a text is folded once for its claims and once more to see whether it looks like a promise
def _fold(text: str) -> str:
    """Lowercase, no accents (ñ kept), one kind of space and dash; same length as text."""
    folded = fold_same_length(text)
    if is_latin1(folded) and "\u00a0" not in folded:  # the others of _EXTRA_CHARS are above U+00FF
        return folded
    return folded.translate(_EXTRA_FOLD) if _EXTRA_CHARS.search(folded) else folded


_SENTENCE_BREAK = re.compile(
    r"""(?<=[.!?])["»”)\]*_]*\s+           # end punctuation, then space
      | \n[ \t]*\n\s*                    # blank line
      | \n(?=[ \t]*(?:[-*+•>#|]|\d+[.)]\s)) # next line is a list item, quote, heading or table row
      | \n(?=[ \t]*[A-ZÁÉÍÓÚÑ¿¡])          # next line starts a new sentence...
    """,
    re.X,
)
# ...unless the line ends in a word that cannot end one ("a", "de", "en", "la", …).
_OPEN_LINE_END = re.compile(r"\b(?:a|al|de|del|en|el|la|los|las|y|o|con|por|para|sin|un|una|que|to|the|of|in|and)\s*$", re.I)
_SENTENCE_TRIM = re.compile(r"\s*(?:(?:[-*+•>|]|#+|\d+[.)])\s+)*")
_ABBREVIATIONS = frozenset("dto dcto avda av c sr sra srta nº n núm num tel tfno ej etc aprox approx pág vol".split())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, trimmed of spaces and list markers."""
    spans, pos = [], 0
    for m in _SENTENCE_BREAK.finditer(text):
        word = re.search(r"([\wº]+)\.$", text[max(0, m.start() - 12):m.start()])
        if word and word.group(1).lower() in _ABBREVIATIONS and "\n" not in m.group(0):
            continue
        if m.group(0).count("\n") == 1 and not m.group(0).lstrip(" \t").startswith("\n") \
                and text[m.start() - 1:m.start()] not in ".!?" and _OPEN_LINE_END.search(text, pos, m.start()):
            continue
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        lead = _SENTENCE_TRIM.match(text, a, b)
        a2 = lead.end() if lead else a
        b2 = b
        while b2 > a2 and text[b2 - 1] in " \t\r\n|":
            b2 -= 1
        if b2 > a2:
            out.append((a2, b2))
    return out


@dataclass(frozen=True)
class _Hit:
    """Where a table's pattern matched in a sentence, with what it stands for."""

    start: int
    end: int
    key: Any
    weight: int = 0


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


_COMPILED: dict[tuple[str, ...], tuple[list[re.Pattern], Optional[re.Pattern]]] = {}


def _compiled(table: list[tuple[Any, str, int]]):
    """Each row's pattern compiled once, and the whole table as one alternation."""
    pats = tuple(p for _, p, _ in table)
    comp = _COMPILED.get(pats)
    if comp is None:
        rows = [re.compile(rf"\b(?:{p})\b") for p in pats]
        anyrow = re.compile("|".join(rf"\b(?:{p})\b" for p in pats)) if pats else None
        comp = _COMPILED[pats] = (rows, anyrow)
    return comp


def _hits(table: list[tuple[Any, str, int]], text: str) -> list[_Hit]:
    """Non-overlapping matches of a (key, pattern, weight) table; earlier rows win overlaps."""
    rows, anyrow = _compiled(table)
    if anyrow is None or not anyrow.search(text):  # most sentences match no row at all
        return []
    taken: list[_Hit] = []
    spans = Spans()
    for (key, _, weight), rx in zip(table, rows):
        for m in rx.finditer(text):
            if not spans.overlaps(m.start(), m.end()):
                spans.add(m.start(), m.end())
                taken.append(_Hit(m.start(), m.end(), key, weight))
    return sorted(taken, key=lambda h: h.start)


def _free(start: int, end: int, used: Spans) -> bool:
    return not used.overlaps(start, end)


# ------------------------------------------------------------------ numbers and durations

NUM_WORDS = {
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "catorce": 14,
    "quince": 15, "veinte": 20, "veinticuatro": 24, "treinta": 30, "cuarenta y ocho": 48,
    "sesenta": 60, "noventa": 90, "media": 0.5, "un par de": 2,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20,
    "twenty-four": 24, "thirty": 30, "forty-eight": 48, "sixty": 60, "ninety": 90,
    "a couple of": 2,
}
UNIT_WORDS = {
    "minutos": "m", "minuto": "m", "mins": "m", "min": "m", "minutes": "m", "minute": "m",
    "horas": "h", "hora": "h", "hrs": "h", "hr": "h", "h": "h", "hours": "h", "hour": "h",
    "dias": "d", "dia": "d", "days": "d", "day": "d",
    "semanas": "w", "semana": "w", "weeks": "w", "week": "w",
    "meses": "mo", "mes": "mo", "months": "mo", "month": "mo",
}
_BUSINESS_WORDS = ("laborables", "laborable", "habiles", "habil", "laborales", "utiles", "business", "working")

_A_UNIT_AHEAD = r"(?=\s+(?:hour|day|week|month|minute|business|working|calendar))"  # "a day", "an hour"
_NUM_WORD = rf"(?:{_alt(NUM_WORDS)})\b|an?{_A_UNIT_AHEAD}"
_NUM = rf"(?:\d+(?:,\d+|\.\d(?!\d))?|{_NUM_WORD})"
_DURATION = re.compile(
    rf"""(?<![\w:.,/])(?P<a>{_NUM})
        (?:\s*(?:-|/|a|al|y|o|to|or)\s*(?P<b>{_NUM}))?
        \s*-?\s*
        (?:(?P<pre>business|working|calendar)\s+)?
        (?P<unit>{_alt(UNIT_WORDS)})(?![a-zñ])
        (?:\s+(?P<qual>laborables?|habiles|habil|laborales|utiles|naturales|de\s+calendario))?""",
    re.X,
)
_RELATIVE = re.compile(
    r"""(?P<nextday>(?:al|el)\s+dia\s+siguiente(?:\s+(?P<nd_b>laborable|habil))?
          | next[- ](?P<nd_b2>business[- ]|working[- ])?day
          | (?<!la\s)(?<!esta\s)(?<!cada\s)(?<!pasado\s)\bmañana\b | tomorrow | overnight)
      | (?P<sameday>(?:en\s+)?el\s+mismo\s+dia | same[- ]day)""",
    re.X,
)


def _number(word: str) -> float:
    word = re.sub(r"\s+", " ", word)
    if word in ("a", "an"):
        return 1
    if word in NUM_WORDS:
        return NUM_WORDS[word]
    return float(word.replace(",", "."))


def _span_of(m: re.Match) -> tuple[Span, bool] | None:
    """The Span of a duration match and whether it counts business days."""
    unit = UNIT_WORDS[re.sub(r"\s+", " ", m["unit"])]
    size = UNIT_MINUTES[unit]
    a = _number(m["a"])
    b = _number(m["b"]) if m["b"] else a
    if a > b or b <= 0:
        return None
    business = bool(m["pre"] in ("business", "working") or (m["qual"] and not m["qual"].startswith(("natur", "de"))))
    return Span(round(a * size), round(b * size), unit), business


# ------------------------------------------------------------------ cue words

_DISPATCH = "dispatch"
_NOT_A_PROMISE = "-"

# (metric, pattern, weight): the metric a duration near these words is about.
# Earlier rows win overlaps; weight is added to the distance (weak cues).
_CUES: list[tuple[str, str, int]] = [
    ("returns.refund_within",
     r"reembols\w*|(?:te\s+)?devolvemos\s+(?:el|tu|su)\s+(?:dinero|importe)|devolveremos\w*"
     r"|devolucion\s+del\s+(?:dinero|importe)|dinero\s+devuelto|abon(?:o|amos|aremos)\w*|refund\w*|money\s+back|reintegr\w*", 0),
    (_NOT_A_PROMISE,
     r"garantia\w*|warrant\w*|prueba|trial|validez|valid[oa]s?|caduc\w*|expir\w*|financ\w*|cuotas|intereses"
     r"|llevamos|experiencia|antiguedad|guardamos|hold|reparacion\w*|repara\w*|taller|montaje|instalacion\w*"
     r"|presupuesto\w*|repair\w*|installation|recog\w*|recogida|pick\s*up|collect", 0),
    (_DISPATCH,
     r"sal(?:e|en|dra|dran)\s+(?:de\s+nuestro\s+|del\s+)almacen|preparamos|preparado|dispatch\w*|despach\w*", 0),
    ("returns.window", r"devol\w*|devuelv\w*|cambiar\w*|cambios|desistimiento|returns?|returned|returning", 0),
    ("first_response",
     r"respond\w*|respuesta\w*|contest\w*|atendemos|atenderemos|te\s+llamamos|reply|replies|answer\w*"
     r"|get\s+back\s+to\s+you|hear\s+back|responses?", 0),
    ("delivery",
     r"entreg\w*|envi(?:o|os|amos|a|an|ado|ados|ada|adas|aremos|arlo|arla)|reparto|repart\w*|deliver\w*"
     r"|ship(?:s|ped|ping)?|a\s+domicilio|en\s+(?:tu|su)\s+casa|at\s+your\s+door", 0),
    ("delivery", r"recib\w*|llega\w*|pedidos?|compras?|orders?|arriv\w*|receiv\w*|get\s+it|tendras|tienes\s+tu"
                 r"|lo\s+tienes|pid[eoa]\w*|pedir", 12),
]
# a cue after the duration counts through "para/de/to/for", past a "desde …" phrase:
# "30 días para devolver", "30 días naturales desde la entrega para devolverlo", "30-day returns"
_CUE_AFTER_LINK = re.compile(
    r"\s*|\s*(?:(?:desde|from)\s+(?:que\s+)?(?:[\wñ]+\s+){0,3})?(?:para|de|to|for|en)\s+(?:[\wñ]+\s+){0,2}")
_LOWER_BOUND_BEFORE = re.compile(
    r"\b(?:al\s+menos|como\s+minimo|un\s+minimo\s+de|minimo|at\s+least|a\s+minimum\s+of|no\s+antes\s+de)\s+$")
_EXCEPT_BEFORE = re.compile(
    r"\b(?:salvo|excepto|menos|except|excluding|sin\s+incluir|no\s+incluye|excluid[oa]s?)\s+"
    r"(?:(?:a|en|para|las?|los|islas|the|to|in|for)\s+)*$")
_PAST_ADJACENT_BEFORE = re.compile(
    r"(?:\bhace|\bdesde\s+hace|\b(?:en|durante)\s+(?:los|las)\s+ultim[oa]s|\blast|\bpast)\s+(?:unos\s+|unas\s+|mas\s+de\s+)?$")
_PAST_ADJACENT_AFTER = re.compile(r"\s+(?:ago|atras)\b")  # matched right after a duration
_ON_A_DAY_BEFORE = re.compile(  # "si lo pides un día laborable", "pedidos hechos un día festivo", "on a business day"
    r"\b(?:(?:lo|la|los|las)\s+(?:haces|hagas|pides|pidas|compras|compres|realizas|realices|confirmas|confirmes"
    r"|tramitas|tramites|pagas|pagues)|(?:hech|realizad|confirmad|pagad|tramitad)[oa]s?|on|placed)\s+$")
_CLOCK_BEFORE = re.compile(
    r"\b(?:antes\s+de|hasta|a|desde|de|despues\s+de|at|by|before|after|until)\s+las?\s+$"
    r"|\b(?:at|before|after|until)\s+$")
_RANGE_CLOCK_BEFORE = re.compile(r"(?<!plazo\s)(?<!maximo\s)(?<!periodo\s)(?<!tiempo\s)\b(?:de|desde|from|entre\s+las)\s+$")

_ZONES: list[tuple[str | None, str, int]] = [
    ("peninsula", r"peninsula\w*|mainland(?:\s+spain)?|spanish\s+mainland", 0),
    ("baleares", r"(?:islas\s+)?baleares|balears|balearic(?:\s+islands)?|mallorca|menorca|ibiza|formentera", 0),
    ("canarias", r"(?:islas\s+)?canarias|canary\s+islands|tenerife|gran\s+canaria|lanzarote|fuerteventura", 0),
    ("ceuta", r"ceuta", 0),
    ("melilla", r"melilla", 0),
    (None, r"toda\s+españa|todo\s+el\s+(?:pais|territorio(?:\s+nacional)?)|nivel\s+nacional|all\s+(?:of\s+)?spain"
           r"|nationwide|anywhere\s+in\s+spain", 0),
]
_CHANNELS: list[tuple[str, str, int]] = [
    ("whatsapp", r"whats\s?app", 0),
    ("chat", r"chat(?:\s+en\s+(?:vivo|directo|linea))?|live\s+chat", 0),
    ("formulario", r"formulario\w*|contact\s+form|web\s+form", 0),
    ("correo", r"correo(?:s)?(?:\s+electronicos?)?|e-?mails?", 0),
    ("telefono", r"telefon\w*|llamad\w*|llamanos|llamamos|llamaremos|llamar|phone|calls?", 0),
    ("correo", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", 0),  # an e-mail address
    ("whatsapp", r"escrib\w*\s+al\s+\+?\d[\d\s]{7,}\d", 0),  # "escríbenos al 612 345 678"
]
_CONNECTOR = re.compile(  # possessive spaces: a long run of them is read once (the same matches)
    r"\s*+(?:,|y|e|o|u|and|or|&|/|\+)?\s*+(?:(?:el|la|los|las|the|por|para|en|a|al|to|in|by)\s++)?")

_QUESTION = re.compile(r"^\s*¿|\?\s*[\"»”)]*\s*$")
_PAST = re.compile(
    r"\b(?:hace\s+(?:\d+|un|una|unos|unas|dos|tres)|el\s+(?:mes|año|ano)\s+pasado|la\s+semana\s+pasada|antiguamente"
    r"|solia\w*|\w+(?:abamos|aban)|tardaba|entregaba|enviaba|respondia\w*|tardo|tardamos\s+\w+\s+en\s+el\s+pasado"
    r"|fue|fueron|tuvimos|hemos\s+tenido|ayer|anteriormente|ago|used\s+to|was|were|last\s+(?:year|month|week)"
    r"|previously|yesterday)\b"
)
_DISCLAIMER = re.compile(
    r"\b(?:no\s+(?:garantizamos|podemos\s+garantizar|prometemos|aseguramos|se\s+garantiza)"
    r"|sin\s+garantia|not\s+guaranteed|cannot\s+guarantee|can't\s+guarantee|do\s+not\s+guarantee)\b"
    r"|\bsi\s+(?:\w+\s+){0,3}no\s+(?:ha|han|has|recibes|llega|te\s+llega|recibiste)\b"
    r"|\bif\s+(?:\w+\s+){0,3}(?:has\s+not|hasn't|have\s+not|haven't|did\s+not|didn't|does\s+not|doesn't)\b"
)
_CUTOFF = re.compile(
    r"\b(?:antes\s+de\s+las?|hasta\s+las?)\s+(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>am|pm|p\.m\.|a\.m\.)?"
    r"|\b(?:before|by)\s+(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?\s*(?P<ap2>am|pm)?"
)


def _cutoff(s: str) -> int | None:
    for m in _CUTOFF.finditer(s):
        h, mm, ap = (m["h"], m["m"], m["ap"]) if m["h"] else (m["h2"], m["m2"], m["ap2"])
        if not m["h"] and not (mm or ap):
            continue  # "by 2" alone is not a time
        hour, minute = int(h), int(mm or 0)
        if ap and ap.startswith("p") and hour < 12:
            hour += 12
        if hour <= 24 and minute < 60:
            return hour * 60 + minute
    return None


_AFTER_LINK_WORDS = 9  # _CUE_AFTER_LINK spans at most 8 words ("desde que lo recibas para devolverlo…")


class _Cues:
    """The cue words of a sentence (sorted, disjoint hits) and, for a span, the nearest one: any
    cue before it (distance plus its weight), one after it only through _CUE_AFTER_LINK."""

    def __init__(self, hits: list[_Hit], s: str):
        self.hits, self.s = hits, s
        self.starts = [h.start for h in hits]
        self.ends = [h.end for h in hits]
        self.max_weight = max((h.weight for h in hits), default=0)

    def nearest(self, start: int, end: int) -> _Hit | None:
        """The first hit with the lowest score, as a pass over all of them would find it: only the
        hits that can have it are scored (the last ones before the span, within the largest weight,
        and those after it within the words _CUE_AFTER_LINK can span)."""
        hits, s = self.hits, self.s
        last_before = bisect.bisect_right(self.ends, start) - 1
        first = last_before
        if last_before >= 0:
            reach = start - self.ends[last_before] + self.max_weight  # no earlier cue scores less
            while first > 0 and start - self.ends[first - 1] <= reach:
                first -= 1
        else:
            first = 0
        after = bisect.bisect_left(self.starts, end)
        stop = bisect.bisect_right(self.starts, _words_after(s, end, _AFTER_LINK_WORDS))
        best, best_score = None, None
        for i in (*range(first, last_before + 1), *range(after, stop)):
            h = hits[i]
            if h.end <= start:
                score = start - h.end + h.weight
            else:
                gap = s[end:h.start]
                if not _CUE_AFTER_LINK.fullmatch(gap):
                    continue
                score = len(gap) + h.weight + 1
            if best_score is None or score < best_score:
                best, best_score = h, score
        return best


def _words_after(s: str, pos: int, words: int) -> int:
    """Where the ``words``-th whitespace-separated word after ``pos`` ends."""
    i, n = pos, len(s)
    for _ in range(words):
        while i < n and s[i].isspace():
            i += 1
        while i < n and not s[i].isspace():
            i += 1
    return i


def _groups(hits: list[_Hit], s: str) -> list[list[_Hit]]:
    """Hits joined by 'y', ',', 'o', 'and' form one group: 'Baleares y Canarias'."""
    groups: list[list[_Hit]] = []
    for h in hits:
        if groups and _CONNECTOR.fullmatch(s[groups[-1][-1].end:h.start]):
            groups[-1].append(h)
        else:
            groups.append([h])
    return groups


def _assign(groups: list[list[_Hit]], targets: list[tuple[int, int]], s: str) -> list[list[Any]]:
    """For each target span, the keys of the group that applies to it ([None] for none)."""
    if not groups:
        return [[None] for _ in targets]
    if len(groups) == 1:
        return [[h.key for h in groups[0]] for _ in targets]
    if len(groups) == len(targets):
        return [[h.key for h in g] for g in groups]
    near = _Nearest(groups)
    return [[h.key for h in near(a, b)] for a, b in targets]


class _Nearest:
    """For a span, the group of hits closest to it:
    ``min(groups, key=lambda g: min(abs(a - g[-1].end), abs(g[0].start - b)))``, the first on ties.

    Groups are disjoint and in order, so the distance falls group by group up to the span and
    rises after it: only the last group before it, those overlapping it and the first after it
    can be the closest, found by binary search."""

    def __init__(self, groups: list[list[_Hit]]):
        self.groups = groups
        self.starts = [g[0].start for g in groups]
        self.ends = [g[-1].end for g in groups]

    def __call__(self, a: int, b: int) -> list[_Hit]:
        lo = max(bisect.bisect_right(self.ends, a) - 1, 0)  # the last group ending by a
        hi = min(bisect.bisect_left(self.starts, b), len(self.groups) - 1)  # the first starting at b
        best, best_d = None, None
        for i in range(lo, hi + 1):
            d = min(abs(a - self.ends[i]), abs(self.starts[i] - b))
            if best_d is None or d < best_d:
                best, best_d = self.groups[i], d
        return best


# ------------------------------------------------------------------ opening hours

_DAY_NAMES = {
    "lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5, "sabados": 5,
    "domingo": 6, "domingos": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
_DAY_ABBR = {"lun": 0, "mar": 1, "mie": 2, "jue": 3, "vie": 4, "sab": 5, "dom": 6,
             "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_DAY = rf"(?:(?:{_alt(_DAY_NAMES)})s?)"
_DAY_OR_ABBR = rf"(?:{_DAY}|(?:{_alt(_DAY_ABBR)})\.?)"
_DAYS = re.compile(
    rf"""\b(?:
        (?:de\s+|from\s+)?(?P<d1>{_DAY_OR_ABBR})\s*(?:a|al|-|to|through|hasta)\s*(?P<d2>{_DAY_OR_ABBR})
      | (?P<all>todos\s+los\s+dias|cada\s+dia|every\s+day|daily|a\s+diario)
      | (?P<weekend>(?:los\s+)?fines?\s+de\s+semana|weekends?)
      | (?P<weekdays>entre\s+semana|weekdays)
      | (?:(?:los|el|on)\s+)?(?P<list>{_DAY}(?:\s*(?:,|y|e|and)\s*(?:los\s+)?{_DAY})*)
    )\b""",
    re.X,
)
_TIME = r"\d{1,2}(?:[:.h]\d{2})?\s*(?:h\b|horas\b|hrs\b|am\b|pm\b)?"
_INTERVAL = rf"(?:de\s+|desde\s+|from\s+)?(?:las\s+)?{_TIME}\s*(?:a|-|hasta|to|until)\s*(?:las\s+)?{_TIME}"
_INTERVALS = re.compile(
    rf"(?P<full>24\s*h(?:oras)?\b|24\s*hours\b)|{_INTERVAL}(?:\s*(?:,|y|e|and)\s*(?:por\s+la\s+tarde\s+)?{_INTERVAL})*"
)
_ONE_INTERVAL = re.compile(
    r"(?P<h1>\d{1,2})(?:[:.h](?P<m1>\d{2}))?\s*(?:h\b|horas\b|hrs\b)?\s*(?P<ap1>am|pm)?"
    r"\s*(?:a|-|hasta|to|until)\s*(?:las\s+)?"
    r"(?P<h2>\d{1,2})(?:[:.h](?P<m2>\d{2}))?\s*(?:h\b|horas\b|hrs\b)?\s*(?P<ap2>am|pm)?"
)
_HOURS_LEAD = re.compile(
    r"(?:\s+(?:y|and)\s+(?:festivos|holidays))?"
    r"[\s,:]*(?:(?:abrimos|abre|abren|abiert[oa]s?|estamos\s+abiert[oa]s|open|atendemos)\s+)?"
    r"(?:(?:en\s+)?horario\s+(?:de\s+)?)?")
_OPEN_CUE = re.compile(r"\b(?:abiert[oa]s?|abrimos|abre|abren|open|opens|opening|horario|hours|tiendas?|stores?)\b")
_OPEN_24 = re.compile(
    r"\b24\s*/\s*7\b|\b24\s*(?:h|horas|hours)\s+(?:al\s+dia|a\s+day)\b|\b(?:a|around|round)\s+the\s+clock\b"
    r"|\b(?:abiert[oa]s?|abrimos|abre|abren|open)\s+(?:las\s+|siempre\s+)?24\s*(?:h|horas|hours)\b"
    r"|\b24\s*(?:h|horas|hours)\s+(?:abiert[oa]s?|open)\b"
)
_DAYS_PER_WEEK = re.compile(
    r"\b(?:(?P<n>\d|siete|seis|cinco|seven|six|five)\s*(?:dias\s+(?:a|por)\s+la\s+semana|days\s+a\s+week|/\s*7)"
    r"|(?P<all>todos\s+los\s+dias(?:\s+del\s+año)?|los\s+365\s+dias(?:\s+del\s+año)?|365\s+days\s+a\s+year"
    r"|every\s+day(?:\s+of\s+the\s+(?:week|year))?|cada\s+dia))\b"
)
_SUNDAY_OPEN = re.compile(
    r"\b(?:abrimos|abiert[oa]s?|abre|abren|open|opens)\s+(?:tambien\s+|incluso\s+|even\s+|also\s+)?"
    r"(?:los\s+|el\s+|on\s+)?(?:domingos?|sundays?)\b"
    r"|\b(?:domingos?|sundays?)(?:\s+y\s+festivos)?\s*(?::|,)?\s*(?:tambien\s+)?(?:abiert[oa]s?|abrimos|open)\b"
)
_SUNDAY_CLOSED = re.compile(
    r"\b(?:cerrad[oa]s?|closed|cerramos)\s+(?:los\s+|el\s+|on\s+)?(?:domingos?|sundays?)\b"
    r"|\b(?:los\s+)?(?:domingos?|sundays?)\s*(?::|,)?\s*(?:cerrad[oa]s?|cerramos|closed)\b"
    r"|\bno\s+abrimos\s+(?:los\s+)?domingos?\b"
)


def _day_index(word: str) -> int:
    w = word.rstrip(".")
    if w in _DAY_NAMES:
        return _DAY_NAMES[w]
    if w.endswith("s") and w[:-1] in _DAY_NAMES:
        return _DAY_NAMES[w[:-1]]
    return _DAY_ABBR[w]


def _days_of(m: re.Match) -> frozenset[int]:
    if m["all"]:
        return frozenset(range(7))
    if m["weekend"]:
        return frozenset({5, 6})
    if m["weekdays"]:
        return frozenset(range(5))
    if m["d1"]:
        a, b = _day_index(m["d1"]), _day_index(m["d2"])
        return frozenset((a + i) % 7 for i in range((b - a) % 7 + 1))
    return frozenset(_day_index(w) for w in re.findall(_DAY, m["list"]))


def _clock(h: str, mm: str | None, ap: str | None) -> int | None:
    hour, minute = int(h), int(mm or 0)
    if ap == "pm" and hour < 12:
        hour += 12
    if ap == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return hour * 60 + minute


def _intervals_of(text: str) -> tuple[tuple[int, int], ...] | None:
    out = []
    for m in _ONE_INTERVAL.finditer(text):
        a = _clock(m["h1"], m["m1"], m["ap1"] or (m["ap2"] if m["ap2"] == "am" else None))
        b = _clock(m["h2"], m["m2"], m["ap2"])
        if a is None or b is None or a >= 1440:
            return None
        if b <= a:
            b += 1440  # past midnight, as in kbgen.hours
        out.append((a, b))
    return tuple(sorted(out)) or None


# ------------------------------------------------------------------ free returns / shipping, discounts

_FREE = re.compile(
    r"(?<!feel\s)(?<!toll-)(?<!toll\s)\b(?:gratis|gratuit[oa]s?|gratuitamente|free(?!\s+to\b)|sin\s+(?:coste|costes|gastos|cargo)"
    r"(?:\s+(?:alguno|adicional(?:es)?))?|a\s+coste\s+cero|at\s+no\s+(?:extra\s+)?cost|portes\s+pagados)\b"
)
_FREE_THINGS: list[tuple[str, str, int]] = [
    ("returns.free", r"devol\w*|devuelv\w*|returns?|cambios", 0),
    ("shipping.free", r"gastos\s+de\s+envio|envios?|entregas?|portes|shipping|delivery|postage|transporte", 0),
]
_NOT_FREE_RETURNS = re.compile(
    r"\b(?:gastos|coste|costes|portes)\s+de\s+(?:la\s+)?devoluci\w*\s+(?:\w+\s+){0,2}(?:a\s+(?:tu|su)\s+cargo"
    r"|(?:a|por)\s+cuenta\s+(?:del\s+cliente|tuya|del\s+comprador)|a\s+cargo\s+del\s+cliente)"
    r"|\bla\s+devolucion\s+(?:tiene|tendra)\s+un\s+coste"
    r"|\breturn\s+shipping\s+(?:costs?\s+)?(?:is|are)\s+(?:paid|covered)\s+by\s+(?:the\s+)?customer\b"
    r"|\breturns\s+are\s+not\s+free\b"
)
_NEGATION_BEFORE = re.compile(r"\b(?:no|not|nunca|never|ni)\b(?:\s+[\wñ]+){0,2}\s*$")
_MONEY = r"(?:(?:€|eur|\$|£)\s?(?P<{0}a>\d{{1,3}}(?:\.\d{{3}})+|\d+(?:,\d{{1,2}})?)|(?P<{0}b>\d{{1,3}}(?:\.\d{{3}})+|\d+(?:,\d{{1,2}})?)\s?(?:€|euros?\b|eur\b|\$|£))"
_THRESHOLD = re.compile(
    r"\b(?:a\s+partir\s+de|desde|superiores?\s+a|por\s+encima\s+de|(?:de\s+)?mas\s+de|mayores?\s+(?:a|de)"
    r"|minimo(?:\s+de)?|over|above|from|of|more\s+than|minimum(?:\s+of)?)\s+(?:un\s+|una\s+)?"
    + _MONEY.format("t")
    + r"|" + _MONEY.format("u") + r"\s+(?:o\s+mas|or\s+more)\b"
)
_PERCENT = re.compile(
    r"(?P<neg>(?<![\w%])-\s?)?(?<![\w.,])(?P<a>\d+(?:[.,]\d+)?)(?:\s?%)?"
    r"(?:\s*(?:-|al|a|y|to)\s*(?P<b>\d+(?:[.,]\d+)?))?\s?(?:%|por\s?ciento\b|percent\b)"
)
_DISCOUNT_CUE = re.compile(
    r"\b(?:descuent\w*|dto|dcto|rebaj\w*|off|discount\w*|ahorr\w*|save|saving|promocion\w*|oferta\w*|sale)\b"
)
_NOT_DISCOUNT_AFTER = re.compile(r"\s*(?:de\s+|del\s+)?(?:iva|vat|tae|tin|interes|de\s+(?:los|las|nuestros|nuestras)\b)")
_UP_TO_BEFORE = re.compile(r"\b(?:hasta|up\s+to)\s+(?:un\s+|el\s+|a\s+)?-?\s?$")


def _money(m: re.Match, prefix: str) -> float:
    raw = m[prefix + "a"] or m[prefix + "b"]
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    return float(raw.replace(",", "."))


def _pct(raw: str) -> float | int:
    x = float(raw.replace(",", "."))
    return int(x) if x.is_integer() else x


# ------------------------------------------------------------------ extraction

def extract_claims(text: str, lang: str = "es", *, context: str = "") -> list[Claim]:
    """Every promise in ``text``, in reading order.

    ``lang`` is a hint only: Spanish and English phrasings are both understood because
    help sites mix them (an English banner on a Spanish site). ``context`` (an FAQ
    question, a page title) fills what a sentence leaves unsaid: "Tienes 30 días desde
    que lo recibes" under "¿Cómo devuelvo un producto?" is a return window, and
    "llega en 5-10 días" under "¿Enviáis a Canarias?" is about Canarias.
    """
    folded = _fold(text)
    if not (has_digit(folded) or _CLAIM_TRIGGER.search(folded)):  # _may_claim, for the whole text
        return []  # no sentence can hold a claim (most texts): not even split into sentences
    claims: list[Claim] = []
    seen: set[Claim] = set()
    for start, end in split_sentences(text):
        s = folded[start:end]
        if not _may_claim(s) or not _promissory(s):
            continue
        sentence = text[start:end]  # one string for all its claims: hashed once, not once per claim
        ctx = _context_of(context)
        found = _claims_of_sentence(s, ctx) if len(s) <= _CACHED_SENTENCE else _sentence_claims(s, ctx)
        for c in found:
            claim = Claim(**c, start=start, end=end, sentence=sentence)
            if claim not in seen:
                seen.add(claim)
                claims.append(claim)
    return claims


def channels_in(text: str) -> list[str]:
    """The contact channels a text names, in order, once each: 'telefono', 'correo', 'whatsapp'…"""
    return list(dict.fromkeys(h.key for h in _hits(_CHANNELS, _fold(text))))


def _promissory(s: str) -> bool:
    """False for questions, past-tense facts and disclaimers: they promise nothing."""
    return not (_QUESTION.search(s) or _PAST.search(s) or _DISCLAIMER.search(s))


@dataclass(frozen=True)
class _Context:
    """What the surrounding text (an FAQ question) says: its one metric, zones, channels."""

    metric: str | None = None
    zones: tuple = ()
    channels: tuple = ()

    @classmethod
    def of(cls, text: str) -> "_Context":
        if not text:
            return cls()
        c = _fold(text)
        cues = _hits(_CUES, c)
        strong = {h.key for h in cues if h.weight == 0 and h.key in _OP_OF}
        weak = {h.key for h in cues if h.weight and h.key in _OP_OF}
        metric = next(iter(strong)) if len(strong) == 1 else (next(iter(weak)) if not strong and len(weak) == 1 else None)
        zones = tuple(dict.fromkeys(h.key for h in _hits(_ZONES, c)))
        channels = tuple(dict.fromkeys(h.key for h in _hits(_CHANNELS, c)))
        return cls(metric, zones, channels)


@functools.lru_cache(maxsize=1024)
def _context_of(text: str) -> _Context:
    return _Context.of(text)


_CACHED_SENTENCE = 2000  # longer sentences do not repeat; the cache would only hold them in memory


@functools.lru_cache(maxsize=4096)
def _claims_of_sentence(s: str, ctx: _Context) -> tuple[dict, ...]:
    """_sentence_claims, once per distinct sentence and context (help sites repeat sentences);
    the dicts are only read."""
    return tuple(_sentence_claims(s, ctx))


def _sentence_claims(s: str, ctx: _Context = _Context()) -> list[dict]:
    used = Spans()  # what an earlier scanner read: "7 días a la semana" is no 7-day delivery
    out: list[tuple[int, dict]] = []
    channels = _hits(_CHANNELS, s)
    out += _opening_claims(s, used, channels)
    out += _free_claims(s)
    out += _discount_claims(s, used)
    out += _duration_claims(s, used, channels, ctx)
    return [c for _, c in sorted(out, key=lambda x: x[0])]


def _near_keys(hits: list[_Hit], s: str):
    """For a span, the first key of the group of ``hits`` nearest to it (None without hits): what
    ``_assign(_groups(hits, s), [(a, b)], s)[0][0]`` gives, with the groups made once."""
    if not hits:
        return lambda a, b: None
    nearest = _Nearest(_groups(hits, s))
    return lambda a, b: nearest(a, b)[0].key


_NO_GAP = re.compile(r"[\s,]*(?:(?:los|el|on|de)\s+)?")
_DELIVERY_WORD = re.compile(r"\b(?:entreg|repart|deliver)\w*")


def _opening_claims(s: str, used: Spans, channels: list[_Hit]) -> list[tuple[int, dict]]:
    out: list[tuple[int, dict]] = []
    cue = bool(_OPEN_CUE.search(s))
    channel_near = _near_keys(channels, s)
    ranges: Optional[list[re.Match]] = None  # every hour range of the sentence, when first needed
    delivery: Optional[bool] = None

    for m in _DAYS.finditer(s):  # "de lunes a sábado de 9 a 21 h", "de 9 a 14 h los sábados"
        after = _HOURS_LEAD.match(s, m.end())
        times = _INTERVALS.match(s, after.end())
        if not times:
            # the last range before the days, right before them: _INTERVALS.finditer(s[:m.start()])[-1]
            # is the last range of the whole sentence that ends by then (no range reaches into a day
            # expression, and a range that ends at a letter is cut off by a space before the day)
            if ranges is None:
                ranges = list(_INTERVALS.finditer(s))
                range_ends = [r.end() for r in ranges]
            i = bisect.bisect_right(range_ends, m.start()) - 1
            if i >= 0 and _NO_GAP.fullmatch(s, ranges[i].end(), m.start()):
                times = ranges[i]
        if not times or not _free(min(m.start(), times.start()), max(m.end(), times.end()), used):
            continue
        intervals = ((0, 1440),) if times["full"] else _intervals_of(times.group(0))
        if not intervals:
            continue
        if delivery is None:
            delivery = bool(_DELIVERY_WORD.search(s))
        if not cue and delivery:
            continue  # delivery slots, not opening hours
        a, b = min(m.start(), times.start()), max(m.end(), times.end())
        used.add(a, b)
        out.append((a, dict(metric="opening.hours", op="equals", value=(_days_of(m), intervals),
                            channel=channel_near(a, b))))

    for m in _OPEN_24.finditer(s):
        if _free(m.start(), m.end(), used):
            used.add(*m.span())
            out.append((m.start(), dict(metric="opening.24h", op="is_true", value=True,
                                        channel=channel_near(*m.span()))))

    for m in _DAYS_PER_WEEK.finditer(s):
        if not _free(m.start(), m.end(), used):
            continue
        used.add(*m.span())  # "atendemos 7 días a la semana" is never a 7-day response time
        if cue or channels:
            n = 7 if m["all"] else int(_number(m["n"]))
            out.append((m.start(), dict(metric="opening.days_per_week", op="equals", value=n,
                                        channel=channel_near(*m.span()))))

    for pattern, truth in ((_SUNDAY_CLOSED, False), (_SUNDAY_OPEN, True)):
        for m in pattern.finditer(s):
            if _free(m.start(), m.end(), used):
                used.add(*m.span())
                out.append((m.start(), dict(metric="opening.sunday", op="is_true" if truth else "is_false",
                                            value=truth, channel=channel_near(*m.span()))))
    return out


def _free_claims(s: str) -> list[tuple[int, dict]]:
    out: list[tuple[int, dict]] = []
    frees = list(_FREE.finditer(s))
    if frees:
        things = _hits(_FREE_THINGS, s)
        group_of = {id(h): g for g in _groups(things, s) for h in g}
        thing_near = _NearThing(things, s)
        zone_near = _near_keys(_hits(_ZONES, s), s)
        threshold: Any = ()  # _THRESHOLD.search(s), once
    for m in frees:
        near = thing_near(m.start(), m.end())
        if near is None:
            continue
        group = group_of[id(near)]
        window = re.split(r"[,;:]", s[max(0, m.start() - 30):m.start()])[-1]
        negated = bool(_NEGATION_BEFORE.search(window))
        for thing in group:
            claim = dict(metric=thing.key, op="is_false" if negated else "is_true", value=not negated)
            if thing.key == "shipping.free":
                if threshold == ():
                    threshold = _THRESHOLD.search(s)
                t = threshold
                if t:
                    claim["threshold"] = _money(t, "t" if (t["ta"] or t["tb"]) else "u")
                claim["zone"] = zone_near(*m.span())
            out.append((m.start(), claim))
    for m in _NOT_FREE_RETURNS.finditer(s):
        out.append((m.start(), dict(metric="returns.free", op="is_false", value=False)))
    return out


class _NearThing:
    """What 'gratis' is about: the thing word overlapping it or within 30 characters of it, not
    across a comma when the thing comes after ('envío gratis', 'free returns'); the first of the
    nearest. Only the things within 30 characters are looked at (found by binary search)."""

    def __init__(self, things: list[_Hit], s: str):
        self.things, self.s = things, s
        self.starts = [h.start for h in things]
        self.ends = [h.end for h in things]

    def __call__(self, start: int, end: int) -> _Hit | None:
        best, best_gap = None, 31
        lo = bisect.bisect_left(self.ends, start - 30)
        hi = bisect.bisect_right(self.starts, end + 30)
        for h in self.things[lo:hi]:
            if h.start < end and start < h.end:
                gap = 0
            elif h.end <= start:
                gap = start - h.end
            else:
                gap = h.start - end
                if re.search(r"[,;:]", self.s[end:h.start]):
                    continue
            if gap < best_gap:
                best, best_gap = h, gap
        return best


_VAT_BEFORE = re.compile(r"\b(?:iva|vat)\s*(?:del?\s*)?$")


def _discount_claims(s: str, used: Spans) -> list[tuple[int, dict]]:
    best: tuple[int, float, str] | None = None
    has_cue = bool(_DISCOUNT_CUE.search(s))
    for m in _PERCENT.finditer(s):
        if _NOT_DISCOUNT_AFTER.match(s, m.end()) or ends_with(_VAT_BEFORE, s, m.start(), 2):
            continue
        if not (has_cue or m["neg"]):
            continue
        value = max(_pct(m["a"]), _pct(m["b"])) if m["b"] else _pct(m["a"])
        op = "at_most" if (m["b"] or ends_with(_UP_TO_BEFORE, s, m.start(), 4)) else "equals"
        used.add(*m.span())
        if best is None or value > best[1]:
            best = (m.start(), value, op)
    if best is None:
        return []
    return [(best[0], dict(metric="discount", op=best[2], value=best[1]))]


_OP_OF = {"delivery": "at_most", "returns.refund_within": "at_most", "first_response": "at_most",
          "returns.window": "at_least"}


def _duration_claims(s: str, used: Spans, channels: list[_Hit],
                     ctx: _Context = _Context()) -> list[tuple[int, dict]]:
    found: list[tuple[int, int, Span, bool]] = []
    read = Spans()
    for m in _DURATION.finditer(s):
        if not _free(m.start(), m.end(), used) or _is_clock(m, s):
            continue
        if ends_with(_PAST_ADJACENT_BEFORE, s, m.start(), 5) or _PAST_ADJACENT_AFTER.match(s, m.end()):
            continue
        if m["a"] in ("un", "una", "a", "an") and not m["b"] and ends_with(_ON_A_DAY_BEFORE, s, m.start(), 2):
            continue  # "si lo haces un día laborable antes de las 14:00": when, not how long
        parsed = _span_of(m)
        if parsed:
            found.append((m.start(), m.end(), *parsed))
            read.add(m.start(), m.end())
    for m in _RELATIVE.finditer(s):
        if _free(m.start(), m.end(), used) and not read.overlaps(m.start(), m.end()):
            if m["nextday"]:
                found.append((m.start(), m.end(), Span(1440, 1440, "nextday"), bool(m["nd_b"] or m["nd_b2"])))
            else:
                found.append((m.start(), m.end(), Span(0, 720, "sameday"), False))
            read.add(m.start(), m.end())
    found.sort(key=lambda f: f[0])
    if not found:
        return []

    cues = _Cues(_hits(_CUES, s), s)
    typed = []
    for a, b, span, business in found:
        cue = cues.nearest(a, b)
        metric = cue.key if cue is not None else ctx.metric
        if _OP_OF.get(metric) == "at_most" and ends_with(_LOWER_BOUND_BEFORE, s, a, 3):
            continue  # "tarda al menos 3 días" states a minimum, it promises nothing
        if metric in _OP_OF:
            typed.append((a, b, span, business, metric))
    if not typed:
        return []

    cutoff = _cutoff(s)
    deliveries = [(a, b) for a, b, *_, k in typed if k == "delivery"]
    responses = [(a, b) for a, b, *_, k in typed if k == "first_response"]
    zone_hits, excluded = [], []
    for group in _groups(_hits(_ZONES, s), s):
        (excluded if _except_before(s, group[0].start) else zone_hits).extend(group)
    except_zones = tuple(dict.fromkeys(h.key for h in excluded if h.key))
    zones_for = iter(_assign(_groups(zone_hits, s), deliveries, s) if zone_hits or not ctx.zones
                     else [list(ctx.zones)] * len(deliveries))
    channels_for = iter(_assign(_groups(channels, s), responses, s) if channels or not ctx.channels
                        else [list(ctx.channels)] * len(responses))

    out: list[tuple[int, dict]] = []
    for a, b, span, business, metric in typed:
        base = dict(metric=metric, op=_OP_OF[metric], value=span, business_days=business)
        if metric == "delivery":
            for zone in next(zones_for):
                out.append((a, dict(base, zone=zone, cutoff=cutoff, except_zones=() if zone else except_zones)))
        elif metric == "first_response":
            for channel in next(channels_for):
                out.append((a, dict(base, channel=channel)))
        else:
            out.append((a, base))
    return out


_EXCEPT_FILLERS = frozenset("a en para la las los islas the to in for".split())  # as in _EXCEPT_BEFORE


def _except_before(s: str, end: int) -> bool:
    """``_EXCEPT_BEFORE.search(s[:end])``: "salvo", "excepto"… then any number of filler words
    ("salvo a las islas"). The fillers at the end are stepped over, then only the words before
    them are searched (the pattern ends with the fillers, so its match starts there)."""
    i = end
    while True:
        j = words_before(s, i, 1)
        if j < i and s[j:i].strip() in _EXCEPT_FILLERS:
            i = j
        else:
            break
    return bool(_EXCEPT_BEFORE.search(s, words_before(s, i, 3), end))


def _is_clock(m: re.Match, s: str) -> bool:
    """'antes de las 14 h', 'entregamos de 9 a 14 h': times of day, not durations."""
    if ends_with(_CLOCK_BEFORE, s, m.start(), 3):
        return True
    if m["b"] and UNIT_WORDS.get(m["unit"]) == "h" and ends_with(_RANGE_CLOCK_BEFORE, s, m.start(), 2):
        a, b = _number(m["a"]), _number(m["b"])
        return a <= 24 and b <= 24 and not (a >= 24 or (a < 6 and b < 12))
    return False


# ------------------------------------------------------------------ "reads like a promise"

_PROMISE_WORDS = re.compile(
    r"\b(?:entreg\w*|envi(?:o|os|amos|a|an)|recib\w*|llega\w*|devol\w*|devuelv\w*|reembols\w*|respond\w*"
    r"|respuesta\w*|contest\w*|descuent\w*|dto|rebaj\w*|abiert[oa]s?|abrimos|delivery|deliver\w*|shipping"
    r"|ships?|returns?|refund\w*|reply|replies|respond\w*|discount\w*|open)\b"
)
_PROMISE_MARK = re.compile(r"\b(?:gratis|gratuit[oa]s?|siempre|free|always)\b|24\s*/\s*7")
_NOT_A_PROMISE_NUMBER = re.compile(
    _MONEY.format("x")
    + r"|\b\d+(?:[.,]\d+)?\s?(?:mm|cm|m|km|kg|g|l|ml|w|kw|v|mah|pulgadas|x\s?\d+)\b"  # sizes
    + r"|\b(?:19|20)\d\d\b"  # years
    + r"|\b\d+\s*-?\s*(?:años|anos|years?)\b"  # warranties, age of the business
    + r"|\+?\d[\d\s]{7,}\d"  # phone numbers
    + r"|(?:n[º°o]\.?|#|pedido|order|ref\.?|referencia)\s*\d+"  # order and product numbers
    + r"|\b\d{1,2}[:.]\d{2}\b"  # clock times
    + r"|\b(?:de|desde|from)\s+\d{1,2}(?:[:.]\d\d)?\s*h?\s*(?:a|-|hasta|to)\s+\d{1,2}(?:[:.]\d\d)?\s*h?\b"  # time slots
)
_WORDED_DURATION = re.compile(  # "en un par de días", "en dos semanas"
    rf"\b(?:{_alt(k for k in NUM_WORDS if NUM_WORDS[k] >= 1)})\s+(?:[\wñ]+\s+)?(?:{_alt(UNIT_WORDS)})\b")
_CLOCK_RANGE = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*h?\s*(?:a|-|hasta|to)\s+\d{1,2}(?:[:.]\d\d)?")


def looks_like_promise(sentence: str, lang: str = "es", *, context: str = "") -> bool:
    """True when ``sentence`` has promise vocabulary and a number or 'gratis'/'siempre'
    but ``extract_claims`` understands nothing in it: worth a warning, not silence."""
    s = _fold(sentence)
    if not _PROMISE_WORDS.search(s) or not _promissory(s):
        return False
    if _OPEN_CUE.search(s) and _CLOCK_RANGE.search(s):
        return not extract_claims(sentence, lang, context=context)  # hours with no days: unreadable
    rest = _NOT_A_PROMISE_NUMBER.sub(" ", s)
    if not (re.search(r"\d", rest) or _PROMISE_MARK.search(s) or _WORDED_DURATION.search(s)):
        return False
    return not extract_claims(sentence, lang, context=context)


# ------------------------------------------------------------------ which sentences can hold a claim
#
# Most sentences of a help site hold no claim ("Lleva el tique a la tienda."), and reading one takes
# a few dozen patterns. So a text, then each of its sentences, is read only when the trigger finds
# in it something no claim goes without: a digit, a number in words right before a unit of time
# ("un par de días", "a day": NUM_WORDS and UNIT_WORDS as _DURATION joins them), or a piece of text
# that one of the other scanners' own patterns cannot match without ("gratis", "mañana",
# "todos los dias", "domingo"...). Those pieces are read from the compiled patterns themselves
# (kbgen.text.trigger), so the trigger follows any change to them; tests/test_claims.py checks that
# random matches of each pattern, and every sentence of the corpora that holds a claim, trigger it.

# _DURATION with its numbers in words: the last number word, then what _DURATION allows between it
# and the unit ("dos días", "twenty-four hours", "a couple of business days", "a day").
_UNIT_AFTER_NUMBER = rf"\b\s*-?\s*(?:(?:business|working|calendar)\s+)?(?:{_alt(UNIT_WORDS)})(?![a-zñ])"
_CLAIM_TRIGGER = _trigger(
    _INTERVALS,  # opening hours (their days, _DAYS, say nothing without them)
    _OPEN_24, _DAYS_PER_WEEK, _SUNDAY_OPEN, _SUNDAY_CLOSED,  # the other opening promises
    _FREE, _NOT_FREE_RETURNS,  # free returns / shipping
    _PERCENT,  # discounts
    _RELATIVE,  # "mañana", "el mismo día": durations without a number
    extra=[(_tokens(w), _UNIT_AFTER_NUMBER) for w in NUM_WORDS] + [(("a",), "n?" + _A_UNIT_AHEAD)],
)
# what looks_like_promise needs: promise vocabulary, and a digit, a mark ("gratis", "siempre") or a
# number in words before a unit (_WORDED_DURATION, whose unit ends a word)
_PROMISE_WORDS_TRIGGER = _trigger(_PROMISE_WORDS)
_PROMISE_MARK_TRIGGER = _trigger(_PROMISE_MARK)
_UNIT_TRIGGER = re.compile(_trie((_tokens(u), "(?![a-zñ])") for u in UNIT_WORDS))


def _may_claim(folded: str) -> bool:
    """False when no scanner can read a claim in ``folded`` (nor in any sentence of it)."""
    return bool(any_digit(folded) or _CLAIM_TRIGGER.search(folded))


def may_look_like_promise(text: str) -> bool:
    """False when no sentence of ``text`` can look like a promise (``looks_like_promise``): it has
    no promise vocabulary, or neither a digit nor "gratis"/"siempre" nor a number in words."""
    s = _fold(text)
    if not (_PROMISE_WORDS_TRIGGER.search(s) and _PROMISE_WORDS.search(s)):
        return False  # most texts: one scan instead of the three below
    return bool(has_digit(s) or (_PROMISE_MARK_TRIGGER.search(s) and _PROMISE_MARK.search(s))
                or (_UNIT_TRIGGER.search(s) and _WORDED_DURATION.search(s)))


# ------------------------------------------------------------------ explicit claims

_METRIC_ALIASES = {"max_discount": "discount", "discount": "discount", "free_shipping_from": "shipping.free",
                   "shipping.free": "shipping.free", "free_shipping": "shipping.free"}
_DURATION_METRICS = {"delivery", "first_response", "returns.window", "returns.refund_within"}
_SPEC_DURATION = re.compile(
    rf"^\s*(?P<a>\d+(?:[.,]\d+)?)\s*(?P<ua>mo|{_alt(UNIT_WORDS)}|m|d|w)?\s*(?:-|a|to)\s*"
    rf"(?P<b>\d+(?:[.,]\d+)?)\s*(?P<ub>mo|{_alt(UNIT_WORDS)}|m|d|w)"
    rf"(?:\s+(?P<qual>{_alt(_BUSINESS_WORDS)}|naturales))?\s*$"
    rf"|^\s*(?P<one>\d+(?:[.,]\d+)?)\s*(?P<u>mo|{_alt(UNIT_WORDS)}|m|d|w)"
    rf"(?:\s+(?P<qual1>{_alt(_BUSINESS_WORDS)}|naturales))?\s*$"
)


def parse_duration(value: Any, default_unit: str | None = None) -> Span:
    """'45m', '10h', '3d', '2d-4d', '48h-72h', '48-72h', '24 horas' -> Span.

    ``m`` is minutes and ``mo`` months. A bare number needs ``default_unit``. A range
    in business days ('2-3 días laborables') becomes its longest calendar stretch
    (see :func:`business_to_calendar_days`). ValueError otherwise.
    """
    if isinstance(value, bool):
        raise ValueError(f"not a duration: {value!r}")
    if isinstance(value, (int, float)):
        if not default_unit:
            raise ValueError(f"duration without a unit: {value!r} (write e.g. 24h or 3d)")
        value = f"{value}{default_unit}"
    text = _fold(str(value)).strip()
    m = _SPEC_DURATION.match(text)
    if not m:
        if default_unit and re.fullmatch(r"\d+(?:[.,]\d+)?", text):
            return parse_duration(text + default_unit)
        raise ValueError(f"not a duration: {value!r} (write e.g. 45m, 10h, 3d or 2d-4d)")

    def unit_of(u: str | None) -> str:
        return {"m": "m", "d": "d", "w": "w", "mo": "mo"}.get(u) or UNIT_WORDS[re.sub(r"\s+", " ", u)]

    if m["one"]:
        a = b = float(m["one"].replace(",", "."))
        ua = ub = unit_of(m["u"])
        qual = m["qual1"]
    else:
        a, b = float(m["a"].replace(",", ".")), float(m["b"].replace(",", "."))
        ub = unit_of(m["ub"])
        ua = unit_of(m["ua"]) if m["ua"] else ub
        qual = m["qual"]
    lo, hi = round(a * UNIT_MINUTES[ua]), round(b * UNIT_MINUTES[ub])
    if qual and qual != "naturales" and ub == "d":
        hi = round(business_to_calendar_days(b) * 1440)
    if lo > hi or hi <= 0:
        raise ValueError(f"not a duration: {value!r}")
    return Span(lo, hi, ub if ua == ub else "")


def parse_percent(value: Any) -> float:
    """'15%', '15 %', 15 -> 15.0; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(f"not a percentage: {value!r}")
    m = re.fullmatch(r"\s*-?\s*(\d+(?:[.,]\d+)?)\s*(?:%|por\s?ciento)?\s*", str(value))
    if not m:
        raise ValueError(f"not a percentage: {value!r} (write e.g. 15%)")
    x = float(m.group(1).replace(",", "."))
    return int(x) if x.is_integer() else x


def parse_bool(value: Any) -> bool:
    """True/False, 'sí'/'no', 'true'/'false', 'yes'/'no'; ValueError otherwise."""
    if isinstance(value, bool):
        return value
    text = _fold(str(value)).strip()
    if text in ("true", "si", "yes", "verdadero"):
        return True
    if text in ("false", "no", "falso"):
        return False
    raise ValueError(f"not a yes/no value: {value!r}")


def _split_metric(path: str) -> tuple[str, str | None, str | None]:
    """'delivery.peninsula' -> ('delivery', 'peninsula', None); 'max_discount' -> ('discount', …)."""
    path = path.strip()
    if path in _METRIC_ALIASES:
        return _METRIC_ALIASES[path], None, None
    head, _, rest = path.partition(".")
    if head == "delivery":
        return "delivery", _fold(rest) or None, None
    if head == "first_response":
        return "first_response", None, rest or None
    return path, None, None


def claim_from_spec(spec: dict) -> Claim:
    """A Claim from an explicit ``claim:`` mapping of promises.yaml.

    ``{metric: delivery.peninsula, at_most: 24h}``, ``{metric: returns.window, at_least: 30d}``,
    ``{metric: max_discount, at_most: 30%}``, ``{metric: returns.free, equals: true}``,
    ``{metric: free_shipping_from, at_most: 50}``; optional ``business_days: true``.
    Any other metric is an operations.yaml path, compared as duration, percentage,
    number or yes/no. ValueError with a readable message on anything else.
    """
    if not isinstance(spec, dict) or not spec.get("metric"):
        raise ValueError("a claim needs a 'metric' (an operations.yaml path such as delivery.peninsula)")
    given = [(op, spec[op]) for op in (*OPS, "is") if op in spec and spec[op] is not None]
    if len(given) != 1:
        raise ValueError(f"a claim needs exactly one of {', '.join(OPS)}; got {[op for op, _ in given] or 'none'}")
    op, raw = given[0]
    metric, zone, channel = _split_metric(str(spec["metric"]))
    zone = spec.get("zone", zone)
    channel = spec.get("channel", channel)
    business = bool(spec.get("business_days", False))
    threshold = spec.get("threshold")

    if op in ("is_true", "is_false", "is"):
        truth = parse_bool(raw)
        if op == "is_false":
            truth = not truth
        op, value = ("is_true" if truth else "is_false"), truth
    elif metric in _DURATION_METRICS:
        value = parse_duration(raw)
    elif metric == "discount":
        value = parse_percent(raw)
    elif metric == "shipping.free":
        if isinstance(raw, bool) or _fold(str(raw)).strip() in ("true", "false", "si", "no", "yes"):
            truth = parse_bool(raw)
            op, value = ("is_true" if truth else "is_false"), truth
        else:
            threshold, op, value = _parse_money(raw), "is_true", True
    elif metric == "returns.free":
        truth = parse_bool(raw)
        op, value = ("is_true" if truth else "is_false"), truth
    else:
        value = parse_value(raw)
    if threshold is not None:
        threshold = _parse_money(threshold)
    return Claim(metric=metric, op=op, value=value, business_days=business, zone=zone,
                 channel=channel, threshold=threshold)


def _parse_money(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(f"not an amount: {value!r}")
    if isinstance(value, (int, float)):
        return float(value)
    m = re.fullmatch(r"\s*(?:€|eur)?\s*(\d+(?:[.,]\d+)?)\s*(?:€|eur|euros)?\s*", _fold(str(value)))
    if not m:
        raise ValueError(f"not an amount in euros: {value!r}")
    return float(m.group(1).replace(",", "."))


def parse_value(value: Any) -> Any:
    """A setting or claim value of unknown kind: bool, Span, percentage or number."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value
    text = str(value).strip()
    for parse in (parse_bool, parse_duration):
        try:
            return parse(text)
        except ValueError:
            pass
    if "%" in text:
        return parse_percent(text)
    return _parse_money(text)
