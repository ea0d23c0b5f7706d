"""Opening hours as people write them: interval lists, weekday sets, statements in prose."""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..hours import DAY_NAMES_ES, Interval
from .dates import MONTHS
from .fold import fold, fold_same_length, is_latin1
from .scan import Spans, ends_with
from .trigger import any_digit, trigger

# --- times and intervals --------------------------------------------------------------------

_T = r"\d{1,2}(?:[:.]\d{2}|h\d{2})?(?!\d)(?:\s*[ap]\.?\s?m\b\.?)?(?:\s*(?:h|hrs?|horas?|hs|hours?)\b\.?)?"
_TIME_RE = re.compile(r"(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?(?:\s*(?P<ap>[ap])\.?\s?m\b)?")
_NOT_TIME_AFTER = (r"(?![\d/]|\s*(?:%|€|eur|euros?|dias|semanas|meses|años|anos|min|minutos|days|weeks|"
                   r"laborables|de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
                   r"octubre|noviembre|diciembre)))")
_RANGE_RE = re.compile(
    rf"(?<![\d/.:,])(?:(?:de|desde)\s+(?:las?\s+)?|from\s+)?({_T})\s*(?:-|a\b|hasta\b|to\b|till\b|until\b)\s*"
    rf"(?:las?\s+)?({_T}){_NOT_TIME_AFTER}"
    rf"|(?<![\w/.:,])entre\s+las?\s+({_T})\s+y\s+las?\s+({_T}){_NOT_TIME_AFTER}"
)
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-"})
_CLOSED_WORDS = {"cerrado", "cerrada", "closed", "-", "--", "x", "no abre", "no abrimos", "descanso",
                 "descanso semanal", "sin servicio", "cerrado todo el dia", "no", "n/a"}
_ALL_DAY = re.compile(r"^(?:abierto\s+|open\s+)?(?:24\s*(?:h|hrs?|horas|hours)\.?(?:\s+al\s+dia)?|24/7|24x7|"
                      r"todo el dia|all day)$")
_FILLER = {"y", "e", "and", "de", "las", "la", "por", "mañana", "mañanas", "tarde", "tardes", "noche", "noches",
           "horario", "h", "horas", "hrs", "continuo", "ininterrumpido", "ininterrumpidamente", "abierto",
           "open", "am", "pm", "morning", "afternoon", "evening"}
_PM_WORDS = re.compile(r"\b(tardes?|noches?|afternoon|evening)\b[^\d]*$")


def parse_time(text: str) -> int:
    """``'9'``, ``'9:30'``, ``'9.30h'``, ``'9h30'``, ``'20:30 h'``, ``'5 pm'`` -> minutes since midnight
    (``'24:00'`` -> 1440)."""
    m = _TIME_RE.search(fold(text))
    if not m:
        raise ValueError(f"no se entiende la hora «{text}»")
    h, mi = int(m.group("h")), int(m.group("m") or 0)
    if m.group("ap"):
        if not 1 <= h <= 12:
            raise ValueError(f"hora imposible «{text}»")
        h = h % 12 + (12 if m.group("ap") == "p" else 0)
    if h > 24 or mi > 59 or (h == 24 and mi):
        raise ValueError(f"hora imposible «{text}»")
    return h * 60 + mi


def _interval(a: str, b: str, before: str) -> Interval:
    start, end = parse_time(a), parse_time(b)
    if start >= 1440:
        raise ValueError(f"hora de apertura imposible «{a}»")
    explicit = re.search(r"[:.h]\d|[ap]\.?\s?m", a + b)
    if _PM_WORDS.search(before) and not explicit and start < 720 and end <= 720:
        start, end = start + 720, end + 720  # "tardes de 5 a 8"
    elif end <= start and not explicit and start <= 720 and end < 720:
        end += 720  # "de 10 a 2": 10:00-14:00, not past midnight
    if end <= start:
        end += 1440  # "de 20:00 a 02:00" runs past midnight
    if end == start + 1440 and start:
        raise ValueError(f"intervalo vacío «{a}-{b}»")
    return Interval(start, end)


