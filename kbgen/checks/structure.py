"""KB6xx — links and structure: links that lead nowhere, questions asked twice, empty pages.

How text links to other content (documented in docs/guia-editores.md and ``kbgen explain KB601``):

* short links, which do not depend on where the text is shown: ``[texto](faq:plazo-entrega)``,
  ``[texto](policy:devoluciones)`` (or ``politica:``), ``[texto](store:madrid-centro)`` (or ``tienda:``);
* plain MkDocs links to the ``.md`` page, relative to the page the text is rendered on: FAQ answers on
  ``faq/<category>.md``, policies on ``politicas/<slug>.md``, pages of content/pages on ``<slug>.md``, store
  notes on ``tiendas/<id>.md``, contact texts on ``contacto.md``; e.g. from an answer
  ``[política](../politicas/devoluciones.md#plazo-y-condiciones)`` and ``[otra](../faq/envios.md#plazo-entrega)``;
* site URLs (``../politicas/devoluciones/``, ``/tiendas/``, ``https://<site url>/faq/envios/``) are checked too.

Near-duplicate questions: each question becomes a set of folded, stemmed tokens (one-word synonyms of
synonyms.yaml read as their term); candidate pairs come from an inverted index with prefix filtering
(a similarity join: only sets that share a pair of their rarest tokens are compared, so the cost
grows with the number of similar pairs, not with the square of the number of questions), and a
candidate is reported when its plain Jaccard similarity reaches 0.5 and its IDF-weighted one 0.6.
"""
from __future__ import annotations

import math
import os
import posixpath
import re
import unicodedata
from collections import defaultdict
from typing import Iterable, Iterator, Optional
from urllib.parse import unquote

from ..findings import Finding
from ..messages import msg
from ..text.fold import fold_same_length
from ..render.urls import CONTACT, HOME, STORES_INDEX, Targets, category_src, policy_src, store_src, url_of
from . import check, rule


