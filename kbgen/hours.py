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
    """Opening hours within one day, in minutes since midnight (an end past 1440 runs past midnight)."""

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
    """A problem in an hours value; ``rule`` is the KB1xx code to report.

    ``key`` and ``values`` name a message of ``kbgen.messages``: the loader writes it in the site's
    language with :meth:`message_in`; ``message`` (and ``str()``) is the Spanish one."""

    def __init__(self, rule: str, key: str, /, **values):
        self.rule = rule
        self.key = key
        self.values = values
        super().__init__(self.message_in("es"))

    def message_in(self, lang: str = "es") -> str:
        from .messages import msg  # messages imports this module
        return msg(self.key, lang, **self.values)

    @property
    def message(self) -> str:
        return self.message_in("es")


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
        raise HoursError("KB103", "hours.day", key=key)
    a, b = _DAY_ALIASES[parts[0]], _DAY_ALIASES[parts[-1]]
    return [(a + i) % 7 for i in range((b - a) % 7 + 1)]


def parse_time(text: str, *, end: bool = False) -> int:
    """``09:30`` -> 570. ``24:00`` is allowed as an end. HoursError otherwise."""
    m = _TIME.match(str(text).strip())
    if not m:
        raise HoursError("KB103", "hours.time", text=text)
    h, mi = int(m.group(1)), int(m.group(2))
    if mi > 59 or h > 24 or (h == 24 and (mi or not end)):
        raise HoursError("KB103", "hours.time", text=text)
    return h * 60 + mi


def parse_interval(text: str) -> Interval:
    """``09:30-14:00``; an end before the start runs past midnight (``20:00-02:00``)."""
    raw = str(text).strip()
    if raw.lower() in _ALLDAY:
        return Interval(0, 1440)
    parts = [p.strip() for p in re.split(r"\s*[-–]\s*", raw)]
    if len(parts) != 2:
        raise HoursError("KB103", "hours.interval", raw=raw)
    start, end = parse_time(parts[0]), parse_time(parts[1], end=True)
    if start == 1440:
        raise HoursError("KB103", "hours.starts.24", raw=raw)
    if end == start:
        raise HoursError("KB103", "hours.same.time", raw=raw)
    if end < start:
        end += 1440
    return Interval(start, end)


def parse_day_hours(value) -> tuple[Interval, ...]:
    """A day's value: ``closed``/``cerrado``, ``24h``, one ``HH:MM-HH:MM`` or a list of them."""
    if value is None:
        raise HoursError("KB103", "hours.none")
    if isinstance(value, str) and value.strip().lower() in _CLOSED:
        return ()
    items = value if isinstance(value, list) else [value]
    if not items:
        return ()
    if any(not isinstance(i, str) for i in items):
        raise HoursError("KB103", "hours.not.text")
    if isinstance(value, str) and ("," in value or " y " in value):
        items = [p for p in re.split(r"\s*(?:,|\sy\s)\s*", value) if p]
    intervals = sorted(parse_interval(i) for i in items)
    for a, b in zip(intervals, intervals[1:]):
        if b.start < a.end:
            raise HoursError("KB104", "hours.overlap", a=str(a), b=str(b))
    if intervals and len(intervals) > 1 and intervals[-1].end > 1440 and intervals[-1].end - 1440 > intervals[0].start:
        raise HoursError("KB104", "hours.past.midnight", last=str(intervals[-1]), first=str(intervals[0]))
    return tuple(intervals)


# ---------------------------------------------------------------- the engine
#
# Everything that says when a store or channel is open goes through here: the pages, the
# structured data, the printed signs and the data the browser's open-now indicator reads.
#
# Precedence on a date: special hours (one date or a range) > public holidays of the
# schedule's country and region (when ``public_holidays: closed``) > the weekly hours.
# The hours of a date belong to the date they start on: Saturday's "20:00-02:00" keeps early
# Sunday open whatever Sunday's own hours are. Instants are aware datetimes; a schedule's
# wall-clock times are read in its own IANA zone, so a DST night changes the length of an
# interval, never its wall-clock ends: a wall time that does not exist (02:30 on the last
# Sunday of March) happens when the clocks jump; an ambiguous one (02:30 on the last Sunday
# of October) is the first of the two.

