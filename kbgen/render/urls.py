"""Where each thing lives on the site. One place, so pages, links, search and sitemap agree."""
from __future__ import annotations

FAQ_DIR, POLICY_DIR, STORE_DIR = "faq", "politicas", "tiendas"


def category_src(slug: str) -> str:
    return f"{FAQ_DIR}/{slug}.md"


def policy_src(slug: str) -> str:
    return f"{POLICY_DIR}/{slug}.md"


def store_src(sid: str) -> str:
    return f"{STORE_DIR}/{sid}.md"


STORES_INDEX, CONTACT, HOME = f"{STORE_DIR}/index.md", "contacto.md", "index.md"


def url_of(src: str) -> str:
    """Site-relative URL of a generated page (directory URLs)."""
    if src == "index.md":
        return ""
    if src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src[:-3] + "/"


def href(from_src: str, to_src: str) -> str:
    """The link from one generated page to another in HTML that skips Markdown (MkDocs rewrites
    ``.md`` links only in Markdown): relative, directory URLs."""
    import posixpath
    here = url_of(from_src)
    rel = posixpath.relpath(url_of(to_src) or ".", here.rstrip("/") or ".")
    return "./" if rel == "." else rel + "/"


class Targets:
    """What a link may point to: FAQ ids, policy slugs, store ids, pages."""

    def __init__(self, project):
        self.faq = {q.id: q.category for q in project.questions()}
        self.policies = {p.slug for p in project.policies}
        self.stores = set(project.stores)
        self.pages = {p.slug for p in project.pages}

    def src(self, kind: str, ident: str):
        """Source path (with anchor) of a short link ``faq:id``, ``policy:slug``, ``store:id``; None if unknown."""
        if kind == "faq" and ident in self.faq:
            return f"{category_src(self.faq[ident])}#{ident}"
        if kind in ("policy", "politica") and ident in self.policies:
            return policy_src(ident)
        if kind in ("store", "tienda") and ident in self.stores:
            return store_src(ident)
        return None

    def relative(self, from_src: str, kind: str, ident: str):
        target = self.src(kind, ident)
        if target is None:
            return None
        import posixpath
        path, _, anchor = target.partition("#")
        rel = posixpath.relpath(path, posixpath.dirname(from_src) or ".")
        return rel + (f"#{anchor}" if anchor else "")
