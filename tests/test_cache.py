"""kbgen's cache folder: holiday calendars and compiled templates are kept between runs, never
change a result, and a broken or missing cache only means computing again."""
import datetime as dt
import os

import pytest

import kbgen.hours as H
from kbgen.cache import cache_dir


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KBGEN_NO_CACHE", raising=False)
    H._holiday_calendar.cache_clear()
    yield tmp_path
    H._holiday_calendar.cache_clear()


def test_holiday_calendar_is_read_back_from_the_cache_identically(fresh_cache):
    computed = H._compute_holiday_calendar("ES", "MD", 2027)
    first = H._holiday_calendar("ES", "MD", 2027)
    files = [f for _, _, fs in os.walk(fresh_cache) for f in fs]
    assert files == ["ES-MD-2027.json"]
    H._holiday_calendar.cache_clear()
    again = H._holiday_calendar("ES", "MD", 2027)
    assert first == again == computed
    assert again[dt.date(2027, 1, 6)] == "Epifanía del Señor"
    assert any("Comunidad de Madrid" in name for name in again.values())


def test_a_corrupt_cache_file_is_computed_again(fresh_cache):
    H._holiday_calendar("ES", "CT", 2027)
    [path] = [os.path.join(d, f) for d, _, fs in os.walk(fresh_cache) for f in fs]
    with open(path, "w") as fh:
        fh.write('{"not a date": 3')
    H._holiday_calendar.cache_clear()
    assert H._holiday_calendar("ES", "CT", 2027) == H._compute_holiday_calendar("ES", "CT", 2027)


def test_no_cache_when_switched_off_or_not_writable(fresh_cache, monkeypatch):
    monkeypatch.setenv("KBGEN_NO_CACHE", "1")
    assert cache_dir("x") is None
    assert any("Andalucía" in name for name in H._holiday_calendar("ES", "AN", 2027).values())
    assert not any(fs for _, _, fs in os.walk(fresh_cache))
    monkeypatch.delenv("KBGEN_NO_CACHE")
    blocker = fresh_cache / "kbgen"
    blocker.write_text("a file where the folder goes")
    assert cache_dir("x") is None
