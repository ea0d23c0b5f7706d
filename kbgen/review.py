"""``kbgen review``: the verification queue — what each owner must re-check, and why, most urgent first.

Like the "verify" queue of hosted help centres, computed from git: overdue and soon-due reviews of
FAQ entries and policies, drafts still marked PENDIENTE, entries without an owner, promises that
expire within 14 days (or already have), special hours coming up in the next 14 days (to confirm
with the store) or already past (to delete), and offline sources due to be captured again.

``--format text`` for the terminal, ``markdown`` for a checklist to paste into an issue, ``json``
for tools. Owners are the ``owner:`` of FAQ entries (or their category) and policies; a store's
special hours belong to the store (``tienda <id>``); promises and offline sources have no owner
field and are listed under "sin responsable". ``--owner NAME`` keeps one owner's items.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import asdict, dataclass
from typing import Optional

from .checks import Options
from .checks.freshness import (OFFLINE_STALE_DAYS, find_placeholder, interval_for, offline_sources,
                               review_intervals, reviewables, special_entries)
from .text.fold import fold

HORIZON = 14  # days ahead that count as "coming up"
NO_OWNER = "sin responsable"
# urgency first (what is wrong on the site or in the ads today), then the due date
_RANK = {"draft": 0, "promise": 1, "review": 1, "special-hours": 1, "offline": 1, "owner": 2, "cleanup": 3}


@dataclass
class Item:
    owner: Optional[str]
    kind: str  # review | draft | owner | promise | special-hours | cleanup | offline
    subject: str
    title: str
    path: str
    line: int
    due: Optional[str]  # ISO date the thing is/was due
    days: Optional[int]  # due - today: negative = overdue
    message: str

    @property
    def owner_label(self) -> str:
        return self.owner or NO_OWNER


def _days(n: int) -> str:
    return "1 día" if abs(n) == 1 else f"{abs(n)} días"


def _when(days: Optional[int]) -> str:
    if days is None:
        return "sin fecha"
    if days < 0:
        return f"atrasado {_days(days)}"
    if days == 0:
        return "hoy"
    return f"en {_days(days)}"


def collect(project, today: dt.date, horizon: int = HORIZON) -> list[Item]:
    items: list[Item] = []
    limit = today + dt.timedelta(days=horizon)
    intervals, _ = review_intervals(project)
    drafts = {}
    for t in project.texts:
        m = find_placeholder(t.raw)
        if m and t.kind.split(".")[0] in ("faq", "policy") and t.subject not in drafts:
            drafts[t.subject] = t.loc_at(m.start())
    for r in reviewables(project):
        what = "FAQ" if r.kind == "faq" else "política"
        label = f"{what} {r.ident}"
        if r.reviewed is None:
            items.append(Item(r.owner, "review", r.ident, r.title, r.reviewed_loc.path, r.reviewed_loc.line,
                              today.isoformat(), 0, f"{label}: nunca revisada; revísala y añade reviewed: {today.isoformat()}"))
        else:
            every = interval_for(r, intervals)
            due = r.reviewed + dt.timedelta(days=every)
            if due <= limit:
                d = (due - today).days
                state = (f"revisión atrasada {_days(d)}" if d < 0 else "toca revisarla hoy" if d == 0
                         else f"toca revisarla en {_days(d)}")
                items.append(Item(r.owner, "review", r.ident, r.title, r.reviewed_loc.path, r.reviewed_loc.line,
                                  due.isoformat(), d, f"{label}: {state} (revisada el {r.reviewed.isoformat()}, "
                                  f"se revisa cada {every} días)"))
        if r.ident in drafts:
            loc = drafts[r.ident]
            items.append(Item(r.owner, "draft", r.ident, r.title, loc.path, loc.line, today.isoformat(), 0,
                              f"{label}: todavía dice PENDIENTE; escribe el texto antes de publicar"))
        if not r.owner:
            items.append(Item(None, "owner", r.ident, r.title, r.owner_loc.path, r.owner_loc.line, today.isoformat(), 0,
                              f"{label}: no tiene responsable; añade owner:"))
    for p in project.promises:
        if p.valid_until is None or p.valid_until > limit:
            continue
        d = (p.valid_until - today).days
        loc = p.loc_of("valid_until")
        where = ", ".join(p.published_in) or "sus soportes"
        msg = (f"promesa {p.id}: caducó hace {_days(d)} y sigue en promises.yaml; retírala de {where} y bórrala"
               if d < 0 else f"promesa {p.id}: termina el {p.valid_until.isoformat()}; renueva "
               f"valid_until o prepara su retirada de {where}")
        items.append(Item(None, "promise", p.id, p.text, loc.path, loc.line, p.valid_until.isoformat(), d, msg))
    for kind, ident, sp in special_entries(project):
        owner = f"tienda {ident}" if kind == "store" else f"canal {ident}"
        span = sp.start.isoformat() if sp.start == sp.end else f"{sp.start.isoformat()}..{sp.end.isoformat()}"
        what = "cerrado" if sp.closed else "horario especial"
        note = f" ({sp.note})" if sp.note else ""
        if sp.end < today:
            d = (sp.end - today).days
            items.append(Item(owner, "cleanup", ident, sp.note, sp.loc.path, sp.loc.line, sp.end.isoformat(), d,
                              f"{ident}: {what} el {span}{note} ya pasó; borra la entrada"))
        elif sp.start <= limit:
            d = (sp.start - today).days
            items.append(Item(owner, "special-hours", ident, sp.note, sp.loc.path, sp.loc.line, sp.start.isoformat(), d,
                              f"{ident}: {what} el {span}{note}; confirma con la tienda que sigue siendo así "
                              "y que el cartel de la puerta lo dice"))
    for path, source, captured, loc in offline_sources(project):
        if captured is None:
            items.append(Item(None, "offline", source, source, path, loc.line, None, None,
                              f"fuente offline «{source}»: no dice cuándo se tomó; añade la fecha (captured)"))
            continue
        due = captured + dt.timedelta(days=OFFLINE_STALE_DAYS)
        if due <= limit:
            d = (due - today).days
            items.append(Item(None, "offline", source, source, path, loc.line, due.isoformat(), d,
                              f"fuente offline «{source}»: tomada el {captured.isoformat()}, "
                              + (f"caducó hace {_days(d)}" if d < 0 else f"caduca {'hoy' if d == 0 else 'en ' + _days(d)}") + "; "
                              "toma de nuevo los datos (carteles, exportación) y actualiza captured"))
    items.sort(key=urgency)
    return items


def urgency(i: Item):
    """Sort key: an expired promise still advertised and a draft about to be published come first,
    then what is due (by date), then missing owners, then clean-up of past special hours."""
    rank = 0 if i.kind == "promise" and (i.days or 0) < 0 else _RANK.get(i.kind, 2)
    return (rank, i.due is None, i.due or "", i.path, i.line)


def owner_matches(item: Item, wanted: str) -> bool:
    w = fold(wanted)
    label = fold(item.owner_label)
    return label == w or label.split(" ", 1)[-1] == w or (w in ("none", "nadie", "-") and item.owner is None)


def by_owner(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Owners in order of their most urgent item; the items of each in urgency order."""
    groups: dict[str, list[Item]] = {}
    for it in items:
        groups.setdefault(it.owner_label, []).append(it)
    return list(groups.items())


