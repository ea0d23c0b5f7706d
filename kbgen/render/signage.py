"""``kbgen signage [STORE]``: the sign on the store's door, from the same data as the site.

One A4, print-ready HTML page per store (``signage/<id>.html``, plus ``index.html`` listing
them): the store's name, its week, phone, the closures and special hours of the next 60 days,
the public-holiday rule and a short address of its page on the help site. Hours come from the
engine (:mod:`kbgen.hours`), so the sign, the site and the structured data say the same thing.
Each row carries its hours in ``data-hours`` (minutes, ``570-840,1020-1230``) for checks.
"""
from __future__ import annotations

import datetime as dt
import os
import sys

from .. import hours as H
from ..hours import DAY_NAMES_ES, fmt_intervals
from .markup import date_es, esc
from .urls import store_src, url_of

UPCOMING_DAYS = 60
MAX_UPCOMING = 10

CSS = """
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
html { font-family: "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff; }
body { margin: 0; }
.sheet { width: 182mm; min-height: 262mm; margin: 0 auto; display: flex; flex-direction: column; }
header { border-bottom: 2mm solid #111; padding-bottom: 3mm; margin-bottom: 3mm; }
.brand { font-size: 14pt; letter-spacing: .06em; text-transform: uppercase; margin: 0; }
h1 { font-size: 28pt; line-height: 1.1; margin: 1mm 0 0; }
.address { font-size: 12pt; margin: 1mm 0 0; }
h2 { font-size: 14pt; margin: 5mm 0 1.5mm; text-transform: uppercase; letter-spacing: .04em; }
table.week { width: 100%; border-collapse: collapse; font-size: 18pt; }
table.week th, table.week td { text-align: left; padding: 1.4mm 0; border-bottom: .3mm solid #999; }
table.week th { font-weight: 600; width: 40%; }
table.week td.closed { font-weight: 700; }
.tz, .holidays { font-size: 11pt; margin: 1.5mm 0; }
ul.upcoming { font-size: 12pt; padding-left: 6mm; margin: 0; }
ul.upcoming li { margin: .6mm 0; }
.contact { font-size: 16pt; margin: 5mm 0 0; }
.contact strong { font-size: 22pt; }
footer { margin-top: auto; padding-top: 3mm; border-top: .3mm solid #999; font-size: 13pt; }
footer p { margin: 1mm 0; }
footer .url { font-size: 17pt; font-weight: 700; }
.updated { font-size: 9pt; color: #444; }
@media screen { body { background: #ddd; padding: 10mm 0; } .sheet { background: #fff; padding: 14mm; width: 210mm;
  min-height: 297mm; box-shadow: 0 0 3mm rgba(0,0,0,.3); } }
@media print { .sheet { break-inside: avoid; } }
"""


def _day(d: dt.date, today: dt.date, weekday: bool = False) -> str:
    """A date on the sign: "lunes 7 de diciembre" (with the year when it is not this year's)."""
    text = date_es(d, weekday=weekday)
    return text if d.year != today.year else text.rsplit(" de ", 1)[0]


def _minutes(intervals) -> str:
    return ",".join(f"{iv.start}-{iv.end}" for iv in intervals)


def short_url(project, sid: str) -> str:
    """``ayuda.latuerca.example/tiendas/madrid-centro`` (no scheme, no trailing slash)."""
    base = (project.site.url or "").split("://", 1)[-1].rstrip("/")
    path = url_of(store_src(sid)).rstrip("/")
    return f"{base}/{path}" if base else path


