"""content/ -> Project. Files are read once here; checks and renderers never read files."""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from typing import Optional

from .. import model as m
from ..findings import Finding, Findings, Loc
from ..hours import HoursError, parse_day_hours, parse_day_key
from ..messages import and_list, day_name, msg, or_list, type_name
from ..values import parse_duration
from .files import Unreadable, display_path, list_files, read_text
from .refs import References
from .typed import NeedsPydantic, read_model
from .yamlpos import YMap, YNode, YSeq, line_and_column, locate, parse_yaml, to_plain


class UsageError(Exception):
    """Wrong invocation (missing content folder...): exit code 2."""


# ------------------------------------------------------------------ schema validation with positions

def _hint_missing(name: str, lang: str = "es") -> str:
    return msg("schema.missing", lang, name=name)


def validate(cls: type, tree: Optional[YNode], path: str, out: Findings, subject: str = "", lang: str = "es"):
    """Validate a located tree against a content class; the object keeps its positions. None if invalid.

    A plainly valid file is read directly (``typed.read_model``); any other goes through the class's
    pydantic twin, which accepts or refuses it and words each problem. Findings are worded in
    ``lang``, the site's language."""
    if tree is None:  # unreadable or not YAML: already reported
        return None
    if type(tree) is YMap:
        try:
            return read_model(cls, tree)
        except NeedsPydantic:
            pass
    plain = to_plain(tree)
    if plain is None:
        plain = {}
    if not isinstance(plain, dict):
        out.error("KB109", tree.loc if tree else Loc(path),
                  msg("schema.not.mapping", lang, what=type_name(plain, lang)), subject)
        return None
    from pydantic import ValidationError
    try:
        obj = m.from_pydantic(m.pydantic_model(cls).model_validate(plain))
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            _report(err, tree, path, cls, out, subject, lang)
        return None
    attach(obj, tree)
    return obj


def _report(err: dict, tree, path: str, cls, out: Findings, subject: str, lang: str = "es") -> None:
    where = tuple(err["loc"])
    kind = err["type"]
    clean = _clean_path(where, tree, keep_last=kind == "missing")
    if not clean and kind in ("missing", "extra_forbidden"):
        clean = ("?",)
    if kind == "missing":
        loc = locate(tree, clean[:-1]) or Loc(path)
        out.error("KB101", loc, _hint_missing(clean[-1], lang), subject)
        return
    if kind == "extra_forbidden":
        loc = locate(tree, clean, key=True) or Loc(path)
        name = clean[-1]
        known = _known_fields(cls, clean[:-1])
        import difflib  # here, not at the top: only this path needs it
        close = difflib.get_close_matches(str(name), known, n=1)
        hint = msg("schema.did.you.mean", lang, x=close[0]) if close else \
            msg("schema.known.keys", lang, keys=", ".join(known))
        out.error("KB102", loc, msg("schema.unknown.key", lang, name=name, hint=hint), subject)
        return
    loc = locate(tree, clean) or Loc(path)
    field = ".".join(str(s) for s in clean) or msg("the.file", lang)
    value = err.get("input")
    fix = _fix(kind, err, lang)
    if value is None:
        out.error("KB109", loc, msg("schema.empty.value", lang, field=field, fix=fix), subject)
        return
    shown = f'"{value}"' if isinstance(value, str) else type_name(value, lang)
    out.error("KB109", loc, msg("schema.bad.value", lang, shown=shown, field=field, fix=fix), subject)


_FIXES = {"string_type": "fix.text", "list_type": "fix.list", "dict_type": "fix.block", "model_type": "fix.block",
          "model_attributes_type": "fix.block", "int_type": "fix.int", "int_parsing": "fix.int",
          "int_from_float": "fix.int", "float_type": "fix.number", "float_parsing": "fix.number",
          "finite_number": "fix.number", "greater_than_equal": "fix.ge", "greater_than": "fix.gt",
          "less_than_equal": "fix.le", "less_than": "fix.lt"}
_BOUNDS = {"fix.ge": "ge", "fix.gt": "gt", "fix.le": "le", "fix.lt": "lt"}


