"""Model -> Markdown pages for MkDocs. No YAML is read here: everything comes from the Project."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import Project
from . import jsonld
from .markup import date_es, esc, md_text, sanitize_markdown
from .urls import CONTACT, HOME, STORES_INDEX, Targets, category_src, policy_src, url_of


@dataclass
class GeneratedPage:
    src: str
    title: str
    markdown: str
    jsonld: list = field(default_factory=list)
    kind: str = "page"
    # generated HTML that skips Markdown (see Fragments)
    fragments: list = field(default_factory=list)


class Fragments(list):
    """HTML that kbgen generates itself (tables of hours, open-now indicators and their data)
    does not go through Markdown, which would parse every tag of it with Python's HTML parser
    only to copy it through: each fragment stands in the page's Markdown as one empty element,
    which the plugin replaces after Markdown -> HTML (:data:`FRAGMENT`). Editor text never
    becomes a fragment."""

    def add(self, html: str) -> str:
        """The placeholder to put in the Markdown (as a block of its own) for ``html``."""
        self.append(html)
        return f'<div data-kb-fragment="{len(self) - 1}"></div>'


# the placeholder as Markdown leaves it; editor text cannot produce it unless site.allow_html,
# and then it only repeats one of the page's own fragments
FRAGMENT = re.compile(r'<div data-kb-fragment="(\d+)"></div>')


def put_fragments(html: str, fragments: list) -> str:
    """Page HTML with each placeholder replaced by its fragment."""
    if not fragments:
        return html
    def fragment(m) -> str:
        i = int(m.group(1))
        return fragments[i] if i < len(fragments) else ""
    return FRAGMENT.sub(fragment, html)


class Renderer:
    def __init__(self, project: Project, today: dt.date):
        self.p = project
        self.today = today
        self.targets = Targets(project)
        self.allow_html = project.site.allow_html

    def md(self, text: str, src: str) -> str:
        return sanitize_markdown(text or "", self.allow_html, lambda k, i: self.targets.relative(src, k, i))

    def pages(self) -> list[GeneratedPage]:
        out = [self.home()]
        out += [self.category(c) for c in self.p.categories]
        out += [self.policy(pol) for pol in self.p.policies]
        out.append(self.stores_index())
        out += [self.store(sid) for sid in sorted(self.p.stores)]
        out.append(self.contact())
        return out

    # ------------------------------------------------------------ home
    def home(self) -> GeneratedPage:
        p = self.p
        html = Fragments()
        hero = ('<div class="kb-hero">'
                '<p class="kb-hero__lead">¿En qué podemos ayudarte?</p>'
                '<label class="kb-hero__search md-search__input" for="__search" role="button" tabindex="0">'
                "Busca tu pregunta: «devolución sin ticket», «plazo de entrega»…</label></div>")
        lines = [f"# {md_text(p.site.name)}", "", html.add(hero), ""]
        if p.site.description:
            lines += [self.md(p.text("site.description", "site"), HOME), ""]
        cards = ['<div class="grid cards kb-cards">', "<ul>"]
        for c in p.categories:
            href = url_of(category_src(c.slug))
            desc = p.text("category.description", c.slug) or ""
            cards.append(f'<li><a href="{esc(href)}"><strong>{esc(c.title)}</strong></a>'
                         f'<p>{esc(desc)}</p><p class="kb-count">{len(c.questions)} preguntas</p></li>')
        cards += ["</ul>", "</div>"]
        lines += ["## Preguntas frecuentes", "", html.add("\n".join(cards)), ""]
        lines += ["## Políticas", ""]
        for pol in p.policies:
            summary = p.text("policy.summary", pol.slug)
            lines.append(f"- [{md_text(pol.title)}]({policy_src(pol.slug)})" + (f": {md_text(summary)}" if summary else ""))
        lines += ["", "## Tiendas y contacto", "",
                  f"- [Nuestras tiendas]({STORES_INDEX}): direcciones, horarios y si están abiertas ahora",
                  f"- [Contacto]({CONTACT}): teléfono, correo, WhatsApp, chat y redes sociales", ""]
        return GeneratedPage(HOME, p.site.name, "\n".join(lines), kind="home", fragments=html)

    # ------------------------------------------------------------ FAQ
    def category(self, c) -> GeneratedPage:
        src = category_src(c.slug)
        lines = [f"# {md_text(c.title)}", ""]
        desc = self.p.text("category.description", c.slug)
        if desc:
            lines += [self.md(desc, src), ""]
        for q in c.questions:
            lines += [f"## {md_text(self.p.text('faq.q', q.id))} {{ #{q.id} }}", "",
                      self.md(self.p.text("faq.a", q.id), src), ""]
            if q.reviewed:
                lines += [reviewed(q.reviewed), ""]
        return GeneratedPage(src, c.title, "\n".join(lines), [jsonld.faq_page(self.p, c)], kind="faq")

    def policy(self, pol) -> GeneratedPage:
        src = policy_src(pol.slug)
        lines = [f"# {md_text(self.p.text('policy.title', pol.slug) or pol.title)}", ""]
        summary = self.p.text("policy.summary", pol.slug)
        if summary:
            lines += [f'<p class="kb-summary">{esc(summary)}</p>', ""]
        lines += [self.md(self.p.text("policy.body", pol.slug), src), ""]
        if pol.meta.reviewed:
            lines += [reviewed(pol.meta.reviewed), ""]
        return GeneratedPage(src, pol.title, "\n".join(lines), kind="policy")

    # ------------------------------------------------------------ stores and contact (kbgen.render.stores)
    def stores_index(self) -> GeneratedPage:
        from . import stores
        return stores.stores_index(self)

    def week_table(self, schedule) -> list[str]:
        from . import stores
        return stores.week_table(schedule)

    def store(self, sid: str) -> GeneratedPage:
        from . import stores
        return stores.store(self, sid)

    def contact(self) -> GeneratedPage:
        from . import stores
        return stores.contact(self)

    def channel_link(self, ch) -> str:
        from . import stores
        return stores.channel_link(ch)


def reviewed(day: dt.date) -> str:
    """"Revisado el 15 de noviembre de 2026" under an answer, as a Markdown paragraph with a class
    (attr_list): as raw HTML, Markdown's HTML parser made these lines a third of a FAQ page's cost."""
    return f"Revisado el {date_es(day)}\n{{: .kb-reviewed }}"


def render_pages(project: Project, today: dt.date) -> list[GeneratedPage]:
    return Renderer(project, today).pages()
