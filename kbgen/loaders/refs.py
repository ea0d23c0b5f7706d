"""``{{ path }}`` references: structured values written into text so text cannot drift.

Known paths: every operations.yaml key (``delivery.peninsula``, ``returns.window``...),
``site.name``/``site.url``, ``stores.<id>.name|phone|email|address|city`` and
``channels.<id>.value|label|url|response_time``. An unknown path is KB108.
"""
from __future__ import annotations

import re

from .. import model as m
from ..findings import Findings
from ..messages import msg
from ..model import REF
from ..values import human_value


def build_context(project: m.Project) -> dict[str, str]:
    ctx: dict[str, str] = {}

    def flat(d, prefix):
        for k, v in (d or {}).items():
            if isinstance(v, dict):
                flat(v, f"{prefix}{k}.")
            elif not isinstance(v, list):
                ctx[f"{prefix}{k}"] = human_value(v)
    flat(project.operations, "")
    site = project.site
    ctx["site.name"] = site.name
    if site.url:
        ctx["site.url"] = site.url
    for sid, s in project.stores.items():
        base = f"stores.{sid}."
        ctx[base + "name"] = s.name
        ctx[base + "address"] = s.address.one_line()
        ctx[base + "city"] = s.address.city
        for f in ("phone", "email"):
            if getattr(s, f):
                ctx[base + f] = getattr(s, f)
    for ch in project.contact.channels:
        base = f"channels.{ch.id}."
        ctx[base + "label"] = ch.title
        for f in ("value", "url"):
            if getattr(ch, f):
                ctx[base + f] = getattr(ch, f)
        if ch.response is not None:
            ctx[base + "response_time"] = ch.response.human(site.language)
    return ctx


class References:
    def __init__(self, project: m.Project, out: Findings):
        self.project = project
        self.out = out
        self.ctx = build_context(project)

    def resolve(self, raw: str, loc_at, subject: str) -> str:
        def sub(mt: re.Match) -> str:
            key = mt.group(1).strip()
            if key in self.ctx:
                return self.ctx[key]
            if any(key == b or key.startswith(b + ".") for b in self.project.broken):
                return mt.group(0)  # its file failed to load and is reported already
            import difflib  # here, not at the top: only this path needs it
            close = difflib.get_close_matches(key, list(self.ctx), n=1, cutoff=0.6)
            lang = self.project.site.language
            hint = msg("schema.did.you.mean", lang, x="{{ " + close[0] + " }}") if close else msg("ref.known", lang)
            self.out.error("KB108", loc_at(mt.start()), msg("ref.unknown", lang, ref="{{ " + key + " }}", hint=hint),
                           subject)
            return mt.group(0)
        return REF.sub(sub, raw)

    def add(self, kind: str, subject: str, raw: str | None, path: str, loc_at) -> None:
        if raw is None:
            return
        text = m.Text(raw, "", kind, subject, path, loc_at)
        text.resolved = self.resolve(raw, loc_at, subject)
        self.project.texts.append(text)
        self.project.resolved[(kind, subject)] = text.resolved

    def field(self, kind: str, subject: str, obj: m.Located, name: str) -> None:
        raw = getattr(obj, name)
        self.add(kind, subject, raw, obj.loc.path, lambda off, o=obj, n=name: o.loc_at(n, off))

    def resolve_all(self) -> None:
        p = self.project
        if p.site.description:
            self.field("site.description", "site", p.site, "description")
        for sid, s in p.stores.items():
            self.field("store.notes", sid, s, "notes")
        if p.contact.intro:
            self.field("contact.intro", "contact", p.contact, "intro")
        for ch in p.contact.channels:
            self.field("channel.label", ch.id, ch, "label")
            self.field("channel.notes", ch.id, ch, "notes")
        for c in p.categories:
            self.field("category.description", c.slug, c, "description")
            for q in c.questions:
                self.field("faq.q", q.id, q, "q")
                self.field("faq.a", q.id, q, "a")
        for pol in p.policies:
            for f in ("title", "summary"):
                self.field(f"policy.{f}", pol.slug, pol.meta, f)
            body = pol.body
            body.resolved = self.resolve(body.raw, body.loc_at, pol.slug)
            p.texts.append(body)
            p.resolved[("policy.body", pol.slug)] = body.resolved
        for page in p.pages:
            page.body.resolved = self.resolve(page.body.raw, page.body.loc_at, page.slug)
            p.texts.append(page.body)
            p.resolved[("page.body", page.slug)] = page.body.resolved
        for pr in p.promises:
            self.field("promise.text", pr.id, pr, "text")
