"""schema.org JSON-LD: FAQPage per category, a LocalBusiness (HardwareStore) per store.

The plugin embeds each object with :func:`kbgen.render.markup.json_for_script`, so no value
(a store called ``</script>…``) can end the ``<script type="application/ld+json">`` element.
Opening hours come from the engine: the regular week grouped by identical days, then every
date of the next twelve months whose hours differ (special hours, public holidays it closes
on) with ``validFrom``/``validThrough``; a closed date is ``opens``/``closes`` ``00:00``.
"""
from __future__ import annotations

import datetime as dt

from ..hours import exception_runs, fmt_time

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SPECIAL_DAYS = 365


def faq_page(project, category) -> dict:
    return {
        "@context": "https://schema.org", "@type": "FAQPage", "name": category.title,
        "mainEntity": [{"@type": "Question", "name": project.text("faq.q", q.id),
                        "acceptedAnswer": {"@type": "Answer", "text": project.text("faq.a", q.id)}}
                       for q in category.questions],
    }


def _closes(iv) -> str:
    """A close at the end of the day is 23:59 (schema.org/Google convention); past midnight the
    next day's clock time (``closes`` earlier than ``opens`` means the next day)."""
    return "23:59" if iv.end == 1440 else fmt_time(iv.end)


def _spec(iv, days=None, **extra) -> dict:
    spec = {"@type": "OpeningHoursSpecification"}
    if days:
        spec["dayOfWeek"] = [f"https://schema.org/{DAYS[d]}" for d in days]
    spec.update(opens=fmt_time(iv.start), closes=_closes(iv), **extra)
    return spec


def opening_hours(schedule, today: dt.date | None = None) -> list[dict]:
    """OpeningHoursSpecification for the week (days with the same interval grouped) and for the
    dates that differ in the next year from ``today`` (all special hours if ``today`` is None)."""
    out = []
    groups: dict = {}
    for d in range(7):
        for iv in schedule.week[d]:
            groups.setdefault(iv, []).append(d)
    for iv, days in sorted(groups.items(), key=lambda kv: (kv[1][0], kv[0])):
        out.append(_spec(iv, days))
    if today is None:
        runs = [(sp.start, sp.end, sp.intervals, sp.note) for sp in schedule.special]
    else:
        runs = exception_runs(schedule, today, SPECIAL_DAYS)
    for first, last, intervals, _reason in runs:
        valid = {"validFrom": first.isoformat(), "validThrough": last.isoformat()}
        if not intervals:
            out.append({"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00", **valid})
        for iv in intervals:
            out.append(_spec(iv, **valid))
    return out


def local_business(project, store, today: dt.date | None = None) -> dict:
    a = store.address
    address = {"@type": "PostalAddress", "streetAddress": a.street, "postalCode": a.postal_code,
               "addressLocality": a.city, "addressCountry": a.country}
    if a.region:
        address["addressRegion"] = a.region
    data = {"@context": "https://schema.org", "@type": "HardwareStore", "name": store.name, "address": address}
    if project.site.url:
        url = project.site.url.rstrip("/") + f"/tiendas/{store.id}/"
        data["@id"] = url + "#tienda"
        data["url"] = url
    if store.phone:
        data["telephone"] = store.phone
    if store.email:
        data["email"] = store.email
    if store.geo:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": store.geo.lat, "longitude": store.geo.lon}
    if store.schedule is not None:
        data["openingHoursSpecification"] = opening_hours(store.schedule, today)
    data["parentOrganization"] = {"@type": "Organization", "name": project.site.name}
    return data
