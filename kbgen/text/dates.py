"""Dates as people write them on signs: ``26/12/2026``, ``26 de diciembre``, ``del 10 al 23 de agosto``."""
from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from .fold import fold

MONTHS = {
    "enero": 1, "ene": 1, "jan": 1, "january": 1, "febrero": 2, "feb": 2, "february": 2,
    "marzo": 3, "mar": 3, "march": 3, "abril": 4, "abr": 4, "apr": 4, "april": 4,
    "mayo": 5, "may": 5, "junio": 6, "jun": 6, "june": 6, "julio": 7, "jul": 7, "july": 7,
    "agosto": 8, "ago": 8, "aug": 8, "august": 8, "septiembre": 9, "setiembre": 9, "sep": 9, "sept": 9,
    "set": 9, "september": 9, "octubre": 10, "oct": 10, "october": 10, "noviembre": 11, "nov": 11,
    "november": 11, "diciembre": 12, "dic": 12, "dec": 12, "december": 12,
}
_WEEKDAYS = {"lunes": 0, "lun": 0, "martes": 1, "mar": 1, "miercoles": 2, "mie": 2, "jueves": 3, "jue": 3,
             "viernes": 4, "vie": 4, "sabado": 5, "sab": 5, "domingo": 6, "dom": 6}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD_RE = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_PATTERNS = [  # each yields day / month / year (any may be missing)
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>\d{4}|\d{2}))?$"),
    re.compile(rf"^(?P<d>\d{{1,2}})(?:\s+de)?\s*(?P<mn>{_MONTH_RE})\.?(?:\s*(?:de|del|,)?\s*(?P<y>\d{{4}}))?$"),
    re.compile(rf"^(?P<mn>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:,?\s*(?P<y>\d{{4}}))?$"),
    re.compile(r"^(?P<d>\d{1,2})$"),
]


def _parts(text: str) -> tuple[int, int | None, int | None, int | None]:
    """(day, month, year, weekday) as written; raises ValueError."""
    return _parts_of(str(text))


_LEAD = re.compile(r"^(?:el|del|desde el|desde|a partir del|hasta el|hasta|al|el dia|dia)\s+")
_WEEKDAY_LEAD = re.compile(rf"^(?P<wd>{_WD_RE})\.?,?\s+(?:dia\s+)?")


@functools.lru_cache(maxsize=8192)
def _parts_of(text: str) -> tuple[int, int | None, int | None, int | None]:
    """_parts once per distinct text (signs repeat "24/12", "31 de diciembre")."""
    t = fold(text).strip(" .,;")
    t = _LEAD.sub("", t)
    wd = None
    m = _WEEKDAY_LEAD.match(t)
    if m:
        wd, t = _WEEKDAYS[m.group("wd")], t[m.end():]
    for rx in _PATTERNS:
        m = rx.match(t)
        if m:
            g = m.groupdict()
            month = MONTHS[g["mn"]] if g.get("mn") else (int(g["m"]) if g.get("m") else None)
            year = g.get("y")
            year = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
            return int(g["d"]), month, year, wd
    raise ValueError(f"no se entiende la fecha «{text}»")


def _make(day: int, month: int | None, year: int | None, wd: int | None, text: str) -> date:
    if month is None:
        raise ValueError(f"falta el mes en la fecha «{text}»")
    try:
        d = date(year, month, day)
    except ValueError:
        raise ValueError(f"fecha imposible «{text}»") from None
    if wd is not None and d.weekday() != wd:
        raise ValueError(f"«{text}»: el {d.isoformat()} no cae en ese día de la semana")
    return d


def parse_date_text(text: str, default_year: int) -> date:
    """``'26/12/2026'``, ``'2026-12-26'``, ``'26 de diciembre'``, ``'sábado 26 de diciembre'``, ``'26 dic'``
    -> date; the year defaults to ``default_year``. ValueError when unparsable or impossible."""
    if isinstance(text, date):
        return text
    day, month, year, wd = _parts(text)
    return _make(day, month, year or default_year, wd, text)


_RANGE_SPLITS = [
    re.compile(r"^(?P<a>.+?)\s*\.\.\s*(?P<b>.+)$"),
    re.compile(r"^(?:del?|desde(?:\s+el)?)\s+(?P<a>.+?)\s+(?:al|a|hasta(?:\s+el)?)\s+(?P<b>.+)$"),
    re.compile(r"^(?P<a>.+?)\s+(?:al|hasta(?:\s+el)?)\s+(?P<b>.+)$"),
    re.compile(r"^(?P<a>.+?)\s*[-–—]\s*(?P<b>.+)$"),
    re.compile(r"^(?P<a>.+?)\s*[-–—/]\s*(?P<b>.+)$"),
]


def parse_date_range_text(text: str, default_year: int) -> tuple[date, date]:
    """``'del 10 al 23 de agosto'``, ``'10/08/2026-23/08/2026'``, ``'2026-08-10..2026-08-23'``,
    ``'del 24/12 al 6/1'`` (crosses the new year) -> (first, last). A single date gives (d, d)."""
    t = fold(str(text)).strip(" .,;")
    candidates = []
    if len(t) - sum(t.count(c) for c in _LOOSE) - len(_SPACE.findall(t)) > _MOST_IN_A_RANGE:
        return _single(text, default_year)  # too much for two dates: no way to split it into two
    for rx in _RANGE_SPLITS:
        m = rx.match(t)
        if m:
            candidates.append((m.group("a"), m.group("b")))
    if "-" in t:  # "10/08/2026-23/08/2026", "2026-08-10-2026-08-23": try every dash
        candidates += [(t[:i], t[i + 1:]) for i, c in enumerate(t) if c == "-"]
    for a, b in candidates:
        try:
            da, ma, ya, wa = _parts(a)
            db, mb, yb, wb = _parts(b)
        except ValueError:
            continue
        mb_ = mb or ma
        yb_ = yb or ya or default_year
        first = _make(da, ma or mb_, ya or yb_, wa, text)
        last = _make(db, mb_, yb_, wb, text)
        if last < first and ya is None and first.month > last.month:  # crosses the new year
            if yb is None:
                last = last.replace(year=last.year + 1)  # "del 24/12 al 6/1"
            else:
                first = first.replace(year=first.year - 1)  # "del 28 de diciembre al 3 de enero de 2027"
        if last < first:
            raise ValueError(f"«{text}»: la fecha final es anterior a la inicial")
        return first, last
    return _single(text, default_year)


def _single(text: str, default_year: int) -> tuple[date, date]:
    d = parse_date_text(text, default_year)
    return d, d


# A date that _parts reads has at most 43 characters besides spaces and ".,;" (a partir del +
# miércoles día + 12 de septiembre del 2026), so two of them joined by "desde el … hasta el" at
# most 100: a text with more cannot be a range, and its dashes are not tried one by one (which
# read the text once per dash).
_LOOSE = ".,;"
_SPACE = re.compile(r"\s")
_MOST_IN_A_RANGE = 128


def daterange(first: date, last: date):
    """Every date from ``first`` to ``last`` inclusive."""
    for i in range((last - first).days + 1):
        yield first + timedelta(days=i)