def render_sign(project, sid: str, today: dt.date) -> str:
    s = project.stores[sid]
    sch = s.schedule
    rows = []
    for d in range(7):
        iv = sch.week[d]
        cls = ' class="closed"' if not iv else ""
        rows.append(f'<tr data-day="{d}" data-hours="{_minutes(iv)}"><th>{DAY_NAMES_ES[d].capitalize()}</th>'
                    f"<td{cls}>{esc(fmt_intervals(iv))}</td></tr>")
    runs = H.exception_runs(sch, today, UPCOMING_DAYS)
    items = []
    for first, last, iv, reason in runs[:MAX_UPCOMING]:
        when = (_day(first, today, weekday=True) if first == last
                else f"del {_day(first, today)} al {_day(last, today)}").capitalize()
        what = "Cerrado" if not iv else fmt_intervals(iv)
        items.append(f'<li data-from="{first.isoformat()}" data-to="{last.isoformat()}" data-hours="{_minutes(iv)}">'
                     f"<strong>{esc(when)}</strong>: {esc(what)} ({esc(reason)})</li>")
    more = len(runs) - MAX_UPCOMING
    if more > 0:
        items.append(f"<li>y {more} cambio{'s' if more > 1 else ''} más: consulta la web</li>")
    upcoming = (f'<ul class="upcoming">{"".join(items)}</ul>' if items
                else f'<p class="holidays">Sin cambios de horario en los próximos {UPCOMING_DAYS} días.</p>')
    holidays = ("Cerramos los días festivos nacionales y autonómicos." if sch.public_holidays == "closed"
                else "Abrimos los días festivos en horario habitual, salvo los indicados.")
    tz = ""
    if sch.timezone != project.site.timezone:
        from .stores import zone_label
        tz = f'<p class="tz">Horario en {esc(zone_label(sch.timezone))}.</p>'
    contact = ""
    if s.phone:
        contact += f'<p class="contact">Teléfono <strong>{esc(s.phone)}</strong></p>'
    a = s.address
    url = short_url(project, sid)
    return f"""<!doctype html>
<html lang="{esc(project.site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Horario · {esc(s.name)}</title>
<style>{CSS}</style>
</head>
<body>
<main class="sheet" data-store="{esc(sid)}">
<header>
<p class="brand">{esc(project.site.name)}</p>
<h1>{esc(s.name)}</h1>
<p class="address">{esc(a.street)}, {esc(a.postal_code)} {esc(a.city)}</p>
</header>
<h2>Horario</h2>
<table class="week">
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
{tz}
<p class="holidays">{esc(holidays)}</p>
<h2>Próximos cierres y horarios especiales</h2>
{upcoming}
{contact}
<footer>
<p>Horario siempre actualizado, festivos y si estamos abiertos ahora:</p>
<p class="url">{esc(url)}</p>
<p class="updated">Actualizado el {esc(date_es(today))}.</p>
</footer>
</main>
</body>
</html>
"""


def render_index(project, sids, today: dt.date) -> str:
    items = "".join(f'<li><a href="{esc(sid)}.html">{esc(project.stores[sid].name)}</a></li>' for sid in sids)
    return (f'<!doctype html><html lang="{esc(project.site.language)}"><head><meta charset="utf-8">'
            f"<title>Carteles de horario · {esc(project.site.name)}</title></head><body>"
            f"<h1>Carteles de horario</h1><p>Generados el {esc(date_es(today))}. Imprime cada uno en A4.</p>"
            f"<ul>{items}</ul></body></html>\n")


def cli(args) -> int:
    """``kbgen signage [STORE] [--content DIR] [--out DIR] [--today DATE]``: 0, 1 findings, 2 usage."""
    from ..checks import Options
    from ..engine import analyse
    from ..report import render

    today = args.today or dt.date.today()
    result = analyse(args.content, Options(today=today, search=False))
    if result.unreadable:
        sys.stderr.write(render(result.unreadable, "text"))
        return 2
    if result.failed():
        sys.stderr.write(render(result.findings, "text"))
        sys.stderr.write("kbgen: errors found in the content; no sign was written\n")
        return 1
    project = result.project
    sids = sorted(project.stores)
    if args.store:
        if args.store not in project.stores:
            sys.stderr.write(f'kbgen: no store "{args.store}"; the stores are: {", ".join(sids) or "none"}\n')
            return 2
        sids = [args.store]
    os.makedirs(args.out, exist_ok=True)
    for sid in sids:
        with open(os.path.join(args.out, f"{sid}.html"), "w", encoding="utf-8") as fh:
            fh.write(render_sign(project, sid, today))
    if not args.store:
        with open(os.path.join(args.out, "index.html"), "w", encoding="utf-8") as fh:
            fh.write(render_index(project, sids, today))
    sys.stderr.write(f"kbgen: {len(sids)} cartel{'es' if len(sids) != 1 else ''} en {args.out}/\n")
    return 0
