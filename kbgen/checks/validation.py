"""KB1xx — content validation. Most are found while loading (positions come from the files);
the checks here validate values that need the whole model."""
from __future__ import annotations

import re

from ..messages import msg
from . import check, rule

rule("KB100", "unreadable", """A content file cannot be read or parsed: YAML syntax error, tabs used for
indentation, front matter that is never closed, a file that is not UTF-8, a folder where a file belongs.
The message gives the line and column where the parser stopped.""")
rule("KB101", "missing-key", """A required key is missing (a store without ``hours``, an FAQ entry without
``a``, special hours with neither ``date`` nor ``dates``). Add the key.""")
rule("KB102", "unknown-key", """A key that kbgen does not know, usually a typo (``adress``). Unknown keys are
errors so that a misspelt key never silently drops information; the message suggests the closest key.""")
rule("KB103", "bad-time", """An opening time or interval that cannot be a time of day (``25:00``,
``9-14``, an unknown day name such as ``lunes-viernes``). Write ``HH:MM-HH:MM``, ``closed`` or ``24h``.""")
rule("KB104", "overlapping-hours", """Two intervals of the same day overlap, or a day is stated twice
(``mon-fri`` and ``fri``). State every day once, with intervals that do not overlap.""")
rule("KB105", "missing-day", """The week does not say every day. A missing day is an error rather than
"closed" so that a forgotten Saturday is never published as a closure; write ``closed`` explicitly.""")
rule("KB106", "duplicate-id", """Two FAQ entries (anywhere in the site), channels or promises share an id.
Ids make anchors and links, so they must be unique.""")
rule("KB107", "duplicate-key", """The same key appears twice in one YAML block. YAML keeps only the last
one, silently: delete or merge one.""")
rule("KB108", "unknown-reference", """A ``{{ path }}`` reference names no structured value. Known paths are
the keys of operations.yaml (``delivery.peninsula``), ``site.name``, ``stores.<id>.phone`` and
``channels.<id>.value``; the message suggests the closest one.""")
rule("KB109", "wrong-type", """A value of the wrong type or outside its allowed values (text where a list is
expected, ``kind: telephone`` instead of ``phone``, a latitude of 200).""")
rule("KB110", "bad-date", """A date or date range that cannot be read. Write ``YYYY-MM-DD`` and ranges as
``YYYY-MM-DD..YYYY-MM-DD``.""")
rule("KB111", "bad-duration", """A duration that cannot be read. Write ``45m``, ``10h``, ``3d`` or a range
such as ``2d-4d``.""")
rule("KB112", "bad-phone", """A phone number in a store or channel that is not a valid number for the
site's country (or with its international prefix).""")
rule("KB113", "bad-email", """An e-mail address in a store or channel that is not an address.""")
rule("KB190", "suppression-without-reason", """A ``kbgen: ignore KBnnn`` comment without
``reason="…"``. Silencing a finding needs a reason so the next editor knows why.""")
rule("KB191", "suppression-expired", """A ``kbgen: ignore`` whose ``until=`` date has passed: the finding it
silenced is reported again; renew the date with a reason or fix the content.""", "warning")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def valid_phone(value: str, country: str) -> bool:
    import phonenumbers  # only when a phone is checked: its import costs a tenth of kbgen's start-up
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, country))
    except phonenumbers.NumberParseException:
        return False


@check
def contact_values(project, options):
    country = project.site.country
    lang = options.lang
    for sid, s in project.stores.items():
        if s.phone and not valid_phone(s.phone, s.address.country or country):
            yield _f("KB112", s.loc_of("phone"), msg("bad.phone", lang, value=s.phone), sid)
        if s.email and not _EMAIL.match(s.email):
            yield _f("KB113", s.loc_of("email"), msg("bad.email", lang, value=s.email), sid)
    for ch in project.contact.channels:
        if ch.kind in ("phone", "whatsapp") and ch.value and not valid_phone(ch.value, country):
            yield _f("KB112", ch.loc_of("value"), msg("bad.phone", lang, value=ch.value), ch.id)
        if ch.kind == "email" and ch.value and not _EMAIL.match(ch.value):
            yield _f("KB113", ch.loc_of("value"), msg("bad.email", lang, value=ch.value), ch.id)
        if ch.kind in ("phone", "email", "whatsapp") and not ch.value:
            yield _f("KB101", ch.loc, msg("channel.needs.value", lang, id=ch.id, kind=ch.kind), ch.id)
        if ch.kind in ("chat", "form", "social") and not (ch.url or ch.value):
            yield _f("KB101", ch.loc, msg("channel.needs.url", lang, id=ch.id, kind=ch.kind), ch.id)


def _f(rule_code, loc, msg, subject):
    from ..findings import Finding
    return Finding(rule_code, "error", loc, msg, subject)
