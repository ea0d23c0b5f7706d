"""E-mail addresses."""
from __future__ import annotations

import re

from . import TextMatch

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])"
)


def normalize_email(s: str) -> str:
    """Lowercase, trim, drop a ``mailto:`` prefix and any ``?subject=...`` query."""
    s = str(s).strip()
    if s.lower().startswith("mailto:"):
        s = s[7:]
    return s.split("?", 1)[0].strip().strip("<>").lower()


def find_emails(text: str) -> list[TextMatch]:
    """E-mail addresses in prose or Markdown (``mailto:`` links included); value is normalised."""
    if "@" not in text:  # every address has one (most texts have none): no pattern to run
        return []
    return [TextMatch(m.start(), m.end(), m.group(), normalize_email(m.group()))
            for m in EMAIL_RE.finditer(text)]