def _range_times(m: re.Match) -> tuple[str, str]:
    return (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))


def parse_hours_text(text: str) -> tuple[Interval, ...]:
    """``'9:30 a 14:00 y de 17 a 20:30'`` -> (Interval(570, 840), Interval(1020, 1230)).
    ``'cerrado'`` -> (); ``'24 horas'`` -> (Interval(0, 1440),). ValueError (in Spanish) if unparsable."""
    return _parse_hours_text(str(text))


@functools.lru_cache(maxsize=8192)
def _parse_hours_text(text: str) -> tuple[Interval, ...]:
    """parse_hours_text once per distinct text: door signs and exports repeat "10 a 14h" a lot."""
    t = fold(text).translate(_DASHES).strip(" .;,")
    if not t:
        raise ValueError("horario vacío")
    if t in _CLOSED_WORDS:
        return ()
    if _ALL_DAY.match(t):
        return (Interval(0, 1440),)
    intervals, pos, left = [], 0, []
    for m in _RANGE_RE.finditer(t):
        left.append(t[pos:m.start()])
        intervals.append(_interval(*_range_times(m), t[pos:m.start()]))
        pos = m.end()
    left.append(t[pos:])
    extra = [w for w in re.findall(r"[a-zñ]+|\d+", " ".join(left)) if w not in _FILLER]
    if extra or not intervals:
        raise ValueError(f"no se entiende «{text}» como horario" + (f" (sobra «{extra[0]}»)" if extra else ""))
    intervals.sort()
    for a, b in zip(intervals, intervals[1:]):
        if b.start < a.end:
            raise ValueError(f"«{text}»: los tramos {a} y {b} se solapan")
    return tuple(intervals)


# --- weekdays -------------------------------------------------------------------------------

@dataclass(frozen=True)
class DaySpec:
    """Weekdays (0 = Monday .. 6 = Sunday) and whether public holidays are included."""

    days: frozenset[int] = frozenset()
    holidays: bool = False

    def __str__(self) -> str:
        names = [DAY_NAMES_ES[d] for d in sorted(self.days)]
        if self.holidays:
            names.append("festivos")
        return ", ".join(names) or "(sin días)"


_DAY_WORDS = {
    0: "lunes lun lu l mon monday mondays mo",
    1: "martes mar ma m tue tues tuesday tuesdays tu",
    2: "miercoles mie mier mi x wed weds wednesday wednesdays we",
    3: "jueves jue ju j thu thur thurs thursday thursdays th",
    4: "viernes vie vi v fri friday fridays fr",
    5: "sabado sabados sab sa s sat saturday saturdays",
    6: "domingo domingos dom do d sun sunday sundays su",
}
_DAY = {w: d for d, words in _DAY_WORDS.items() for w in words.split()}
_GROUPS = [  # phrase -> token; longest first
    (r"(?:los\s+)?fines?\s+de\s+semana|weekends?", " ~we "),
    (r"todos\s+los\s+dias(?:\s+de\s+la\s+semana)?|todos\s+los\s+dias\s+del\s+año|a\s+diario|diariamente|diario|"
     r"toda\s+la\s+semana|cada\s+dia|every\s*day|daily|7\s+dias(?:\s+a\s+la\s+semana)?|7/7|siempre", " ~all "),
    (r"(?:los\s+)?dias\s+laborables|laborables|laborable|entre\s+semana|weekdays|working\s+days", " ~wd "),
    (r"(?:los\s+)?(?:dias\s+)?festivos|festivo|fiestas|(?:public\s+|bank\s+)?holidays", " ~hol "),
    (r"excepto|salvo|menos|except|excepting|but\s+not|sin\s+contar|no\s+incluye", " ~exc "),
]
_GROUP_RES = [(re.compile(rf"\b(?:{pat})(?![a-zñ])"), tok) for pat, tok in _GROUPS]
_GROUP_DAYS = {"~we": {5, 6}, "~all": set(range(7)), "~wd": set(range(5))}
_DAY_FILLER = {"de", "los", "las", "el", "la", "y", "e", "and", "&", "+", ",", "/", "on", "from", "dias", "dia",
               "cada", "the", "todos", "abierto", "open", "only", "solo", "solamente", "tambien", "incluidos",
               "incluido", "y/o", "o", "or"}
