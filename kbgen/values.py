"""Small typed values written as text in content files: durations and percentages."""
from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {"m": 1, "min": 1, "h": 60, "d": 1440}
_DUR = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(m|min|h|d)\s*$", re.I)


@dataclass(frozen=True)
class Duration:
    """A duration or a range of durations, in minutes (``2d-4d`` -> 2880..5760)."""

    min: int
    max: int
    text: str

    def human(self, lang: str = "es") -> str:
        """In the unit the editor wrote: '48h-72h' -> '48-72 horas', '3d-5d' -> '3-5 días'."""
        unit = re.sub(r"[^a-z]", "", self.text.lower().split("-")[-1])[:1] or "m"
        return human_span(self.min, self.max, lang, unit)


def _one(text: str) -> int:
    m = _DUR.match(text)
    if not m:
        raise ValueError(text)
    return round(float(m.group(1).replace(",", ".")) * _UNITS[m.group(2).lower()])


def parse_duration(text: str) -> Duration:
    """``45m``, ``10h``, ``3d``, ``2d-4d``, ``48h-72h``; ValueError otherwise."""
    raw = str(text).strip()
    parts = [p for p in re.split(r"\s*[-–]\s*", raw) if p]
    if len(parts) == 2 and re.fullmatch(r"\d+", parts[0]):  # "48-72h"
        parts[0] += re.sub(r"[\d.,\s]", "", parts[1])
    if len(parts) not in (1, 2):
        raise ValueError(raw)
    lo, hi = _one(parts[0]), _one(parts[-1])
    if lo > hi or hi <= 0:
        raise ValueError(raw)
    return Duration(lo, hi, raw)


def _unit(minutes: int, lang: str, prefer: str = "") -> tuple[float, str, str]:
    if minutes % 1440 == 0 and (prefer == "d" or (not prefer and minutes >= 1440 * 2)):
        return minutes / 1440, "día", "días" if lang == "es" else "days"
    if minutes % 60 == 0:
        return minutes / 60, "hora", "horas" if lang == "es" else "hours"
    return minutes, "minuto", "minutos" if lang == "es" else "minutes"


def human_span(lo: int, hi: int, lang: str = "es", prefer: str = "") -> str:
    """Minutes as a person says them: '48-72 horas', '3-5 días', '10 horas', '1 día'."""
    def num(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else f"{x:g}"

    if lo == 1440 and hi == 1440 and prefer != "h":
        return "1 día" if lang == "es" else "1 day"
    u_hi = _unit(hi, lang, prefer)
    if lo != hi:
        div = {"día": 1440, "hora": 60, "minuto": 1}[u_hi[1]]
        if lo % div == 0:
            return f"{num(lo / div)}-{num(hi / div)} {u_hi[2]}"
        u_lo = _unit(lo, lang, prefer)
        return f"{num(u_lo[0])} {u_lo[2]}-{num(u_hi[0])} {u_hi[2]}"
    n, one, many = u_hi
    if n == 1:
        return f"1 {one if lang == 'es' else many[:-1]}"
    return f"{num(n)} {many}"


def human_value(raw) -> str:
    """How an operational value reads inside a sentence (for ``{{ }}`` references)."""
    if raw is None:
        return ""
    text = str(raw).strip()
    try:
        return parse_duration(text).human()
    except ValueError:
        pass
    m = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*%", text)
    if m:
        return f"{m.group(1)} %"
    low = text.lower()
    if low in ("true", "yes", "sí", "si"):
        return "sí"
    if low in ("false", "no"):
        return "no"
    return text
