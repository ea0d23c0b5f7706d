"""KB3xx — what the site's texts say against the structured data.

Every text that reaches the site (``project.texts``: FAQ answers, policy and page bodies,
store and channel notes, descriptions…) is read with its ``{{ }}`` references blanked out
(``Text.masked``): a referenced value is consistent by construction. In what is left:

- a phone number, e-mail address or street address that belongs to no store and no
  contact channel is an error at the exact line and column where it is written;
- an opening-hours statement ("nuestras tiendas abren de lunes a sábado de 10 a 20 h",
  "la tienda de Sevilla abre los domingos", "el teléfono atiende de 9 a 20 h") is checked
  against the regular week of the stores or the channel it speaks about.

Whom a statement speaks about: a store named in it (by city or name, "la tienda de
Sevilla", "La Tuerca Madrid Centro"); else a contact channel named in it (teléfono, chat,
WhatsApp…); else, in a store's or channel's own notes, that store or channel; else every
store when the sentence (or the FAQ question) speaks of "tiendas". Stores named elsewhere in
the same text, or after "salvo"/"excepto", are the text's exceptions and are left out of its
general statements. Statements about dates or seasons ("en agosto", "en Navidad") are
special hours, not the week, and are skipped; so are advertising promises (KB4xx).
"""
from __future__ import annotations

import bisect
import re

from ..findings import Finding
from ..messages import day_name, hours_label, msg, phone_label
from ..text.addresses import address_key, find_addresses, parse_address, same_address
from ..text.emails import find_emails, normalize_email
from ..text.fold import fold, fold_same_length
from ..text.phones import find_phones, normalize_phone
from ..text.scan import Occurrences
from ..text.times import find_hours_statements
from . import check, rule
from .offline import _online_hours_ok as _week_ok

rule("KB301", "text-unknown-phone", """A phone number written in a text of the site (FAQ answer, policy, page,
store or channel notes) that is the phone of no store and no contact channel: a typo, an old number or a number
that should be a channel. Write a store's or channel's number through a reference such as
``{{ stores.madrid-centro.phone }}`` or ``{{ channels.telefono.value }}`` so it cannot drift; the message suggests
the number it most resembles.""")
rule("KB302", "text-unknown-email", """An e-mail address written in a text of the site that is the address of no
store and no contact channel. Use ``{{ channels.correo.value }}`` or ``{{ stores.<id>.email }}``, or add the
address as a channel. Addresses at the RFC 2606 placeholder domains (example.com, ejemplo.com) are examples and
are not flagged.""")
rule("KB303", "text-unknown-address", """A street address written in a text of the site ("Calle de Atocha 14")
that is the address of no store and no postal channel. Addresses are compared as in KB206 (abbreviations,
particles and punctuation do not count). Use ``{{ stores.<id>.address }}`` for a store's address.""")
rule("KB304", "text-store-hours", """An opening-hours statement in a text of the site that contradicts the regular
week of the stores it speaks about: "nuestras tiendas abren de lunes a sábado de 10 a 20 h" when a store closes
at 14:00 on Saturday, "la tienda de Sevilla abre los domingos" when it does not, "cierran los festivos" when a
store opens on them. A statement with hours must match the day's intervals exactly ("por la mañana"/"por la
tarde" limit it to that part of the day); one that only says open or closed must match that. Stores named
elsewhere in the text, or after "salvo"/"excepto", are exceptions to its general statements; statements about
dates or seasons are skipped.""")
rule("KB305", "text-channel-hours", """An opening-hours statement in a text of the site about a contact channel
(teléfono, WhatsApp, chat…) that contradicts the channel's ``hours`` in contact.yaml.""")

HOURS_SKIP_KINDS = {"promise.text"}  # opening promises in advertising are KB4xx
PLACEHOLDER_DOMAINS = {"example.com", "example.org", "example.net", "ejemplo.com", "ejemplo.es"}