def _fix(kind: str, err: dict, lang: str) -> str:
    """What to write instead, for a pydantic error of type ``kind``."""
    pyd = err["msg"]
    if kind == "literal_error":
        options = pyd.split("Input should be ", 1)[-1]
        if lang != "en":
            options = or_list([o.strip() for o in re.split(r",\s*|\s+or\s+", options) if o.strip()], lang)
        return msg("fix.one.of", lang, options=options)
    if kind.startswith("date"):
        return msg("fix.date", lang)
    if kind.startswith("bool"):
        return msg("fix.bool", lang)
    key = _FIXES.get(kind, "fix.other")
    bound = (err.get("ctx") or {}).get(_BOUNDS.get(key, ""), "")
    return msg(key, lang, pydantic=pyd, n=f"{bound:g}" if isinstance(bound, float) else bound)


_UNION_TAGS = ("str", "list", "date", "bool", "int", "float")


def _clean_path(where: tuple, tree, keep_last: bool = False) -> tuple:
    """The error's path without the union member names pydantic adds ("str", "list[str]").

    A step that is a key or index of the tree is always kept, even if it is called "date" or
    "str": an editor's key is never mistaken for a union member (that crashed on `date:` at the
    top of contact.yaml)."""
    out, cur = [], tree
    for i, s in enumerate(where):
        if isinstance(cur, YMap) and isinstance(s, str) and s in cur.items:
            cur = cur.items[s][1]
        elif isinstance(cur, YSeq) and isinstance(s, int) and 0 <= s < len(cur.items):
            cur = cur.items[s]
        elif isinstance(s, str) and ("[" in s or s in _UNION_TAGS) and not (keep_last and i == len(where) - 1):
            continue
        else:
            cur = None
        out.append(s)
    return tuple(out)


def _known_fields(cls, steps) -> list[str]:
    cur = cls
    for s in steps:
        if isinstance(s, int):
            continue
        f = getattr(cur, "model_fields", {}).get(s)
        if f is None:
            return sorted(getattr(cur, "model_fields", {}))
        cur = _inner_model(f.annotation) or cur
    return sorted(getattr(cur, "model_fields", {}))


def _inner_model(ann):
    import typing
    if isinstance(ann, type) and issubclass(ann, m.Located):
        return ann
    for a in typing.get_args(ann):
        found = _inner_model(a)
        if found:
            return found
    return None


def attach(obj, node: YNode) -> None:
    """Give an object validated by pydantic (and its nested objects) the positions of its tree."""
    if isinstance(obj, m.Located):
        obj._loc = node.loc
        if isinstance(node, YMap):
            obj._node = node
            for name in type(obj).model_fields:
                sub = node.get(name)
                if sub is not None:
                    attach(getattr(obj, name), sub)
    elif isinstance(obj, list) and isinstance(node, YSeq):
        for item, sub in zip(obj, node.items):
            attach(item, sub)
    elif isinstance(obj, dict) and isinstance(node, YMap):
        for key, (_, sub) in node.items.items():
            if key in obj:
                attach(obj[key], sub)


# ------------------------------------------------------------------ suppressions

_SUPPRESS = re.compile(r"kbgen:\s*ignore\s+(?P<rules>KB\d{3}(?:\s*,\s*KB\d{3})*)(?P<rest>[^\n]*)", re.I)
_REASON = re.compile(r'reason\s*=\s*"(?P<r>[^"]*)"|reason\s*=\s*(?P<r2>\S+)')
_UNTIL = re.compile(r"until\s*=\s*(?P<d>\S+)")