# ------------------------------------------------------------------ formats

def as_text(items: list[Item], today: dt.date) -> str:
    if not items:
        return f"kbgen review ({today.isoformat()}): nada que revisar en los próximos {HORIZON} días\n"
    groups = by_owner(items)
    out = [f"kbgen review ({today.isoformat()}): {len(items)} tarea(s) para {len(groups)} responsable(s), "
           "lo más urgente primero", ""]
    for owner, its in groups:
        out.append(f"{owner} ({len(its)})")
        for it in its:
            out.append(f"  {_badge(it):<22} {it.path}:{it.line}  {it.message}")
        out.append("")
    return "\n".join(out)


def _badge(it: Item) -> str:
    return f"[{_when(it.days)}]"


def as_markdown(items: list[Item], today: dt.date, owner: Optional[str] = None) -> str:
    title = f"# Revisión de contenidos — {today.isoformat()}" + (f" — {owner}" if owner else "")
    if not items:
        return f"{title}\n\nNada que revisar en los próximos {HORIZON} días.\n"
    groups = by_owner(items)
    out = [title, "", f"{len(items)} tarea(s) para {len(groups)} responsable(s), lo más urgente primero. "
           "Generado con `kbgen review --format markdown`.", ""]
    for name, its in groups:
        out += [f"## {name} ({len(its)})", ""]
        for it in its:
            out.append(f"- [ ] **{_when(it.days)}** — {_md(it.message)} (`{it.path}:{it.line}`)")
        out.append("")
    return "\n".join(out)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;")


def as_json(items: list[Item], today: dt.date, owner: Optional[str] = None) -> str:
    counts: dict[str, int] = {}
    for it in items:
        counts[it.owner_label] = counts.get(it.owner_label, 0) + 1
    data = {"today": today.isoformat(), "owner": owner, "horizon_days": HORIZON,
            "items": [asdict(it) for it in items],
            "summary": {"items": len(items), "overdue": sum(1 for i in items if i.days is not None and i.days < 0),
                        "owners": counts}}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def cli(args) -> int:
    from .engine import analyse
    from .report import render
    today = getattr(args, "today", None) or dt.date.today()
    result = analyse(args.content, Options(today=today, search=False))
    if result.unreadable:
        sys.stderr.write(render(result.unreadable, "text"))
        return 2
    items = collect(result.project, today)
    owner = getattr(args, "owner", None)
    if owner:
        items = [i for i in items if owner_matches(i, owner)]
    fmt = getattr(args, "format", "text") or "text"
    if fmt == "json":
        sys.stdout.write(as_json(items, today, owner))
    elif fmt == "markdown":
        sys.stdout.write(as_markdown(items, today, owner))
    else:
        sys.stdout.write(as_text(items, today))
    return 0
