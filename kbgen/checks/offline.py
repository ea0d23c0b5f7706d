"""KB2xx — online store information (content/stores/) against offline store information
(content/offline/: door signs transcribed by staff in YAML, the store system's CSV export).

Every offline record is compared with the store of the same id, field by field, after
parsing the transcription the way a person reads it: weekday hours as interval sets
(``lun-vie: 9:30 a 14:00 y 17:00 a 20:30``), special dates (``26/12/2026``,
``7 de enero``), phones in E.164, e-mails in lower case, addresses with
:func:`~kbgen.text.addresses.same_address`. A value that cannot be read is a warning
that names the text; it is never a crash and never compared.

Findings stand on the offline file (that is where the transcription is) and name the
store, the field, both values and the website's position.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from ..findings import Finding, Loc
from ..hours import HoursError, holiday_name, parse_day_hours, parse_day_key
from ..messages import (date_label, day_name, days_label, hours_label, msg, phone_label, range_label)
from ..text.addresses import address_differences, address_key, parse_address, same_address
from ..text.dates import parse_date_range_text, parse_date_text
from ..text.emails import EMAIL_RE, normalize_email
from ..text.fold import fold
from ..text.phones import normalize_phone
from ..text.times import parse_days, parse_hours_text
from . import check, reads, rule

rule("KB201", "offline-hours-differ", """The hours of a weekday on an offline source (door sign, store-system
export) differ from the store's hours on the website, compared as sets of intervals after reading the
transcription (``sáb: 10 a 14h`` equals ``sat: 10:00-14:00``). A day the website opens on that the sign does not
mention, and a sign's ``festivos`` entry that contradicts ``public_holidays``, are differences too. Fix whichever
side is wrong; the message gives both values and both places.""")
rule("KB202", "offline-special-differ", """A special date on an offline source (a closure such as
``26/12/2026: cerrado``, or special hours) that the website does not have, or has with other hours, on that date.
The website's hours on a date are its special hours, else its public-holiday rule, else its regular week. Dates
already past are not compared. Add the special hours to ``content/stores/<id>.yaml`` or correct the sign.""")
rule("KB203", "offline-special-missing", """Special hours or a closure on the website that an offline source
with special dates does not show. Only dates from today up to the last special date that source mentions (its
horizon) are compared, so a sign printed before a closure was planned is not blamed for dates it never covered;
a period the source itself mentions (a holiday closure that ends two days earlier on the sign) is compared whole.
A source with no special dates at all (such as the CSV export) is not compared. Add the date to the sign or remove
it from the website.""")
rule("KB204", "offline-phone-differ", """The phone number on an offline source is another number than the
store's on the website, compared in E.164 (``910 12 34 57``, ``+34 910123457`` and ``0034 910 123 457`` are the
same number).""")
rule("KB205", "offline-email-differ", """The e-mail address on an offline source differs from the store's on the
website (compared without case and without a ``mailto:`` prefix).""")
rule("KB206", "offline-address-differ", """The address on an offline source is another address than the store's
on the website. Abbreviations (``C/``, ``Avda.``, ``Pza.``, ``nº``, ``s/n``), particles (``de``, ``del``), case,
accents, commas and the order of postal code and city do not count; the street, the number, the postal code and
the city do.""")
rule("KB207", "offline-unknown-store", """An offline source speaks of a store id that has no file in
``content/stores/``: a typo in the id, or a store missing from the website. The message suggests the closest
id.""")
rule("KB208", "offline-store-missing", """A store of the website is missing from an offline source that lists
other stores. For door signs (YAML) this is a warning: the sign has not been transcribed yet, so it was not
compared. For the store-system export (CSV), which must list every store, it is an error.""", "warning")
rule("KB209", "offline-unreadable", """An offline value that cannot be read: hours, days, a date, a phone
number, an e-mail or an address written in a way kbgen does not understand, a day given twice with different
hours, or special hours with neither hours nor ``closed``. It is not compared; the message quotes the text.
Correct the transcription.""", "warning")
rule("KB210", "offline-name-differ", """The store name on an offline source differs from the website's (case,
accents, punctuation and the business name in front do not count).""", "warning")


# ---------------------------------------------------------------- parsed offline records

@dataclass
class _Special:
    """A special-hours entry of an offline record, parsed."""

    start: dt.date
    end: dt.date
    intervals: tuple
    note: str
    loc: Loc


@dataclass
class _Parsed:
    """An offline record read into a week of hours, holidays and special days, with their places."""

    rec: object
    csv: bool
    week: list = field(default_factory=lambda: [None] * 7)  # intervals or None (not stated)
    day_locs: list = field(default_factory=lambda: [None] * 7)
    holidays: Optional[tuple] = None
    holidays_loc: Optional[Loc] = None
    hours_ok: bool = True
    unknown: set = field(default_factory=set)  # days whose value could not be read
    specials: list = field(default_factory=list)
    specials_ok: bool = True  # every special entry could be read
    specials_loc: Optional[Loc] = None


def _f(code: str, loc: Loc, message: str, subject: str, severity: Optional[str] = None) -> Finding:
    from . import RULES
    return Finding(code, severity or RULES[code].severity, loc, message, subject)


def _hours_entry_locs(data, path: str, is_csv: bool, comment_lines: set) -> dict:
    """Where each day entry of an offline record's ``hours`` was written.

    CSV: the day column. YAML: the loader keeps the map's position (its first key) but not each
    entry's, so entries of a block mapping are placed one per line from there, skipping comment lines
    (suppressions); a flow mapping ``{lun-vie: …}`` puts them all on its line."""
    hours = data.hours or {}
    explicit = getattr(data, "_hours_locs", None)
    if explicit:
        return {k: v[0] for k, v in explicit.items()}
    if is_csv:
        return {k: data.loc_of(k) for k in hours}
    base = data.loc_of("hours")
    key = data.key_loc_of("hours")
    if key is None or key.line == base.line:
        return {k: base for k in hours}
    out, line = {}, base.line
    for k in hours:
        while line in comment_lines:
            line += 1
        out[k] = Loc(path, line, base.col)
        line += 1
    return out


def _parse_date(text: str, ref: dt.date, single: bool = False) -> tuple[dt.date, dt.date]:
    """A date (``single``) or a range as written; a year left out is the one that puts it closest
    after ``ref`` (the capture date). ValueError when it cannot be read."""
    def read(year: int):
        if single:
            try:
                d = parse_date_text(str(text), year)
                return d, d
            except ValueError:
                pass  # "del 2 al 4 de enero" written under date:
        return parse_date_range_text(str(text), year)

    a = read(ref.year)
    try:
        b = read(ref.year + 1)
    except ValueError:  # "domingo 13 de diciembre": a Sunday this year only
        return a
    if a == b or a[1] >= ref - dt.timedelta(days=31):
        return a
    return b


def _why(exc: ValueError, lang: str) -> str:
    """The parser's reason (in Spanish), without repeating the text: "sobra «diez»"."""
    text = str(exc)
    if lang != "es":
        return "unknown format"
    m = re.search(r"\(([^()]*)\)$", text)
    if text.startswith("no se entiende"):
        return m.group(1) if m else "formato desconocido"
    return text