def scan_suppressions(text: str, path: str, out: Findings, lang: str = "es") -> list[m.Suppression]:
    # most files have none: a search for "kbgen:" (any case: str.lower maps every letter _SUPPRESS's
    # re.I accepts for it, the Kelvin sign too), then one scan with the pattern, not one per line
    if "kbgen:" not in text.lower() or not _SUPPRESS.search(text):
        return []
    found = []
    for i, line in enumerate(text.split("\n"), start=1):
        mt = _SUPPRESS.search(line)
        if not mt:
            continue
        rest = mt.group("rest").rstrip(" ->")
        rm = _REASON.search(rest)
        reason = (rm.group("r") or rm.group("r2") or "").strip() if rm else ""
        until = None
        um = _UNTIL.search(rest)
        loc = Loc(path, i, mt.start() + 1)
        if um:
            try:
                until = dt.date.fromisoformat(um.group("d").strip('"\''))
            except ValueError:
                out.error("KB110", loc, msg("bad.until", lang, value=um.group("d")))
        rules = tuple(r.strip().upper() for r in mt.group("rules").split(","))
        found.append(m.Suppression(rules, reason, until, loc))
    return found


# ------------------------------------------------------------------ the loader

# What load_project can leave out (``skip``): the offline records and sources, the suppressions.
SKIPPABLE = frozenset({"offline", "suppressions"})