_STORE_WORD = re.compile(r"\b(?:tiendas?|establecimientos?|local(?:es)?|sucursal(?:es)?|stores?|shops?)\b")
_CHANNEL_WORDS = [
    (re.compile(r"\bwhats\s?app\b|\bwasap\b"), ("whatsapp",)),
    (re.compile(r"\bchat\b"), ("chat",)),
    (re.compile(r"\b(?:correos? electronicos?|e-?mails?|correo)\b"), ("email",)),
    (re.compile(r"\b(?:telefon[a-z]*|llamadas?|centralita|call\s+cent(?:er|re)|phone|linea de atencion)\b"),
     ("phone",)),
    (re.compile(r"\batencion al cliente\b|\bcustomer service\b"), ("phone", "whatsapp", "chat", "email")),
]
_PLURAL_STORES = re.compile(r"\b(?:tiendas|establecimientos|locales|sucursales|stores|shops)\b")
_EXCEPT = re.compile(r"\b(?:salvo|excepto|menos|excepcion|except|except for|but not)\b")
_PART_RE = re.compile(r"(?:por|de|en|a)\s+las?\s+(mañana|tarde|noche)s?\b|\b(mañana|tarde|noche)s\b")
_PARTS = {"mañana": (360, 840), "tarde": (840, 1260), "noche": (1260, 1800)}
_PARTICLES = {"de", "del", "la", "las", "los", "el", "en", "y", "tienda", "tiendas", "horario", "local"}


# ---------------------------------------------------------------- what the data knows

class _Known:
    def __init__(self, project):
        country = project.site.country
        self.phones: dict[str, tuple[str, str]] = {}
        self.emails: dict[str, tuple[str, str]] = {}
        self.addresses: list = []
        for sid, s in project.stores.items():
            if s.phone:
                e = normalize_phone(s.phone, s.address.country or country)
                if e:
                    self.phones.setdefault(e, (s.name, f"stores.{sid}.phone"))
            if s.email:
                self.emails.setdefault(normalize_email(s.email), (s.name, f"stores.{sid}.email"))
            try:
                key = address_key(s.address.street, s.address.postal_code, s.address.city)
                self.addresses.append((key, s.name, s.address.one_line(), s.address.loc_of("street")))
            except ValueError:
                pass
        for ch in project.contact.channels:
            value = (ch.value or "").strip()
            if ch.kind in ("phone", "whatsapp") and value:
                e = normalize_phone(value, country)
                if e:
                    self.phones.setdefault(e, (ch.title, f"channels.{ch.id}.value"))
            elif ch.kind == "email" and value:
                self.emails.setdefault(normalize_email(value), (ch.title, f"channels.{ch.id}.value"))
            elif ch.kind == "postal" and value:
                key = parse_address(value)
                if key is not None:
                    self.addresses.append((key, ch.title, value, ch.loc_of("value")))
            if ch.url and ch.url.lower().startswith("mailto:"):
                self.emails.setdefault(normalize_email(ch.url), (ch.title, f"channels.{ch.id}.url"))


def _distance(a: str, b: str) -> float:
    """Digits that differ between two numbers of the same length (a swap of two neighbours counts 1.5)."""
    if len(a) != len(b):
        return 99
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
        return 1.5
    return len(diff)


def _phone_hint(e164: str, known: _Known, lang: str) -> str:
    close = sorted((_distance(k, e164), k) for k in known.phones)
    if close and close[0][0] <= 2:
        owner, ref = known.phones[close[0][1]]
        return msg("hint.ref", lang, owner=owner, value=phone_label(close[0][1]), ref=ref)
    return msg("hint.add", lang)


def _email_hint(email: str, known: _Known, lang: str) -> str:
    """Suggest a known address at the same domain whose name looks alike (a typo, a renamed box)."""
    local, _, domain = email.partition("@")
    import difflib  # here, not at the top: only this path needs it
    best = max(((difflib.SequenceMatcher(None, local, k.partition("@")[0]).ratio(), k) for k in known.emails
                if k.partition("@")[2] == domain), default=(0, None))
    if best[0] >= 0.75:
        owner, ref = known.emails[best[1]]
        return msg("hint.ref", lang, owner=owner, value=best[1], ref=ref)
    return msg("hint.add", lang)


def _address_hint(key, known: _Known, lang: str) -> str:
    import difflib  # here, not at the top: only this path needs it
    for k, owner, shown, loc in known.addresses:
        if k.name == key.name or (k.number == key.number and difflib.SequenceMatcher(
                None, " ".join(k.name), " ".join(key.name)).ratio() >= 0.75):
            return msg("hint.address", lang, owner=owner, value=shown, where=loc)
    return msg("hint.add", lang)


# ---------------------------------------------------------------- contact values in text