def _parse_record(rec, project, options, comment_lines, out: list) -> _Parsed:
    lang = options.lang
    data = rec.data
    sid = rec.store_id
    is_csv = rec.path.lower().endswith(".csv")
    p = _Parsed(rec, is_csv)
    label = _store_label(project, sid)
    locs = _hours_entry_locs(data, rec.path, is_csv, comment_lines)
    for key, value in (data.hours or {}).items():
        loc = locs.get(key, rec.loc)
        try:
            spec = parse_days(key)
        except ValueError:
            out.append(_f("KB209", loc, msg("unreadable.days", lang, store=label, text=key), sid))
            p.hours_ok = False
            continue
        if value is None or not str(value).strip():
            if is_csv:
                continue  # an empty cell: the export does not say (not compared)
            out.append(_f("KB209", loc, msg("unreadable.empty", lang, store=label, text=key), sid))
            p.unknown |= spec.days
            continue
        try:
            intervals = parse_hours_text(str(value))
        except ValueError as exc:
            out.append(_f("KB209", loc, msg("unreadable.hours", lang, store=label, text=value,
                                            why=_why(exc, lang)), sid))
            p.unknown |= spec.days
            continue
        for d in sorted(spec.days):
            if p.week[d] is not None and p.week[d] != intervals:
                out.append(_f("KB209", loc, msg("unreadable.twice", lang, store=label, day=day_name(d, lang),
                                                a=hours_label(p.week[d], lang), b=hours_label(intervals, lang)), sid))
                continue
            p.week[d] = intervals
            p.day_locs[d] = loc
        if spec.holidays:
            p.holidays, p.holidays_loc = intervals, loc
    ref = rec.captured or options.today
    p.specials_loc = data.key_loc_of("special_hours")
    for sp in data.special_hours or []:
        text = sp.date if sp.date is not None else sp.dates
        loc = sp.loc_of("date") if sp.date is not None else sp.loc_of("dates")
        if text is None:
            out.append(_f("KB209", sp.loc, msg("unreadable.nodate", lang, store=label), sid))
            p.specials_ok = False
            continue
        try:
            start, end = _parse_date(str(text), ref, single=sp.date is not None)
        except ValueError:
            out.append(_f("KB209", loc, msg("unreadable.date", lang, store=label, text=text), sid))
            p.specials_ok = False
            continue
        if sp.closed:
            intervals = ()
        elif sp.hours is not None:
            try:
                intervals = parse_hours_text(str(sp.hours))
            except ValueError as exc:
                out.append(_f("KB209", sp.loc_of("hours"), msg("unreadable.hours", lang, store=label, text=sp.hours,
                                                                why=_why(exc, lang)), sid))
                p.specials_ok = False
                continue
        else:
            out.append(_f("KB209", sp.loc, msg("unreadable.nohours", lang, store=label,
                                               when=range_label(start, end, lang)), sid))
            p.specials_ok = False
            continue
        p.specials.append(_Special(start, end, intervals, sp.note or "", loc))
    return p


