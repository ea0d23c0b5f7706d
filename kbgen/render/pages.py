"""Model -> Markdown pages for MkDocs. No YAML is read here: everything comes from the Project."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Project
from . import jsonld
from .markup import date_es, esc, md_text, sanitize_markdown
from .urls import CONTACT, HOME, STORES_INDEX, Targets, category_src, policy_src, store_src, url_of


@dataclass
class GeneratedPage:
    src: str
    title: str
    markdown: str
    jsonld: list = field(default_factory=list)
    kind: str = "page"
    # HTML added after the Markdown -> HTML step (the hours data of open-now indicators: large
    # JSON that Markdown would only parse and copy through)
    after_html: list = field(default_factory=list)


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
        lines = [f"# {md_text(p.site.name)}", "",
                 '<div class="kb-hero">',
                 "<p class=\"kb-hero__lead\">¿En qué podemos ayudarte?</p>",
                 '<label class="kb-hero__search md-search__input" for="__search" role="button" tabindex="0">'
                 "Busca tu pregunta: «devolución sin ticket», «plazo de entrega»…</label>",
                 "</div>", ""]
        if p.site.description:
            lines += [self.md(p.text("site.description", "site"), HOME), ""]
        lines += ["## Preguntas frecuentes", "", '<div class="grid cards kb-cards" markdown="0">', "<ul>"]
        for c in p.categories:
            href = url_of(category_src(c.slug))
            desc = p.text("category.description", c.slug) or ""
            lines.append(f'<li><a href="{esc(href)}"><strong>{esc(c.title)}</strong></a>'
                         f'<p>{esc(desc)}</p><p class="kb-count">{len(c.questions)} preguntas</p></li>')
        lines += ["</ul>", "</div>", "", "## Políticas", ""]
        for pol in p.policies:
            summary = p.text("policy.summary", pol.slug)
            lines.append(f"- [{md_text(pol.title)}]({policy_src(pol.slug)})" + (f": {md_text(summary)}" if summary else ""))
        lines += ["", "## Tiendas y contacto", "",
                  f"- [Nuestras tiendas]({STORES_INDEX}): direcciones, horarios y si están abiertas ahora",
                  f"- [Contacto]({CONTACT}): teléfono, correo, WhatsApp, chat y redes sociales", ""]
        return GeneratedPage(HOME, p.site.name, "\n".join(lines), kind="home")

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
                lines += [f'<p class="kb-reviewed">Revisado el {date_es(q.reviewed)}</p>', ""]
        return GeneratedPage(src, c.title, "\n".join(lines), [jsonld.faq_page(self.p, c)], kind="faq")

    def policy(self, pol) -> GeneratedPage:
        src = policy_src(pol.slug)
        lines = [f"# {md_text(self.p.text('policy.title', pol.slug) or pol.title)}", ""]
        summary = self.p.text("policy.summary", pol.slug)
        if summary:
            lines += [f'<p class="kb-summary">{esc(summary)}</p>', ""]
        lines += [self.md(self.p.text("policy.body", pol.slug), src), ""]
        if pol.meta.reviewed:
            lines += [f'<p class="kb-reviewed">Revisado el {date_es(pol.meta.reviewed)}</p>', ""]
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


def render_pages(project: Project, today: dt.date) -> list[GeneratedPage]:
    return Renderer(project, today).pages()