_DAY_RANGE = {"a", "-", "al", "hasta", "to", "through", "thru", "till", "until"}


def parse_days(text: str) -> DaySpec:
    """``'L-V'``, ``'de lunes a sábado'``, ``'dom. y festivos'``, ``'fines de semana'``,
    ``'todos los días excepto domingos'`` -> DaySpec. ValueError if unparsable."""
    return _parse_days(str(text))


@functools.lru_cache(maxsize=8192)
def _parse_days(text: str) -> DaySpec:
    """parse_days once per distinct text ("L-V", "sáb" on every sign)."""
    t = fold(text).translate(_DASHES).replace(".", " ")
    for rx, tok in _GROUP_RES:
        t = rx.sub(tok, t)
    days: set[int] = set()
    removed: set[int] = set()
    holidays = None
    target, last, ranging = days, None, False
    for tok in re.findall(r"~?[a-zñ]+|[-,&+/]|\d+", t):
        if tok in _DAY:
            d = _DAY[tok]
            if ranging:
                target.update((last + i) % 7 for i in range((d - last) % 7 + 1))
                ranging = False
            else:
                target.add(d)
            last = d
        elif tok in _DAY_RANGE and last is not None and not ranging:
            ranging = True
        elif tok in _GROUP_DAYS:
            target.update(_GROUP_DAYS[tok])
            last = None
        elif tok == "~hol":
            holidays = target is days
            last = None
        elif tok == "~exc":
            target, last = removed, None
        elif tok not in _DAY_FILLER:
            raise ValueError(f"no se entiende «{text}» como días de la semana (sobra «{tok}»)")
    if ranging or not (days or holidays):
        raise ValueError(f"no se entiende «{text}» como días de la semana")
    return DaySpec(frozenset(days - removed), bool(holidays))


# --- statements in prose --------------------------------------------------------------------

@dataclass(frozen=True)
class HoursStatement:
    """An opening-hours statement found in prose. ``days`` empty = days not said.
    ``intervals``: the hours said, () when it says closed, None when it only says open.
    ``place_hint``: the city/store it names ("Sevilla"), None when it speaks of the stores in general.
    ``channel_hint``: a contact channel it speaks of ("telefono", "chat"...), if any.
    ``dated``: the sentence names a date or season ("en agosto", "en Navidad", "horario de verano"),
    so it is about special hours rather than the regular week.
    ``part_of_day``: "mañana", "tarde" or "noche" when it speaks of part of the day only
    ("los lunes por la mañana cerramos")."""

    start: int
    end: int
    raw: str
    days: DaySpec
    intervals: tuple[Interval, ...] | None
    closed: bool
    open_only: bool
    place_hint: str | None = None
    channel_hint: str | None = None
    dated: bool = False
    part_of_day: str | None = None


_PD = r"(?:lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|lun|mie|jue|vie|sab|dom|" \
      r"(?:lun|mar|mie|mier|jue|vie|sab|dom)\.|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|" \
      r"sundays?|mon|tue|wed|thu|fri|sat|sun|fines?\s+de\s+semana|weekends?|festivos|dias\s+festivos|" \
      r"todos\s+los\s+dias|a\s+diario|diariamente|entre\s+semana|dias\s+laborables|every\s*day|daily|" \
      r"[lmxjvsd])"