import datetime as _dt
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional
from zoneinfo import ZoneInfo

from .cache import cache_dir, read_json, write_json

UTC = _dt.timezone.utc
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre")
HORIZON_DAYS = 400  # how far queries look for the next opening or closing


@lru_cache(maxsize=256)
def _holiday_calendar(country: str, subdivision, year: int) -> dict:
    """{date: name} of a region's public holidays in ``year``, from the ``holidays`` package.

    Importing it and building a calendar costs ~0.1 s per region and year; the calendars are
    kept in kbgen's cache folder under the package's version, so a new release of ``holidays``
    (new or moved holidays) is read afresh."""
    path = _calendar_cache_path(country, subdivision, year)
    cached = read_json(path) if path else None
    if isinstance(cached, dict):
        try:
            return {_dt.date.fromisoformat(d): n for d, n in cached.items()}
        except (TypeError, ValueError):
            pass
    calendar = _compute_holiday_calendar(country, subdivision, year)
    if path:
        write_json(path, {d.isoformat(): n for d, n in calendar.items()})
    return calendar


def _compute_holiday_calendar(country: str, subdivision, year: int) -> dict:
    import holidays as _h
    for kwargs in ({"subdiv": subdivision} if subdivision else {}, {}):
        try:
            return dict(_h.country_holidays(country, years=year, language="es", **kwargs))
        except (NotImplementedError, KeyError):
            continue
        except Exception:
            return {}
    return {}


@lru_cache(maxsize=1)
def _holidays_version() -> str | None:
    """The installed ``holidays`` package's version, from its ``*.dist-info`` folder name next to
    it (importing it, or importlib.metadata, is what the cache saves); None if not found."""
    import importlib.util
    import os
    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.origin:
        return None
    site = os.path.dirname(os.path.dirname(spec.origin))
    try:
        names = [e.name for e in os.scandir(site) if e.name.startswith("holidays-") and e.name.endswith(".dist-info")]
    except OSError:
        return None
    return names[0][len("holidays-"):-len(".dist-info")] if len(names) == 1 else None


def _calendar_cache_path(country: str, subdivision, year: int) -> str | None:
    version = _holidays_version()
    folder = cache_dir(f"holidays-{version}") if version else None
    if folder is None:
        return None
    name = "-".join(re.sub(r"[^A-Za-z0-9]", "_", str(x)) for x in (country, subdivision or "", year))
    return f"{folder}/{name}.json"


def holiday_name(schedule, day: _dt.date):
    """The public holiday on ``day`` for the schedule's country and region, or None."""
    cal = _holiday_calendar(schedule.country, schedule.subdivision, day.year)
    return cal.get(day)


def holidays_between(schedule, start: _dt.date, end: _dt.date) -> list:
    """Public holidays (date, name) in [start, end] for the schedule's country and region."""
    out = []
    for year in range(start.year, end.year + 1):
        cal = _holiday_calendar(schedule.country, schedule.subdivision, year)
        out += [(d, n) for d, n in cal.items() if start <= d <= end]
    return sorted(out)


class Day(NamedTuple):
    """The hours of one date with special hours and public holidays applied.

    ``kind`` is "regular", "special" or "holiday"; ``reason`` is the special-hours note or the
    holiday's name ("" on a regular day); ``regular`` the weekly hours it replaces.
    (A named tuple: a store page builds ~400 of them per store.)"""

    date: _dt.date
    intervals: tuple
    reason: str = ""
    kind: str = "regular"
    regular: tuple = ()

    @property
    def closed(self) -> bool:
        return not self.intervals

    @property
    def differs(self) -> bool:
        """Worth telling customers: special hours, or a holiday on a day it would otherwise open."""
        return self.kind == "special" or (self.kind == "holiday" and self.intervals != self.regular)


def _special_reason(sp) -> str:
    return sp.note or ("cerrado" if sp.closed else "horario especial")


def day(schedule, d: _dt.date) -> Day:
    """Hours on a date: special hours first, then public holidays, then the week."""
    regular = schedule.week[d.weekday()]
    for sp in schedule.special:
        if sp.start <= d <= sp.end:
            return Day(d, sp.intervals, _special_reason(sp), "special", regular)
    if schedule.public_holidays == "closed":
        name = holiday_name(schedule, d)
        if name:
            return Day(d, (), name, "holiday", regular)
    return Day(d, regular, "", "regular", regular)