# ---------------------------------------------------------------- the website's side

def _store_label(project, sid: str) -> str:
    s = project.stores.get(sid)
    return s.name if s is not None else sid


def _online_hours_ok(owner) -> bool:
    """False when a store's (or channel's) own hours have errors (reported as KB1xx): comparing with them
    would only echo those errors."""
    if owner.schedule is None or not owner.hours:
        return False
    seen: set = set()
    try:
        for key, value in owner.hours.items():
            days = set(parse_day_key(key))
            parse_day_hours(value)
            if days & seen:
                return False
            seen |= days
    except HoursError:
        return False
    return len(seen) == 7


def _online_specials_ok(store) -> bool:
    return store.schedule is not None and len(store.schedule.special) == len(store.special_hours)


def _online_on(store, d: dt.date):
    """(intervals, reason, loc) of the website on a date."""
    sch = store.schedule
    for sp in sch.special:
        if sp.start <= d <= sp.end:
            return sp.intervals, sp.note, sp.loc
    name = holiday_name(sch, d)
    if name and sch.public_holidays == "closed":
        return (), name, store.loc_of("public_holidays")
    return sch.week[d.weekday()], "", sch.day_locs[d.weekday()]


def _offline_on(p: _Parsed, sch, d: dt.date):
    for sp in p.specials:
        if sp.start <= d <= sp.end:
            return sp.intervals
    if p.holidays is not None and holiday_name(sch, d):
        return p.holidays
    return p.week[d.weekday()]


def _note(text: str) -> str:
    return f" ({text})" if text else ""


# ---------------------------------------------------------------- comparisons