class Loader:
    def __init__(self, content_dir: str, skip: frozenset = frozenset()):
        if not os.path.isdir(content_dir):
            raise UsageError(f"{content_dir}: no such content folder; pass --content DIR (the folder with site.yaml)")
        if not skip <= SKIPPABLE:
            raise ValueError(f"kbgen: load_project cannot leave out {sorted(skip - SKIPPABLE)}")
        self.dir = content_dir
        self.skip = skip
        self.out = Findings()
        self.unreadable: list[Finding] = []
        self.suppressions: list[m.Suppression] = []
        self.trees: dict[str, YNode] = {}
        self.lang = "es"  # the site's language (site.yaml), for the findings' messages
        self.files_read: list[tuple[str, int, int]] = []

    # -- reading
    def read(self, path: str) -> Optional[str]:
        try:
            text, problem = read_text(path, self.lang, self.files_read)
        except Unreadable as exc:
            self.unreadable.append(exc.finding)
            return None
        if problem:
            self.out.items.append(problem)
            return None
        if path == self.file("site.yaml"):  # its own findings are in its language too
            self.lang = _sniff_language(text)
        if "suppressions" not in self.skip:
            self.suppressions += scan_suppressions(text, display_path(path), self.out, self.lang)
        return text

    def listing(self, folder: str, *exts: str) -> list[str]:
        """The content files of a folder; a folder that cannot be listed is unreadable (exit 2)."""
        try:
            return list_files(folder, *exts, lang=self.lang)
        except Unreadable as exc:
            self.unreadable.append(exc.finding)
            return []

    def yaml(self, path: str, text: Optional[str] = None, subject: str = "") -> Optional[YNode]:
        text = self.read(path) if text is None else text
        if text is None:
            return None
        tree, problems = parse_yaml(text, display_path(path), self.lang)
        for p in problems:
            self.out.items.append(Finding(p.rule, p.severity, p.loc, p.message, subject))
        if tree is None and not problems:  # an empty file: an empty mapping, so missing keys are named
            return YMap(Loc(display_path(path)))
        return tree

    def file(self, name: str) -> str:
        return os.path.join(self.dir, name)

    # -- hours
    def schedule(self, owner: m.Located, hours: Optional[dict], special: list, holidays: str,
                 tz: str, country: str, subdivision: Optional[str], subject: str) -> Optional[m.Schedule]:
        if hours is None:
            return None
        week: list = [None] * 7
        day_locs: list = [owner.loc] * 7
        hours_loc = owner.loc_of("hours")
        hours_node_locs = getattr(owner, "_hours_locs", {})
        ok = True
        for key, value in hours.items():
            key_loc, val_loc = hours_node_locs.get(key, (hours_loc, hours_loc))
            try:
                days = parse_day_key(key)
                intervals = parse_day_hours(value)
            except HoursError as exc:
                self.out.error(exc.rule, key_loc if exc.key == "hours.day" else val_loc, exc.message_in(self.lang),
                               subject)
                ok = False
                continue
            for d in days:
                if week[d] is not None:
                    self.out.error("KB104", key_loc, msg("hours.day.twice", self.lang, day=m_day(d, self.lang),
                                                         key=key), subject)
                    ok = False
                week[d] = intervals
                day_locs[d] = val_loc
        missing = [m_day(d, self.lang) for d in range(7) if week[d] is None]
        if missing and ok:
            both = and_list(missing, self.lang) if self.lang != "en" else " and ".join(missing)
            self.out.error("KB105", owner.key_loc_of("hours", hours_loc),
                           msg("hours.missing.days", self.lang, days=", ".join(missing), days_and=both), subject)
        if week.count(None):
            week = [w or () for w in week]
        specials = []
        for sh in special:
            sp = self.special(sh, subject)
            if sp:
                specials.append(sp)
        return m.Schedule(tuple(week), tuple(sorted(specials, key=lambda s: s.start)), holidays, tz, country,
                          subdivision, tuple(day_locs))

    def special(self, sh: m.SpecialHours, subject: str) -> Optional[m.Special]:
        if (sh.date is None) == (sh.dates is None):
            self.out.error("KB101", sh.loc, msg("special.no.date", self.lang), subject)
            return None
        start = end = sh.date
        if sh.dates is not None:
            parts = [p.strip() for p in sh.dates.split("..")]
            try:
                start, end = (dt.date.fromisoformat(p) for p in parts) if len(parts) == 2 else (None, None)
            except ValueError:
                start = None
            if start is None or end < start:
                self.out.error("KB110", sh.loc_of("dates"), msg("special.bad.range", self.lang, dates=sh.dates), subject)
                return None
        if sh.closed and sh.hours is not None:
            self.out.error("KB109", sh.loc_of("hours"), msg("special.closed.and.hours", self.lang), subject)
            return None
        if not sh.closed and sh.hours is None:
            self.out.error("KB101", sh.loc, msg("special.no.hours", self.lang), subject)
            return None
        intervals: tuple = ()
        if not sh.closed:
            try:
                intervals = parse_day_hours(sh.hours)
            except HoursError as exc:
                self.out.error(exc.rule, sh.loc_of("hours"), exc.message_in(self.lang), subject)
                return None
        return m.Special(start, end, intervals, sh.note or "", sh.loc)

    # -- files
    def load(self) -> m.Project:
        site_path = self.file("site.yaml")
        if not os.path.exists(site_path):
            raise UsageError(f"{display_path(site_path)}: missing; every content folder needs site.yaml "
                             "(name, language, timezone, country) — is --content pointing at the right folder?")
        site = validate(m.Site, self.yaml(site_path), display_path(site_path), self.out, lang=self.lang)
        if site is None:
            site = m.Site(name="?", language=self.lang)
            site._loc = Loc(display_path(site_path))
        else:
            self.lang = site.language
            self.check_zone(site.timezone, site.loc_of("timezone"), "site")
        project = m.Project(root=self.dir, site=site)
        self.load_stores(project)
        self.load_contact(project)
        self.load_operations(project)
        self.load_promises(project)
        self.load_faq(project)
        self.load_policies(project)
        self.load_pages(project)
        if "offline" in self.skip:
            self.note_offline_files()
            project.offline, project.offline_sources = m.NotLoaded("offline records"), m.NotLoaded("offline sources")
        else:
            self.load_offline(project)
        self.load_search_tests(project)
        self.load_synonyms(project)
        refs = References(project, self.out)
        refs.resolve_all()
        project.suppressions = m.NotLoaded("suppressions") if "suppressions" in self.skip else self.suppressions
        return project

    def check_zone(self, tz: str, loc: Loc, subject: str) -> bool:
        from zoneinfo import ZoneInfo
        try:
            ZoneInfo(tz)
            return True
        except Exception:
            self.out.error("KB109", loc, msg("bad.timezone", self.lang, tz=tz), subject)
            return False

    def load_stores(self, project: m.Project) -> None:
        for path in self.listing(self.file("stores"), ".yaml", ".yml"):
            sid = os.path.splitext(os.path.basename(path))[0]
            tree = self.yaml(path, subject=sid)
            store = validate(m.Store, tree, display_path(path), self.out, sid, lang=self.lang)
            if store is None:
                project.broken.add(f"stores.{sid}")
                continue
            store._id = sid
            store._hours_locs = _hours_locs(tree.get("hours") if isinstance(tree, YMap) else None)
            tz = store.timezone or project.site.timezone
            if store.timezone and not self.check_zone(tz, store.loc_of("timezone"), sid):
                tz = project.site.timezone
            store._schedule = self.schedule(store, store.hours, store.special_hours, store.public_holidays, tz,
                                            store.address.country or project.site.country,
                                            store.subdivision or project.site.subdivision, sid)
            project.stores[sid] = store

    def load_contact(self, project: m.Project) -> None:
        path = self.file("contact.yaml")
        if not os.path.exists(path):
            return
        tree = self.yaml(path)
        contact = validate(m.Contact, tree, display_path(path), self.out, lang=self.lang)
        if contact is None:
            project.broken.add("channels")
            return
        seen: dict[str, Loc] = {}
        chans = tree.get("channels") if isinstance(tree, YMap) else None
        for i, ch in enumerate(contact.channels):
            if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", ch.id):  # it becomes an anchor and a {{ channels.<id> }} path
                self.out.error("KB109", ch.loc_of("id"), msg("bad.channel.id", self.lang, id=ch.id), ch.id)
            if ch.id in seen:
                self.out.error("KB106", ch.loc_of("id"), msg("dup.channel.id", self.lang, id=ch.id,
                                                             line=seen[ch.id].line), ch.id)
            seen.setdefault(ch.id, ch.loc_of("id"))
            node = chans.items[i] if isinstance(chans, YSeq) else None
            ch._hours_locs = _hours_locs(node.get("hours") if isinstance(node, YMap) else None)
            ch._schedule = self.schedule(ch, ch.hours, ch.special_hours, ch.public_holidays, project.site.timezone,
                                         project.site.country, project.site.subdivision, ch.id)
            if ch.response_time is not None:
                try:
                    ch._response = parse_duration(ch.response_time)
                except ValueError:
                    self.out.error("KB111", ch.loc_of("response_time"),
                                   msg("bad.duration", self.lang, value=ch.response_time), ch.id)
        project.contact = contact

    def load_operations(self, project: m.Project) -> None:
        path = self.file("operations.yaml")
        if not os.path.exists(path):
            return
        tree = self.yaml(path)
        if tree is None:
            return
        if not isinstance(tree, YMap):
            self.out.error("KB109", tree.loc, msg("operations.not.mapping", self.lang))
            return
        project.operations = to_plain(tree)
        locs: dict[str, Loc] = {}

        def walk(node: YNode, prefix: str) -> None:
            if isinstance(node, YMap):
                for k, (_, v) in node.items.items():
                    locs[prefix + k] = v.loc
                    walk(v, prefix + k + ".")
        walk(tree, "")
        project.operations_locs = locs
        # durations we know the meaning of must parse
        for key, value in _flatten(project.operations).items():
            top = key.split(".")[0]
            if top in ("delivery", "first_response") or key in ("returns.window", "returns.refund_within"):
                try:
                    parse_duration(str(value))
                except ValueError:
                    self.out.error("KB111", locs.get(key, tree.loc),
                                   msg("bad.duration.for", self.lang, value=value, key=key))

    def load_promises(self, project: m.Project) -> None:
        path = self.file("promises.yaml")
        if not os.path.exists(path):
            return
        doc = validate(m.Promises, self.yaml(path), display_path(path), self.out, lang=self.lang)
        if doc is None:
            return
        seen: dict[str, Loc] = {}
        for p in doc.promises:
            if p.id in seen:
                self.out.error("KB106", p.loc_of("id"), msg("dup.promise.id", self.lang, id=p.id,
                                                            line=seen[p.id].line), p.id)
            seen.setdefault(p.id, p.loc_of("id"))
            if p.valid_from and p.valid_until and p.valid_until < p.valid_from:
                self.out.error("KB110", p.loc_of("valid_until"), msg("valid.until.before", self.lang), p.id)
        project.promises = doc.promises

    def load_faq(self, project: m.Project) -> None:
        seen: dict[str, Loc] = {}
        for path in self.listing(self.file("faq"), ".yaml", ".yml"):
            slug = os.path.splitext(os.path.basename(path))[0]
            cat = validate(m.Category, self.yaml(path, subject=slug), display_path(path), self.out, slug,
                           lang=self.lang)
            if cat is None:
                continue
            cat._slug = slug
            for q in cat.questions:
                q._category = slug
                if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", q.id):
                    self.out.error("KB109", q.loc_of("id"), msg("bad.faq.id", self.lang, id=q.id), q.id)
                if q.id in seen:
                    first = seen[q.id]
                    self.out.error("KB106", q.loc_of("id"), msg("dup.faq.id", self.lang, id=q.id, first=first), q.id)
                seen.setdefault(q.id, q.loc_of("id"))
            project.categories.append(cat)
        project.categories.sort(key=lambda c: (c.order if c.order is not None else 999, c.slug))

    def markdown(self, path: str, subject: str):
        """Front matter (located) and body of a Markdown file: (tree, body, body_line)."""
        text = self.read(path)
        if text is None:
            return None, None, 1
        shown = display_path(path)
        if not text.startswith("---\n"):
            return None, text, 1
        end = text.find("\n---", 3)
        while end != -1 and text[end + 4: end + 5] not in ("\n", ""):
            end = text.find("\n---", end + 4)
        if end == -1:
            self.out.error("KB100", Loc(shown, 1, 1), msg("front.matter.open", self.lang), subject)
            return None, None, 1
        fm = text[4:end + 1]
        tree, problems = parse_yaml("#\n" + fm, shown, self.lang)
        for p in problems:
            self.out.items.append(Finding(p.rule, p.severity, p.loc, p.message, subject))
        body_start = text.find("\n", end + 4)
        body = text[body_start + 1:] if body_start != -1 else ""
        body_line = text[: body_start + 1].count("\n") + 1 if body_start != -1 else text.count("\n") + 2
        return (tree if tree is not None else (None if problems else YMap(Loc(shown)))), body, body_line

    def load_policies(self, project: m.Project) -> None:
        for path in self.listing(self.file("policies"), ".md"):
            slug = os.path.splitext(os.path.basename(path))[0]
            tree, body, line = self.markdown(path, slug)
            if body is None:
                continue
            if tree is None:
                self.out.error("KB101", Loc(display_path(path)), msg("policy.no.front.matter", self.lang), slug)
                continue
            meta = validate(m.PolicyMeta, tree, display_path(path), self.out, slug, lang=self.lang)
            if meta is None:
                continue
            shown = display_path(path)
            text = m.Text(body, body, "policy.body", slug, shown, _body_loc(shown, body, line))
            project.policies.append(m.Policy(slug, meta, text, Loc(shown, 1, 1)))
        project.policies.sort(key=lambda p: (p.meta.order if p.meta.order is not None else 999, p.slug))

    def load_pages(self, project: m.Project) -> None:
        for path in self.listing(self.file("pages"), ".md"):
            slug = os.path.splitext(os.path.basename(path))[0]
            tree, body, line = self.markdown(path, slug)
            if body is None:
                continue
            plain = to_plain(tree) if tree is not None else {}
            title = plain.get("title") if isinstance(plain, dict) else None
            shown = display_path(path)
            text = m.Text(body, body, "page.body", slug, shown, _body_loc(shown, body, line))
            project.pages.append(m.Page(slug, str(title or slug), text, Loc(shown)))

    def offline_files(self) -> tuple[list[str], list[str]]:
        """The offline folder's YAML files and CSV files, in the order they are read."""
        folder = self.file("offline")
        return self.listing(folder, ".yaml", ".yml"), self.listing(folder, ".csv")

    def load_offline(self, project: m.Project) -> None:
        yamls, csvs = self.offline_files()
        for path in yamls:
            shown = display_path(path)
            tree = self.yaml(path)
            doc = validate(m.OfflineFile, tree, shown, self.out, lang=self.lang)
            if doc is None:
                continue
            project.offline_sources.append(doc)
            stores_node = tree.get("stores") if isinstance(tree, YMap) else None
            for sid, rec in doc.stores.items():
                node = stores_node.get(sid) if isinstance(stores_node, YMap) else None
                rec._hours_locs = _hours_locs(node.get("hours") if isinstance(node, YMap) else None)
                project.offline.append(m.OfflineRecord(sid, doc.source, doc.captured, rec, rec.loc, shown))
        for path in csvs:
            self.load_csv(project, path)

    def note_offline_files(self) -> None:
        """The offline files in ``files_read`` as ``load_offline`` would have read them (size and
        modification time), unread: a process that skips them compares what it read all the same."""
        yamls, csvs = self.offline_files()
        for path in yamls + csvs:
            try:
                st = os.stat(path)
            except OSError:
                continue  # the reading process says why it could not read it
            self.files_read.append((path, st.st_size, st.st_mtime_ns))

    def load_csv(self, project: m.Project, path: str) -> None:
        text = self.read(path)
        if text is None:
            return
        shown = display_path(path)
        meta: dict[str, str] = {}
        lines = text.split("\n")
        skip = 0
        while skip < len(lines) and lines[skip].startswith("#"):
            k, _, v = lines[skip][1:].partition(":")
            meta[k.strip().lower()] = v.strip()
            skip += 1
        captured = None
        if meta.get("captured"):
            try:
                captured = dt.date.fromisoformat(meta["captured"])
            except ValueError:
                self.out.error("KB110", Loc(shown, 1, 1), msg("csv.bad.captured", self.lang, value=meta["captured"]))
        source = meta.get("source") or os.path.basename(path)
        expected = ["store", "name", "address", "phone", "email", "mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        try:
            rows = list(csv.reader(io.StringIO("\n".join(lines[skip:])), strict=True))
        except csv.Error as exc:
            self.out.error("KB100", Loc(shown, skip + 1, 1), msg("csv.unreadable", self.lang, error=exc,
                                                                 detail=_csv_problem(str(exc), self.lang)))
            return
        if not rows:
            self.out.error("KB101", Loc(shown, 1, 1), msg("csv.empty", self.lang, columns=",".join(expected)))
            return
        header = [h.strip().lower() for h in rows[0]]
        unknown = [h for h in header if h not in expected]
        if "store" not in header or unknown:
            what = msg("csv.unknown.column", self.lang, name=unknown[0]) if unknown else \
                msg("csv.no.store.column", self.lang)
            self.out.error("KB102", Loc(shown, skip + 1, 1), msg("csv.bad.header", self.lang, what=what,
                                                                 columns=",".join(expected)))
            return
        # line numbers: count physical lines per record (quoted newlines)
        reader = csv.reader(io.StringIO("\n".join(lines[skip:])))
        line_no = skip + 1
        for i, row in enumerate(reader):
            start_line = line_no
            line_no = skip + 1 + reader.line_num
            if i == 0 or not any(c.strip() for c in row):
                continue
            loc = Loc(shown, start_line, 1)
            if len(row) != len(header):
                self.out.error("KB109", loc, msg("csv.bad.row", self.lang, n=len(row), m=len(header)))
                continue
            cells = dict(zip(header, (c.strip() for c in row)))
            cols = _csv_cols(lines[start_line - 1] if start_line - 1 < len(lines) else "", header)
            rec = m.OfflineStore(
                name=cells.get("name") or None, phone=cells.get("phone") or None, email=cells.get("email") or None,
                address=cells.get("address") or None,
                hours={d: cells.get(d) or None for d in expected[5:] if d in cells},
            )
            rec._loc = loc
            rec._locs = {h: Loc(shown, start_line, cols.get(h, 1)) for h in header}
            if not cells.get("store"):
                self.out.error("KB101", loc, msg("csv.no.store", self.lang))
                continue
            project.offline.append(m.OfflineRecord(cells["store"], source, captured, rec, loc, shown))

    def load_search_tests(self, project: m.Project) -> None:
        path = self.file("search-tests.yaml")
        if not os.path.exists(path):
            return
        tree = self.yaml(path)
        if tree is None:
            return
        shown = display_path(path)
        if not isinstance(tree, YSeq):
            self.out.error("KB109", tree.loc, msg("search.tests.not.list", self.lang))
            return
        for node in tree.items:
            t = validate(m.SearchTest, node, shown, self.out, lang=self.lang)
            if t is not None:
                project.search_tests.append(t)

    def load_synonyms(self, project: m.Project) -> None:
        path = self.file("synonyms.yaml")
        if not os.path.exists(path):
            return
        tree = self.yaml(path)
        plain = to_plain(tree)
        if plain is None:
            return
        if not isinstance(plain, dict) or not all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                                                    for v in plain.values()):
            self.out.error("KB109", tree.loc, msg("synonyms.shape", self.lang))
            return
        project.synonyms = plain


