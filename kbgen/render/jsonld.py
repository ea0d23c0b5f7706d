"""schema.org JSON-LD: FAQPage per category, a LocalBusiness (HardwareStore) per store."""
from __future__ import annotations

import datetime as dt

from ..hours import fmt_time

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def faq_page(project, category) -> dict:
    return {
        "@context": "https://schema.org", "@type": "FAQPage", "name": category.title,
        "mainEntity": [{"@type": "Question", "name": project.text("faq.q", q.id),
                        "acceptedAnswer": {"@type": "Answer", "text": project.text("faq.a", q.id)}}
                       for q in category.questions],
    }


def _spec(days, iv) -> dict:
    return {"@type": "OpeningHoursSpecification", "dayOfWeek": days,
            "opens": fmt_time(iv.start), "closes": fmt_time(iv.end) if iv.end != 1440 else "23:59"}


def opening_hours(schedule) -> list[dict]:
    out = []
    for d in range(7):
        for iv in schedule.week[d]:
            out.append(_spec([f"https://schema.org/{DAYS[d]}"], iv))
    for sp in schedule.special:
        base = {"validFrom": sp.start.isoformat(), "validThrough": sp.end.isoformat()}
        if sp.closed:
            out.append({"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00", **base})
        for iv in sp.intervals:
            out.append({**_spec([], iv), **base})
            out[-1].pop("dayOfWeek")
    return out


def local_business(project, store) -> dict:
    a = store.address
    data = {
        "@context": "https://schema.org", "@type": "HardwareStore", "name": store.name,
        "address": {"@type": "PostalAddress", "streetAddress": a.street, "postalCode": a.postal_code,
                    "addressLocality": a.city, "addressCountry": a.country},
        "openingHoursSpecification": opening_hours(store.schedule),
    }
    if store.phone:
        data["telephone"] = store.phone
    if store.email:
        data["email"] = store.email
    if store.geo:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": store.geo.lat, "longitude": store.geo.lon}
    if project.site.url:
        data["url"] = project.site.url.rstrip("/") + f"/tiendas/{store.id}/"
    return data