def hours_on(schedule, d: _dt.date):
    """(intervals, reason) for a date; ``reason`` is "" on a regular day. See :func:`day`."""
    x = day(schedule, d)
    return x.intervals, x.reason


def unusual_days(schedule, start: _dt.date, n: int) -> dict:
    """{offset from ``start``: :class:`Day`} of the dates in [start, start+n) whose hours do not
    come from the regular week (special hours, public holidays it closes on), as :func:`day`
    decides them; every other date is its weekday's regular hours. Long runs of dates (store
    pages ask for 400 days of every store) cost only their exceptions."""
    end = start + _dt.timedelta(days=n - 1)
    week = schedule.week
    out: dict = {}
    for sp in schedule.special:  # the first special hours that cover a date win, as in day()
        d = max(sp.start, start)
        last = min(sp.end, end)
        reason = _special_reason(sp)
        while d <= last:
            i = (d - start).days
            if i not in out:
                out[i] = Day(d, sp.intervals, reason, "special", week[d.weekday()])
            d += _dt.timedelta(days=1)
    if schedule.public_holidays == "closed":
        for year in range(start.year, end.year + 1):
            for d, name in _holiday_calendar(schedule.country, schedule.subdivision, year).items():
                if start <= d <= end and name:
                    out.setdefault((d - start).days, Day(d, (), name, "holiday", week[d.weekday()]))
    return out


def days(schedule, start: _dt.date, n: int) -> list:
    """The :class:`Day` of each of the ``n`` dates from ``start`` (:func:`day` for a run of dates)."""
    unusual = unusual_days(schedule, start, n)
    week = schedule.week
    out = []
    for i in range(n):
        x = unusual.get(i)
        if x is None:
            d = start + _dt.timedelta(days=i)
            regular = week[d.weekday()]
            x = Day(d, regular, "", "regular", regular)
        out.append(x)
    return out


def effective_week(schedule, start: _dt.date, n: int = 7) -> list:
    """The next ``n`` days from ``start`` as customers will find them (holidays, special hours applied)."""
    return days(schedule, start, n)


def exceptions(schedule, start: _dt.date, n: int = 60):
    """Dates in [start, start+n) whose hours differ from the regular week: (date, intervals, reason).

    A holiday that falls on a day it is closed anyway is not an exception."""
    unusual = unusual_days(schedule, start, n)
    return [(x.date, x.intervals, x.reason) for _, x in sorted(unusual.items()) if x.differs]


def exception_runs(schedule, start: _dt.date, n: int = 365) -> list:
    """:func:`exceptions` with consecutive dates of the same hours and reason joined:
    [(first, last, intervals, reason)] — the summer holidays are one run, not fourteen dates."""
    runs: list = []
    for d, iv, reason in exceptions(schedule, start, n):
        if runs and runs[-1][1] + _dt.timedelta(days=1) == d and runs[-1][2] == iv and runs[-1][3] == reason:
            runs[-1] = (runs[-1][0], d, iv, reason)
        else:
            runs.append((d, d, iv, reason))
    return runs


def closing_holidays(schedule, start: _dt.date, n: int = 365) -> list:
    """Public holidays in [start, start+n) on which it closes although it would open: [(date, name)]."""
    unusual = unusual_days(schedule, start, n)
    return [(x.date, x.reason) for _, x in sorted(unusual.items()) if x.kind == "holiday" and x.regular]


# ---------------------------------------------------------------- instants

