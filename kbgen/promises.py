"""Verdicts: can operations keep a promise? One claim against operations.yaml.

``judge(claim, ops)`` takes a :class:`~kbgen.text.claims.Claim` and operations.yaml as
a plain nested dict and returns one :class:`Verdict` per operational setting the claim
is about (a delivery promise without a zone is judged against every zone, a response
promise without a channel against every channel).

Rules (``X`` is the promise, ``O`` the operational value):

- delivery, refund and first-response times promise "at most X": **broken** when the
  longest operational time ``O.max > X.max``; **over** (info) when ``X.max >= 2 * O.max``
  (the promise undersells what operations do); else **kept**.
- return window promises "at least X": **broken** when ``O.min < X``; **over** when
  ``O.min >= 2 * X``.
- business days: operations values are calendar time. ``N`` business days last at least
  ``N`` calendar days and at most ``N + 2·ceil(N/5)`` (weekends; holidays ignored). We
  take the reading that flags more: an "at most N business days" promise is compared as
  ``N`` days, an "at least N business days" window as ``N + 2·ceil(N/5)`` days.
- a promised order cutoff ("pide antes de las 18:00") later than ``order_cutoff`` is
  broken (metric ``order_cutoff``).
- discount: broken when the promised percentage exceeds ``max_discount``.
- "gratis" returns: broken when ``returns.free`` is false. Free shipping from ``T`` €
  (no threshold: from 0 €): broken when ``free_shipping_from`` is higher, or is
  false/null (operations never ship free).
- ``opening.*`` claims are the caller's: they are judged against the stores' hours,
  not operations.yaml, so ``judge`` returns ``[]`` for them.
- a setting that is absent is **unknown_setting**; so is one whose value cannot be
  read (``note`` says why).
- any other metric (from an explicit ``claim:``) is the operations.yaml path itself,
  compared by kind: durations and numbers by ``at_most``/``at_least``/``equals``,
  yes/no by equality.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kbgen.text.claims import (
    Claim,
    Span,
    business_to_calendar_days,
    fmt_span,
    parse_bool,
    parse_duration,
    parse_percent,
    parse_value,
)
from kbgen.text.fold import fold

__all__ = ["Verdict", "judge", "worst", "parse_duration", "parse_percent", "lookup", "MISSING", "STATUSES"]

STATUSES = ("broken", "unknown_setting", "kept", "over")  # worst first


@dataclass(frozen=True)
class Verdict:
    """How one promise compares with operations: broken, kept, over, or about an unknown setting."""

    status: str  # broken | kept | over | unknown_setting
    metric: str
    promised: str  # as a person reads it: "24 horas", "30 %", "envío gratis a partir de 50 €"
    actual: str  # "48–72 horas", "15 %", "sin ajuste" when the setting is absent
    setting_path: str  # "delivery.peninsula": where to find it in operations.yaml
    note: str = ""  # why a setting could not be read, or a remark for the message

    @property
    def message(self) -> str:
        """A one-line Spanish explanation for findings."""
        if self.status == "unknown_setting":
            extra = f" ({self.note})" if self.note else ""
            return f"promete {self.promised}, pero operations.yaml no tiene un valor válido en '{self.setting_path}'{extra}"
        if self.status == "broken":
            return f"promete {self.promised}, pero operaciones da {self.actual} ({self.setting_path})"
        if self.status == "over":
            return f"promete {self.promised}, y operaciones da {self.actual}: se puede prometer más ({self.setting_path})"
        return f"promete {self.promised}; operaciones da {self.actual} ({self.setting_path})"


def worst(verdicts: list[Verdict]) -> str | None:
    """The status that matters most: broken > unknown_setting > kept > over (None if none)."""
    return min((v.status for v in verdicts), key=STATUSES.index, default=None)


# ------------------------------------------------------------------ operations lookup

class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


def _key(k: Any) -> str:
    return fold(str(k)).replace("-", "_").replace(" ", "_")


def lookup(ops: Any, path: str) -> Any:
    """The value at a dotted path; keys compare without case or accents. MISSING if absent."""
    node = ops
    for part in path.split("."):
        if not isinstance(node, dict):
            return MISSING
        match = [v for k, v in node.items() if _key(k) == _key(part)]
        if not match:
            return MISSING
        node = match[0]
    return node


_CHANNEL_ALIASES = {
    "correo": ("correo", "email", "e_mail", "mail", "correo_electronico"),
    "telefono": ("telefono", "phone", "tel", "llamada"),
    "formulario": ("formulario", "form", "web", "contacto"),
    "whatsapp": ("whatsapp",),
    "chat": ("chat", "chat_web", "live_chat"),
}


_CHANNEL_GROUP = {alias: group for group in _CHANNEL_ALIASES.values() for alias in group}


def _channel_key(table: dict, channel: str) -> str | None:
    """The first_response key for a channel named in text ('email' finds 'correo')."""
    wanted = _CHANNEL_GROUP.get(_key(channel), (_key(channel),))
    for k in table:
        if _key(k) in wanted or _key(k) == _key(channel):
            return str(k)
    return None


# ------------------------------------------------------------------ display

def _fmt_num(x: float) -> str:
    x = float(x)
    return str(int(x)) if x.is_integer() else f"{x:.2f}".rstrip("0").replace(".", ",")


def _fmt_pct(x: float) -> str:
    return f"{_fmt_num(x)} %"


def _fmt_money(x: float) -> str:
    x = float(x)
    return f"{int(x)} €" if x.is_integer() else f"{x:.2f}".replace(".", ",") + " €"


def _fmt_value(v: Any) -> str:
    if isinstance(v, bool):
        return "sí" if v else "no"
    if isinstance(v, Span):
        return fmt_span(v)
    if isinstance(v, (int, float)):
        return _fmt_num(v)
    return str(v)


def _promised(claim: Claim) -> str:
    v = claim.value
    if claim.metric == "discount":
        return ("hasta un " if claim.op == "at_most" else "") + _fmt_pct(v)
    if claim.metric == "returns.free":
        return "devolución gratuita" if v else "devolución con coste"
    if claim.metric == "shipping.free":
        if not v:
            return "envío con coste"
        return "envío gratis" + (f" a partir de {_fmt_money(claim.threshold)}" if claim.threshold else "")
    if isinstance(v, Span):
        return fmt_span(v, claim.business_days)
    return _fmt_value(v)


# ------------------------------------------------------------------ judging

def judge(claim: Claim, ops: dict) -> list[Verdict]:
    """Verdicts for one claim against operations.yaml (see the module docstring)."""
    if claim.metric.startswith("opening."):
        return []  # judged by the caller against the stores' hours
    handler = _HANDLERS.get(claim.metric, _judge_generic)
    return handler(claim, ops or {})


def _unknown(claim: Claim, path: str, note: str = "", actual: str = "sin valor") -> Verdict:
    return Verdict("unknown_setting", claim.metric, _promised(claim), actual, path, note)


def _targets(claim: Claim, ops: dict, root: str, sub: str | None, channel: bool = False) -> list[tuple[str, Any]]:
    """(path, raw value) pairs the claim is judged against: one sub-key, or all of them."""
    table = lookup(ops, root)
    if table is MISSING:
        return [(f"{root}.{sub}" if sub else root, MISSING)]
    if not isinstance(table, dict):
        return [(root, table)]  # one value for every zone / channel
    if sub:
        key = _channel_key(table, sub) if channel else next((str(k) for k in table if _key(k) == _key(sub)), None)
        return [(f"{root}.{key or sub}", table[key] if key is not None else MISSING)]
    skip = {_key(z) for z in claim.except_zones} if root == "delivery" else set()
    return [(f"{root}.{k}", v) for k, v in table.items() if _key(k) not in skip] or [(root, MISSING)]


def _duration_verdicts(claim: Claim, targets: list[tuple[str, Any]], default_unit: str | None = None) -> list[Verdict]:
    out = []
    for path, raw in targets:
        if raw is MISSING:
            out.append(_unknown(claim, path))
            continue
        try:
            actual = parse_duration(raw, default_unit)
        except ValueError as e:
            out.append(_unknown(claim, path, str(e), actual=str(raw)))
            continue
        if not isinstance(claim.value, Span):
            out.append(_unknown(claim, path, "la promesa no es una duración", actual=fmt_span(actual)))
            continue
        status = _compare_span(claim, actual)
        out.append(Verdict(status, claim.metric, _promised(claim), fmt_span(actual), path))
    return out


def _compare_span(claim: Claim, actual: Span) -> str:
    promised = claim.value
    if claim.op == "at_least":  # the customer has at least X
        x = promised.min_minutes
        if claim.business_days:
            x = round(business_to_calendar_days(x / 1440) * 1440)
        if actual.min_minutes < x:
            return "broken"
        return "over" if actual.min_minutes >= 2 * x else "kept"
    if claim.op == "equals":
        return "kept" if (actual.min_minutes, actual.max_minutes) == (promised.min_minutes, promised.max_minutes) else "broken"
    # at_most: N business days count as N calendar days, the reading that flags more
    x = promised.max_minutes
    if actual.max_minutes > x:
        return "broken"
    return "over" if x >= 2 * actual.max_minutes else "kept"


def _judge_delivery(claim: Claim, ops: dict) -> list[Verdict]:
    out = _duration_verdicts(claim, _targets(claim, ops, "delivery", claim.zone))
    if claim.cutoff is not None:
        out.append(_judge_cutoff(claim, ops))
    return out


def _clock(raw: Any) -> int | None:
    m = re.fullmatch(r"\s*(\d{1,2})(?:[:.h](\d{2}))?\s*h?\s*", str(raw))
    if not m or int(m.group(1)) > 24 or int(m.group(2) or 0) > 59:
        return None
    return int(m.group(1)) * 60 + int(m.group(2) or 0)


def _fmt_clock(minutes: int) -> str:
    return f"antes de las {minutes // 60:02d}:{minutes % 60:02d}"


def _judge_cutoff(claim: Claim, ops: dict) -> Verdict:
    promised = _fmt_clock(claim.cutoff)
    raw = lookup(ops, "order_cutoff")
    if raw is MISSING:
        return Verdict("unknown_setting", "order_cutoff", promised, "sin valor", "order_cutoff")
    actual = _clock(raw)
    if actual is None:
        return Verdict("unknown_setting", "order_cutoff", promised, str(raw), "order_cutoff", "hora no válida")
    status = "broken" if claim.cutoff > actual else "kept"
    return Verdict(status, "order_cutoff", promised, _fmt_clock(actual), "order_cutoff")


def _judge_response(claim: Claim, ops: dict) -> list[Verdict]:
    return _duration_verdicts(claim, _targets(claim, ops, "first_response", claim.channel, channel=True))


def _judge_window(claim: Claim, ops: dict) -> list[Verdict]:
    return _duration_verdicts(claim, [("returns.window", lookup(ops, "returns.window"))], default_unit="d")


def _judge_refund(claim: Claim, ops: dict) -> list[Verdict]:
    return _duration_verdicts(claim, [("returns.refund_within", lookup(ops, "returns.refund_within"))], default_unit="d")


def _judge_discount(claim: Claim, ops: dict) -> list[Verdict]:
    raw = lookup(ops, "max_discount")
    if raw is MISSING:
        return [_unknown(claim, "max_discount")]
    try:
        allowed = parse_percent(raw)
    except ValueError as e:
        return [_unknown(claim, "max_discount", str(e), actual=str(raw))]
    status = "broken" if float(claim.value) > allowed else "kept"
    return [Verdict(status, claim.metric, _promised(claim), _fmt_pct(allowed), "max_discount")]


def _judge_free_returns(claim: Claim, ops: dict) -> list[Verdict]:
    raw = lookup(ops, "returns.free")
    if raw is MISSING:
        return [_unknown(claim, "returns.free")]
    try:
        free = parse_bool(raw)
    except ValueError as e:
        return [_unknown(claim, "returns.free", str(e), actual=str(raw))]
    actual = "devolución gratuita" if free else "devolución con coste"
    if claim.value:
        status = "kept" if free else "broken"
    else:
        status = "over" if free else "kept"
    return [Verdict(status, claim.metric, _promised(claim), actual, "returns.free")]


_FREE_SHIPPING_PATHS = ("free_shipping_from", "shipping.free_from", "shipping.free_shipping_from")


def _judge_free_shipping(claim: Claim, ops: dict) -> list[Verdict]:
    path, raw = next(((p, lookup(ops, p)) for p in _FREE_SHIPPING_PATHS if lookup(ops, p) is not MISSING),
                     (_FREE_SHIPPING_PATHS[0], MISSING))
    if raw is MISSING:
        return [_unknown(claim, path)]
    if raw is None or raw is False or str(raw).strip().lower() in ("never", "nunca", "no", "false", "none"):
        actual = None  # operations never ship for free
    else:
        try:
            actual = float(raw) if isinstance(raw, (int, float)) else float(
                re.sub(r"[^\d,.]", "", str(raw)).replace(",", "."))
        except ValueError:
            return [_unknown(claim, path, "importe no válido", actual=str(raw))]
    shown = "sin envío gratis" if actual is None else (
        "envío gratis siempre" if actual == 0 else f"envío gratis a partir de {_fmt_money(actual)}")
    if not claim.value:  # "el envío tiene coste"
        status = "over" if actual is not None and actual == 0 else "kept"
    else:
        promised_from = claim.threshold or 0.0
        status = "broken" if actual is None or actual > promised_from else "kept"
    return [Verdict(status, claim.metric, _promised(claim), shown, path)]


def _judge_generic(claim: Claim, ops: dict) -> list[Verdict]:
    path = claim.setting
    raw = lookup(ops, path)
    if raw is MISSING:
        return [_unknown(claim, path)]
    if isinstance(claim.value, Span):
        return _duration_verdicts(claim, [(path, raw)])
    try:
        actual = parse_value(raw)
    except ValueError as e:
        return [_unknown(claim, path, str(e), actual=str(raw))]
    promised, shown = _promised(claim), _fmt_value(actual)
    if isinstance(claim.value, bool) or claim.op in ("is_true", "is_false"):
        ok = isinstance(actual, bool) and actual == bool(claim.value)
        return [Verdict("kept" if ok else "broken", claim.metric, promised, shown, path)]
    if isinstance(actual, Span) or isinstance(actual, bool):
        return [_unknown(claim, path, "el ajuste no es un número", actual=shown)]
    x, o = float(claim.value), float(actual)
    if claim.op == "at_most":
        status = "broken" if o > x else ("over" if o and x >= 2 * o else "kept")
    elif claim.op == "at_least":
        status = "broken" if o < x else ("over" if x and o >= 2 * x else "kept")
    else:
        status = "kept" if o == x else "broken"
    return [Verdict(status, claim.metric, promised, shown, path)]


_HANDLERS = {
    "delivery": _judge_delivery,
    "first_response": _judge_response,
    "returns.window": _judge_window,
    "returns.refund_within": _judge_refund,
    "discount": _judge_discount,
    "returns.free": _judge_free_returns,
    "shipping.free": _judge_free_shipping,
}