def _contact_values(project, t, text: str, known: _Known, lang: str):
    country = project.site.country
    for m in find_phones(text, country):
        if m.value not in known.phones:
            yield Finding("KB301", "error", t.loc_at(m.start),
                          msg("text.phone", lang, raw=m.raw, value=phone_label(m.value),
                              hint=_phone_hint(m.value, known, lang)), t.subject)
    for m in find_emails(text):
        if m.value in known.emails or m.value.rsplit("@", 1)[-1] in PLACEHOLDER_DOMAINS:
            continue
        yield Finding("KB302", "error", t.loc_at(m.start),
                      msg("text.email", lang, raw=m.raw, hint=_email_hint(m.value, known, lang)), t.subject)
    for m in find_addresses(text):
        if any(same_address(m.value, k) for k, *_ in known.addresses):
            continue
        yield Finding("KB303", "error", t.loc_at(m.start),
                      msg("text.address", lang, raw=m.raw, hint=_address_hint(m.value, known, lang)), t.subject)


# ---------------------------------------------------------------- hours statements

def _general_names(project) -> list[str]:
    names = [s.name.split() for s in project.stores.values()]
    common: list[str] = []
    if len(names) > 1:
        for words in zip(*names):
            if len({fold(w) for w in words}) != 1:
                break
            common.append(words[0])
    out = [project.site.name]
    if common:
        out.append(" ".join(common))
    return out


def _tokens(text: str, drop: set) -> set:
    return {w for w in re.findall(r"[a-zñ0-9]+", fold(text)) if w not in _PARTICLES and w not in drop}


class _Stores:
    """Matches a place named in a text ("Sevilla", "Madrid Centro", "Gran Canaria") to store ids."""

    def __init__(self, project, general: list[str]):
        self.drop = set()
        for g in general:
            self.drop |= _tokens(g, set())
        self.vocab = {sid: _tokens(f"{s.name} {s.address.city} {sid.replace('-', ' ')}", self.drop)
                      for sid, s in project.stores.items()}
        self._matched: dict[str, list[str]] = {}

    def match(self, place: str) -> list[str]:
        if place not in self._matched:  # a place is looked up once per run, not once per statement
            self._matched[place] = self._match(place)
        return list(self._matched[place])

    def _match(self, place: str) -> list[str]:
        words = _tokens(place, self.drop)
        scores = {sid: len(words & v) for sid, v in self.vocab.items()}
        best = max(scores.values(), default=0)
        return [sid for sid, n in scores.items() if n == best] if best else []

    def named_in(self, text: str) -> set:
        """Stores whose distinctive name (or city) appears in ``text``."""
        words = _tokens(text, self.drop)
        return {sid for sid, v in self.vocab.items() if v & words}


class _Sentences:
    """The sentence around a statement of one text: from after the last line break or ". " before
    it to the next line break or end punctuation after it. The breaks are found once per text and
    looked up by binary search (the search used to read the text from its start for each one)."""

    def __init__(self, text: str):
        self.text = text
        self.lines = [m.start() for m in re.finditer(r"\n", text)]
        self.stops = [m.end() for m in re.finditer(r"[.!?]\s", text)]  # can't overlap: one per stop
        self.ends = sorted(self.lines + [m.start() for m in re.finditer(r"[.!?](?=\s|$)", text)])

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.lines, start) - 1  # text.rfind("\n", 0, start)
        j = bisect.bisect_right(self.stops, start) - 1  # the last ". " that ends by start
        a = max(self.lines[i] if i >= 0 else -1, (self.stops[j] if j >= 0 else 0) - 1)
        a = max(a + 1, 0)
        k = bisect.bisect_left(self.ends, end)  # re.search(r"\n|[.!?](?:\s|$)", text[end:])
        b = self.ends[k] + 1 if k < len(self.ends) else len(self.text)
        return a, b


