"""Files written beside the MkDocs pages: the search payload (index and display shards)."""
from __future__ import annotations

import os


def write_extras(project, site_dir: str) -> None:
    from ..search.project import payload_for_project
    for rel, data in sorted(payload_for_project(project).items()):
        path = os.path.join(site_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