def _compare_week(p: _Parsed, store, says: str, source: str, lang: str):
    rec, sid, sch = p.rec, p.rec.store_id, store.schedule
    groups: dict = {}
    for d in range(7):
        off, on = p.week[d], sch.week[d]
        if off is None and d in p.unknown:
            continue
        if off is None:
            if on:
                groups.setdefault(("unstated", None, on, sch.day_locs[d]), []).append(d)
            continue
        if off != on:
            groups.setdefault(("diff", off, on, p.day_locs[d]), []).append(d)
    for (kind, off, on, loc), days in groups.items():
        if kind == "unstated":
            off_loc = rec.data.loc_of(_CSV_DAYS[days[0]]) if p.csv else rec.data.key_loc_of("hours", rec.loc)
            yield _f("KB201", off_loc, msg("hours.unstated", lang, store=store.name, days=days_label(days, lang),
                                             source=source, online=hours_label(on, lang), where=loc,
                                             day_word=days_label(days, lang)), sid)
        else:
            yield _f("KB201", loc or rec.loc, msg("hours", lang, store=store.name, days=days_label(days, lang),
                                                  says=says, offline=hours_label(off, lang),
                                                  online=hours_label(on, lang), where=sch.day_locs[days[0]]), sid)
    if p.holidays is not None:
        closed_off = not p.holidays
        closed_on = sch.public_holidays == "closed"
        if closed_off != closed_on:
            online = msg("holidays.closed" if closed_on else "holidays.regular", lang)
            yield _f("KB201", p.holidays_loc or rec.loc,
                     msg("hours", lang, store=store.name, days=msg("festivos", lang), says=says,
                         offline=hours_label(p.holidays, lang), online=online,
                         where=store.loc_of("public_holidays")), sid)


_CSV_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _compare_specials(p: _Parsed, store, says: str, source: str, horizon: Optional[dt.date], today: dt.date,
                      lang: str):
    rec, sid, sch = p.rec, p.rec.store_id, store.schedule
    # the source's special dates against the website's hours on those dates
    for sp in p.specials:
        if sp.end < today:
            continue
        first = max(sp.start, today)
        days = [first + dt.timedelta(days=i) for i in range((sp.end - first).days + 1)]
        diffs = [(d, *_online_on(store, d)) for d in days if _online_on(store, d)[0] != sp.intervals]
        if not diffs:
            continue
        d0, on, reason, where = diffs[0]
        online = hours_label(on, lang) + (_note(reason) if reason else
                                           " (" + msg("regular.of", lang, day=day_name(d0.weekday(), lang)) + ")")
        if sp.start == sp.end:
            text = msg("special", lang, store=store.name, when=date_label(sp.start, lang), says=says,
                       offline=hours_label(sp.intervals, lang), note=_note(sp.note), online=online, where=where)
        else:
            text = msg("special.range", lang, store=store.name, when=range_label(sp.start, sp.end, lang), says=says,
                       offline=hours_label(sp.intervals, lang), note=_note(sp.note), n=len(diffs), total=len(days),
                       first=date_label(d0, lang), online=online, where=where)
        yield _f("KB202", sp.loc, text, sid)
    # the website's special dates within the source's horizon that the source does not show
    if horizon is None or not p.specials_ok:
        return
    for osp in sch.special:
        # a special period the source speaks of (overlapping one of its entries) is compared whole
        overlaps = any(s.start <= osp.end and osp.start <= s.end for s in p.specials)
        if osp.end < today or (osp.start > horizon and not overlaps):
            continue
        first, last = max(osp.start, today), osp.end if overlaps else min(osp.end, horizon)
        dates = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        missing = []
        for d in dates:
            if any(s.start <= d <= s.end for s in p.specials):
                continue  # the source has its own entry for that date: compared above
            off = _offline_on(p, sch, d)
            if off is None and (d.weekday() in p.unknown or not p.rec.data.hours):
                continue  # the source does not say (or could not be read): nothing to compare
            if off is None or off != osp.intervals:
                missing.append((d, off))
        if not missing:
            continue
        d0, off = missing[0]
        when = date_label(d0, lang) if len(missing) == 1 else range_label(missing[0][0], missing[-1][0], lang)
        offline = msg("nothing", lang) if off is None else (
            hours_label(off, lang) + " (" + msg("regular.of", lang, day=day_name(d0.weekday(), lang)) + ")")
        loc = p.specials_loc or rec.data.key_loc_of("hours") or rec.loc
        yield _f("KB203", loc, msg("special.missing", lang, store=store.name, when=when,
                                   online=hours_label(osp.intervals, lang), note=_note(osp.note), where=osp.loc,
                                   source=source, offline=offline), sid)