class _SentenceWords:
    """Where one sentence (folded[a:b]) mentions channels, stores and exceptions, read once for all
    its statements; positions relative to the sentence like the searches they replace."""

    def __init__(self, folded: str, a: int, b: int):
        self.folded, self.a, self.b = folded, a, b
        sentence = folded[a:b]
        self.channels = sorted((m.start(), i, kinds) for i, (rx, kinds) in enumerate(_CHANNEL_WORDS)
                               for m in rx.finditer(sentence))
        self.channel_starts = [c[0] for c in self.channels]
        self.store_words = [m.start() for m in _STORE_WORD.finditer(sentence)]
        self.plural = bool(_PLURAL_STORES.search(sentence))
        self.excepts = Occurrences(_EXCEPT, folded, a, b, 10)
        self.plurals = Occurrences(_PLURAL_STORES, folded, a, b, 16)
        self.places: dict[str, int] = {}

    def channel_kinds(self, before: int):
        """Channel kinds the sentence speaks of, the mention nearest before ``before`` first (else
        the first after it; of two at one place, the first of _CHANNEL_WORDS); with its position."""
        if not self.channels:
            return None, None
        i = bisect.bisect_right(self.channel_starts, before) - 1
        pos = self.channel_starts[i] if i >= 0 else self.channel_starts[0]
        _, _, kinds = self.channels[bisect.bisect_left(self.channel_starts, pos)]
        return kinds, pos

    def store_word_pos(self, before: int):
        """The store word nearest before ``before``, else the first after it."""
        if not self.store_words:
            return None
        i = bisect.bisect_right(self.store_words, before) - 1
        return self.store_words[i] if i >= 0 else self.store_words[0]

    def find(self, place: str) -> int:
        """Where the folded ``place`` first is in the sentence (-1: not there), as a position of folded."""
        if place not in self.places:
            self.places[place] = self.folded.find(place, self.a, self.b)
        return self.places[place]


def _part_of_day(stmt, folded: str, stop: int) -> str | None:
    """"por la mañana", "por la tarde"… in the statement or right after it (before ``stop``)."""
    if stmt.part_of_day:
        return stmt.part_of_day
    parts = {(m.group(1) or m.group(2)) for m in _PART_RE.finditer(folded, stmt.start, min(stop, stmt.end + 25))}
    return parts.pop() if len(parts) == 1 else None


def _open_in(intervals, part: str) -> bool:
    lo, hi = _PARTS[part]
    return any(min(iv.end, hi) - max(iv.start, lo) >= 60 for iv in intervals)


def _contradiction(stmt, part, week, public_holidays):
    """The first thing the schedule does differently from the statement: (day or None, actual) or None."""
    for d in sorted(stmt.days.days):
        actual = week[d]
        if stmt.closed:
            bad = _open_in(actual, part) if part else bool(actual)
        elif stmt.open_only:
            bad = not (_open_in(actual, part) if part else actual)
        else:
            said = tuple(sorted(stmt.intervals))
            have = tuple(iv for iv in actual if _open_in((iv,), part)) if part else tuple(actual)
            bad = have != said
        if bad:
            return d, actual
    if stmt.days.holidays:
        opens = public_holidays == "regular"
        if (stmt.closed and opens) or (not stmt.closed and not opens):
            return None, public_holidays
    return None


def _actual(day, actual, lang: str) -> str:
    if day is None:
        return msg("actual.hol.regular" if actual == "regular" else "actual.hol.closed", lang)
    if not actual:
        return msg("actual.day.closed", lang, day=day_name(day, lang))
    return msg("actual.day.hours", lang, day=day_name(day, lang), hours=hours_label(actual, lang))


def _reliable(stmt) -> bool:
    if stmt.dated or (not stmt.days.days and not stmt.days.holidays):
        return False
    if stmt.intervals:
        ivs = sorted(stmt.intervals)
        if any(b.start < a.end for a, b in zip(ivs, ivs[1:])):
            return False  # overlapping hours: the sentence was not read right
    return True