_LANGUAGE_LINE = re.compile(r"""^language[ \t]*:[ \t]*["']?(en|es)["']?[ \t]*(?:#.*)?$""", re.M)


def _stated_language(text: str) -> Optional[str]:
    """The ``language:`` (es or en) a site.yaml text states on a line of its own, unparsed; None."""
    found = _LANGUAGE_LINE.search(text or "")
    return found.group(1) if found else None


def _sniff_language(text: str) -> str:
    """The language site.yaml states, read before it is parsed (so its own findings use it): es by default."""
    return _stated_language(text) or "es"


def site_language(content: str, default: str = "es") -> str:
    """The language the site.yaml of the content folder ``content`` states, read the way the loader
    first reads it (``_stated_language``) but never failing: from the first 64 KB, whatever their
    encoding; ``default`` when the file is missing, unreadable or says none (for ``kbgen explain``)."""
    try:
        with open(os.path.join(content, "site.yaml"), "rb") as fh:
            head = fh.read(65536)  # site.yaml is a few lines: the language is at the top
    except (OSError, ValueError):  # missing, a folder, no permission, a NUL in the path
        return default
    text = head.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")  # as read_text
    return _stated_language(text) or default


def _hours_locs(node) -> dict:
    if not isinstance(node, YMap):
        return {}
    return {k: (key.loc, val.loc) for k, (key, val) in node.items.items()}


