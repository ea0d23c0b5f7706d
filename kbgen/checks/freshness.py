"""KB5xx — freshness and ownership: what was true when it was written may not be true today.

Every date is compared with ``options.today`` (``--today``), never with the clock, so a
build is reproducible. The helpers here (review intervals, owners) are shared with
``kbgen review``, which lists the same facts as a work queue per owner.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from ..findings import Finding, Loc
from ..messages import count_days, msg
from . import check, reads, rule

DEFAULT_REVIEW_DAYS = 180
OFFLINE_STALE_DAYS = 90

rule("KB501", "review-overdue", """An FAQ entry or policy whose ``reviewed:`` date is older than its review
interval: 180 days unless ``site.yaml`` says otherwise with ``review_every: {default: 180d, <category or
policy slug>: 365d}``. The message names the owner and the days overdue. Re-read the text against what the
business does today, correct it if needed, and set ``reviewed:`` to today's date.""", "warning")
rule("KB502", "missing-owner", """An FAQ entry or policy without ``owner:``, so no one is reminded to review
it. Add ``owner: <team or person>`` to the entry (or ``owner:`` at the top of the FAQ category file, which
every entry without its own owner inherits).""", "warning")
rule("KB503", "missing-review-date", """An FAQ entry or policy without a ``reviewed:`` date, or with one in the
future (a typo such as 2062-10-05). Write the date the text was last checked as YYYY-MM-DD.""", "warning")
rule("KB504", "special-hours-past", """Special hours (a holiday opening, a closure) whose dates are all in the
past. They no longer change anything on the site; delete the entry to keep the file short and the
upcoming exceptions easy to see.""", "warning")
rule("KB505", "offline-source-stale", """An offline source (door signage, store-system export) captured more
than 90 days ago, or without a ``captured:`` date. The online/offline comparison (KB2xx) may be comparing
against signs that have since changed: transcribe the signs again and update ``captured:`` (in a CSV, a first
line ``# captured: YYYY-MM-DD``).""", "warning")
rule("KB506", "promise-expired", """An advertising promise whose ``valid_until:`` date has passed but is still
in promises.yaml. If the campaign is over, delete it; if it continues, extend ``valid_until:``. A warning,
and an error with ``--strict``.""", "warning")
rule("KB507", "placeholder-text", """Text that still contains a placeholder left by ``kbgen new``
(``PENDIENTE``, ``TODO:``, ``lorem ipsum``). It is a warning, so a draft can be previewed, but it must be
written before publishing (``--strict`` fails on it).""", "warning")
rule("KB508", "unknown-review-interval", """A key of ``review_every:`` in site.yaml that is neither ``default``
nor the slug of an FAQ category or policy (``faq/<slug>`` and ``policies/<slug>`` name one of the two when
they share a slug). Usually a typo: the interval silently applies to nothing.""", "warning")

PLACEHOLDER = "PENDIENTE"
_PLACEHOLDER_RE = re.compile(r"\bPENDIENTE\b|\bTODO:|\bFIXME\b")  # upper case: "pendiente" is ordinary Spanish
_PLACEHOLDER_CI = re.compile(r"\blorem ipsum\b", re.I)


# ------------------------------------------------------------------ shared helpers

def parse_days(value) -> Optional[int]:
    """``180d``, ``26w``, ``6m`` (months of 30 days)... or a bare number of days -> days; None if unreadable."""
    text = str(value).strip().lower()
    m = re.fullmatch(r"(\d+)\s*(d|days?|días?|dias?|w|weeks?|semanas?|m|months?|mes|meses|y|years?|años?|anos?)?", text)
    if not m:
        return None
    n, unit = int(m.group(1)), (m.group(2) or "d")
    if n <= 0:
        return None
    if unit[0] == "w" or unit.startswith("sem"):
        return n * 7
    if unit[0] == "m":
        return n * 30
    if unit[0] in "ya":
        return n * 365
    return n


@dataclass(frozen=True)
class Reviewable:
    """An FAQ entry or a policy: something with an owner and a review date."""

    kind: str  # "faq" | "policy"
    ident: str  # FAQ id or policy slug
    group: str  # category slug (FAQ) or policy slug
    title: str
    reviewed: Optional[dt.date]
    owner: Optional[str]
    loc: Loc  # the entry (FAQ) or the file (policy)
    reviewed_loc: Loc
    owner_loc: Loc