def _hours_statements(project, t, text: str, stores: _Stores, general: list[str], questions: dict, lang: str):
    stmts = find_hours_statements(text, general)
    if not stmts:
        return
    folded = fold_same_length(text)
    sentences = _Sentences(text)
    words: dict[tuple[int, int], _SentenceWords] = {}
    # exceptions: stores a statement names (outside "salvo …" clauses) are not in the text's general claims
    targets = []
    excluded: set = set()
    for st in stmts:
        a, b = sentences.around(st.start, st.end)
        sw = words.get((a, b)) or words.setdefault((a, b), _SentenceWords(folded, a, b))
        named, exc = [], set()
        if st.place_hint:
            pos = sw.find(fold(st.place_hint))
            matched = stores.match(st.place_hint)
            before = pos >= 0 and sw.excepts.within(a, pos)  # _EXCEPT.search(folded[a:pos])
            if before and (pos > st.start or sw.plurals.within(pos + len(st.place_hint), st.start)):
                exc = set(matched)  # "cierran los domingos, salvo la de Sevilla"; "salvo Sevilla, las tiendas…"
            else:
                named = matched  # "la tienda de Sevilla abre…"; "la excepción es Sevilla, que abre…"
            excluded |= set(matched)
        targets.append((st, a, b, sw, named, exc))
    starts = sorted(st.start for st in stmts)
    for st, a, b, sw, named, exc in targets:
        if not _reliable(st):
            continue
        nxt = bisect.bisect_right(starts, st.start)
        part = _part_of_day(st, folded, min(starts[nxt], b) if nxt < len(starts) else b)
        rel = st.start - a
        subjects: list = []  # (kind, id)
        if named:
            subjects = [("store", sid) for sid in named]
        elif st.place_hint and not exc and stores.match(st.place_hint) == []:
            kinds, _ = sw.channel_kinds(rel)
            if not kinds:
                continue  # a place that is none of our stores
        if not subjects:
            kinds, cpos = sw.channel_kinds(rel)
            spos = sw.store_word_pos(rel)
            prefer_channel = kinds and (spos is None or (cpos <= rel and (spos > rel or cpos > spos)))
            if prefer_channel:
                subjects = [("channel", ch.id) for ch in project.contact.channels
                            if ch.kind in kinds and ch.schedule is not None]
                if "phone" in kinds and len(kinds) > 1:  # "atención al cliente": the channel so labelled first
                    labelled = [s for s in subjects if fold(project.channel(s[1]).title) == "atencion al cliente"]
                    subjects = labelled or subjects
            elif t.kind == "store.notes" and t.subject in project.stores and not sw.plural:
                subjects = [("store", t.subject)]  # "la tienda" in a store's notes is that store
            elif spos is not None:
                subjects = [("store", sid) for sid in project.stores if sid not in excluded | exc]
            elif t.kind == "channel.notes" and project.channel(t.subject) is not None:
                subjects = [("channel", t.subject)]
            elif t.kind == "faq.a" and _STORE_WORD.search(fold(questions.get(t.subject, ""))):
                subjects = [("store", sid) for sid in project.stores if sid not in excluded | exc]
        if not subjects:
            continue
        bad = []
        channel_ok = False
        for kind, ident in subjects:
            if kind == "store":
                s = project.stores[ident]
                if not _week_ok(s):
                    continue  # its hours have errors (KB1xx): judging against them would echo them
                c = _contradiction(st, part, s.schedule.week, s.public_holidays)
                if c:
                    day, actual = c
                    where = s.schedule.day_locs[day] if day is not None else s.loc_of("public_holidays")
                    bad.append((s.name, _actual(day, actual, lang), where))
            else:
                ch = project.channel(ident)
                if not _week_ok(ch):
                    continue
                c = _contradiction(st, part, ch.schedule.week, ch.public_holidays)
                if not c:
                    channel_ok = True
                    continue
                day, actual = c
                where = ch.schedule.day_locs[day] if day is not None else ch.loc_of("public_holidays")
                bad.append((msg("the.channel", lang, label=ch.title), _actual(day, actual, lang), where))
        if not bad or channel_ok:
            continue  # a channel statement is wrong only if no channel of that kind works so
        items = [msg("text.hours.item", lang, owner=o, actual=x, where=w) for o, x, w in bad[:3]]
        if len(bad) > 3:
            items.append(msg("and.more", lang, n=len(bad) - 3))
        sep = "; " if len(items) > 1 else ""
        code = "KB305" if subjects[0][0] == "channel" else "KB304"
        raw = st.raw.strip().rstrip(".")
        yield Finding(code, "error", t.loc_at(st.start),
                      msg("text.hours", lang, raw=raw, what=sep.join(items)), t.subject)


# ---------------------------------------------------------------- the check

@check
def text_vs_data(project, options):
    lang = options.lang
    known = _Known(project)
    general = _general_names(project)
    stores = _Stores(project, general)
    questions = {q.id: q.q for q in project.questions()}  # folded where asked (few answers state hours)
    for t in project.texts:
        text = t.masked
        yield from _contact_values(project, t, text, known, lang)
        if t.kind not in HOURS_SKIP_KINDS:
            yield from _hours_statements(project, t, text, stores, general, questions, lang)
