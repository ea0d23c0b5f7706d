"""Issue 6: the opening-hours engine (kbgen.hours), table-driven.

Schedules are built here (not read from content/) so the example content can change freely:
a Madrid store (MD), a Barcelona one (CT), Las Palmas (CN, Atlantic/Canary), a Sevilla one that
opens on public holidays, a late-night one whose hours run past midnight, and a 24-hour one."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from kbgen import hours as H
from kbgen.findings import Loc
from kbgen.hours import fmt_intervals, parse_day_hours
from kbgen.model import Schedule, Special

MAD, CAN, UTC = ZoneInfo("Europe/Madrid"), ZoneInfo("Atlantic/Canary"), dt.timezone.utc
D = dt.date


def week(**days) -> tuple:
    keys = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    return tuple(parse_day_hours(days.get(k, "closed")) for k in keys)


def special(start, hours=None, note="", end=None) -> Special:
    return Special(D.fromisoformat(start), D.fromisoformat(end or start), parse_day_hours(hours) if hours else (),
                   note, Loc("test"))


SPLIT = ["09:30-14:00", "17:00-20:30"]
SCHEDULES = {
    "madrid": Schedule(week(mon=SPLIT, tue=SPLIT, wed=SPLIT, thu=SPLIT, fri=SPLIT, sat="10:00-14:00"), (
        special("2026-12-13", "11:00-15:00", "Domingo de apertura navideña"),
        special("2026-12-24", "09:30-14:00", "Nochebuena"),
        special("2027-01-06", "10:00-14:00", "Abrimos en Reyes"),
        special("2027-08-09", None, "Vacaciones de verano", end="2027-08-22"),
    ), "closed", "Europe/Madrid", "ES", "MD"),
    "barcelona": Schedule(week(mon="09:00-20:00", tue="09:00-20:00", wed="09:00-20:00", thu="09:00-20:00",
                               fri="09:00-20:00", sat=["10:00-14:00", "16:30-20:00"]),
                          (), "closed", "Europe/Madrid", "ES", "CT"),
    "laspalmas": Schedule(week(mon=["09:00-13:30", "16:00-19:30"], tue=["09:00-13:30", "16:00-19:30"],
                               wed=["09:00-13:30", "16:00-19:30"], thu=["09:00-13:30", "16:00-19:30"],
                               fri=["09:00-13:30", "16:00-19:30"], sat="09:30-13:30"),
                          (), "closed", "Atlantic/Canary", "ES", "CN"),
    "sevilla": Schedule(week(mon="10:00-14:00", tue="10:00-14:00", wed="10:00-14:00", thu="10:00-14:00",
                             fri="10:00-14:00", sat="10:00-14:00"), (), "regular", "Europe/Madrid", "ES", "AN"),
    # Friday and Saturday nights past midnight; a closed special Saturday keeps Friday's night
    "night": Schedule(week(mon="18:00-23:00", tue="18:00-23:00", wed="18:00-23:00", thu="18:00-01:00",
                           fri="20:00-02:00", sat="20:00-02:00", sun="12:00-24:00"), (
        special("2026-12-12", None, "Cerrado por evento privado"),
        special("2027-03-20", "20:00-02:30", "Noche larga"),
        special("2027-03-27", "20:00-02:30", "Noche larga (cambio de hora)"),
        special("2026-10-24", "20:00-03:00", "Noche larga (cambio de hora)"),
    ), "regular", "Europe/Madrid", "ES", "MD"),
    "allday": Schedule(week(**{k: "24h" for k in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}),
                       (special("2026-12-25", None, "Navidad"),), "regular", "Europe/Madrid", "ES", None),
    "never": Schedule(week(), (), "closed", "Europe/Madrid", "ES", "MD"),
}


# ------------------------------------------------------------------ hours on a date

DAY_CASES = [
    # store, date, hours, reason
    ("madrid", "2026-11-30", "09:30–14:00 y 17:00–20:30", ""),  # Monday
    ("madrid", "2026-12-05", "10:00–14:00", ""),  # Saturday
    ("madrid", "2026-11-29", "cerrado", ""),  # Sunday
    ("madrid", "2026-12-13", "11:00–15:00", "Domingo de apertura navideña"),  # special on a Sunday
    ("madrid", "2026-12-24", "09:30–14:00", "Nochebuena"),
    ("madrid", "2026-12-08", "cerrado", "Inmaculada Concepción"),  # national holiday
    ("madrid", "2026-12-25", "cerrado", "Natividad del Señor"),
    ("madrid", "2027-01-01", "cerrado", "Año Nuevo"),
    ("madrid", "2026-12-07", "cerrado", "Lunes siguiente a Día de la Constitución Española"),  # MD moves it
    ("barcelona", "2026-12-07", "09:00–20:00", ""),  # ...CT does not
    ("madrid", "2026-05-02", "cerrado", "Fiesta de la Comunidad de Madrid"),  # regional: Madrid
    ("barcelona", "2026-05-02", "10:00–14:00 y 16:30–20:00", ""),
    ("barcelona", "2026-09-11", "cerrado", "Fiesta Nacional de Cataluña"),  # regional: Catalonia
    ("madrid", "2026-09-11", "09:30–14:00 y 17:00–20:30", ""),
    ("barcelona", "2026-12-26", "cerrado", "San Esteban"),
    ("madrid", "2026-12-26", "10:00–14:00", ""),
    ("laspalmas", "2026-05-30", "cerrado", "Día de Canarias"),  # regional: Canary Islands
    ("madrid", "2026-05-30", "10:00–14:00", ""),
    ("sevilla", "2026-12-08", "10:00–14:00", ""),  # public_holidays: regular
    ("madrid", "2027-01-06", "10:00–14:00", "Abrimos en Reyes"),  # special beats the holiday
    ("barcelona", "2027-01-06", "cerrado", "Epifanía del Señor"),
    ("madrid", "2027-08-09", "cerrado", "Vacaciones de verano"),  # first day of a range
    ("madrid", "2027-08-15", "cerrado", "Vacaciones de verano"),  # inside (a Sunday and a holiday)
    ("madrid", "2027-08-22", "cerrado", "Vacaciones de verano"),  # last day
    ("madrid", "2027-08-23", "09:30–14:00 y 17:00–20:30", ""),  # the day after
    ("madrid", "2027-08-08", "cerrado", ""),
    ("night", "2026-12-11", "20:00–02:00", ""),
    ("night", "2026-12-12", "cerrado", "Cerrado por evento privado"),
    ("allday", "2026-12-24", "24 horas", ""),
]


@pytest.mark.parametrize("store,date,hours,reason", DAY_CASES)
def test_hours_on_a_date(store, date, hours, reason):
    intervals, why = H.hours_on(SCHEDULES[store], D.fromisoformat(date))
    assert (fmt_intervals(intervals), why) == (hours, reason)


# ------------------------------------------------------------------ is open at an instant

def at(y, mo, d, h, mi=0, s=0, tz=MAD, fold=0):
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=tz, fold=fold)


OPEN_CASES = [
    ("madrid", at(2026, 11, 30, 10), True),
    ("madrid", at(2026, 11, 30, 9, 30), True),  # opening minute is open
    ("madrid", at(2026, 11, 30, 9, 29, 59), False),
    ("madrid", at(2026, 11, 30, 13, 59, 59), True),
    ("madrid", at(2026, 11, 30, 14), False),  # closing minute is closed
    ("madrid", at(2026, 11, 30, 15, 30), False),  # lunch break
    ("madrid", at(2026, 11, 30, 20, 29), True),  # just before closing
    ("madrid", at(2026, 11, 30, 20, 30), False),
    ("madrid", at(2026, 11, 30, 19, 29, tz=UTC), True),  # the same instant written in UTC
    ("madrid", at(2026, 12, 8, 12), False),  # holiday
    ("madrid", at(2026, 12, 13, 12), True),  # special Sunday
    ("madrid", dt.datetime(2026, 11, 30, 10), True),  # naive: the store's wall clock
    ("barcelona", at(2026, 9, 11, 12), False),
    ("barcelona", at(2026, 9, 10, 12), True),
    # Las Palmas: one hour behind the peninsula
    ("laspalmas", at(2026, 11, 30, 9, 30), False),  # 08:30 in Las Palmas
    ("laspalmas", at(2026, 11, 30, 10, 30), True),  # 09:30 in Las Palmas
    ("laspalmas", at(2026, 11, 30, 14, 15), True),  # 13:15 in Las Palmas
    ("laspalmas", at(2026, 11, 30, 13, 15, tz=CAN), True),
    ("laspalmas", at(2026, 11, 30, 13, 30, tz=CAN), False),
    ("laspalmas", at(2026, 7, 6, 7, 59, tz=UTC), False),  # summer (WEST, UTC+1): 08:59 in Las Palmas
    ("laspalmas", at(2026, 7, 6, 8, 0, tz=UTC), True),  # 09:00 WEST
    # past midnight
    ("night", at(2026, 12, 5, 1), True),  # Saturday 01:00: Friday's 20:00-02:00
    ("night", at(2026, 12, 5, 2), False),
    ("night", at(2026, 12, 6, 1, 30), True),  # Sunday 01:30: Saturday's night
    ("night", at(2026, 12, 6, 23, 59), True),  # Sunday 12:00-24:00
    ("night", at(2026, 12, 7, 0, 0), False),  # ...ends at midnight
    ("night", at(2026, 12, 8, 0, 30), False),  # Tuesday 00:30: Monday closed at 23:00
    ("night", at(2026, 12, 11, 0, 30), True),  # Friday 00:30: Thursday's 18:00-01:00
    ("night", at(2026, 12, 12, 1), True),  # Saturday closed for an event, Friday's night still runs
    ("night", at(2026, 12, 12, 21), False),
    ("night", at(2026, 12, 13, 1), False),  # ...and nothing runs into Sunday
    # DST, last Sunday of March 2027: 02:00 CET -> 03:00 CEST (01:00 UTC)
    ("night", at(2027, 3, 28, 0, 59, tz=UTC), True),  # 01:59 CET
    ("night", at(2027, 3, 28, 1, 0, tz=UTC), False),  # 03:00 CEST: 02:30 never came, closed at the jump
    ("night", at(2027, 3, 27, 19, 0, tz=UTC), True),  # Saturday 20:00 CET
    ("allday", at(2027, 3, 28, 1, 30, tz=UTC), True),
    ("madrid", at(2027, 3, 29, 7, 30, tz=UTC), True),  # Monday 09:30 CEST
    ("madrid", at(2027, 3, 29, 7, 29, tz=UTC), False),
    ("madrid", at(2027, 3, 27, 9, 0, tz=UTC), True),  # Saturday 10:00 CET
    ("laspalmas", at(2027, 3, 27, 9, 30, tz=UTC), True),  # Canary changes too: Saturday 09:30 WET
    ("laspalmas", at(2027, 4, 3, 8, 30, tz=UTC), True),  # next Saturday 09:30 WEST
    ("laspalmas", at(2027, 4, 3, 8, 29, tz=UTC), False),
    # DST, last Sunday of October 2026: 03:00 CEST -> 02:00 CET (01:00 UTC); 20:00-03:00 that night
    ("night", at(2026, 10, 25, 0, 30, tz=UTC), True),  # 02:30 CEST
    ("night", at(2026, 10, 25, 1, 30, tz=UTC), True),  # 02:30 CET, the second time
    ("night", at(2026, 10, 25, 2, 0, tz=UTC), False),  # 03:00 CET
    ("night", at(2026, 10, 25, 2, 30, fold=1), True),  # the repeated 02:30, written with fold
    ("night", at(2026, 10, 31, 23, 59, tz=UTC), True),  # Sunday 00:59 CET: Saturday's night
    ("never", at(2026, 11, 30, 12), False),
]


@pytest.mark.parametrize("store,instant,expected", OPEN_CASES)
def test_is_open(store, instant, expected):
    assert H.is_open(SCHEDULES[store], instant) is expected


def test_october_night_lasts_an_hour_longer():
    sch = SCHEDULES["night"]
    opened = H.next_opening(sch, at(2026, 10, 24, 19))
    closed = H.next_closing(sch, opened)
    assert closed.isoformat() == "2026-10-25T03:00:00+01:00"
    # (aware datetimes in one zone subtract as wall clocks in Python: compare in UTC)
    assert (closed.astimezone(UTC) - opened.astimezone(UTC)) == dt.timedelta(hours=8)  # 20:00 CEST to 03:00 CET
    usual = H.next_opening(sch, at(2026, 10, 31, 19))
    assert H.next_closing(sch, usual).astimezone(UTC) - usual.astimezone(UTC) == dt.timedelta(hours=6)


def test_march_night_loses_what_falls_in_the_missing_hour():
    sch = SCHEDULES["night"]
    opened = H.next_opening(sch, at(2027, 3, 27, 19))
    closed = H.next_closing(sch, opened)
    assert closed.isoformat() == "2027-03-28T03:00:00+02:00"  # 02:30 never comes: it closes at the jump
    assert closed.astimezone(UTC) - opened.astimezone(UTC) == dt.timedelta(hours=6)  # not 6:30
    opened = H.next_opening(sch, at(2027, 3, 20, 19))
    assert H.next_closing(sch, opened).astimezone(UTC) - opened.astimezone(UTC) == dt.timedelta(hours=6, minutes=30)


# ------------------------------------------------------------------ next opening / closing

NEXT_CASES = [
    # store, instant, next opening, next closing (wall clock of the store's zone, ISO)
    ("madrid", at(2026, 11, 29, 12), "2026-11-30T09:30:00+01:00", "2026-11-30T14:00:00+01:00"),
    ("madrid", at(2026, 11, 30, 10), "2026-11-30T17:00:00+01:00", "2026-11-30T14:00:00+01:00"),
    ("madrid", at(2026, 11, 30, 15), "2026-11-30T17:00:00+01:00", "2026-11-30T20:30:00+01:00"),
    ("madrid", at(2026, 12, 5, 15), "2026-12-09T09:30:00+01:00", "2026-12-09T14:00:00+01:00"),  # 7, 8 holidays
    ("madrid", at(2026, 12, 12, 15), "2026-12-13T11:00:00+01:00", "2026-12-13T15:00:00+01:00"),  # special Sunday
    ("madrid", at(2027, 8, 10, 12), "2027-08-23T09:30:00+02:00", "2027-08-23T14:00:00+02:00"),  # vacation
    ("madrid", at(2027, 3, 27, 15), "2027-03-29T09:30:00+02:00", "2027-03-29T14:00:00+02:00"),  # across DST
    ("laspalmas", at(2026, 11, 29, 12, tz=UTC), "2026-11-30T09:00:00+00:00", "2026-11-30T13:30:00+00:00"),
    ("laspalmas", at(2026, 11, 30, 14, 0), "2026-11-30T16:00:00+00:00", "2026-11-30T13:30:00+00:00"),
    ("night", at(2026, 12, 4, 23), "2026-12-05T20:00:00+01:00", "2026-12-05T02:00:00+01:00"),
    ("night", at(2026, 12, 6, 13), "2026-12-07T18:00:00+01:00", "2026-12-07T00:00:00+01:00"),
    ("allday", at(2026, 12, 20, 12), "2026-12-26T00:00:00+01:00", "2026-12-25T00:00:00+01:00"),
    ("never", at(2026, 12, 20, 12), None, None),
]


@pytest.mark.parametrize("store,instant,opening,closing", NEXT_CASES)
def test_next_opening_and_closing(store, instant, opening, closing):
    sch = SCHEDULES[store]
    nxt_open, nxt_close = H.next_opening(sch, instant), H.next_closing(sch, instant)
    assert (nxt_open.isoformat() if nxt_open else None) == opening
    assert (nxt_close.isoformat() if nxt_close else None) == closing
    if nxt_open:
        assert H.is_open(sch, nxt_open) and not H.is_open(sch, nxt_open - dt.timedelta(seconds=1))


# ------------------------------------------------------------------ the indicator's sentence

SENTENCES = [
    ("madrid", at(2026, 11, 30, 20), "store", "Abierto ahora · cierra a las 20:30"),
    ("madrid", at(2026, 11, 29, 12), "store", "Cerrado · abre mañana a las 9:30"),
    ("madrid", at(2026, 11, 30, 15), "store", "Cerrado · abre a las 17:00"),
    ("madrid", at(2026, 12, 5, 15), "store", "Cerrado · abre el miércoles a las 9:30"),
    ("madrid", at(2026, 12, 8, 12), "store", "Cerrado (Inmaculada Concepción) · abre mañana a las 9:30"),
    ("madrid", at(2027, 8, 10, 12), "store", "Cerrado (Vacaciones de verano) · abre el 23 de agosto a las 9:30"),
    ("laspalmas", at(2026, 11, 30, 10, 30), "store", "Abierto ahora · cierra a las 13:30"),
    ("night", at(2026, 12, 4, 23), "store", "Abierto ahora · cierra mañana a las 2:00"),
    ("night", at(2026, 12, 5, 0, 30), "store", "Abierto ahora · cierra a las 2:00"),
    ("night", at(2026, 12, 10, 23), "store", "Abierto ahora · cierra mañana a la 1:00"),
    ("night", at(2026, 12, 6, 13), "store", "Abierto ahora · cierra a medianoche"),
    ("night", at(2027, 3, 28, 0, 30, tz=UTC), "store", "Abierto ahora · cierra a las 2:30"),  # as the sign says
    ("allday", at(2026, 12, 24, 12), "store", "Abierto ahora · cierra a medianoche"),
    ("allday", at(2026, 12, 25, 12), "store", "Cerrado (Navidad) · abre mañana a medianoche".replace(
        "mañana a medianoche", "a medianoche")),
    ("never", at(2026, 12, 25, 12), "store", "Cerrado (Natividad del Señor)"),
    ("madrid", at(2026, 11, 30, 12), "channel", "Disponible ahora · hasta las 14:00"),
    ("night", at(2026, 12, 4, 23), "channel", "Disponible ahora · hasta mañana a las 2:00"),
    ("madrid", at(2026, 12, 5, 15), "channel", "No disponible · vuelve el miércoles a las 9:30"),
    ("madrid", at(2026, 11, 30, 15), "channel", "No disponible · vuelve a las 17:00"),
]


@pytest.mark.parametrize("store,instant,kind,text", SENTENCES)
def test_describe(store, instant, kind, text):
    assert H.describe(SCHEDULES[store], instant, kind) == text


# ------------------------------------------------------------------ weeks, exceptions, holidays

def test_effective_week_applies_holidays_and_special_hours():
    wk = H.effective_week(SCHEDULES["madrid"], D(2026, 12, 5), 7)
    assert [x.date.isoformat() for x in wk] == [f"2026-12-{d:02d}" for d in range(5, 12)]
    assert [(fmt_intervals(x.intervals), x.kind) for x in wk] == [
        ("10:00–14:00", "regular"), ("cerrado", "regular"), ("cerrado", "holiday"), ("cerrado", "holiday"),
        ("09:30–14:00 y 17:00–20:30", "regular"), ("09:30–14:00 y 17:00–20:30", "regular"),
        ("09:30–14:00 y 17:00–20:30", "regular")]


def test_exceptions_skip_holidays_on_days_already_closed():
    exc = H.exceptions(SCHEDULES["madrid"], D(2026, 11, 29), 60)
    dates = [d.isoformat() for d, _, _ in exc]
    assert dates == ["2026-12-07", "2026-12-08", "2026-12-13", "2026-12-24", "2026-12-25", "2027-01-01",
                     "2027-01-06"]


def test_exception_runs_join_ranges():
    runs = H.exception_runs(SCHEDULES["madrid"], D(2027, 8, 1), 30)
    assert [(a.isoformat(), b.isoformat(), r) for a, b, _, r in runs] == [
        ("2027-08-09", "2027-08-22", "Vacaciones de verano")]


def test_closing_holidays_and_regional_calendars():
    bcn = dict(H.closing_holidays(SCHEDULES["barcelona"], D(2026, 1, 1), 365))
    mad = dict(H.closing_holidays(SCHEDULES["madrid"], D(2026, 1, 1), 365))
    assert D(2026, 9, 11) in bcn and D(2026, 9, 11) not in mad
    assert D(2026, 5, 2) in mad and D(2026, 5, 2) not in bcn
    assert H.closing_holidays(SCHEDULES["sevilla"], D(2026, 1, 1), 365) == []


def test_unknown_subdivision_falls_back_to_national_holidays():
    sch = Schedule(SCHEDULES["madrid"].week, (), "closed", "Europe/Madrid", "ES", "XX")
    assert H.hours_on(sch, D(2026, 12, 8)) == ((), "Inmaculada Concepción")
    assert H.hours_on(sch, D(2026, 5, 2))[1] == ""


def test_local_instant_in_the_gap_is_the_jump():
    assert H.local_instant(MAD, D(2027, 3, 28), 150) == dt.datetime(2027, 3, 28, 1, 0, tzinfo=UTC)
    assert H.local_instant(MAD, D(2026, 10, 25), 150) == dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert H.local_instant(MAD, D(2026, 10, 24), 1560) == dt.datetime(2026, 10, 25, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize("name", sorted(SCHEDULES))
def test_a_run_of_days_is_each_day_on_its_own(name):
    """days()/unusual_days() decide whole runs at once; day() one date: they must agree."""
    sch, start = SCHEDULES[name], D(2026, 1, 1)
    assert H.days(sch, start, 800) == [H.day(sch, start + dt.timedelta(days=i)) for i in range(800)]


def test_browser_data_is_exact_and_small():
    import json
    data = H.browser_data(SCHEDULES["madrid"], D(2026, 11, 29))
    assert data["tz"] == "Europe/Madrid" and data["from"] == "2026-11-28" and len(data["d"]) == 401
    for i in range(len(data["d"])):
        d = D(2026, 11, 28) + dt.timedelta(days=i)
        assert [tuple(x) for x in data["p"][data["d"][i]]] == [(iv.start, iv.end) for iv in
                                                               H.hours_on(SCHEDULES["madrid"], d)[0]]
    assert data["r"][str((D(2026, 12, 8) - D(2026, 11, 28)).days)] == "Inmaculada Concepción"
    assert len(json.dumps(data)) < 4000