_CSV_PROBLEMS = (("unexpected end of data", "csv.unclosed"), ("expected after", "csv.after.quote"),
                 ("field larger than field limit", "csv.too.long"))


def _csv_problem(error: str, lang: str) -> str:
    """The csv module's reason, said in Spanish where we know it (": unas comillas…"); "" otherwise."""
    for words, key in _CSV_PROBLEMS:
        if words in error:
            return ": " + msg(key, lang)
    return ""


def _csv_cols(line: str, header: list[str]) -> dict[str, int]:
    cols, pos = {}, 1
    try:
        cells = next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return {}
    raw = line
    for h, cell in zip(header, cells):
        cols[h] = pos
        idx = raw.find(",", pos - 1 + len(cell)) if '"' not in cell else -1
        pos = idx + 2 if idx != -1 else pos + len(cell) + 1
    return cols


def _flatten(d, prefix=""):
    out = {}
    for k, v in (d or {}).items():
        if isinstance(v, dict):
            out.update(_flatten(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


def _body_loc(path: str, body: str, first_line: int):
    def loc_at(offset: int) -> Loc:
        nl, col = line_and_column(body, offset)
        return Loc(path, first_line + nl, col + 1)
    return loc_at


def m_day(d: int, lang: str = "en") -> str:
    return day_name(d, lang)


def load_project(content_dir: str, skip: frozenset = frozenset()) -> tuple[m.Project, list[Finding], list[Finding]]:
    """Load content/. Returns (project, findings, unreadable) — unreadable files mean exit code 2.

    ``skip`` (some of ``SKIPPABLE``) leaves parts out, for a process whose checks do not read them:
    the project then has ``NotLoaded`` in their place, and its findings are not complete."""
    loader = Loader(content_dir, frozenset(skip))
    project = loader.load()
    project.files_read = tuple(loader.files_read)
    return project, loader.out.items, loader.unreadable
