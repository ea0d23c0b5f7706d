"""Project (kbgen.model) -> SearchDocs: what the site's search indexes.

One document per FAQ question (anchored), per policy ``##`` section (and the
policy's introduction), per store page, the contact page and extra pages.
"""
from __future__ import annotations

import re

from .build import SearchDoc, build_search_payload

_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.M)
_ATTR_ID = re.compile(r"\s*\{\s*[^}]*#([\w-]+)[^}]*\}\s*$")
_REF = re.compile(r"\{\{[^}]*\}\}")

KIND_WORDS = {
    "phone": "teléfono llamar",
    "email": "correo electrónico email",
    "whatsapp": "whatsapp",
    "chat": "chat en la web",
    "form": "formulario",
    "social": "redes sociales",
    "postal": "correo postal carta",
}


def _slugify(text: str, seen: dict[str, int]) -> str:
    from markdown.extensions.toc import slugify, unique

    ids = set(seen)
    slug = unique(slugify(text, "-"), ids)
    seen[slug] = 1
    return slug


def _body(t) -> str:
    if t is None:
        return ""
    return getattr(t, "resolved", None) or getattr(t, "raw", "") or ""


def _text(project, kind: str, subject: str, fallback: str = "") -> str:
    t = project.text(kind, subject) if hasattr(project, "text") else ""
    return t or fallback or ""


def policy_docs(project, pol, base_url: str) -> list[SearchDoc]:
    body = _text(project, "policy.body", pol.slug, _body(pol.body))
    body = _REF.sub(" ", body)
    title = _text(project, "policy.title", pol.slug, pol.title)
    summary = _text(project, "policy.summary", pol.slug, pol.meta.summary or "")
    docs: list[SearchDoc] = []
    marks = list(_HEADING.finditer(body))
    intro = body[: marks[0].start()] if marks else body
    seen: dict[str, int] = {}
    docs.append(SearchDoc(pol.slug, "policy", title, " ".join(x for x in (summary, intro) if x).strip(),
                          base_url, ["política", "condiciones"], title))
    for i, m in enumerate(marks):
        heading = m.group(1)
        am = _ATTR_ID.search(heading)
        if am:
            anchor = am.group(1)
            heading = heading[: am.start()]
            seen[anchor] = 1
        else:
            anchor = _slugify(heading, seen)
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        docs.append(SearchDoc(pol.slug, "policy", heading.strip(), body[m.end():end].strip(),
                              f"{base_url}#{anchor}", [], title))
    return docs


def project_docs(project) -> list[SearchDoc]:
    from ..render.urls import CONTACT, category_src, policy_src, store_src, url_of

    docs: list[SearchDoc] = []
    for c in project.categories:
        page = url_of(category_src(c.slug))
        title = getattr(c, "title", None) or c.category
        for q in c.questions:
            docs.append(SearchDoc(
                id=q.id, kind="faq", title=_text(project, "faq.q", q.id, q.q),
                text=_text(project, "faq.a", q.id, q.a), url=f"{page}#{q.id}",
                keywords=list(q.keywords or []), section=title))
    for pol in project.policies:
        docs.extend(policy_docs(project, pol, url_of(policy_src(pol.slug))))
    for sid in sorted(project.stores):
        s = project.stores[sid]
        a = s.address
        parts = [f"{a.street}, {a.postal_code} {a.city}."]
        if getattr(a, "region", None):
            parts.append(str(a.region))
        if s.phone:
            parts.append(f"Teléfono {s.phone}.")
        if s.email:
            parts.append(f"Correo {s.email}.")
        notes = _text(project, "store.notes", sid, s.notes or "")
        if notes:
            parts.append(notes)
        parts.append("Horario de apertura de la tienda, horarios especiales y festivos.")
        docs.append(SearchDoc(
            id=sid, kind="store", title=s.name, text=" ".join(parts), url=url_of(store_src(sid)),
            keywords=["tienda", "horario", "dirección", a.city], section="Tiendas"))
    contact = getattr(project, "contact", None)
    if contact is not None and (contact.channels or contact.intro):
        parts = []
        intro = _text(project, "contact.intro", "contact", contact.intro or "")
        if intro:
            parts.append(intro)
        kw = []
        for ch in contact.channels:
            label = _text(project, "channel.label", ch.id, ch.label or "") or ch.id
            bits = [f"{label}:", KIND_WORDS.get(ch.kind, ch.kind)]
            if ch.value:
                bits.append(str(ch.value))
            if ch.response_time:
                bits.append(f"respuesta en {ch.response_time}")
            notes = _text(project, "channel.notes", ch.id, ch.notes or "")
            if notes:
                bits.append(notes)
            parts.append(" ".join(bits) + ".")
            kw.append(KIND_WORDS.get(ch.kind, ch.kind))
        docs.append(SearchDoc(id="contacto", kind="contact", title="Contacto", text=" ".join(parts),
                              url=url_of(CONTACT), keywords=["contacto", "atención al cliente", *kw],
                              section="Contacto"))
    for pg in getattr(project, "pages", []) or []:
        body = _body(pg.body)
        docs.append(SearchDoc(id=pg.slug, kind="page", title=pg.title, text=_REF.sub(" ", body),
                              url=url_of(f"{pg.slug}.md"), section=""))
    return docs


def payload_for_project(project) -> dict[str, bytes]:
    """The site's search payload for a loaded project (content/synonyms.yaml over the defaults).

    Computed once per project: ``kbgen build`` checks the search tests and then publishes the
    very same payload."""
    cached = getattr(project, "_search_payload", None)
    if cached is None:
        cached = build_search_payload(project_docs(project), getattr(project, "synonyms", None) or {})
        project._search_payload = cached
    return cached
