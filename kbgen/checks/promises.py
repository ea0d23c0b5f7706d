"""KB4xx — promises vs operations: can the business keep what it promises?

Three kinds of promise are judged:

1. every advertising promise of promises.yaml: its explicit ``claim:`` taken as written,
   else the claims read from its ``text`` (text that reads like a promise but cannot be
   understood is KB411, not silence);
2. every text that reaches the site (``project.texts``: FAQ answers, policies, store and
   channel notes, pages...), read with ``{{ }}`` references blanked out — a value written
   through a reference is consistent by construction and is not checked again;
3. the ``response_time`` of every contact channel against ``operations.first_response``.

Quantitative claims are judged by :func:`kbgen.promises.judge` against operations.yaml;
opening promises (``opening.*``) against the weekly hours of the stores (every store, or
the ones the sentence names) or of the contact channel the sentence is about.

Verdicts become findings: broken -> an error whose code says what kind of promise it is,
setting missing -> KB410 (warning), promise safely below what operations do -> KB420
(info). Expired promises are KB506's (freshness) and are not judged here.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Optional

from ..findings import Finding, Loc
from ..hours import DAY_NAMES_EN, DAY_NAMES_ES, Interval, fmt_intervals
from ..model import REF as _REF
from ..promises import Verdict, judge
from ..text.claims import (
    Claim,
    channels_in,
    claim_from_spec,
    extract_claims,
    looks_like_promise,
    may_look_like_promise,
    parse_duration,
    split_sentences,
)
from ..text.fold import fold
from . import check, rule

rule("KB401", "delivery-promise-broken", """A delivery time promised in promises.yaml or in site text ("entrega en
24 horas", "next-day delivery", "en 2 días laborables") is shorter than the longest lead time operations.yaml gives
for the zone (``delivery.<zone>``); a promise that names no zone must hold for every zone. Business days are read
the way that flags more. The message names the promise, where it is published, the promised and the operational
value and both places. Change the promise (or write the value as ``{{ delivery.<zone> }}`` so it cannot drift),
or change operations if they really improved.""")
rule("KB402", "return-window-broken", """A return window promised ("30 días para devolver", "devoluciones durante
un mes", "30-day returns") is longer than the window operations accept (``returns.window``): a customer who
returns on the last promised day would be refused. Align the promise with ``returns.window`` or extend the
window in operations.yaml.""")
rule("KB403", "refund-promise-broken", """A refund time promised ("reembolso en 5 días hábiles", "te devolvemos el
dinero en 14 días") is shorter than the time operations take to refund (``returns.refund_within``).""")
rule("KB404", "free-promise-broken", """Something promised as free that operations charge for: free returns
("devoluciones gratis") while ``returns.free`` is false, or free shipping ("envío gratis a partir de 30 €")
from a lower amount than ``free_shipping_from`` or when operations never ship for free.""")
rule("KB405", "response-time-broken", """A first-response time promised ("te respondemos en menos de 1 hora",
a channel's ``response_time: 2h`` in contact.yaml) is shorter than the real first-response time of that channel
(``first_response.<channel id>`` in operations.yaml). A promise that names no channel must hold for every
channel.""")
rule("KB406", "discount-promise-broken", """A discount advertised ("hasta un 30 % de descuento", "-30 %") is larger
than the largest discount operations honour (``max_discount``).""")
rule("KB407", "opening-promise-broken", """An opening promise ("abierto 7 días a la semana", "abrimos los
domingos", "24 horas", "de lunes a sábado de 9 a 21 h") that the weekly hours do not keep. A general statement
must hold for every store; a sentence that names a store (or a store's own notes) is judged against that store
only; a sentence about a contact channel ("el teléfono atiende de 9 a 20 h") against that channel's hours. The
message names each store or channel that is closed when the promise says open, with the line of its hours.""")
rule("KB408", "order-cutoff-broken", """A delivery promise with an order cutoff ("pide antes de las 18:00 y lo
recibes mañana") later than the real ``order_cutoff`` of operations.yaml: orders placed between the two times
miss the promised delivery.""")
rule("KB409", "promise-broken", """An explicit ``claim:`` of promises.yaml about any other operations.yaml
setting (``store_pickup.ready_within``, ``workshop.quote_within``...) that the setting does not keep: a duration
longer than promised, a number outside the promised bound, a yes/no that differs.""")
rule("KB410", "promise-setting-missing", """A promise whose operational setting does not exist or cannot be read:
"entrega en 24 h en Ceuta" with no ``delivery.ceuta``, a channel's ``response_time`` with no
``first_response.<channel id>``, a ``claim:`` naming a path operations.yaml does not have, an opening promise
about a channel without hours. Nothing can say whether it is kept: add the setting to operations.yaml (or the
hours to contact.yaml), or correct the name.""", "warning")
rule("KB411", "promise-unreadable", """A promise in promises.yaml whose text yields no claim kbgen can check, or a
sentence of site text that reads like a promise (promise vocabulary and a number, "gratis" or "siempre") but
cannot be understood. The message quotes the sentence. Rephrase it ("Entrega en 48 horas en la península"), or,
in promises.yaml, write the claim out: ``claim: {metric: delivery.peninsula, at_most: 48h}``.""", "warning")
rule("KB412", "promise-claim-invalid", """An explicit ``claim:`` in promises.yaml that cannot be read: no
``metric``, none or several of ``at_most``/``at_least``/``equals``, or a value of the wrong kind for the metric
(``at_most: pronto``). Write e.g. ``{metric: delivery.peninsula, at_most: 48h}`` or
``{metric: max_discount, at_most: 20%}``.""")
rule("KB413", "promise-text-disagrees", """A promise whose ``text`` (what customers read) says something different
from its explicit ``claim:`` (what kbgen checks): "Entrega en 24 horas" with ``claim: {at_most: 72h}``. The
claim is judged, the text is published: make them say the same.""", "warning")
rule("KB420", "promise-undersells", """A promise safely below what operations do (it promises at least twice the
real time, or a return window half the real one): "promete 7 días, operaciones entregan en 3". Nothing is
broken; the business could promise more.""", "info")

_RULE_OF = {
    "delivery": "KB401", "returns.window": "KB402", "returns.refund_within": "KB403", "returns.free": "KB404",
    "shipping.free": "KB404", "first_response": "KB405", "discount": "KB406", "order_cutoff": "KB408",
}

# ------------------------------------------------------------------ messages (es / en)

_MSG = {
    "es": {
        "who.promise": "La promesa «{id}» («{sentence}», {published})",
        "who.text": "«{sentence}» ({where})",
        "who.channel": "El canal «{id}» (response_time: {value}, publicado en la página de contacto)",
        "broken": "{who} promete {promised}, pero {actual}. Corrige la promesa o el ajuste.",
        "over": "{who} promete {promised}, y {actual}: se puede prometer más.",
        "unknown": "{who} promete {promised}, pero no hay con qué comprobarlo: {actual}.",
        "unreadable.promise": "La promesa «{id}» ({published}) no dice nada que kbgen entienda: "
                              "«{sentence}». Reescríbela o añade claim: {{metric: …, at_most: …}}.",
        "unreadable.text": "«{sentence}» ({where}) parece una promesa, pero kbgen no la entiende; "
                           "reescríbela con el plazo, el importe o el porcentaje y a qué se refiere.",
        "invalid": "La promesa «{id}» tiene un claim: que no se puede leer: {error}",
        "disagree": "La promesa «{id}» dice «{sentence}» ({said}), pero su claim: dice {claimed} ({at}); "
                    "lo que lee el cliente es el texto: haz que digan lo mismo.",
        "none": "sin published_in",
        "published": "publicada en {places}",
        "setting": "{what} ({path}, {loc})",
        "missing": "operations.yaml no tiene '{path}'{note} ({loc})",
        "no.hours": "el canal «{name}» no tiene horario en contact.yaml ({loc})",
        "no.channel": "no hay ningún canal «{name}» en contact.yaml",
        "where.faq.a": "respuesta de la FAQ «{subject}»",
        "where.policy.body": "política «{subject}»",
        "where.store.notes": "notas de la tienda «{subject}»",
        "where.channel.notes": "notas del canal «{subject}»",
        "where.page.body": "página «{subject}»",
        "where.other": "{kind} «{subject}»",
    },
    "en": {
        "who.promise": "Promise \"{id}\" (\"{sentence}\", {published})",
        "who.text": "\"{sentence}\" ({where})",
        "who.channel": "Channel \"{id}\" (response_time: {value}, published on the contact page)",
        "broken": "{who} promises {promised}, but {actual}. Fix the promise or the setting.",
        "over": "{who} promises {promised}, and {actual}: you could promise more.",
        "unknown": "{who} promises {promised}, but there is nothing to check it against: {actual}.",
        "unreadable.promise": "Promise \"{id}\" ({published}) says nothing kbgen understands: "
                              "\"{sentence}\". Rephrase it or add claim: {{metric: …, at_most: …}}.",
        "unreadable.text": "\"{sentence}\" ({where}) reads like a promise, but kbgen cannot understand it; "
                           "rephrase it with the time, amount or percentage and what it is about.",
        "invalid": "Promise \"{id}\" has a claim: that cannot be read: {error}",
        "disagree": "Promise \"{id}\" says \"{sentence}\" ({said}), but its claim: says {claimed} ({at}); "
                    "customers read the text: make them say the same.",
        "none": "no published_in",
        "published": "published in {places}",
        "setting": "{what} ({path}, {loc})",
        "missing": "operations.yaml has no '{path}'{note} ({loc})",
        "no.hours": "channel \"{name}\" has no hours in contact.yaml ({loc})",
        "no.channel": "there is no channel \"{name}\" in contact.yaml",
        "where.faq.a": "answer of FAQ \"{subject}\"",
        "where.policy.body": "policy \"{subject}\"",
        "where.store.notes": "notes of store \"{subject}\"",
        "where.channel.notes": "notes of channel \"{subject}\"",
        "where.page.body": "page \"{subject}\"",
        "where.other": "{kind} \"{subject}\"",
    },
}

# what operations do, per metric: "{v}" is the operational value
_ACTUAL = {
    "es": {
        "delivery": "operaciones entregan en",
        "returns.window": "operaciones admiten devoluciones durante",
        "returns.refund_within": "operaciones reembolsan en",
        "first_response": "la primera respuesta real llega en",
        "discount": "el descuento máximo es",
        "returns.free": "operaciones:",
        "shipping.free": "operaciones:",
        "order_cutoff": "el corte real de pedidos es",
        "": "operations.yaml dice",
    },
    "en": {
        "delivery": "operations deliver in",
        "returns.window": "operations accept returns for",
        "returns.refund_within": "operations refund within",
        "first_response": "the real first response takes",
        "discount": "the largest discount is",
        "returns.free": "operations:",
        "shipping.free": "operations:",
        "order_cutoff": "the real order cutoff is",
        "": "operations.yaml says",
    },
}

# Spanish value phrases (from kbgen.promises / claims) in English
_EN = [
    (r"\bal día siguiente laborable\b", "next business day"), (r"\bal día siguiente\b", "next day"),
    (r"\bel mismo día\b", "same day"), (r"\bdías laborables\b", "business days"), (r"\bdía laborable\b", "business day"),
    (r"\bdías\b", "days"), (r"\bdía\b", "day"), (r"\bhoras\b", "hours"), (r"\bhora\b", "hour"),
    (r"\bminutos\b", "minutes"), (r"\bminuto\b", "minute"), (r"\bsemanas\b", "weeks"), (r"\bsemana\b", "week"),
    (r"\bmeses\b", "months"), (r"\bmes\b", "month"), (r"\bhasta un\b", "up to"),
    (r"\bsin envío gratis\b", "no free shipping"), (r"\benvío gratis siempre\b", "free shipping on every order"),
    (r"\benvío gratis a partir de\b", "free shipping from"), (r"\benvío gratis\b", "free shipping"),
    (r"\benvío con coste\b", "paid shipping"), (r"\bdevolución gratuita\b", "free returns"),
    (r"\bdevolución con coste\b", "paid returns"), (r"\bantes de las\b", "before"), (r"\bsin valor\b", "no value"),
    (r"^sí$", "yes"),
]


def _tr(value: str, lang: str) -> str:
    if lang != "en":
        return value
    for pattern, repl in _EN:
        value = re.sub(pattern, repl, value)
    return value


def _m(lang: str, key: str, **kw) -> str:
    return _MSG.get(lang, _MSG["es"])[key].format(**kw)


def _short(sentence: str, limit: int = 120) -> str:
    """The sentence on one line, cut at ``limit`` characters. Only its start is read (a message per
    claim of a long paragraph would otherwise read all of it each time): the spaces of a start of
    the sentence, collapsed, begin the collapsed sentence."""
    head = 4 * limit
    while True:
        s = " ".join(sentence[:head].split())
        if head >= len(sentence) or len(s) > limit:
            break
        head *= 2
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def _loc_str(loc: Optional[Loc]) -> str:
    return f"{loc.path}:{loc.line}" if loc else "?"


# ------------------------------------------------------------------ outcomes

@dataclass(frozen=True)
class Outcome:
    """One claim against one operational fact (a setting, a store's week, a channel's hours)."""

    status: str  # broken | kept | over | unknown_setting
    metric: str  # delivery, order_cutoff, opening.sunday...
    promised: str  # in the message's language
    actual: str  # what is really done, with its place: "48–72 horas (delivery.peninsula, …:4)"
    lead: str = ""  # said once for several outcomes: "operaciones entregan en"
    setting: str = ""  # the operations.yaml path judged against, if any


@dataclass(frozen=True)
class Source:
    """Where a claim was read: the finding's place, subject and how to name it."""

    subject: str
    loc: Loc
    who: str  # "La promesa «x» («…», publicada en …)" / "«…» (respuesta de la FAQ «x»)"
    kind: str = ""  # the Text kind; "promise" or "channel"
    question: str = ""  # the FAQ question, for opening promises that say nothing of the place


class _Judge:
    """Claims -> outcomes, for one project and language."""

    def __init__(self, project, options):
        self.p = project
        self.lang = options.lang if options.lang in _MSG else "es"
        self.ops = project.operations or {}
        self.locs = project.operations_locs or {}
        any_loc = next(iter(self.locs.values()), None)
        self.ops_file = any_loc.path if any_loc else _display(os.path.join(project.root, "operations.yaml"))

    # ---------------------------------------------------------- operations.yaml

    def setting_loc(self, path: str) -> Loc:
        parts = path.split(".")
        while parts:
            loc = self.locs.get(".".join(parts))
            if loc is not None:
                return loc
            parts.pop()
        return Loc(self.ops_file)

    def outcomes(self, claim: Claim, src: Source) -> list[Outcome]:
        if claim.metric.startswith("opening."):
            return self.opening(claim, src)
        out = []
        for v in judge(claim, self.ops):
            out.append(self._from_verdict(v))
        return out

    def _from_verdict(self, v: Verdict) -> Outcome:
        lang = self.lang
        loc = self.setting_loc(v.setting_path)
        promised = _tr(v.promised, lang)
        if v.status == "unknown_setting":
            note = f": {v.note}" if v.note else (f" = {v.actual}" if v.actual not in ("sin valor", "sin ajuste") else "")
            return Outcome(v.status, v.metric, promised, _m(lang, "missing", path=v.setting_path, note=note,
                                                             loc=_loc_str(loc)), "", v.setting_path)
        lead = _ACTUAL[lang].get(v.metric, _ACTUAL[lang][""])
        actual = _m(lang, "setting", what=_tr(v.actual, lang), path=v.setting_path, loc=_loc_str(loc))
        return Outcome(v.status, v.metric, promised, actual, lead, v.setting_path)

    # ---------------------------------------------------------- opening promises

    def opening(self, claim: Claim, src: Source) -> list[Outcome]:
        promised = _fmt_opening(claim, self.lang)
        targets = self._opening_targets(claim, src)
        out = []
        for label, schedule, loc_of_day, problem, known in targets:
            if problem:
                out.append(Outcome("unknown_setting", claim.metric, promised, problem))
                continue
            status, days = _judge_week(claim, schedule.week, known)
            if status == "kept":
                out.append(Outcome("kept", claim.metric, promised, label))
                continue
            loc = loc_of_day(days[0]) if days else None
            out.append(Outcome(status, claim.metric, promised,
                               _fmt_week_fact(claim, label, schedule.week, days, self.lang) + f" ({_loc_str(loc)})"))
        return out

    def _opening_targets(self, claim: Claim, src: Source):
        """(label, schedule, loc_of_day, problem) for each store or channel the claim is about."""
        p = self.p
        channel_name = claim.channel
        if channel_name is None and src.kind == "channel.notes":
            channel_name = src.subject
        if channel_name is None and src.question and not self._stores_named(src.question):
            named = channels_in(src.question)
            if len(named) == 1:
                channel_name = named[0]
        if channel_name is not None:
            ch = self._channel(channel_name)
            if ch is None:
                return [("", None, None, _m(self.lang, "no.channel", name=channel_name), None)]
            if ch.schedule is None:
                return [("", None, None, _m(self.lang, "no.hours", name=ch.id, loc=_loc_str(ch.loc)), None)]
            return [(ch.title, ch.schedule, _day_loc(ch.schedule, ch.loc), None, _known_days(ch.schedule, ch.loc))]
        if src.kind == "store.notes" and src.subject in p.stores:
            stores = [p.stores[src.subject]]
        else:
            stores = self._stores_named(claim.sentence) or self._stores_named(src.question) or list(p.stores.values())
        return [(s.name, s.schedule, _day_loc(s.schedule, s.loc), None, _known_days(s.schedule, s.loc))
                for s in stores if s.schedule is not None]

    def _stores_named(self, text: str) -> list:
        """The stores a text names: by id, name, name without the brand, or city."""
        if not text:
            return []

        def words(x: str) -> list[str]:
            return re.sub(r"[^\w]+", " ", fold(x or "").lower()).split()

        t = f" {' '.join(words(text))} "
        brand = set(words(self.p.site.name))
        out = []
        for s in self.p.stores.values():
            name = words(s.name)
            while name and name[0] in brand:
                name = name[1:]
            names = [words(s.id.replace("-", " ")), words(s.name), name, words(s.address.city)]
            if any(n and f" {' '.join(n)} " in t for n in names):
                out.append(s)
        return out

    def _channel(self, name: str):
        chans = self.p.contact.channels
        for ch in chans:
            if ch.id == name:
                return ch
        kind = {"telefono": "phone", "correo": "email", "whatsapp": "whatsapp", "chat": "chat",
                "formulario": "form"}.get(name)
        same = [ch for ch in chans if ch.kind == kind]
        return same[0] if same else None


def _display(path: str) -> str:
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _day_loc(schedule, fallback: Loc):
    locs = getattr(schedule, "day_locs", ()) or ()
    return lambda d: locs[d] if d < len(locs) and locs[d] is not None else fallback


def _known_days(schedule, owner_loc: Loc) -> frozenset[int]:
    """Days whose hours were read. A day that is missing or could not be read (KB103/KB105) is
    placed at its owner's position by the loader and counted as closed: not judged here."""
    locs = getattr(schedule, "day_locs", ()) or ()
    if len(locs) != 7:
        return frozenset(range(7))
    return frozenset(d for d in range(7) if locs[d] != owner_loc)


def _coverage(week, d: int) -> list[tuple[int, int]]:
    """Day ``d``'s open time in minutes from its midnight (the night before included,
    the next night too), merged."""
    spans = [(i.start, i.end) for i in week[d]]
    spans += [(i.start - 1440, i.end - 1440) for i in week[(d - 1) % 7] if i.end > 1440]
    spans += [(i.start + 1440, i.end + 1440) for i in week[(d + 1) % 7]]
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _covers(week, d: int, a: int, b: int) -> bool:
    return any(x <= a and b <= y for x, y in _coverage(week, d))


def _judge_week(claim: Claim, week, known: frozenset[int] = frozenset(range(7))) -> tuple[str, list[int]]:
    """(status, the days that break or exceed the promise); days not ``known`` break nothing."""
    metric, v = claim.metric, claim.value
    open_days = [d for d in range(7) if week[d] or d not in known]
    if metric == "opening.days_per_week":
        closed = [d for d in range(7) if d not in open_days]
        if len(open_days) < int(v):
            return "broken", closed
        return ("over", []) if len(open_days) > int(v) else ("kept", [])
    if metric == "opening.sunday":
        if v:
            return ("kept", []) if week[6] or 6 not in known else ("broken", [6])
        return ("over", [6]) if week[6] else ("kept", [])
    if metric == "opening.24h":
        bad = [d for d in range(7) if d in known and not _covers(week, d, 0, 1440)]
        return ("broken", bad) if bad else ("kept", [])
    if metric == "opening.hours":
        days, intervals = v
        bad = [d for d in sorted(days) if d in known and any(not _covers(week, d, a, b) for a, b in intervals)]
        return ("broken", bad) if bad else ("kept", [])
    return "kept", []


def _day_names(lang: str):
    return DAY_NAMES_EN if lang == "en" else DAY_NAMES_ES


def _fmt_days(days: Iterable[int], lang: str) -> str:
    ds = sorted(set(days))
    names = _day_names(lang)
    if len(ds) == 7:
        return "todos los días" if lang == "es" else "every day"
    if len(ds) >= 3 and ds == list(range(ds[0], ds[-1] + 1)):
        return (f"de {names[ds[0]]} a {names[ds[-1]]}" if lang == "es" else f"{names[ds[0]]} to {names[ds[-1]]}")
    words = [names[d] for d in ds]
    if len(words) == 1:
        return f"el {words[0]}" if lang == "es" else f"on {words[0]}"
    joiner = " y " if lang == "es" else " and "
    return ", ".join(words[:-1]) + joiner + words[-1]


def _fmt_claim_intervals(intervals, lang: str) -> str:
    try:
        return fmt_intervals(tuple(Interval(a, b) for a, b in intervals), lang)
    except ValueError:
        return ", ".join(f"{a // 60:02d}:{a % 60:02d}-{b // 60 % 24:02d}:{b % 60:02d}" for a, b in intervals)


def _fmt_opening(claim: Claim, lang: str) -> str:
    es = lang != "en"
    v = claim.value
    if claim.metric == "opening.days_per_week":
        return f"abrir {v} días a la semana" if es else f"to open {v} days a week"
    if claim.metric == "opening.sunday":
        if v:
            return "abrir los domingos" if es else "to open on Sundays"
        return "cerrar los domingos" if es else "to close on Sundays"
    if claim.metric == "opening.24h":
        return "abrir 24 horas" if es else "to open 24 hours"
    if claim.metric == "opening.hours":
        days, intervals = v
        hours = _fmt_claim_intervals(intervals, lang)
        return f"abrir {_fmt_days(days, lang)}, {hours}" if es else f"to open {_fmt_days(days, lang)}, {hours}"
    return claim.metric


def _fmt_week_fact(claim: Claim, label: str, week, days: list[int], lang: str) -> str:
    """What the store or channel really does on the days that matter."""
    es = lang != "en"
    if claim.metric == "opening.days_per_week":
        n = sum(1 for d in range(7) if week[d])
        if es:
            closed = f" (cierra {_fmt_days(days, lang)})" if days else ""
            return f"{label} abre {n} días a la semana{closed}"
        closed = f" (closed {_fmt_days(days, lang)})" if days else ""
        return f"{label} opens {n} days a week{closed}"
    if claim.metric == "opening.sunday":
        if claim.value:
            return f"{label} cierra los domingos" if es else f"{label} is closed on Sundays"
        hours = fmt_intervals(week[6], lang)
        return f"{label} abre los domingos, {hours}" if es else f"{label} opens on Sundays, {hours}"
    by_hours: dict[tuple, list[int]] = {}
    for d in days:
        by_hours.setdefault(tuple(week[d]), []).append(d)
    parts = [f"{_fmt_days(ds, lang)} {fmt_intervals(h, lang)}" for h, ds in by_hours.items()]
    return f"{label}: " + "; ".join(parts)


# ------------------------------------------------------------------ claims from text, references blanked

def _core(c: Claim):
    return (c.metric, c.op, c.value, c.zone, c.channel, c.business_days, c.except_zones)


def _widen(masked: str, start: int, end: int) -> tuple[int, int]:
    """The sentence [start, end) of the masked text plus the blanked references at its ends,
    which sentence splitting trimmed as spaces ("pide antes de las {{ order_cutoff }}")."""
    while start > 0 and masked[start - 1] in " \t":
        start -= 1
    while end < len(masked) and masked[end] in " \t":
        end += 1
    return start, end


class _Reader:
    """extract_claims over text with ``{{ }}`` references: a claim counts only when it is the
    same with the references blanked and filled in (then the filled-in one is judged, so a
    referenced threshold or cutoff is the real one); claims that exist only thanks to a
    referenced value are consistent by construction and are skipped."""

    def __init__(self, project, lang: str):
        from ..loaders.refs import build_context
        self.ctx = build_context(project)
        self.lang = lang

    def resolve(self, raw: str) -> str:
        return _REF.sub(lambda m: self.ctx.get(m.group(1).strip(), m.group(0)), raw)

    def claims(self, raw: str, context: str = "") -> list[Claim]:
        return [c for c, _ in self.claims_and_refs(raw, context)]

    def claims_and_refs(self, raw: str, context: str = "") -> list[tuple[Claim, frozenset]]:
        """Each claim with the reference paths written in its sentence: a verdict about one
        of those settings is consistent by construction."""
        masked = _REF.sub(lambda m: " " * len(m.group(0)), raw)
        out: list[tuple[Claim, frozenset]] = []
        sentences: dict[tuple[int, int], tuple] = {}  # per sentence: its text, references, claims filled in
        for c in extract_claims(masked, self.lang, context=context):
            key = (c.start, c.end)
            if key not in sentences:
                a, b = _widen(masked, c.start, c.end)
                seg = raw[a:b].strip()
                refs = frozenset(m.group(1).strip() for m in _REF.finditer(seg))
                filled: dict = {}
                if refs:
                    for r in extract_claims(self.resolve(seg), self.lang, context=context):
                        filled.setdefault(_core(r), r)  # the first filled-in claim of each core
                sentences[key] = (seg, refs, filled)
            seg, refs, filled = sentences[key]
            if not refs:
                out.append((c, frozenset()))
                continue
            match = filled.get(_core(c))
            if match is not None:
                out.append((replace(match, start=c.start, end=c.end, sentence=seg), refs))
        return out

    def unreadable(self, raw: str, context: str = "") -> list[tuple[int, str]]:
        """(offset, sentence) of sentences without references that read like promises
        but yield no claim."""
        if not may_look_like_promise(raw):
            return []  # no sentence of it can (most texts): not even split into sentences
        out = []
        for a, b in split_sentences(raw):
            s = raw[a:b]
            if "{{" in s:
                continue
            if looks_like_promise(s, self.lang, context=context):
                out.append((a, s))
        return out


# ------------------------------------------------------------------ findings

def _join(items: list[str], lang: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + (" y " if lang == "es" else " and ") + items[-1]


def _facts(outcomes: list[Outcome], lang: str) -> str:
    """'operaciones entregan en 3–5 días (…) y 5–10 días (…)': each lead said once."""
    groups: dict[str, list[str]] = {}
    for o in outcomes:
        groups.setdefault(o.lead, []).append(o.actual)
    return "; ".join(f"{lead} {_join(items, lang)}" if lead else "; ".join(items) for lead, items in groups.items())


def _findings(claim: Claim, outcomes: list[Outcome], src: Source, lang: str,
              refs: frozenset = frozenset()) -> Iterator[Finding]:
    outcomes = [o for o in outcomes if not (o.setting and o.setting in refs)]
    if not outcomes:
        return
    broken: dict[str, list[Outcome]] = {}
    for o in outcomes:
        if o.status == "broken":
            code = "KB407" if o.metric.startswith("opening.") else _RULE_OF.get(o.metric, "KB409")
            broken.setdefault(code, []).append(o)
    for code, os_ in broken.items():
        yield Finding(code, "error", src.loc, _m(lang, "broken", who=src.who, promised=os_[0].promised,
                                                  actual=_facts(os_, lang)), src.subject)
    unknown = [o for o in outcomes if o.status == "unknown_setting"]
    if unknown:
        yield Finding("KB410", "warning", src.loc, _m(lang, "unknown", who=src.who, promised=unknown[0].promised,
                                                      actual=_facts(unknown, lang)), src.subject)
    if all(o.status == "over" for o in outcomes):
        yield Finding("KB420", "info", src.loc, _m(lang, "over", who=src.who, promised=outcomes[0].promised,
                                                   actual=_facts(outcomes, lang)), src.subject)


def _published(pr, lang: str) -> str:
    if not pr.published_in:
        return _m(lang, "none")
    return _m(lang, "published", places=_join([str(x) for x in pr.published_in], lang))


def _where(t, lang: str) -> str:
    key = f"where.{t.kind}"
    if key in _MSG[lang]:
        return _m(lang, key, subject=t.subject)
    return _m(lang, "where.other", kind=t.kind, subject=t.subject)


def _spec_of(pr) -> dict:
    c = pr.claim
    return {k: v for k, v in c.model_dump().items() if v is not None}


def _promise_findings(pr, j: _Judge, reader: _Reader, options) -> Iterator[Finding]:
    lang = j.lang
    if pr.valid_until is not None and pr.valid_until < options.today:
        return  # expired: KB506 (freshness) says so; not judged again
    published = _published(pr, lang)

    def text_source(c: Claim) -> Source:
        who = _m(lang, "who.promise", id=pr.id, sentence=_short(c.sentence or pr.text), published=published)
        return Source(pr.id, pr.loc_at("text", c.start), who, "promise")

    if pr.claim is not None:
        loc = pr.loc_of("claim")
        try:
            claim = claim_from_spec(_spec_of(pr))
        except ValueError as e:
            yield Finding("KB412", "error", loc, _m(lang, "invalid", id=pr.id, error=e), pr.id)
            return
        claim = replace(claim, sentence=pr.text)
        who = _m(lang, "who.promise", id=pr.id, sentence=_short(pr.text), published=published)
        src = Source(pr.id, loc, who, "promise")
        yield from _findings(claim, j.outcomes(claim, src), src, lang)
        yield from _disagreements(pr, claim, reader, j)
        return

    claims = reader.claims_and_refs(pr.text)
    for c, refs in claims:
        src = text_source(c)
        yield from _findings(c, j.outcomes(c, src), src, lang, refs)
    unreadable = reader.unreadable(pr.text)
    if not claims and not unreadable and not _REF.search(pr.text):  # a referenced value is right by construction
        unreadable = [(0, pr.text)]
    for offset, sentence in unreadable:
        yield Finding("KB411", "warning", pr.loc_at("text", offset),
                      _m(lang, "unreadable.promise", id=pr.id, published=published, sentence=_short(sentence)), pr.id)


def _disagreements(pr, claim: Claim, reader: _Reader, j: _Judge) -> Iterator[Finding]:
    """KB413: the text reads as a different value of the same metric than claim: says."""
    lang = j.lang
    for c in reader.claims(pr.text):
        if c.metric != claim.metric:
            continue
        if c.zone and claim.zone and fold(c.zone) != fold(claim.zone):
            continue
        if c.channel and claim.channel and j._channel(c.channel) is not j._channel(claim.channel):
            continue
        same = (c.op == claim.op and c.value == claim.value and (c.threshold or 0) == (claim.threshold or 0))
        if claim.metric in ("delivery", "first_response", "returns.refund_within", "returns.window"):
            same = same and c.business_days == claim.business_days
        if same:
            continue
        said = _promised_of(c, j)
        claimed = _promised_of(claim, j)
        if said == claimed:
            continue
        yield Finding("KB413", "warning", pr.loc_at("text", c.start),
                      _m(lang, "disagree", id=pr.id, sentence=_short(c.sentence), said=said, claimed=claimed,
                         at=_loc_str(pr.loc_of("claim"))), pr.id)


def _promised_of(claim: Claim, j: _Judge) -> str:
    if claim.metric.startswith("opening."):
        return _fmt_opening(claim, j.lang)
    vs = judge(claim, j.ops)
    if vs:
        return _tr(vs[0].promised, j.lang)
    return str(claim.value)


def _text_findings(t, j: _Judge, reader: _Reader, questions: dict) -> Iterator[Finding]:
    lang = j.lang
    context = questions.get(t.subject, "") if t.kind == "faq.a" else ""
    for c, refs in reader.claims_and_refs(t.raw, context):
        who = _m(lang, "who.text", sentence=_short(c.sentence), where=_where(t, lang))
        src = Source(t.subject, t.loc_at(c.start), who, t.kind, context)
        yield from _findings(c, j.outcomes(c, src), src, lang, refs)
    for offset, sentence in reader.unreadable(t.raw, context):
        yield Finding("KB411", "warning", t.loc_at(offset),
                      _m(lang, "unreadable.text", sentence=_short(sentence), where=_where(t, lang)), t.subject)


def _channel_findings(ch, j: _Judge) -> Iterator[Finding]:
    if ch.response_time is None or ch.response is None:
        return  # absent, or unreadable (KB111)
    try:
        span = parse_duration(ch.response_time)
    except ValueError:
        return
    claim = Claim("first_response", "at_most", span, channel=ch.id, sentence=f"response_time: {ch.response_time}")
    who = _m(j.lang, "who.channel", id=ch.id, value=ch.response_time)
    src = Source(ch.id, ch.loc_of("response_time"), who, "channel")
    yield from _findings(claim, j.outcomes(claim, src), src, j.lang)


# kinds of project.texts that are not read here: promise texts are judged as promises
_SKIP_KINDS = {"promise.text", "faq.q", "channel.label", "policy.title"}


@check
def promises_vs_operations(project, options):
    j = _Judge(project, options)
    reader = _Reader(project, j.lang)
    questions = {q.id: q.q for q in project.questions()}
    for pr in project.promises:
        yield from _promise_findings(pr, j, reader, options)
    for t in project.texts:
        if t.kind in _SKIP_KINDS:
            continue
        yield from _text_findings(t, j, reader, questions)
    for ch in project.contact.channels:
        yield from _channel_findings(ch, j)
