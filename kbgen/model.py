"""The one typed model of a help centre.

Two layers: pydantic classes that describe each content file exactly as editors write
it (they give validation and the JSON Schema), and the parsed values the loaders attach
to them (schedules, durations, resolved text) together with every value's position.
Checks and renderers read only this module's objects.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Annotated, Any, Iterator, Literal, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from .findings import Loc
from .hours import Interval

# ``{{ path }}``: a structured value written into text. No \s* around a lazy group: "{{" followed
# by thousands of spaces took minutes to fail; the key is stripped where it is used instead.
REF = re.compile(r"\{\{([^{}]*)\}\}")

HoursValue = Union[str, list[str], None]
_HOLIDAY_WORDS = {"cerrado": "closed", "cerrada": "closed", "habitual": "regular", "normal": "regular"}
PublicHolidays = Annotated[Literal["closed", "regular"],
                           BeforeValidator(lambda v: _HOLIDAY_WORDS.get(str(v).strip().lower(), v) if v is not None else v)]
HoursMap = dict[str, HoursValue]


class Located(BaseModel):
    """A content object that knows where it and each of its fields were written."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=False)
    _loc: Loc = PrivateAttr(default=Loc("?"))
    # default=None, not default_factory: pydantic inspects a factory's signature for every object
    # it creates (a quarter second at 5,000 FAQs). Loaders set them; readers use ``or {}``.
    _locs: Optional[dict] = PrivateAttr(default=None)
    _scalars: Optional[dict] = PrivateAttr(default=None)
    _keylocs: Optional[dict] = PrivateAttr(default=None)

    @property
    def loc(self) -> Loc:
        return self._loc

    def loc_of(self, name: str) -> Loc:
        """Position of a field's value (falls back to the object's own position)."""
        return (self._locs or {}).get(name, self._loc)

    def key_loc_of(self, name: str, default=None):
        """Position of a field's key (the ``hours:`` of a block), or ``default``."""
        return (self._keylocs or {}).get(name, default)

    def has(self, name: str) -> bool:
        """Whether the file wrote this field."""
        return name in (self._locs or {})

    def loc_at(self, name: str, offset: int) -> Loc:
        """Position of character ``offset`` inside a text field's value."""
        node = (self._scalars or {}).get(name)
        return node.loc_at(offset) if node is not None else self.loc_of(name)


# ------------------------------------------------------------------ site.yaml

class Site(Located):
    name: str
    language: Literal["es", "en"] = "es"
    timezone: str = "Europe/Madrid"
    country: str = "ES"
    subdivision: Optional[str] = None
    url: Optional[str] = None
    description: Optional[str] = None
    review_every: Optional[dict[str, str]] = Field(
        default=None, description="Review interval per category/policy slug, and 'default' (e.g. 180d).")
    allow_html: bool = Field(default=False, description="Let raw HTML in answers through (escaped otherwise).")


# ------------------------------------------------------------------ hours (stores, channels)

class SpecialHours(Located):
    date: Optional[dt.date] = None
    dates: Optional[str] = Field(default=None, description="A range: 2026-08-10..2026-08-23")
    hours: HoursValue = None
    closed: bool = False
    note: Optional[str] = None