def slugify(value: str, separator: str = "-") -> str:
    """The heading ids MkDocs gives by default: Python-Markdown's ``toc.slugify``, written out so
    that ``kbgen check`` does not load Markdown (tests/test_structure.py keeps them equal)."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[{}\s]+".format(separator), separator, value)


rule("KB601", "broken-link", """A link in an answer, policy, page or note that leads nowhere: a short link
(``faq:<id>``, ``policy:<slug>``, ``store:<id>``) to an id that does not exist, or a relative ``.md`` link to a
page that is not generated. Relative links are resolved from the page the text appears on: FAQ answers on
``faq/<category>.md``, policies on ``politicas/<slug>.md``, pages at ``<slug>.md``, store notes on
``tiendas/<id>.md``; so an answer links to a policy with ``../politicas/devoluciones.md``. Prefer the short
form, which works from anywhere. The message suggests the closest existing target.""")
rule("KB602", "broken-anchor", """A link to an existing page with a ``#section`` that the page does not have.
The anchor of an FAQ entry is its id (``../faq/envios.md#plazo-entrega``); the anchor of a heading is its
text in lower case without accents, with hyphens (``## Plazo y condiciones`` -> ``#plazo-y-condiciones``).
The link still opens the page, at the top.""", "warning")
rule("KB603", "duplicate-question", """Two FAQ entries ask the same question (identical once accents, case
and punctuation are ignored). Two answers to one question drift apart; merge them into one entry.""")
rule("KB604", "near-duplicate-question", """Two FAQ entries ask what is probably the same question in other
words: most of their words are shared once accents, plurals and verb endings are ignored and one-word
synonyms of synonyms.yaml are read as their term, with rare words counting more than common ones (e.g.
"¿Cuánto tiempo tengo para devolver un producto?" and "¿Cuánto tiempo tengo para devolver una compra?"). Merge them, add the second wording to ``keywords:`` of
the first, or, if they really are different questions, make the difference visible in the wording or
silence the finding with a reason.""", "warning")
rule("KB605", "empty-category", """An FAQ category file without questions: it would publish an empty page.
Add a question (``kbgen new faq --category <slug> --question "…"``) or delete the file.""")
rule("KB606", "empty-answer", """An FAQ entry whose question or answer is empty (``a: |`` with nothing
below it, ``a: ""``). Write the answer; a draft can say PENDIENTE, which is a warning (KB507).""")
rule("KB607", "empty-policy", """A policy (or a page in content/pages) with front matter but no body: it
would publish a page with only a title. Write the text below the closing ``---``.""")

NEAR_DUPLICATE_THRESHOLD = 0.6  # IDF-weighted Jaccard similarity of the sets of stemmed tokens
CANDIDATE_THRESHOLD = 0.5  # plain Jaccard a pair needs to be compared at all

SHORT_KINDS = {"faq": "faq", "policy": "policy", "politica": "policy", "store": "store", "tienda": "store"}
_NEAR_SHORT = {"pregunta": "faq", "faqs": "faq", "policies": "policy", "politicas": "policy", "stores": "store",
               "tiendas": "store", "page": None, "pagina": None, "categoria": None, "category": None}
_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.S)
_INLINE = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\s]+)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_REFDEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)", re.M)
_HREF = re.compile(r"<a\s[^>]*?href\s*=\s*[\"']([^\"']+)[\"']", re.I)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")

# where each kind of text is rendered (see kbgen/render/pages.py)
_MARKDOWN_KINDS = {"faq.a", "category.description", "policy.body", "page.body", "store.notes",
                   "channel.notes", "contact.intro", "site.description"}


# ------------------------------------------------------------------ pages and anchors

def _mask_code(text: str) -> str:
    if "`" not in text and "~~~" not in text:  # every match of _CODE has one (most texts: no code)
        return text
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def heading_ids(markdown: str) -> set[str]:
    """The ids MkDocs (toc extension, default slugify) gives the headings of a Markdown text."""
    ids: set[str] = set()
    text = _mask_code(markdown)
    heads = [m.group(2) for m in _ATX.finditer(text)]
    lines = text.split("\n")
    for prev, line in zip(lines, lines[1:]):  # setext headings
        if prev.strip() and not prev.lstrip().startswith(("#", "-", "*", ">")) and re.fullmatch(r" {0,3}(=+|-+)\s*", line):
            heads.append(prev.strip())
    for h in heads:
        m = _ATTR_ID.search(h)
        if m:
            ids.add(m.group(1))
            continue
        ids.add(slugify(_plain_heading(h), "-"))
    return ids


_CLOSE_BRACKET = re.compile(r"\]")
_CLOSE_PAREN = re.compile(r"\)")


def _plain_heading(h: str) -> str:
    """A heading without link syntax, emphasis and tags: what
    ``re.sub(r"[*_`]|<[^>]+>", "", re.sub(r"!?\\[([^\\]]*)\\]\\([^)]*\\)", r"\\1", h))`` gives, in linear
    time (those patterns read to the end of the heading after every "[" or "<" that is not closed)."""
    out, pos = [], 0
    next_bracket, next_paren = _Next(_CLOSE_BRACKET, h), _Next(_CLOSE_PAREN, h)
    while True:
        p = h.find("[", pos)
        if p < 0:
            break
        r = next_bracket(p + 1)
        if r + 1 < len(h) and h[r + 1] == "(" and next_paren(r + 2) < len(h):
            start = p - 1 if p > pos and h[p - 1] == "!" else p
            out += [h[pos:start], h[p + 1:r]]
            pos = next_paren(r + 2) + 1
        else:
            out.append(h[pos:p + 1])
            pos = p + 1
    out.append(h[pos:])
    plain = "".join(out)
    last = plain.rfind(">")  # a "<" after the last ">" starts no tag
    return _EMPHASIS_OR_TAG.sub("", plain[:last + 1]) + _EMPHASIS.sub("", plain[last + 1:])


_EMPHASIS_OR_TAG = re.compile(r"[*_`]|<[^>]+>")
_EMPHASIS = re.compile(r"[*_`]")


class SitePages:
    """Every page the site will have (by MkDocs source path), with the anchors we know it has."""

    def __init__(self, project):
        self.project = project
        self.targets = Targets(project)
        p = project
        self.anchors: dict[str, Optional[set[str]]] = {HOME: None, STORES_INDEX: None}
        for c in p.categories:
            self.anchors[category_src(c.slug)] = {q.id for q in c.questions} | {slugify(c.title, "-")} | \
                heading_ids(p.text("category.description", c.slug) or "")
        for pol in p.policies:
            self.anchors[policy_src(pol.slug)] = heading_ids(pol.body.resolved or pol.body.raw) | \
                {slugify(p.text("policy.title", pol.slug) or pol.title, "-")}
        for sid in p.stores:
            self.anchors[store_src(sid)] = None  # generated headings: not checked
        self.anchors[CONTACT] = {ch.id for ch in p.contact.channels} | {"contacto"} | \
            heading_ids(p.text("contact.intro", "contact") or "")
        for page in p.pages:
            self.anchors[f"{page.slug}.md"] = heading_ids(page.body.resolved or page.body.raw) | \
                {slugify(page.title, "-")}
        self.urls = {url_of(src): src for src in self.anchors}
        self.site_url = (p.site.url or "").rstrip("/")

    def has_anchor(self, src: str, anchor: str) -> bool:
        known = self.anchors.get(src)
        if known is None or not anchor:
            return True
        if anchor in known:
            return True
        base = re.sub(r"_\d+$", "", anchor)  # toc makes repeated headings unique with _1, _2...
        return base != anchor and base in known

    def closest(self, path: str) -> Optional[str]:
        import difflib  # here, not at the top: only this path needs it
        close = difflib.get_close_matches(path, sorted(self.anchors), n=1, cutoff=0.5)
        return close[0] if close else None

    def asset_exists(self, path: str) -> bool:
        if path.startswith("assets/"):
            return True
        return os.path.isfile(os.path.join(self.project.root, "pages", *path.split("/")))


def rendered_on(text, targets: Targets) -> Optional[str]:
    """The MkDocs source path of the page a text is shown on (relative links start there)."""
    k = text.kind
    if k == "faq.a":
        cat = targets.faq.get(text.subject)
        return category_src(cat) if cat is not None else None
    if k == "category.description":
        return category_src(text.subject)
    if k in ("policy.body", "policy.summary"):
        return policy_src(text.subject)
    if k == "page.body":
        return f"{text.subject}.md"
    if k == "store.notes":
        return store_src(text.subject)
    if k in ("channel.notes", "contact.intro"):
        return CONTACT
    if k == "site.description":
        return HOME
    return None


class _Next:
    """Where ``rx`` next matches at or after a position, for positions asked in increasing order:
    an answer stands for every position up to it, so the text is scanned once in all."""

    def __init__(self, rx: re.Pattern, text: str):
        self.rx, self.text = rx, text
        self.asked, self.found, self.match = 1, 0, None  # nothing known yet

    def __call__(self, pos: int) -> int:
        """The start of the first match at or after ``pos`` (len(text): none); ``self.match`` is it."""
        if not self.asked <= pos <= self.found:
            self.match = self.rx.search(self.text, pos)
            self.asked, self.found = pos, (self.match.start() if self.match else len(self.text))
        return self.found


_NON_SPACE = re.compile(r"\S")
_ANGLE_END = re.compile(r"[>\n]")
_TARGET_END = re.compile(r"[)\s]")
_CLOSER = {'"': re.compile('"'), "'": re.compile("'"), "(": re.compile(r"\)")}


def _inline_links(text: str) -> Iterator[tuple[int, str]]:
    """(offset, target) of each match of ``_INLINE`` in ``text``, found in linear time.

    ``_INLINE.finditer`` backtracks: after every "](" it reads the target to its end, so a paragraph
    of "[x](" without ")" costs the square of its length. This reads the same links as the regex
    would (its only choices are spelled out below) with every "next character of a kind" looked up
    by ``_Next``, which never reads a stretch of the text twice."""
    if "](" not in text:  # no link (most texts): nothing to set up
        return
    n = len(text)
    skip_spaces = [_Next(_NON_SPACE, text) for _ in range(5)]
    angle_end, target_end = _Next(_ANGLE_END, text), _Next(_TARGET_END, text)
    closers = {k: (_Next(rx, text), _Next(rx, text)) for k, rx in _CLOSER.items()}

    def tail(e: int, which: int) -> int:
        """Where ``(?:\\s+(?:"…"|'…'|\\(…\\)))?\\s*\\)`` ends when matched at e; -1: no match."""
        w = skip_spaces[1 + which](e)
        if w > e and w < n and text[w] in _CLOSER:  # a title after the target
            c = closers[text[w]][which](w + 1)
            if c < n:
                after = skip_spaces[3 + which](c + 1)
                if after < n and text[after] == ")":
                    return after + 1
        return w + 1 if w < n and text[w] == ")" else -1

    pos = 0
    while True:
        p = text.find("](", pos)
        if p < 0:
            return
        q = skip_spaces[0](p + 2)
        end = -1
        if q < n and text[q] == "<":  # <target>
            r = angle_end(q + 1)
            if r < n and text[r] == ">":
                end = tail(r + 1, 0)
                if end >= 0:
                    yield q, text[q:r + 1]
        if end < 0:
            r = target_end(q)
            if r > q:
                end = tail(r, 1)
                if end >= 0:
                    yield q, text[q:r]
        pos = end if end >= 0 else p + 1


_A_TAG = re.compile(r"<a\s", re.I)
_HREF_VALUE = re.compile(r"href\s*=\s*[\"']([^\"']+)[\"']", re.I)
_GT = re.compile(">")


def _hrefs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, value) of each match of ``_HREF`` in ``text``, in linear time: ``<a\\s``, then the
    first ``href=…`` that starts before the tag's ``>`` (the regex's lazy ``[^>]*?``), where the next
    ``>`` and the next ``href=…`` are each looked up once for all tags."""
    gt, href = _Next(_GT, text), _Next(_HREF_VALUE, text)
    pos = 0
    while True:
        a = _A_TAG.search(text, pos)
        if a is None:
            return
        if href(a.end()) <= gt(a.end()) and href.match:
            yield href.match.start(1), href.match.group(1)
            pos = href.match.end()
        else:
            pos = a.start() + 1


def links_in(raw: str, allow_html: bool) -> Iterable[tuple[int, str]]:
    """(offset, target) of every link in a Markdown text, code spans and blocks excluded."""
    text = _mask_code(raw)
    yield from _inline_links(text)
    if "]:" in text:  # every reference definition has one
        for m in _REFDEF.finditer(text):
            yield m.start(1), m.group(1)
    if allow_html:
        yield from _hrefs(text)


def check_link(target: str, src: str, pages: SitePages, lang: str = "es") -> Optional[tuple[str, str]]:
    """None if ``target`` (written on page ``src``) works, else (rule, message in ``lang``)."""
    t = target.strip()
    if t.startswith("<") and t.endswith(">"):
        t = t[1:-1].strip()
    if not t or "{{" in t:
        return None
    tg = pages.targets
    sm = _SCHEME.match(t)
    if sm:
        scheme = sm.group(1).lower()
        if scheme in SHORT_KINDS:
            kind = SHORT_KINDS[scheme]
            ident, _, anchor = t[len(scheme) + 1:].partition("#")
            if anchor:
                return "KB601", msg("link.short.anchor", lang, target=target, scheme=scheme, ident=ident)
            if not re.fullmatch(r"[A-Za-z0-9_-]+", ident) or tg.src(kind, ident) is None:
                pool = {"faq": tg.faq, "policy": tg.policies, "store": tg.stores}[kind]
                import difflib  # here, not at the top: only this path needs it
                close = difflib.get_close_matches(ident, sorted(pool), n=1, cutoff=0.5)
                hint = msg("link.did.you.mean", lang, x=f"{scheme}:{close[0]}") if close else \
                    msg("link.none." + kind, lang)
                return "KB601", msg("link.short.missing", lang, target=target, what=msg("link.what." + kind, lang),
                                    ident=ident, hint=hint)
            return None
        if scheme in _NEAR_SHORT:
            return "KB601", msg("link.not.kind", lang, target=target, scheme=scheme)
        if scheme in ("http", "https") and pages.site_url and (t + "/").startswith(pages.site_url + "/"):
            return _check_url("/" + t[len(pages.site_url):].lstrip("/"), src, pages, target, lang)
        return None  # an external link, mailto:, tel:
    if t.startswith("//"):
        return None
    path, _, anchor = t.partition("#")
    path = unquote(path.split("?", 1)[0])
    if not path:
        if not pages.has_anchor(src, anchor):
            return "KB602", msg("link.no.section.here", lang, target=target, anchor=anchor)
        return None
    if path.endswith(".md") and not path.startswith("/"):
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
        if resolved.startswith("../") or resolved not in pages.anchors:
            close = pages.closest(resolved)
            rel = posixpath.relpath(close, posixpath.dirname(src) or ".") if close else None
            hint = msg("link.did.you.mean.quoted", lang, x=rel) if rel else msg("link.check.name", lang)
            return "KB601", msg("link.not.page", lang, target=target, resolved=resolved, src=src, hint=hint)
        if not pages.has_anchor(resolved, anchor):
            return "KB602", msg("link.no.section", lang, target=target, page=resolved, anchor=anchor)
        return None
    return _check_url(t, src, pages, target, lang)


def _check_url(t: str, src: str, pages: SitePages, target: str, lang: str = "es") -> Optional[tuple[str, str]]:
    """A site URL (directory style) or an asset, relative to the page's URL or absolute from the root."""
    path, _, anchor = t.partition("#")
    path = unquote(path.split("?", 1)[0])
    base = url_of(src)
    if path.startswith("/"):
        resolved = posixpath.normpath(path.lstrip("/") or ".")
    else:
        resolved = posixpath.normpath(posixpath.join(base, path) if base else path)
    resolved = "" if resolved == "." else resolved
    if resolved.startswith("../") or resolved == "..":
        return "KB601", msg("link.above.root", lang, target=target, src=src)
    last = resolved.rsplit("/", 1)[-1]
    if "." in last and not last.endswith((".html", ".htm")):
        if pages.asset_exists(resolved):
            return None
        return "KB601", msg("link.no.asset", lang, target=target, resolved=resolved, src=src)
    if last in ("index.html", "index.htm"):
        resolved = resolved[: -len(last)].rstrip("/")
    url = (resolved.rstrip("/") + "/") if resolved else ""
    page = pages.urls.get(url)
    if page is None:
        hint = ""
        as_md = posixpath.normpath(posixpath.join(posixpath.dirname(src), path.rstrip("/") + ".md")) if path else ""
        if not path.startswith("/") and as_md in pages.anchors:
            rel = posixpath.relpath(as_md, posixpath.dirname(src) or ".")
            hint = msg("link.url.relative", lang, base=base, rel=rel + (f"#{anchor}" if anchor else ""))
        else:
            close = pages.closest(url.rstrip("/") + ".md")
            hint = msg("link.url.close", lang, page=close) if close else ""
        return "KB601", msg("link.url.not.page", lang, target=target, url=url, src=src, hint=hint)
    if not pages.has_anchor(page, anchor):
        return "KB602", msg("link.no.section", lang, target=target, page=page, anchor=anchor)
    return None


@check
def structure_links(project, options):
    pages = SitePages(project)
    allow_html = project.site.allow_html
    for text in project.texts:
        if text.kind not in _MARKDOWN_KINDS:
            continue
        src = rendered_on(text, pages.targets)
        if src is None:
            continue
        for offset, target in links_in(text.raw, allow_html):
            problem = check_link(target, src, pages, options.lang)
            if problem:
                code, message = problem
                yield Finding(code, "error" if code == "KB601" else "warning", text.loc_at(offset), message,
                              text.subject)


# ------------------------------------------------------------------ empty things

@check
def structure_empty(project, options):
    lang = options.lang
    for c in project.categories:
        if not c.questions:
            yield Finding("KB605", "error", c.loc_of("questions") if c.has("questions") else c.loc,
                          msg("empty.category", lang, title=c.title, slug=c.slug), c.slug)
        for q in c.questions:
            if not (q.q or "").strip():
                yield Finding("KB606", "error", q.loc_of("q"), msg("empty.question", lang, id=q.id), q.id)
            if not _visible(q.a):
                yield Finding("KB606", "error", q.loc_of("a"), msg("empty.answer", lang, id=q.id), q.id)
    for pol in project.policies:
        if not _visible(pol.body.raw):
            yield Finding("KB607", "error", pol.loc, msg("empty.policy", lang, slug=pol.slug), pol.slug)
    for page in project.pages:
        if not _visible(page.body.raw):
            yield Finding("KB607", "error", page.loc, msg("empty.page", lang, slug=page.slug), page.slug)


def _visible(text: Optional[str]) -> bool:
    """Text that shows something: not only whitespace and HTML comments."""
    return bool(re.sub(r"<!--.*?-->", "", text or "", flags=re.S).strip())


# ------------------------------------------------------------------ (near-)duplicate questions

STOPWORDS = frozenset("""
a al algo algun alguna algunas alguno algunos ante con contra de del desde e el ella ellas ellos en entre
era es esa esas ese eso esos esta estas este esto estos ha han has hay he la las le les lo los me mi mis
mucho muy nos nosotros o os para pero por que se si sin sobre su sus te ti tu tus u un una unas uno unos
vosotros y ya yo usted ustedes vuestro vuestra vuestros vuestras nuestro nuestra nuestros nuestras
""".split())
_WORD = re.compile(r"[a-zñ0-9]+")


class Tokenizer:
    """Folded (no accents, lower case), stop words removed, Spanish Snowball stems; cached.

    With the site's synonyms (synonyms.yaml), a one-word synonym counts as its term
    (``tique: [ticket, recibo]``: "sin ticket" and "sin tique" share a token)."""

    def __init__(self, synonyms: Optional[dict] = None):
        from ..text.stemmer import stem_word
        self._stem = stem_word
        self._cache: dict[str, str] = {}
        self._canon: dict[str, str] = {}
        for head, alts in (synonyms or {}).items():
            hw = self._words(str(head))
            if len(hw) != 1:
                continue
            for alt in alts or ():
                aw = self._words(str(alt))
                if len(aw) == 1 and aw[0] != hw[0]:
                    self._canon.setdefault(aw[0], hw[0])

    def _words(self, text: str) -> list[str]:
        return self._stems(_WORD.findall(fold_same_length(text)))

    def _stems(self, words: list[str]) -> list[str]:
        out = []
        for w in words:
            if w in STOPWORDS or len(w) < 2 and not w.isdigit():
                continue
            s = self._cache.get(w)
            if s is None:
                s = self._cache[w] = self._stem(w)
            out.append(s)
        return out

    def __call__(self, text: str) -> frozenset[str]:
        return self.of_words(_WORD.findall(fold_same_length(text)))

    def of_words(self, words: list[str]) -> frozenset[str]:
        """The tokens of a text already folded and split into ``_WORD``s."""
        canon = self._canon
        return frozenset(canon.get(s, s) for s in self._stems(words))


def near_duplicates(token_sets: list[frozenset], threshold: float = NEAR_DUPLICATE_THRESHOLD,
                    candidate: float = CANDIDATE_THRESHOLD) -> list[tuple[int, int, float]]:
    """Pairs (i, j, similarity) of probable same questions, i < j, in that order.

    A pair is kept when its plain Jaccard is >= ``candidate`` and its IDF-weighted Jaccard is
    >= ``threshold``: sharing rare words (``canarias``, ``tique``) counts more than sharing common
    ones (``puedo``, ``envio``), so "¿Cuánto tarda el envío a Canarias?" and "…a Baleares?" are not
    flagged while "¿Cuánto tiempo tengo para devolver un producto?" and "…una compra?" are.
    Only the pairs ``_candidates`` finds are compared (no all-pairs comparison)."""
    n = len(token_sets)
    df: dict[str, int] = defaultdict(int)
    for s in token_sets:
        for tok in s:
            df[tok] += 1
    weight = {tok: math.log(1 + n / c) for tok, c in df.items()}
    rank = {tok: i for i, tok in enumerate(sorted(df, key=lambda tok: (df[tok], tok)))}  # rarest first
    ordered = [sorted(map(rank.__getitem__, s)) for s in token_sets]  # each set's tokens by rank
    out = []
    for x, found in _candidates(ordered, candidate):
        a = token_sets[x]
        for y in found:
            b = token_sets[y]
            inter = len(a & b)
            if inter / (len(a) + len(b) - inter) < candidate - 1e-9:
                continue
            shared = sum(weight[t] for t in a & b)
            total = shared + sum(weight[t] for t in a ^ b)
            sim = shared / total if total else 0.0
            if sim >= threshold - 1e-9:
                out.append((min(x, y), max(x, y), sim))
    return sorted(out)


PAIR_PREFIX_MAX = 40  # longer token sets are joined on single tokens (pairs grow with the square)


def _candidates(ordered: list[list[int]], candidate: float) -> Iterator[tuple[int, set[int]]]:
    """For each token list x (tokens numbered rarest first, each list in ascending order), the earlier
    lists y whose Jaccard with x can reach ``candidate`` (every such pair once, maybe more pairs,
    never fewer).

    Prefix filtering on *pairs* of tokens, which are far rarer together than apart. The lists are
    taken shortest first; x, y with |y| <= |x| and Jaccard >= c share at least
    alpha = c/(1+c)·(|x|+|y|) tokens, so alpha >= c·|x| (as |y| >= c·|x|) and alpha >= 2c/(1+c)·|y|.
    When alpha >= 2, the first two tokens they share are among the first |x| - alpha + 2 of x and
    the first |y| - alpha + 2 of y (the other alpha - 2 shared tokens come after them in both):
    x looks up each pair of tokens of its prefix, y was indexed under each pair of its own. Lists
    so short that alpha can be 1, or too long for pairs, use single tokens and the usual prefixes
    (|r| - alpha + 1) instead; every list is indexed under those too. c is lowered by 1e-6 so that
    rounding never shortens a prefix."""
    c = candidate - 1e-6
    order = sorted((i for i in range(len(ordered)) if ordered[i]), key=lambda i: (len(ordered[i]), i))
    width = 1 + max((x[-1] for x in ordered if x), default=0)  # a pair of tokens (a, b) is a * width + b
    singles: dict[int, list[int]] = defaultdict(list)
    pairs_index: dict[int, list[int]] = defaultdict(list)
    for i in order:
        x = ordered[i]
        n = len(x)
        least = math.ceil(c * n)  # alpha against any partner
        found: set[int] = set()
        if least >= 2 and n <= PAIR_PREFIX_MAX:
            k = n - least + 2
            for a in range(k):
                for b in range(a + 1, k):
                    found.update(pairs_index.get(x[a] * width + x[b], ()))
        else:
            for tok in x[:n - least + 1]:
                found.update(singles.get(tok, ()))
        yield i, {j for j in found if len(ordered[j]) >= c * n}
        least_indexed = math.ceil(2 * c / (1 + c) * n)  # alpha against any later (longer) partner
        for tok in x[:n - least_indexed + 1]:
            singles[tok].append(i)
        if n <= PAIR_PREFIX_MAX:
            k = min(n, n - max(2, least_indexed) + 2)
            for a in range(k):
                for b in range(a + 1, k):
                    pairs_index[x[a] * width + x[b]].append(i)


@check
def structure_duplicates(project, options):
    questions = list(project.questions())
    exact: dict[str, int] = {}
    dup_pairs = set()
    words = [_WORD.findall(fold_same_length(q.q or "")) for q in questions]
    for i, q in enumerate(questions):
        key = " ".join(words[i])
        if not key:
            continue
        if key in exact:
            first = questions[exact[key]]
            dup_pairs.add((exact[key], i))
            yield Finding("KB603", "error", q.loc_of("q"), msg("same.question", options.lang, id=q.id, first=first.id,
                                                               where=first.loc_of("q")), q.id)
        else:
            exact[key] = i
    tok = Tokenizer(project.synonyms)
    sets = [tok.of_words(w) for w in words]
    for i, j, sim in near_duplicates(sets):
        if (i, j) in dup_pairs:
            continue
        a, b = questions[i], questions[j]
        if (b.loc_of("q").path, b.loc_of("q").line) < (a.loc_of("q").path, a.loc_of("q").line):
            a, b = b, a
        yield Finding("KB604", "warning", b.loc_of("q"),
                      msg("near.question", options.lang, id=b.id, path=b.loc_of("q").path, other=a.id,
                          where=a.loc_of("q"), q=b.q, other_q=a.q, pct=round(sim * 100)), b.id)
