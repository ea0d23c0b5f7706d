"""Store pages, the stores index and the contact page: everything on the site that shows hours.

Hours come from the engine (:mod:`kbgen.hours`) only. Each open-now indicator is an element
``data-kb-hours="ID"`` whose text, as of the build, is today's hours (the no-JavaScript
fallback), next to ``<script type="application/json" id="ID">`` with the exact hours of the
next ~400 days; ``assets/kbgen.js`` turns it into "Abierto ahora · cierra a las 20:30" in the
store's time zone.
"""
from __future__ import annotations

import datetime as dt
import re

from .. import hours as H
from ..hours import DAY_NAMES_ES, fmt_intervals
from . import jsonld
from .markup import date_es, esc, json_for_script, md_text
from .pages import Fragments, GeneratedPage
from .urls import CONTACT, STORES_INDEX, href, store_src

KINDS_ES = {"phone": "Teléfono", "email": "Correo electrónico", "whatsapp": "WhatsApp", "chat": "Chat",
            "form": "Formulario", "social": "Redes sociales", "postal": "Correo postal"}
ZONES_ES = {"Atlantic/Canary": "hora de Canarias", "Europe/Madrid": "hora peninsular"}
EXCEPTION_DAYS = 60


# ------------------------------------------------------------------ pieces

def tel_href(phone: str) -> str:
    """``+34 910 123 457`` -> ``tel:+34910123457``."""
    return "tel:" + re.sub(r"[^\d+]", "", phone or "")


def osm_url(geo) -> str:
    return (f"https://www.openstreetmap.org/?mlat={geo.lat:.5f}&mlon={geo.lon:.5f}"
            f"#map=18/{geo.lat:.5f}/{geo.lon:.5f}")


def zone_label(tz: str) -> str:
    return ZONES_ES.get(tz, f"hora de {tz}")


def hours_text(intervals, reason: str = "") -> str:
    return fmt_intervals(intervals) + (f" ({reason})" if reason else "")


def indicator(ident: str, schedule, today: dt.date, kind: str = "store", tag: str = "div") -> tuple[str, str]:
    """(element, data script) of an open-now indicator. The element's text is the fallback."""
    x = H.day(schedule, today)
    fallback = f"Hoy, {date_es(today, weekday=True)}: {hours_text(x.intervals, x.reason)}"
    el = (f'<{tag} class="kb-open-now" data-kb-hours="{esc(ident)}" role="status" aria-live="polite">'
          f'<span class="kb-open-now__fallback">{esc(fallback)}</span></{tag}>')
    data = H.browser_data(schedule, today, kind=kind)
    script = f'<script type="application/json" class="kb-hours-data" id="{esc(ident)}">{json_for_script(data)}</script>'
    return el, script


def html_table(head: tuple, rows: list) -> list[str]:
    """A table as the HTML Markdown writes for one (cells are HTML already): kbgen's tables are
    made of generated text, and handing them to Markdown as raw HTML spares it running every
    inline pattern on every cell."""
    out = ["<table>", "<thead>", "<tr>", *[f"<th>{h}</th>" for h in head], "</tr>", "</thead>", "<tbody>"]
    for row in rows:
        out += ["<tr>", *[f"<td>{c}</td>" for c in row], "</tr>"]
    return out + ["</tbody>", "</table>"]


def week_table(schedule) -> list[str]:
    """The regular week as a table."""
    return html_table(("Día", "Horario"), [(esc(DAY_NAMES_ES[d].capitalize()), esc(fmt_intervals(schedule.week[d])))
                                           for d in range(7)])


def effective_table(schedule, today: dt.date, n: int = 7) -> list[str]:
    """The next ``n`` days with holidays and special hours applied."""
    rows = []
    for x in H.effective_week(schedule, today, n):
        label = date_es(x.date, weekday=True).rsplit(" de ", 1)[0]  # "lunes 30 de noviembre"
        label = f"<strong>Hoy</strong>, {esc(label)}" if x.date == today else esc(label.capitalize())
        note = f" — {esc(x.reason)}" if x.reason else ""
        rows.append((label, f"{esc(fmt_intervals(x.intervals))}{note}"))
    return html_table(("Día", "Horario"), rows)


def html_list(items: list[str]) -> list[str]:
    """A bulleted list of HTML items (see :func:`html_table`); nothing when there are none."""
    return ["<ul>", *[f"<li>{i}</li>" for i in items], "</ul>"] if items else []


def exceptions_list(schedule, today: dt.date, n: int = EXCEPTION_DAYS) -> list[str]:
    items = []
    for first, last, iv, reason in H.exception_runs(schedule, today, n):
        when = date_es(first, weekday=True) if first == last else f"del {date_es(first)} al {date_es(last)}"
        items.append(f"<strong>{esc(when.capitalize())}</strong>: {esc(fmt_intervals(iv))} ({esc(reason)})")
    return html_list(items)


def channel_link(ch) -> str:
    v = ch.value or ""
    if ch.kind == "phone":
        return f'<a href="{esc(tel_href(v))}">{esc(v)}</a>'
    if ch.kind == "whatsapp":
        digits = "".join(c for c in v if c.isdigit())
        return f'<a href="https://wa.me/{esc(digits)}">{esc(v)}</a>'
    if ch.kind == "email":
        return f'<a href="mailto:{esc(v)}">{esc(v)}</a>'
    if ch.url:
        safe = ch.url if ch.url.startswith(("https://", "http://", "/")) else "#"
        return f'<a href="{esc(safe)}">{esc(ch.value or ch.url)}</a>'
    return esc(v)


