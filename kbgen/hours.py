"""Opening hours: the one module that knows what "open" means.

Times are minutes since midnight. An interval may run past midnight: its end is
then greater than 1440 (``20:00-02:00`` is ``Interval(1200, 1560)``). ``24h`` is
``Interval(0, 1440)``. A day's hours are a sorted tuple of intervals; ``()`` is closed.
"""
from __future__ import annotations

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