def reviewables(project) -> Iterator[Reviewable]:
    for c in project.categories:
        for q in c.questions:
            yield Reviewable("faq", q.id, c.slug, q.q, q.reviewed, q.owner or c.owner, q.loc,
                             q.loc_of("reviewed") if q.reviewed else q.loc_of("id"),
                             q.loc_of("owner") if q.owner else q.loc_of("id"))
    for pol in project.policies:
        meta = pol.meta
        yield Reviewable("policy", pol.slug, pol.slug, pol.title, meta.reviewed, meta.owner, pol.loc,
                         meta.loc_of("reviewed") if meta.reviewed else meta.loc_of("title"),
                         meta.loc_of("owner") if meta.owner else meta.loc_of("title"))


def review_intervals(project) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """``review_every`` as days per key, plus the (key, value) pairs that are not durations."""
    out: dict[str, int] = {}
    bad = []
    for key, value in (project.site.review_every or {}).items():
        days = parse_days(value)
        if days is None:
            bad.append((key, value))
        else:
            out[str(key).strip()] = days
    return out, bad


def interval_for(r: Reviewable, intervals: dict[str, int]) -> int:
    """Most specific first: the FAQ id, ``faq/<category>`` or ``policies/<slug>``, the bare slug, default."""
    prefix = "faq" if r.kind == "faq" else "policies"
    keys = ([r.ident] if r.kind == "faq" else []) + [f"{prefix}/{r.group}", r.group, "default"]
    for k in keys:
        if k in intervals:
            return intervals[k]
    return DEFAULT_REVIEW_DAYS


def due_date(r: Reviewable, intervals: dict[str, int]) -> Optional[dt.date]:
    if r.reviewed is None:
        return None
    return r.reviewed + dt.timedelta(days=interval_for(r, intervals))


def special_entries(project):
    """(owner kind, id, Special) for every store's and channel's special hours."""
    for sid, store in project.stores.items():
        if store.schedule is not None:
            for sp in store.schedule.special:
                yield "store", sid, sp
    for ch in project.contact.channels:
        if ch.schedule is not None:
            for sp in ch.schedule.special:
                yield "channel", ch.id, sp


def offline_sources(project):
    """(path, source, captured, loc) for each offline file, YAML or CSV."""
    seen = {}
    for doc in project.offline_sources:
        seen[doc.loc.path] = (doc.loc.path, doc.source, doc.captured,
                              doc.loc_of("captured") if doc.captured else doc.loc)
    for rec in project.offline:
        if rec.path not in seen:
            seen[rec.path] = (rec.path, rec.source, rec.captured, Loc(rec.path, 1, 1))
    return list(seen.values())


def _when(d: dt.date, today: dt.date, lang: str = "es") -> str:
    days = (today - d).days
    return msg("today", lang) if days == 0 else msg("ago", lang, days=count_days(days, lang))


def _span(sp) -> str:
    return sp.start.isoformat() if sp.start == sp.end else f"{sp.start.isoformat()}..{sp.end.isoformat()}"


# ------------------------------------------------------------------ checks

@check
def freshness_reviews(project, options):
    today = options.today
    lang = options.lang
    intervals, bad = review_intervals(project)
    site = project.site
    for key, value in bad:
        yield Finding("KB111", "error", site.loc_of("review_every"),
                      msg("review.every.bad", lang, key=key, value=value), "site")
    known = {"default"} | {c.slug for c in project.categories} | {p.slug for p in project.policies}
    known |= {f"faq/{c.slug}" for c in project.categories} | {f"policies/{p.slug}" for p in project.policies}
    known |= {q.id for q in project.questions()}
    for key in intervals:
        if key not in known:
            import difflib
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = msg("schema.did.you.mean", lang, x=close[0]) if close else msg("review.every.known", lang)
            yield Finding("KB508", "warning", site.loc_of("review_every"),
                          msg("review.every.unknown", lang, key=key, hint=hint), "site")
    for r in reviewables(project):
        what = msg("what.faq" if r.kind == "faq" else "what.policy", lang, id=r.ident)
        if not r.owner:
            where = msg("owner.where.faq" if r.kind == "faq" else "owner.where.policy", lang)
            yield Finding("KB502", "warning", r.owner_loc, msg("no.owner", lang, what=what, where=where), r.ident)
        if r.reviewed is None:
            yield Finding("KB503", "warning", r.reviewed_loc, msg("no.reviewed", lang, what=what,
                                                                  today=today.isoformat()), r.ident)
            continue
        if r.reviewed > today:
            yield Finding("KB503", "warning", r.reviewed_loc, msg("reviewed.future", lang, what=what,
                          date=r.reviewed.isoformat(), today=today.isoformat()), r.ident)
            continue
        every = interval_for(r, intervals)
        due = r.reviewed + dt.timedelta(days=every)
        if due < today:
            overdue = (today - due).days
            owner = msg("owner.is", lang, owner=r.owner) if r.owner else msg("owner.none", lang)
            yield Finding("KB501", "warning", r.reviewed_loc,
                          msg("review.overdue", lang, what=what, date=r.reviewed.isoformat(),
                              late=count_days(overdue, lang), every=every, owner=owner, today=today.isoformat()),
                          r.ident)