def zone(schedule) -> ZoneInfo:
    return _zone(schedule.timezone)


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_instant(tz: ZoneInfo, d: _dt.date, minute: int) -> _dt.datetime:
    """The instant (UTC) at which the wall clock of ``tz`` reads ``minute`` minutes after the
    midnight that starts ``d`` (``minute`` may pass 1440). In a spring-forward gap, the instant
    the clocks jump; in the repeated hour of autumn, the first time the clock reads it."""
    d = d + _dt.timedelta(days=minute // 1440)
    minute %= 1440
    naive = _dt.datetime(d.year, d.month, d.day, minute // 60, minute % 60)
    first = naive.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if first.astimezone(tz).replace(tzinfo=None) == naive:
        return first
    # the wall time does not exist: fold=1 gives an instant before the jump, fold=0 one after it
    lo = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
    after = tz.utcoffset(first.astimezone(tz).replace(tzinfo=None))
    while lo < first and lo.astimezone(tz).utcoffset() != after:
        lo += _dt.timedelta(minutes=1)
    return lo


@dataclass(frozen=True)
class Span:
    """A stretch of continuous opening: [start, end) as UTC instants, with the wall-clock
    (date, minutes) each end has on the schedule ("20:00-02:00" ends at (Saturday, 1560))."""

    start: _dt.datetime
    end: Optional[_dt.datetime]  # None: still open at the end of the horizon
    start_wall: tuple
    end_wall: Optional[tuple]

    def __contains__(self, instant: _dt.datetime) -> bool:
        return self.start <= instant and (self.end is None or instant < self.end)


def spans(schedule, start: _dt.date, n: int = HORIZON_DAYS) -> Iterator[Span]:
    """Continuous opening spans of the dates [start, start+n), in order, touching or overlapping
    intervals joined (across midnight too). The day before ``start`` counts for what runs past
    midnight into it. The last span has ``end`` None if it is still open at the horizon."""
    tz = zone(schedule)
    cur = None  # [start, end, start_wall, end_wall]
    for i in range(-1, n):
        d = start + _dt.timedelta(days=i)
        for iv in day(schedule, d).intervals:
            if i == -1 and iv.end <= 1440:
                continue  # only what runs past midnight matters from the day before
            a, b = local_instant(tz, d, iv.start), local_instant(tz, d, iv.end)
            if cur is not None and a <= cur[1]:
                if b > cur[1]:
                    cur[1], cur[3] = b, (d, iv.end)
                continue
            if cur is not None:
                yield Span(*cur)
            cur = [a, b, (d, iv.start), (d, iv.end)]
    if cur is not None:
        horizon = local_instant(tz, start, n * 1440)
        yield Span(cur[0], None, cur[2], None) if cur[1] >= horizon else Span(*cur)


def _aware(schedule, instant: _dt.datetime) -> _dt.datetime:
    """An instant in UTC; a naive datetime is read as the schedule's wall clock."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        instant = instant.replace(tzinfo=zone(schedule))
    return instant.astimezone(UTC)


def local_date(schedule, instant: _dt.datetime) -> _dt.date:
    return _aware(schedule, instant).astimezone(zone(schedule)).date()


def _spans_around(schedule, instant: _dt.datetime, horizon: int) -> Iterator[Span]:
    return spans(schedule, local_date(schedule, instant), horizon)


def current_span(schedule, instant: _dt.datetime, horizon: int = HORIZON_DAYS) -> Optional[Span]:
    """The opening span that contains the instant, or None when closed."""
    t = _aware(schedule, instant)
    for sp in _spans_around(schedule, t, horizon):
        if t in sp:
            return sp
        if sp.start > t:
            return None
    return None


def is_open(schedule, instant: _dt.datetime) -> bool:
    """Open at this instant (aware; a naive one is read in the schedule's zone)."""
    return current_span(schedule, instant, 2) is not None


def next_opening(schedule, instant: _dt.datetime, horizon: int = HORIZON_DAYS) -> Optional[_dt.datetime]:
    """The first opening strictly after the instant (in the schedule's zone), or None."""
    t = _aware(schedule, instant)
    for sp in _spans_around(schedule, t, horizon):
        if sp.start > t:
            return sp.start.astimezone(zone(schedule))
    return None


def next_closing(schedule, instant: _dt.datetime, horizon: int = HORIZON_DAYS) -> Optional[_dt.datetime]:
    """When it closes: the end of the current opening, or of the next one if closed; None if never."""
    t = _aware(schedule, instant)
    for sp in _spans_around(schedule, t, horizon):
        if sp.end is None:
            return None
        if sp.end > t:
            return sp.end.astimezone(zone(schedule))
    return None


# ---------------------------------------------------------------- the open-now sentence

@dataclass(frozen=True)
class Status:
    """Open or closed at an instant; ``change`` is the wall-clock (date, minutes) of the next
    closing (when open) or opening (when closed), None when there is none within the horizon;
    ``reason`` names today's holiday or special hours when it is closed all day for them."""

    open: bool
    today: _dt.date
    change: Optional[tuple]
    reason: str = ""


def status(schedule, instant: _dt.datetime, horizon: int = HORIZON_DAYS) -> Status:
    t = _aware(schedule, instant)
    today = t.astimezone(zone(schedule)).date()
    for sp in spans(schedule, today, horizon):
        if t in sp:
            return Status(True, today, sp.end_wall)
        if sp.start > t:
            break
    else:
        sp = None
    x = day(schedule, today)
    reason = x.reason if x.closed and x.kind != "regular" else ""
    return Status(False, today, sp.start_wall if sp is not None else None, reason)


def _when(today: _dt.date, wall: tuple) -> tuple:
    """("", "las 20:30") / ("mañana ", "la 1:00") / ("el lunes ", "medianoche") for a wall time."""
    d, minute = wall
    d = d + _dt.timedelta(days=minute // 1440)
    minute %= 1440
    if minute == 0:
        d, clock = d - _dt.timedelta(days=1), "medianoche"
    else:
        h, mi = divmod(minute, 60)
        clock = f"{'la' if h == 1 else 'las'} {h}:{mi:02d}"
    diff = (d - today).days
    if diff <= 0:
        when = ""
    elif diff == 1:
        when = "mañana "
    elif diff < 7:
        when = f"el {DAY_NAMES_ES[d.weekday()]} "
    else:
        when = f"el {d.day} de {MONTHS_ES[d.month - 1]} "
    return when, clock


def describe(schedule, instant: _dt.datetime, kind: str = "store") -> str:
    """The indicator's sentence, as the browser writes it (``kbgen/assets/kbgen.js``):
    "Abierto ahora · cierra a las 20:30", "Cerrado · abre mañana a las 9:30";
    for a contact channel (``kind="channel"``) "Disponible ahora · hasta las 20:00",
    "No disponible · vuelve el lunes a las 9:00"."""
    st = status(schedule, instant)
    chan = kind == "channel"
    if st.open:
        head = "Disponible ahora" if chan else "Abierto ahora"
        if st.change is None:
            return head
        when, clock = _when(st.today, st.change)
        return f"{head} · " + (f"hasta {when}a {clock}" if chan and when else
                               f"hasta {clock}" if chan else f"cierra {when}a {clock}")
    head = "No disponible" if chan else "Cerrado"
    if st.reason:
        head += f" ({st.reason})"
    if st.change is None:
        return head
    when, clock = _when(st.today, st.change)
    return f"{head} · {'vuelve' if chan else 'abre'} {when}a {clock}"


def browser_data(schedule, start: _dt.date, n: int = HORIZON_DAYS, kind: str = "store") -> dict:
    """What the open-now indicator needs, exact for holidays and special hours: the hours of
    each date from the day before ``start`` for ``n`` days, as indexes into a table of distinct
    days (``p``: lists of [start, end] minutes; ``d``: one index per date from ``from``), and
    the reasons of the dates closed all day for a holiday or special hours (``r``: index -> text)."""
    first = start - _dt.timedelta(days=1)
    patterns: list = []
    index: dict = {}
    seq, reasons = [], {}

    def pattern(intervals) -> int:  # numbered in order of first appearance
        key = tuple((iv.start, iv.end) for iv in intervals)
        if key not in index:
            index[key] = len(patterns)
            patterns.append([list(k) for k in key])
        return index[key]

    unusual = unusual_days(schedule, first, n + 1)
    weekday: list = [None] * 7  # each weekday's pattern, once it has been seen
    wd = first.weekday()
    for i in range(n + 1):
        x = unusual.get(i)
        if x is None:
            w = (wd + i) % 7
            if weekday[w] is None:
                weekday[w] = pattern(schedule.week[w])
            seq.append(weekday[w])
        else:
            seq.append(pattern(x.intervals))
            if x.closed:
                reasons[str(i)] = x.reason
    return {"v": 1, "kind": kind, "tz": schedule.timezone, "from": first.isoformat(), "p": patterns, "d": seq,
            "r": reasons}