_PD_CONN = r"(?:\s*(?:-|,|/|&)\s*|\s+(?:a|al|hasta|y|e|and|to|excepto|salvo|menos|except)\s+)(?:(?:los|el)\s+)?"
_DAYS_RE = re.compile(rf"(?<![\w/])(?:(?:de|desde|from)\s+)?(?:(?:los|el)\s+)?{_PD}(?!\w)(?:{_PD_CONN}{_PD}(?!\w))*")
_OPEN_RE = re.compile(r"\b(?:no\s+cerr[a-z]*|abr(?:e|en|imos|iremos|ira|iran|ir|iendo|ia|ian)|abiert[oa]s?|"
                      r"open(?:s|ed)?|reabr[a-z]*)\b")
_CLOSE_RE = re.compile(r"\b(?:cerr(?:amos|ado|ada|ados|adas|ara|aran|aremos|ar)|cierr(?:a|an|e|en)|closed?|"
                       r"no\s+(?:abr[a-z]*|(?:esta|estan|estamos|estara|estaran)\s+abiert[oa]s?|open[a-z]*)|"
                       r"descansamos|descanso)\b")
_HOURS_WORD = re.compile(r"\b(?:horarios?|hours|horas\s+de\s+apertura)\b")
_ALL_DAY_RE = re.compile(r"(?<=\s)(?:24\s*(?:h|horas|hours)\b\.?(?:\s+al\s+dia)?|24/7)")
_DURATION_BEFORE = re.compile(r"\b(?:en|plazo\s+de|unas|within|in|tarda|tardan|durante|hace)\s*$")
_CHANNEL_RE = re.compile(r"\b(telefono|atencion al cliente|chat|whatsapp|correo|e-?mail|linea|centralita|"
                         r"call center|phone)\b")
_DATED_RE = re.compile(r"\b(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
                       r"noviembre|diciembre|navidad(?:es)?|nochebuena|nochevieja|semana santa|verano|invierno|"
                       r"rebajas|puente|vispera|reyes|black friday|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d\d-\d\d)\b")
_UP = "A-ZÁÉÍÓÚÜÑ"
_PLACE_RE = re.compile(
    rf"(?i:\b(?:tiendas?|establecimientos?|local(?:es)?|sucursal(?:es)?|centros?|oficinas?)\s+(?:de\s+|del\s+|en\s+)?"
    rf"(?:la\s+|el\s+)?|\ben\s+)([{_UP}][\w’'-]*(?:\s+(?:de\s+|del\s+|la\s+)?[{_UP}0-9][\w’'-]*)*)"
)
_PROPER_RE = re.compile(rf"[{_UP}][\w’'-]*(?:\s+(?:de\s+|del\s+|la\s+)?[{_UP}][\w’'-]*)*")
_NOT_PLACE = {"navidad", "semana santa", "nochebuena", "nochevieja", "reyes", "verano", "invierno", "año nuevo",
              "festivos", "internet", "web", "black friday", "la", "el", "los", "las", "nuestra", "nuestras", "todas", "abrimos",
              "horario", "cerramos", "cerrado", "abierto", "tienda", "tiendas"} | set(MONTHS) | set(_DAY)
_LEAD_WORDS = {"en", "la", "el", "los", "las", "y", "pero", "ademas", "tambien", "nuestra", "nuestras", "nuestro",
               "nuestros", "todas", "todos", "solo", "excepto", "salvo", "hoy", "este", "esta"}
_PART_OF_DAY = re.compile(r"\b(?:por\s+la\s+|por\s+las\s+|de\s+)?(mañana|tarde|noche)s?\b")
# A statement is a group with hours (_RANGE_RE, _ALL_DAY_RE: digits) or a word of opening or closing:
# a sentence where none of these patterns can match holds none (kbgen.text.trigger).
_STATEMENT_TRIGGER = trigger(_RANGE_RE, _ALL_DAY_RE, _OPEN_RE, _CLOSE_RE)
_DASH_CHARS = re.compile("[" + "".join(chr(c) for c in _DASHES) + "]")