class Address(Located):
    street: str
    postal_code: str
    city: str
    country: str = "ES"
    region: Optional[str] = None

    def one_line(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"


class Geo(Located):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class Store(Located):
    name: str
    address: Address
    geo: Optional[Geo] = None
    phone: Optional[str] = None
    email: Optional[str] = None
    timezone: Optional[str] = None
    subdivision: Optional[str] = None
    notes: Optional[str] = None
    hours: HoursMap
    special_hours: list[SpecialHours] = []
    public_holidays: PublicHolidays = "closed"
    _id: str = PrivateAttr(default="")
    _schedule: Any = PrivateAttr(default=None)

    @property
    def id(self) -> str:
        return self._id

    @property
    def schedule(self) -> "Schedule":
        return self._schedule


# ------------------------------------------------------------------ contact.yaml

class Channel(Located):
    id: str
    kind: Literal["phone", "email", "whatsapp", "chat", "form", "social", "postal"]
    label: Optional[str] = None
    value: Optional[str] = None
    url: Optional[str] = None
    notes: Optional[str] = None
    hours: Optional[HoursMap] = None
    special_hours: list[SpecialHours] = []
    public_holidays: PublicHolidays = "closed"
    response_time: Optional[str] = Field(default=None, description="Promised first answer: 45m, 10h, 3d, 2d-4d")
    _schedule: Any = PrivateAttr(default=None)
    _response: Any = PrivateAttr(default=None)

    @property
    def schedule(self) -> Optional["Schedule"]:
        return self._schedule

    @property
    def response(self):
        """The promised response time as a Duration, or None."""
        return self._response

    @property
    def title(self) -> str:
        return self.label or self.id


class Contact(Located):
    intro: Optional[str] = None
    channels: list[Channel] = []


# ------------------------------------------------------------------ promises.yaml

class ClaimSpec(Located):
    metric: str
    at_most: Optional[str] = None
    at_least: Optional[str] = None
    equals: Optional[str] = None


class Promise(Located):
    id: str
    text: str
    published_in: list[str] = []
    claim: Optional[ClaimSpec] = None
    valid_from: Optional[dt.date] = None
    valid_until: Optional[dt.date] = None


class Promises(Located):
    promises: list[Promise] = []


# ------------------------------------------------------------------ faq/<category>.yaml

class Question(Located):
    id: str
    q: str
    a: str
    keywords: list[str] = []
    reviewed: Optional[dt.date] = None
    owner: Optional[str] = None
    _category: str = PrivateAttr(default="")

    @property
    def category(self) -> str:
        """The slug of the category file it is in."""
        return self._category


class Category(Located):
    category: str
    description: Optional[str] = None
    icon: Optional[str] = None
    order: Optional[int] = None
    owner: Optional[str] = None
    questions: list[Question] = []
    _slug: str = PrivateAttr(default="")

    @property
    def slug(self) -> str:
        return self._slug

    @property
    def title(self) -> str:
        return self.category


# ------------------------------------------------------------------ policies/<slug>.md

class PolicyMeta(Located):
    title: str
    summary: Optional[str] = None
    reviewed: Optional[dt.date] = None
    owner: Optional[str] = None
    order: Optional[int] = None
    kbgen_ignore: Optional[list[dict[str, str]]] = None


# ------------------------------------------------------------------ offline/

class OfflineSpecial(Located):
    date: Optional[str] = None
    dates: Optional[str] = None
    hours: Optional[str] = None
    closed: bool = False
    note: Optional[str] = None


class OfflineStore(Located):
    name: Optional[str] = None
    phone: Optional[str] = None
    email: Optional[str] = None
    address: Optional[str] = None
    hours: Optional[dict[str, Optional[str]]] = None
    special_hours: list[OfflineSpecial] = []


class OfflineFile(Located):
    source: str
    captured: Optional[dt.date] = None
    stores: dict[str, OfflineStore] = {}


# ------------------------------------------------------------------ search-tests.yaml

class SearchTest(Located):
    query: str
    expect: str


# ------------------------------------------------------------------ parsed values

@dataclass(frozen=True)
class Special:
    """Special hours on one date or a range of dates: closed, or these intervals."""

    start: dt.date
    end: dt.date
    intervals: tuple[Interval, ...]
    note: str
    loc: Loc

    @property
    def closed(self) -> bool:
        return not self.intervals


@dataclass(frozen=True)
class Schedule:
    """Weekly hours (Monday first) plus exceptions, in a time zone and holiday calendar."""

    week: tuple[tuple[Interval, ...], ...]
    special: tuple[Special, ...] = ()
    public_holidays: str = "closed"
    timezone: str = "Europe/Madrid"
    country: str = "ES"
    subdivision: Optional[str] = None
    day_locs: tuple[Loc, ...] = ()


@dataclass
class Text:
    """A piece of editor text that reaches the site, with positions and references.

    ``raw`` is what the editor wrote; ``resolved`` has every ``{{ path }}`` replaced by
    its value; ``masked`` is ``raw`` with the references blanked out (same length), for
    checks that must not re-check referenced values.
    """

    raw: str
    resolved: str
    kind: str  # faq.q, faq.a, policy.body, store.notes, ...
    subject: str  # FAQ id, policy slug, store id, channel id, promise id
    path: str
    _loc_at: Any = field(repr=False, default=None)

    @property
    def masked(self) -> str:
        return REF.sub(lambda m: " " * len(m.group(0)), self.raw)

    def loc_at(self, offset: int) -> Loc:
        return self._loc_at(offset)


@dataclass
class Policy:
    slug: str
    meta: PolicyMeta
    body: Text
    loc: Loc

    @property
    def title(self) -> str:
        return self.meta.title


@dataclass
class Page:
    """An extra Markdown page from content/pages/."""

    slug: str
    title: str
    body: Text
    loc: Loc


@dataclass
class OfflineRecord:
    """One store as an offline source tells it (from YAML or one CSV row)."""

    store_id: str
    source: str
    captured: Optional[dt.date]
    data: OfflineStore
    loc: Loc
    path: str


@dataclass
class Suppression:
    """``# kbgen: ignore KB201 reason="…" until=2027-01-31`` at ``loc`` (covers that line and the next)."""

    rules: tuple[str, ...]
    reason: str
    until: Optional[dt.date]
    loc: Loc


@dataclass
class Project:
    """Everything in content/, loaded and parsed."""

    root: str  # the content directory as given
    site: Site
    stores: dict[str, Store] = field(default_factory=dict)
    contact: Contact = field(default_factory=Contact)
    operations: dict = field(default_factory=dict)  # as written (strings), for references and promises
    operations_locs: dict = field(default_factory=dict)  # "delivery.peninsula" -> Loc
    promises: list[Promise] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    offline: list[OfflineRecord] = field(default_factory=list)
    offline_sources: list[OfflineFile] = field(default_factory=list)
    search_tests: list[SearchTest] = field(default_factory=list)
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    texts: list[Text] = field(default_factory=list)  # every text that reaches the site
    resolved: dict = field(default_factory=dict)  # (kind, subject, field) -> resolved text
    suppressions: list[Suppression] = field(default_factory=list)
    broken: set = field(default_factory=set)  # "stores.<id>", "channels": files that failed to load

    def questions(self) -> Iterator[Question]:
        for c in self.categories:
            yield from c.questions

    def channel(self, cid: str) -> Optional[Channel]:
        return next((c for c in self.contact.channels if c.id == cid), None)

    def text(self, kind: str, subject: str) -> str:
        """The resolved text of a field (``faq.a``, ``faq.q``, ``store.notes``...)."""
        return self.resolved.get((kind, subject), "")

    def operation(self, dotted: str):
        """The operational setting at a dotted path (``delivery.peninsula``), or None."""
        cur: Any = self.operations
        for part in dotted.split("."):
            if not isinstance(cur, dict) or part not in cur:
                return None
            cur = cur[part]
        return cur


FILE_MODELS = {
    "site": Site, "store": Store, "contact": Contact, "promises": Promises,
    "faq": Category, "policy": PolicyMeta, "offline": OfflineFile,
}
