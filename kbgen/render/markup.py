"""Putting editor text into pages safely: HTML escaping, Markdown sanitising, short links."""
from __future__ import annotations

import datetime as dt
import html
import json
import re

MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre")
WEEKDAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")


def esc(text) -> str:
    """Text for an HTML element or attribute."""
    return html.escape("" if text is None else str(text), quote=True)


def md_text(text: str) -> str:
    """Plain text inside Markdown (headings, list items): no Markdown or HTML meaning."""
    text = esc(text)
    return re.sub(r"([\\`*_\[\]{}#|!])", r"\\\1", text)


_CODE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`)", re.S)
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_SHORT = re.compile(r"\]\((faq|policy|politica|store|tienda):([A-Za-z0-9_-]+)\)")
_LINK_DEST = re.compile(r"(\]\(\s*<?)([^)\s>]*)")  # [text](url) and ![alt](url)
_LINK_DEF = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*<?)(\S+)", re.M)  # [id]: url
_SCRIPT_URL = re.compile(r"(?:javascript|vbscript|data|file):")


def _safe_url(url: str) -> str:
    """``#`` for a URL that would run code when followed (``javascript:``, also hidden by entities,
    case or whitespace, which browsers ignore in a scheme)."""
    plain = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
    return "#" if _SCRIPT_URL.match(plain) else url


def sanitize_markdown(text: str, allow_html: bool = False, link=None) -> str:
    """Editor Markdown for a page: raw HTML, attribute lists and script URLs neutralised (unless
    ``site.allow_html``), short links resolved.

    ``link(kind, id)`` returns the Markdown-relative target for ``[x](faq:id)`` forms."""
    parts = _CODE.split(text)
    for i in range(0, len(parts), 2):  # outside code
        p = parts[i]
        if not allow_html:
            p = _TAG.sub("&lt;", p)
            p = p.replace("{%", "{&#37;")
            p = p.replace("{", "&#123;")  # no attribute lists: "{: onclick=… }" would add event handlers
            p = _LINK_DEST.sub(lambda m: m.group(1) + _safe_url(m.group(2)), p)
            p = _LINK_DEF.sub(lambda m: m.group(1) + _safe_url(m.group(2)), p)
        if link is not None:
            p = _SHORT.sub(lambda m: "](" + (link(m.group(1), m.group(2)) or f"{m.group(1)}:{m.group(2)}") + ")", p)
        parts[i] = p
    return "".join(parts)


def json_for_script(data) -> str:
    """JSON that cannot end its <script> element nor open an HTML comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def date_es(d: dt.date, weekday: bool = False) -> str:
    s = f"{d.day} de {MONTHS_ES[d.month - 1]} de {d.year}"
    return f"{WEEKDAYS_ES[d.weekday()]} {s}" if weekday else s
