"""Opening hours: the one module that knows what "open" means.

Times are minutes since midnight. An interval may run past midnight: its end is
then greater than 1440 (``20:00-02:00`` is ``Interval(1200, 1560)``). ``24h`` is
``Interval(0, 1440)``. A day's hours are a sorted tuple of intervals; ``()`` is closed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DAY_NAMES_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
DAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, order=True)
class Interval:
    start: int  # minutes since midnight, 0..1439
    end: int  # minutes since midnight of the same day; > 1440 when past midnight

    def __post_init__(self):
        if not (0 <= self.start < 1440 and self.start < self.end <= self.start + 1440):
            raise ValueError(f"bad interval {self.start}-{self.end}")

    def __str__(self) -> str:
        return f"{fmt_time(self.start)}–{fmt_time(self.end)}"


def fmt_time(minutes: int) -> str:
    """1230 -> '20:30'; 1560 -> '02:00'; 1440 -> '24:00' (end of day)."""
    if minutes == 1440:
        return "24:00"
    minutes %= 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def fmt_intervals(intervals, lang: str = "es") -> str:
    """Hours of a day as a person reads them: '09:30–14:00 y 17:00–20:30', 'cerrado'."""
    if not intervals:
        return "cerrado" if lang == "es" else "closed"
    if len(intervals) == 1 and intervals[0] == Interval(0, 1440):
        return "24 horas" if lang == "es" else "24 hours"
    parts = [str(i) for i in intervals]
    joiner = " y " if lang == "es" else " and "
    return ", ".join(parts[:-1]) + joiner + parts[-1] if len(parts) > 1 else parts[0]


# ---------------------------------------------------------------- parsing the contract's shape

class HoursError(ValueError):
    """A problem in an hours value; ``rule`` is the KB1xx code to report."""

    def __init__(self, rule: str, message: str):
        super().__init__(message)
        self.rule = rule
        self.message = message


_DAY_ALIASES = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    "lun": 0, "mar": 1, "mie": 2, "mié": 2, "jue": 3, "vie": 4, "sab": 5, "sáb": 5, "dom": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lunes": 0, "martes": 1, "miercoles": 2, "miércoles": 2, "jueves": 3, "viernes": 4,
    "sabado": 5, "sábado": 5, "domingo": 6,
}
_CLOSED = {"closed", "cerrado", "cerrada", "off"}
_ALLDAY = {"24h", "24 h", "24 horas", "00:00-24:00", "0:00-24:00"}
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_day_key(key: str) -> list[int]:
    """``mon-fri`` -> [0..4]; ``sáb`` -> [5]; ``sat-mon`` wraps -> [5, 6, 0]."""
    parts = [p.strip().lower() for p in str(key).split("-")]
    if len(parts) not in (1, 2) or any(p not in _DAY_ALIASES for p in parts):
        raise HoursError("KB103", f'"{key}" is not a day of the week; write mon, tue, wed, thu, fri, '
                         "sat, sun (or lun, mar, mié, jue, vie, sáb, dom), or a range such as mon-fri")
    a, b = _DAY_ALIASES[parts[0]], _DAY_ALIASES[parts[-1]]
    return [(a + i) % 7 for i in range((b - a) % 7 + 1)]


def parse_time(text: str, *, end: bool = False) -> int:
    """``09:30`` -> 570. ``24:00`` is allowed as an end. HoursError otherwise."""
    m = _TIME.match(str(text).strip())
    hint = "write HH:MM between 00:00 and 24:00"
    if not m:
        raise HoursError("KB103", f'"{text}" is not a time of day; {hint}')
    h, mi = int(m.group(1)), int(m.group(2))
    if mi > 59 or h > 24 or (h == 24 and (mi or not end)):
        raise HoursError("KB103", f'"{text}" is not a time of day; {hint}')
    return h * 60 + mi


def parse_interval(text: str) -> Interval:
    """``09:30-14:00``; an end before the start runs past midnight (``20:00-02:00``)."""
    raw = str(text).strip()
    if raw.lower() in _ALLDAY:
        return Interval(0, 1440)
    parts = [p.strip() for p in re.split(r"\s*[-–]\s*", raw)]
    if len(parts) != 2:
        raise HoursError("KB103", f'"{raw}" is not an opening interval; write "HH:MM-HH:MM", e.g. "09:30-14:00"')
    start, end = parse_time(parts[0]), parse_time(parts[1], end=True)
    if start == 1440:
        raise HoursError("KB103", f'"{raw}" starts at 24:00; write 00:00 and put it on the next day')
    if end == start:
        raise HoursError("KB103", f'"{raw}" opens and closes at the same time; write "24h" for all day or "closed"')
    if end < start:
        end += 1440
    return Interval(start, end)


def parse_day_hours(value) -> tuple[Interval, ...]:
    """A day's value: ``closed``/``cerrado``, ``24h``, one ``HH:MM-HH:MM`` or a list of them."""
    if value is None:
        raise HoursError("KB103", 'no hours given; write "closed", "24h" or "HH:MM-HH:MM"')
    if isinstance(value, str) and value.strip().lower() in _CLOSED:
        return ()
    items = value if isinstance(value, list) else [value]
    if not items:
        return ()
    if any(not isinstance(i, str) for i in items):
        raise HoursError("KB103", 'hours must be text such as "09:30-14:00", "closed" or "24h"')
    if isinstance(value, str) and ("," in value or " y " in value):
        items = [p for p in re.split(r"\s*(?:,|\sy\s)\s*", value) if p]
    intervals = sorted(parse_interval(i) for i in items)
    for a, b in zip(intervals, intervals[1:]):
        if b.start < a.end:
            raise HoursError("KB104", f"intervals {a} and {b} overlap; merge them into one or fix the times")
    if intervals and len(intervals) > 1 and intervals[-1].end > 1440 and intervals[-1].end - 1440 > intervals[0].start:
        raise HoursError("KB104", f"{intervals[-1]} runs past midnight into {intervals[0]}; fix the times")
    return tuple(intervals)


# ---------------------------------------------------------------- the engine: hours on a date

import datetime as _dt
from functools import lru_cache


@lru_cache(maxsize=256)
def _holiday_calendar(country: str, subdivision, year: int) -> dict:
    import holidays as _h
    try:
        cal = _h.country_holidays(country, subdiv=subdivision, years=year, language="es")
    except (NotImplementedError, KeyError):
        cal = _h.country_holidays(country, years=year)
    except Exception:
        return {}
    return dict(cal)


def holiday_name(schedule, day: _dt.date):
    """The public holiday on ``day`` for the schedule's country and region, or None."""
    cal = _holiday_calendar(schedule.country, schedule.subdivision, day.year)
    return cal.get(day)


def hours_on(schedule, day: _dt.date):
    """(intervals, reason) for a date: special hours first, then public holidays, then the week.

    ``reason`` is the special-hours note, the holiday's name, or "" for a regular day."""
    for sp in schedule.special:
        if sp.start <= day <= sp.end:
            return sp.intervals, sp.note or ("cerrado" if sp.closed else "horario especial")
    name = holiday_name(schedule, day)
    if name and schedule.public_holidays == "closed":
        return (), name
    return schedule.week[day.weekday()], ""


def exceptions(schedule, start: _dt.date, days: int = 60):
    """Dates in [start, start+days) whose hours differ from the regular week: (date, intervals, reason)."""
    out = []
    for i in range(days):
        d = start + _dt.timedelta(days=i)
        intervals, reason = hours_on(schedule, d)
        if reason:
            out.append((d, intervals, reason))
    return out