def _sentences(text: str):
    start = 0
    for m in re.finditer(r"\n+|(?<=[.!?])\s+(?=[¿¡\"«(*_A-ZÁÉÍÓÚÑ-])", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


_OPENING_BEFORE = re.compile(r"(abiert[oa]s?|abr[a-z]+|open)\s*$")
_LONE_LETTER = re.compile(r"(?<![a-zñ])[lmxjvsd](?![a-zñ])")


def _items(text: str, folded: str, a: int, b: int):
    """(pos, end, kind, value) items of one sentence: T times, D days, O open, C closed.

    What comes before a match is looked at over its last words only (``ends_with``), or from the
    last digit on (the afternoon words of _PM_WORDS), so a long sentence is read in linear time."""
    items = []
    seg = folded[a:b]
    last_digit, scanned = 0, 0  # the last digit of seg before the current range, found from `scanned` on
    for m in _RANGE_RE.finditer(seg):
        if ends_with(_DURATION_BEFORE, seg, m.start(), 2):
            continue
        for i in range(m.start() - 1, scanned - 1, -1):
            if seg[i].isdecimal():  # what \d matches
                last_digit = i
                break
        scanned = m.start()
        try:  # _PM_WORDS needs no digit after its word: it can only match after the last digit
            items.append((a + m.start(), a + m.end(), "T", _interval(*_range_times(m), seg[last_digit:m.start()])))
        except ValueError:
            continue
    for m in _ALL_DAY_RE.finditer(seg):
        if ends_with(_OPENING_BEFORE, seg, m.start(), 1):
            items.append((a + m.start(), a + m.end(), "T", Interval(0, 1440)))
    taken = Spans()
    for s, e, *_ in items:
        taken.add(s, e)
    for m in _DAYS_RE.finditer(folded, a, b):
        s, e = m.span()
        raw = text[s:e]
        letters = [x.start() for x in _LONE_LETTER.finditer(m.group(0))]
        if taken.overlaps(s, e) or any(raw[i].islower() for i in letters):
            continue  # inside a time range, or a lowercase letter ("y", "a" are not days either)
        if re.fullmatch(r"(?:(?:de|desde|los|el)\s+)?[a-z]", m.group(0)):
            continue  # a lone letter is not a day
        try:
            items.append((s, e, "D", parse_days(raw)))
        except ValueError:
            continue
    said = Spans()  # the open/closed words taken
    for rx, kind in ((_CLOSE_RE, "C"), (_OPEN_RE, "O")):
        for m in rx.finditer(seg):
            s = a + m.start()
            if not said.overlaps(s, s + 1):
                items.append((s, a + m.end(), kind, None))
                said.add(s, a + m.end())
    return sorted(items, key=lambda x: x[0])


class _Group:
    def __init__(self):
        self.days = None
        self.times: list[Interval] = []
        self.open = self.closed = False
        self.last = ""
        self.span = [None, None]

    def add(self, item):
        s, e, kind, _ = item
        self.span[0] = s if self.span[0] is None else min(self.span[0], s)
        self.span[1] = e if self.span[1] is None else max(self.span[1], e)
        self.last = kind


def _group(items) -> list[_Group]:
    groups = [_Group()]
    for item in items:
        g, kind, value = groups[-1], item[2], item[3]
        if kind == "D":
            if g.days is not None:
                g = _Group(); groups.append(g)
            g.days = value
        elif kind == "T":
            if (g.times and g.last != "T") or g.closed:
                g = _Group(); groups.append(g)
            g.times.append(value)
        elif kind == "O":
            if g.times or g.closed or g.open:
                g = _Group(); groups.append(g)
            g.open = True
        else:
            if g.times or g.open or g.closed or (g.days is not None and g.last != "D"):
                g = _Group(); groups.append(g)
            g.closed = True
        g.add(item)
    return groups


def _places(text: str, a: int, b: int, general: set[str]) -> list[list[tuple[int, str]]]:
    """The places a sentence names, as (position, name): first those of "tienda de X", "en X"
    (_PLACE_RE), then the proper nouns (_PROPER_RE); read once for all the sentence's statements."""
    out = []
    for rx in (_PLACE_RE, _PROPER_RE):
        found = []
        for m in rx.finditer(text, a, b):
            name = (m.group(1) if m.groups() else m.group(0)).strip()
            if rx is _PROPER_RE and not (" " in name or m.start() > a):
                continue  # a single capitalised word opening the sentence
            while True:  # "En La Tuerca Sevilla" -> "Sevilla"; "La Tuerca" alone -> general
                g = next((g for g in general if fold(name).startswith(g)), None)
                first = name.split(" ", 1)
                if g is not None:
                    name = name[len(g):].strip()
                elif len(first) == 2 and fold(first[0]) in _LEAD_WORDS:
                    name = first[1]
                else:
                    break
            if not name or fold(name) in _NOT_PLACE or fold(name) in general:
                continue
            found.append((m.start(), name))
        out.append(found)
    return out


def _place(places: list[list[tuple[int, str]]], before: int) -> str | None:
    """The store or city a statement at ``before`` names: of "tienda de X", "en X", else of the
    proper nouns, the last one before it, or else the first one."""
    for found in places:
        if found:
            i = bisect.bisect_left(found, (before, "")) - 1  # the last one starting before it
            return found[i][1] if i >= 0 else found[0][1]
    return None


def _may_state_hours(folded: str) -> bool:
    """False when ``folded`` (or any sentence of it) has no time and no word about opening or
    closing: every statement needs one (see _STATEMENT_TRIGGER)."""
    return bool(any_digit(folded) or _STATEMENT_TRIGGER.search(folded))


def find_hours_statements(text: str, general_names=()) -> list[HoursStatement]:
    """Opening-hours statements in prose: "abrimos de lunes a sábado de 10 a 20 h",
    "la tienda de Sevilla abre los domingos", "cerramos los domingos", "L-V: 9:30–20:30".
    Questions are skipped. ``general_names`` (e.g. the business name "La Tuerca") never count as a place."""
    folded = fold_same_length(text)
    if not is_latin1(folded) and _DASH_CHARS.search(folded):  # every one of _DASHES is above U+00FF
        folded = folded.translate(_DASHES)
    if not _may_state_hours(folded):
        return []  # most texts: not even split into sentences
    general = {fold(g) for g in general_names if g}
    out = []
    for a, b in _sentences(text):
        if not _may_state_hours(folded[a:b]):
            continue
        items = _items(text, folded, a, b)
        if not items:
            continue
        sentence = folded[a:b]
        if sentence.lstrip(" -*#>_").startswith("¿") or sentence.rstrip().endswith("?"):
            continue
        triggered = any(k in "OC" for _, _, k, _ in items) or _HOURS_WORD.search(sentence)
        starts_with_days = items[0][2] == "D" and not folded[a:items[0][0]].strip(" -*#>_:")
        if not (triggered or starts_with_days):
            continue  # days and times with no word about opening: "pedidos de lunes a viernes..."
        channel = _CHANNEL_RE.search(sentence)
        dated = bool(_DATED_RE.search(sentence))
        places = None
        for g in _group(items):
            if (g.days is None and not g.times) or not (g.times or g.open or g.closed):
                continue
            closed = g.closed and not g.times
            intervals = () if closed else (tuple(sorted(g.times)) if g.times else None)
            s, e = g.span
            pod = _PART_OF_DAY.search(folded, s, e) if not g.times else None
            if places is None:
                places = _places(text, a, b, general)
            out.append(HoursStatement(
                start=s, end=e, raw=text[s:e], days=g.days or DaySpec(), intervals=intervals,
                closed=closed, open_only=intervals is None,
                place_hint=_place(places, s), channel_hint=channel.group(1) if channel else None,
                dated=dated, part_of_day=pod.group(1) if pod else None))
    return out