@check
def freshness_special_hours(project, options):
    for kind, ident, sp in special_entries(project):
        if sp.end < options.today:
            note = f' ("{sp.note}")' if sp.note else ""
            where = msg("of.store" if kind == "store" else "of.channel", options.lang, id=ident)
            yield Finding("KB504", "warning", sp.loc, msg("special.past", options.lang, span=_span(sp), note=note,
                                                          where=where), ident)


@check
@reads("offline")
def freshness_offline(project, options):
    today = options.today
    lang = options.lang
    for path, source, captured, loc in offline_sources(project):
        if captured is None:
            csv = path.endswith(".csv")
            how = msg("captured.how.csv" if csv else "captured.how.yaml", lang)
            # the CSV format has no place for the date but an optional comment line: a note, not a warning
            yield Finding("KB505", "info" if csv else "warning", loc,
                          msg("offline.no.captured", lang, source=source, how=how), source)
        elif (today - captured).days > OFFLINE_STALE_DAYS:
            yield Finding("KB505", "warning", loc, msg("offline.stale", lang, source=source, date=captured.isoformat(),
                                                       when=_when(captured, today, lang), n=OFFLINE_STALE_DAYS), source)


@check
def freshness_promises(project, options):
    sev = "error" if options.strict else "warning"
    for p in project.promises:
        if p.valid_until is not None and p.valid_until < options.today:
            yield Finding("KB506", sev, p.loc_of("valid_until"),
                          msg("promise.expired", options.lang, id=p.id, date=p.valid_until.isoformat(),
                              when=_when(p.valid_until, options.today, options.lang)), p.id)


# What each pattern cannot match without, found at C speed first (the patterns start with \b, which
# the regex engine can only try at every position): the upper-case words, and "psum" in any case
# (under re.I, p, u and m match only themselves upper or lower case; s also matches "ſ").
_PLACEHOLDER_WORDS = ("PENDIENTE", "TODO:", "FIXME")
_PSUM = re.compile("[pP][sSſ][uU][mM]")


def find_placeholder(text: str) -> Optional[re.Match]:
    text = text or ""
    if any(w in text for w in _PLACEHOLDER_WORDS):
        m = _PLACEHOLDER_RE.search(text)
        if m:
            return m
    return _PLACEHOLDER_CI.search(text) if _PSUM.search(text) else None


@check
def freshness_placeholders(project, options):
    for t in project.texts:
        m = find_placeholder(t.raw)
        if m:
            yield Finding("KB507", "warning", t.loc_at(m.start()), msg("placeholder", options.lang,
                          what=_kind_label(t.kind, options.lang), subject=t.subject, text=m.group(0)), t.subject)
    for sid, s in project.stores.items():
        for name in ("street", "postal_code", "city"):
            m = find_placeholder(getattr(s.address, name))
            if m:
                yield Finding("KB507", "warning", s.address.loc_of(name),
                              msg("placeholder.address", options.lang, id=sid, field=name), sid)


def _kind_label(kind: str, lang: str = "es") -> str:
    """'faq.a' -> 'la respuesta de la FAQ' / 'the answer of FAQ' (the kind itself when unknown)."""
    try:
        return msg("kind." + kind, lang)
    except KeyError:
        return kind