# ------------------------------------------------------------------ pages

def stores_index(r) -> GeneratedPage:
    p, today = r.p, r.today
    html = Fragments()
    rows, scripts = [], []
    for sid in sorted(p.stores, key=lambda s: (p.stores[s].address.city, s)):
        s = p.stores[sid]
        phone = f'<a href="{esc(tel_href(s.phone))}">{esc(s.phone)}</a>' if s.phone else ""
        if s.schedule:
            el, script = indicator(f"kb-hours-{sid}", s.schedule, today, tag="span")
            scripts.append(script)
            if s.schedule.timezone != p.site.timezone:
                el += f' <small class="kb-tz">({esc(zone_label(s.schedule.timezone))})</small>'
        else:
            el = ""
        link = f'<a href="{esc(href(STORES_INDEX, store_src(sid)))}">{esc(s.name)}</a>'
        rows.append((link, esc(s.address.one_line()), phone, el))
    table = html_table(("Tienda", "Dirección", "Teléfono", "Hoy"), rows)
    lines = ["# Nuestras tiendas", "", html.add("\n".join(table + scripts)), ""]
    return GeneratedPage(STORES_INDEX, "Tiendas", "\n".join(lines), kind="stores", fragments=html)


def store(r, sid: str) -> GeneratedPage:
    p, today = r.p, r.today
    s = p.stores[sid]
    src = store_src(sid)
    sch = s.schedule
    a = s.address
    html = Fragments()
    el, script = indicator(f"kb-hours-{sid}", sch, today)
    top = [el, script]
    if sch.timezone != p.site.timezone:
        top.append(f'<p class="kb-tz">Todas las horas de esta tienda están en {esc(zone_label(sch.timezone))}.</p>')
    top.append(f"<p><strong>Dirección:</strong> {esc(a.street)}, {esc(a.postal_code)} {esc(a.city)}</p>")
    if s.geo:
        top.append(f'<p><a class="kb-map" href="{esc(osm_url(s.geo))}">Ver en el mapa (OpenStreetMap)</a></p>')
    if s.phone:
        top.append(f'<p><strong>Teléfono:</strong> <a href="{esc(tel_href(s.phone))}">{esc(s.phone)}</a></p>')
    if s.email:
        top.append(f'<p><strong>Correo:</strong> <a href="mailto:{esc(s.email)}">{esc(s.email)}</a></p>')
    lines = [f"# {md_text(s.name)}", "", html.add("\n".join(top)), ""]
    notes = p.text("store.notes", sid)
    if notes:
        lines += [r.md(notes, src), ""]
    lines += ["## Esta semana { #esta-semana }", "", html.add("\n".join(effective_table(sch, today))), ""]
    lines += ["## Horario habitual { #horario-habitual }", "", html.add("\n".join(week_table(sch))), ""]
    lines += ["## Próximos días con horario especial { #horario-especial }", ""]
    lines += [html.add("\n".join(exceptions_list(sch, today) or
                                 [f"<p>No hay cambios de horario en los próximos {EXCEPTION_DAYS} días.</p>"])), ""]
    if sch.public_holidays == "closed":
        lines += ["## Festivos en los que cerramos { #festivos }", ""]
        hol = H.closing_holidays(sch, today, 365)
        items = html_list([f"{esc(date_es(d, weekday=True).capitalize())}: {esc(n)}" for d, n in hol])
        lines += [html.add("\n".join(items or ["<p>Ninguno en los próximos doce meses.</p>"])), ""]
    else:
        lines += ["Abrimos en horario habitual los días festivos, salvo los indicados arriba.", ""]
    return GeneratedPage(src, s.name, "\n".join(lines), [jsonld.local_business(p, s, today)], kind="store",
                         fragments=html)


def contact(r) -> GeneratedPage:
    p, today = r.p, r.today
    html = Fragments()
    lines = ["# Contacto", ""]
    intro = p.text("contact.intro", "contact")
    if intro:
        lines += [r.md(intro, CONTACT), ""]
    for ch in p.contact.channels:
        label = p.text("channel.label", ch.id) or ch.title
        lines += [f"## {md_text(label)} {{ #{ch.id} }}", ""]
        block = [f"<p><em>{esc(KINDS_ES[ch.kind])}</em></p>", f"<p>{channel_link(ch)}</p>"]
        if ch.schedule:
            el, script = indicator(f"kb-hours-canal-{ch.id}", ch.schedule, today, kind="channel")
            block += [el, script, *week_table(ch.schedule)]
            exc = exceptions_list(ch.schedule, today)
            if exc:
                block += [f"<p>Cambios de horario en los próximos {EXCEPTION_DAYS} días:</p>", *exc]
            if ch.schedule.public_holidays == "closed":
                block.append("<p>Sin atención los días festivos.</p>")
        if ch.response:
            block.append(f"<p><strong>Tiempo de respuesta:</strong> te respondemos en {esc(ch.response.human())}"
                         " como máximo.</p>")
        lines += [html.add("\n".join(block)), ""]
        notes = p.text("channel.notes", ch.id)
        if notes:
            lines += [r.md(notes, CONTACT), ""]
    return GeneratedPage(CONTACT, "Contacto", "\n".join(lines), kind="contact", fragments=html)