def _compare_values(p: _Parsed, store, project, says: str, lang: str):
    sid, data = p.rec.store_id, p.rec.data
    country = store.address.country or project.site.country
    # phone
    if data.phone is not None and str(data.phone).strip():
        off = normalize_phone(str(data.phone), country)
        if off is None:
            yield _f("KB209", data.loc_of("phone"), msg("unreadable.phone", lang, store=store.name, text=data.phone), sid)
        elif store.phone is None:
            yield _f("KB204", data.loc_of("phone"), msg("value.none", lang, store=store.name,
                                                        field=msg("field.phone", lang), says=says,
                                                        offline=phone_label(off), where=store.loc), sid)
        else:
            on = normalize_phone(store.phone, country)
            if on is not None and on != off:  # an invalid website phone is KB112 already
                yield _f("KB204", data.loc_of("phone"), msg("value", lang, store=store.name,
                                                            field=msg("field.phone", lang), says=says,
                                                            offline=phone_label(off), online=phone_label(on),
                                                            where=store.loc_of("phone")), sid)
    # e-mail
    if data.email is not None and str(data.email).strip():
        raw = normalize_email(str(data.email))
        if not EMAIL_RE.fullmatch(raw):
            yield _f("KB209", data.loc_of("email"), msg("unreadable.email", lang, store=store.name, text=data.email), sid)
        elif store.email is None:
            yield _f("KB205", data.loc_of("email"), msg("value.none", lang, store=store.name,
                                                        field=msg("field.email", lang), says=says, offline=raw,
                                                        where=store.loc), sid)
        else:
            on = normalize_email(store.email)
            if EMAIL_RE.fullmatch(on) and on != raw:
                yield _f("KB205", data.loc_of("email"), msg("value", lang, store=store.name,
                                                            field=msg("field.email", lang), says=says, offline=raw,
                                                            online=on, where=store.loc_of("email")), sid)
    # address
    if data.address is not None and str(data.address).strip():
        off = parse_address(str(data.address))
        if off is None:
            yield _f("KB209", data.loc_of("address"), msg("unreadable.address", lang, store=store.name,
                                                          text=data.address), sid)
        else:
            a = store.address
            try:
                on = address_key(a.street, a.postal_code, a.city)
            except ValueError:
                on = None
            if on is not None and not same_address(off, on):
                diffs = address_differences(off, on)
                fld = {"street_type": "street", "name": "street", "number": "street"}.get(diffs[0], diffs[0]) \
                    if diffs else "street"
                what = ", ".join(msg(f"addr.{d}", lang) for d in diffs)
                yield _f("KB206", data.loc_of("address"),
                         msg("value", lang, store=store.name, field=msg("field.address", lang), says=says,
                             offline=f"«{data.address}»" if lang == "es" else f'"{data.address}"',
                             online=(f"«{a.one_line()}»" if lang == "es" else f'"{a.one_line()}"')
                             + (f" ({msg('address.diff', lang, what=what)})" if what else ""),
                             where=a.loc_of(fld)), sid)
    # name
    if data.name is not None and str(data.name).strip():
        prefixes = _business_prefixes(project)
        if _name_key(str(data.name), prefixes) != _name_key(store.name, prefixes):
            yield _f("KB210", data.loc_of("name"), msg("value", lang, store=store.name,
                                                       field=msg("field.name", lang), says=says,
                                                       offline=f"«{data.name}»" if lang == "es" else f'"{data.name}"',
                                                       online=f"«{store.name}»" if lang == "es" else f'"{store.name}"',
                                                       where=store.loc_of("name")), sid)


