"""Files written beside the MkDocs pages: search payload and embedded opening-hours data."""
from __future__ import annotations

import os


def write_extras(project, site_dir: str, today) -> None:
    try:
        from ..search import build_search_payload
        from .search_docs import search_docs
    except ImportError:
        return
    payload = build_search_payload(search_docs(project), project.synonyms, project.site.language)
    for rel, data in sorted(payload.items()):
        path = os.path.join(site_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
