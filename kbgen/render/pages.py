"""Model -> Markdown pages for MkDocs. No YAML is read here: everything comes from the Project."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..hours import DAY_NAMES_ES, exceptions, fmt_intervals, holiday_name, hours_on
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

    # ------------------------------------------------------------ stores
    def stores_index(self) -> GeneratedPage:
        lines = ["# Nuestras tiendas", "", "| Tienda | Dirección | Teléfono | Hoy |", "|---|---|---|---|"]
        for sid in sorted(self.p.stores, key=lambda s: (self.p.stores[s].address.city, s)):
            s = self.p.stores[sid]
            today, _ = hours_on(s.schedule, self.today) if s.schedule else ((), "")
            lines.append(f"| [{md_text(s.name)}]({sid}.md) | {md_text(s.address.one_line())} | "
                         f"{md_text(s.phone or '')} | {md_text(fmt_intervals(today))} |")
        lines.append("")
        return GeneratedPage(STORES_INDEX, "Tiendas", "\n".join(lines), kind="stores")

    def week_table(self, schedule) -> list[str]:
        rows = ["| Día | Horario |", "|---|---|"]
        for d in range(7):
            rows.append(f"| {DAY_NAMES_ES[d].capitalize()} | {fmt_intervals(schedule.week[d])} |")
        return rows

    def store(self, sid: str) -> GeneratedPage:
        s = self.p.stores[sid]
        src = store_src(sid)
        sch = s.schedule
        today_iv, today_reason = hours_on(sch, self.today)
        a = s.address
        lines = [f"# {md_text(s.name)}", "",
                 f'<div class="kb-open-now" data-kb-store="{esc(sid)}"><span class="kb-open-now__fallback">'
                 f"Hoy, {esc(date_es(self.today, weekday=True))}: {esc(fmt_intervals(today_iv))}"
                 f"{esc(' (' + today_reason + ')') if today_reason else ''}</span></div>", "",
                 f"**Dirección:** {md_text(a.street)}, {md_text(a.postal_code)} {md_text(a.city)}", ""]
        if s.geo:
            osm = f"https://www.openstreetmap.org/?mlat={s.geo.lat}&mlon={s.geo.lon}#map=18/{s.geo.lat}/{s.geo.lon}"
            lines += [f'<a class="kb-map" href="{esc(osm)}">Ver en el mapa (OpenStreetMap)</a>', ""]
        if s.phone:
            lines += [f'**Teléfono:** <a href="tel:{esc(s.phone.replace(" ", ""))}">{esc(s.phone)}</a>', ""]
        if s.email:
            lines += [f'**Correo:** <a href="mailto:{esc(s.email)}">{esc(s.email)}</a>', ""]
        notes = self.p.text("store.notes", sid)
        if notes:
            lines += [self.md(notes, src), ""]
        lines += ["## Horario habitual", ""] + self.week_table(sch) + [""]
        lines += ["## Esta semana", "", "| Día | Horario |", "|---|---|"]
        monday = self.today - dt.timedelta(days=self.today.weekday())
        for i in range(7):
            d = monday + dt.timedelta(days=i)
            iv, reason = hours_on(sch, d)
            lines.append(f"| {md_text(date_es(d, weekday=True))} | {md_text(fmt_intervals(iv))}"
                         f"{md_text(' — ' + reason) if reason else ''} |")
        lines.append("")
        exc = exceptions(sch, self.today, 60)
        lines += ["## Próximos días con horario especial", ""]
        if exc:
            for d, iv, reason in exc:
                lines.append(f"- {md_text(date_es(d, weekday=True))}: {md_text(fmt_intervals(iv))} ({md_text(reason)})")
        else:
            lines.append("No hay cambios de horario en los próximos 60 días.")
        lines.append("")
        if sch.public_holidays == "closed":
            hol = [(self.today + dt.timedelta(days=i)) for i in range(365)]
            names = [(d, holiday_name(sch, d)) for d in hol]
            names = [(d, n) for d, n in names if n]
            lines += ["## Festivos en los que cerramos", ""]
            lines += [f"- {md_text(date_es(d))}: {md_text(n)}" for d, n in names] or ["Ninguno en los próximos doce meses."]
            lines.append("")
        else:
            lines += ["Abrimos en horario habitual los días festivos.", ""]
        return GeneratedPage(src, s.name, "\n".join(lines), [jsonld.local_business(self.p, s)], kind="store")

    # ------------------------------------------------------------ contact
    def contact(self) -> GeneratedPage:
        kinds = {"phone": "Teléfono", "email": "Correo electrónico", "whatsapp": "WhatsApp", "chat": "Chat",
                 "form": "Formulario", "social": "Redes sociales", "postal": "Correo postal"}
        lines = ["# Contacto", ""]
        intro = self.p.text("contact.intro", "contact")
        if intro:
            lines += [self.md(intro, CONTACT), ""]
        for ch in self.p.contact.channels:
            label = self.p.text("channel.label", ch.id) or ch.title
            lines += [f"## {md_text(label)} {{ #{ch.id} }}", "", f"*{kinds[ch.kind]}*", ""]
            lines += [self.channel_link(ch), ""]
            if ch.schedule:
                lines += [f'<div class="kb-open-now" data-kb-channel="{esc(ch.id)}"></div>', ""]
                lines += self.week_table(ch.schedule) + [""]
            if ch.response:
                lines += [f"**Tiempo de respuesta:** te respondemos en {md_text(ch.response.human())} como máximo.", ""]
            notes = self.p.text("channel.notes", ch.id)
            if notes:
                lines += [self.md(notes, CONTACT), ""]
        return GeneratedPage(CONTACT, "Contacto", "\n".join(lines), kind="contact")

    def channel_link(self, ch) -> str:
        v = ch.value or ""
        if ch.kind == "phone":
            return f'<a href="tel:{esc(v.replace(" ", ""))}">{esc(v)}</a>'
        if ch.kind == "whatsapp":
            digits = "".join(c for c in v if c.isdigit())
            return f'<a href="https://wa.me/{esc(digits)}">{esc(v)}</a>'
        if ch.kind == "email":
            return f'<a href="mailto:{esc(v)}">{esc(v)}</a>'
        if ch.url:
            safe = ch.url if ch.url.startswith(("https://", "http://", "/")) else "#"
            return f'<a href="{esc(safe)}">{esc(ch.value or ch.url)}</a>'
        return esc(v)


def render_pages(project: Project, today: dt.date) -> list[GeneratedPage]:
    return Renderer(project, today).pages()