def _business_prefixes(project) -> list[str]:
    """Words every store name starts with, and the business name (folded), longest first.
    Computed once per project: it is asked for every offline record."""
    cached = getattr(project, "_kb_business_prefixes", None)
    if cached is None:
        cached = project._kb_business_prefixes = _compute_business_prefixes(project)
    return cached


def _compute_business_prefixes(project) -> list[str]:
    names = [fold(s.name).split() for s in project.stores.values()]
    common: list[str] = []
    if len(names) > 1:
        for words in zip(*names):
            if len(set(words)) != 1:
                break
            common.append(words[0])
    out = [" ".join(common)] if common else []
    site = fold(project.site.name)
    return sorted({x for x in out + [site] if x}, key=lambda x: (-len(x), x))


def _name_key(name: str, prefixes: list[str]) -> str:
    key = " ".join(re.findall(r"[a-zñ0-9]+", fold(name)))
    for p in prefixes:
        pk = " ".join(re.findall(r"[a-zñ0-9]+", p))
        if key.startswith(pk + " "):
            return key[len(pk) + 1:]
    return key


# ---------------------------------------------------------------- the check

@check
@reads("offline", "suppressions")
def offline_vs_online(project, options):
    lang, today = options.lang, options.today
    comment_lines: dict[str, set] = {}
    for s in project.suppressions:
        comment_lines.setdefault(s.loc.path, set()).add(s.loc.line)
    sources: dict[str, list] = {}
    for rec in project.offline:
        sources.setdefault(rec.path, []).append(rec)
    files = {doc.loc.path: doc for doc in project.offline_sources}
    hours_ok: dict[str, bool] = {}  # a store's own hours are checked once, not once per source
    for path, recs in sources.items():
        is_csv = path.lower().endswith(".csv")
        findings: list[Finding] = []
        parsed = [_parse_record(r, project, options, comment_lines.get(path, set()), findings) for r in recs]
        yield from findings
        ends = [sp.end for p in parsed for sp in p.specials]
        horizon = max(ends) if ends else None
        source = f"«{recs[0].source}»" if lang == "es" else f'"{recs[0].source}"'
        says = msg("says.csv" if is_csv else "says.yaml", lang)
        for p in parsed:
            sid = p.rec.store_id
            store = project.stores.get(sid)
            if store is None:
                if f"stores.{sid}" in project.broken:
                    continue  # its file did not load: KB1xx says why
                import difflib  # here, not at the top: only this path needs it
                close = difflib.get_close_matches(sid, list(project.stores), n=1, cutoff=0.6)
                hint = msg("did.you.mean", lang, x=close[0]) if close else ""
                yield _f("KB207", p.rec.loc, msg("unknown.store", lang, sid=sid, source=recs[0].source, hint=hint),
                         sid, "error")
                continue
            if sid not in hours_ok:
                hours_ok[sid] = _online_hours_ok(store)
            if hours_ok[sid] and p.hours_ok:
                if p.rec.data.hours:
                    yield from _compare_week(p, store, says, source, lang)
                if _online_specials_ok(store):
                    yield from _compare_specials(p, store, says, source, horizon, today, lang)
            yield from _compare_values(p, store, project, says, lang)
        listed = {r.store_id for r in recs}
        if not listed & set(project.stores):
            continue  # a source about none of our stores: each record is KB207 already
        first = min(recs, key=lambda r: r.loc)
        if is_csv:
            where = Loc(path, max(1, first.loc.line - 1), 1)  # the header row
        else:
            doc = files.get(path)
            where = doc.key_loc_of("stores", doc.loc) if doc is not None else first.loc
        for sid, store in project.stores.items():
            if sid not in listed:
                yield _f("KB208", where, msg("missing.store.csv" if is_csv else "missing.store.yaml", lang,
                                             store=store.name, where=store.loc.path, source=source), sid,
                         "error" if is_csv else "warning")
