"""The one typed model of a help centre.

Two layers: classes that describe each content file exactly as editors write it (their
fields, types and defaults give validation and the JSON Schema), and the parsed values the
loaders attach to them (schedules, durations, resolved text) together with every value's
position. Checks and renderers read only this module's objects.

The content classes are plain Python objects, not pydantic models: importing pydantic and
building its validators took longer than loading 1,000 FAQs. ``kbgen/loaders/typed.py`` reads
a located YAML tree straight into them; only when a file is not plainly valid (or for the
JSON Schema) is each class's pydantic twin built (``pydantic_model``), which accepts exactly
what these classes declare and words every error.
"""
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Annotated, Any, Callable, Iterator, Literal, Optional, Union

from .findings import Loc
from .hours import Interval

# ``{{ path }}``: a structured value written into text. No \s* around a lazy group: "{{" followed
# by thousands of spaces took minutes to fail; the key is stripped where it is used instead.
REF = re.compile(r"\{\{([^{}]*)\}\}")


# ------------------------------------------------------------------ declaring fields

_REQUIRED: Any = ...


@dataclass(frozen=True)
class FieldInfo:
    """One field of a content class: its type (``annotation``), default and JSON Schema extras."""

    name: str
    annotation: Any
    default: Any = _REQUIRED
    description: Optional[str] = None
    ge: Optional[float] = None
    le: Optional[float] = None

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED

    def make_default(self):
        """The default for a new object (a fresh copy of a list or dict default, as pydantic did)."""
        d = self.default
        return d.copy() if isinstance(d, (list, dict)) else d


def Field(default: Any = _REQUIRED, *, description: Optional[str] = None, ge: Optional[float] = None,
          le: Optional[float] = None) -> Any:
    """A field's default with extras (``Field(ge=-90, le=90)``, ``Field(default=None, description=...)``)."""
    return FieldInfo("", None, default, description, ge, le)


@dataclass(frozen=True)
class Before:
    """In ``Annotated[...]``: a function applied to the value as written before its type is checked."""

    func: Callable[[Any], Any]


HoursValue = Union[str, list[str], None]
_HOLIDAY_WORDS = {"cerrado": "closed", "cerrada": "closed", "habitual": "regular", "normal": "regular"}


def _holiday_word(v):
    return _HOLIDAY_WORDS.get(str(v).strip().lower(), v) if v is not None else v


PublicHolidays = Annotated[Literal["closed", "regular"], Before(_holiday_word)]
HoursMap = dict[str, HoursValue]


class Located:
    """A content object that knows where it and each of its fields were written.

    Subclasses declare fields as annotated class attributes (``name: str``, ``order: Optional[int]
    = None``, ``lat: float = Field(ge=-90, le=90)``); ``model_fields`` lists them in order. The
    loader sets ``_node`` (the YAML mapping it was read from) and ``_loc``; the CSV reader sets
    ``_locs`` (field -> position) instead. The constructor takes the fields by keyword and does not
    validate: content is validated where it is read (``loaders/content.py``)."""

    model_fields: dict[str, FieldInfo] = {}
    _loc: Loc = Loc("?")
    _node: Any = None  # the YMap the object was read from
    _locs: Optional[dict] = None  # field -> Loc, for objects not read from YAML (CSV rows)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        fields = dict(cls.model_fields)
        for name, ann in cls.__dict__.get("__annotations__", {}).items():
            if name.startswith("_"):
                continue
            value = cls.__dict__.get(name, _REQUIRED)
            spec = value if isinstance(value, FieldInfo) else FieldInfo("", None, value)
            fields[name] = FieldInfo(name, ann, spec.default, spec.description, spec.ge, spec.le)
            if name in cls.__dict__:
                delattr(cls, name)  # every object has the field itself
        cls.model_fields = fields

    def __init__(self, **values):
        fields = type(self).model_fields
        unknown = values.keys() - fields.keys()
        if unknown:
            raise TypeError(f"{type(self).__name__}: unknown field(s) {', '.join(sorted(unknown))}")
        d = self.__dict__
        for name, f in fields.items():
            if name in values:
                d[name] = values[name]
            elif f.required:
                raise TypeError(f"{type(self).__name__}: missing field {name}")
            else:
                d[name] = f.make_default()

    # -- positions
    @property
    def loc(self) -> Loc:
        return self._loc

    def loc_of(self, name: str) -> Loc:
        """Position of a field's value (falls back to the object's own position)."""
        if self._locs is not None:
            return self._locs.get(name, self._loc)
        pair = self._pair(name)
        return pair[1].loc if pair is not None else self._loc

    def key_loc_of(self, name: str, default=None):
        """Position of a field's key (the ``hours:`` of a block), or ``default``."""
        pair = self._pair(name)
        return pair[0].loc if pair is not None else default

    def has(self, name: str) -> bool:
        """Whether the file wrote this field."""
        if self._locs is not None:
            return name in self._locs
        return self._pair(name) is not None

    def loc_at(self, name: str, offset: int) -> Loc:
        """Position of character ``offset`` inside a text field's value."""
        pair = self._pair(name)
        if pair is not None and hasattr(pair[1], "loc_at"):  # a scalar
            return pair[1].loc_at(offset)
        return self.loc_of(name)

    def _pair(self, name: str):
        """(key node, value node) of a field in the YAML mapping, or None."""
        node = self._node
        return node.items.get(name) if node is not None else None

    # -- what pydantic models offered, for the code that used it
    def model_dump(self) -> dict:
        """The fields as plain values (nested objects as dicts), in declaration order."""
        return {name: _dump(getattr(self, name)) for name in self.model_fields}

    def model_copy(self, *, update: Optional[dict] = None):
        """A shallow copy (positions included), with ``update`` applied."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        if update:
            new.__dict__.update(update)
        return new

    @classmethod
    def model_json_schema(cls, **kwargs) -> dict:
        return pydantic_model(cls).model_json_schema(**kwargs)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # mutable, compared by value (as pydantic models were)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self.model_fields)})"


def _dump(value):
    if isinstance(value, Located):
        return value.model_dump()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


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
    _id: str = ""
    _schedule: Any = None

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
    _schedule: Any = None
    _response: Any = None

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
    _category: str = ""

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
    _slug: str = ""

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
    """A policy page (policies/*.md): its slug, front matter, body and place."""

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


class NotLoaded:
    """Stands for a part of the project this process did not load (``load_project(skip=...)``: a
    forked child leaves out what only the checks kept in the parent read, see checks.Shared).
    Using it raises: a check that reads it fails, and the child's results are not used, rather
    than seeing an empty list."""

    def __init__(self, part: str):
        self.part = part

    def _refuse(self, *args, **kwargs):
        raise RuntimeError(f"kbgen: the project's {self.part} were not loaded in this process")

    __iter__ = __len__ = __bool__ = __getitem__ = __contains__ = _refuse

    def __repr__(self) -> str:
        return f"NotLoaded({self.part!r})"


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
    files_read: tuple = ()  # (path, size, mtime in ns) of each file read, in order: two loads of the same files agree

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


# ------------------------------------------------------------------ the pydantic twins

_TWINS: dict = {}
_PLAIN: dict = {}  # twin -> content class


def pydantic_model(cls: type) -> Any:
    """The pydantic model with the same fields as the content class ``cls`` (built once, on demand).

    It gives the JSON Schema (``kbgen schema``) and the exact errors of a file that is not plainly
    valid; the loader's own reader (``loaders/typed.py``) accepts only what it accepts."""
    twin = _TWINS.get(cls)
    if twin is None:
        from pydantic import ConfigDict, create_model
        from pydantic import Field as PydanticField

        fields = {}
        for name, f in cls.model_fields.items():
            extras = {k: v for k, v in (("description", f.description), ("ge", f.ge), ("le", f.le)) if v is not None}
            fields[name] = (_twin_type(f.annotation), PydanticField(f.default, **extras))
        twin = create_model(cls.__name__, __config__=ConfigDict(extra="forbid", populate_by_name=True,
                                                                 str_strip_whitespace=False),
                            __doc__=cls.__dict__.get("__doc__"), __module__=cls.__module__, **fields)
        _TWINS[cls] = twin
        _PLAIN[twin] = cls
    return twin


def _twin_type(ann: Any) -> Any:
    """``ann`` with every content class replaced by its pydantic twin and ``Before`` by pydantic's
    ``BeforeValidator``."""
    import typing

    from pydantic import BeforeValidator

    if isinstance(ann, type) and issubclass(ann, Located):
        return pydantic_model(ann)
    origin, args = typing.get_origin(ann), typing.get_args(ann)
    if origin is Annotated:
        extras = tuple(BeforeValidator(a.func) if isinstance(a, Before) else a for a in ann.__metadata__)
        return Annotated[(_twin_type(args[0]),) + extras]
    if origin is list:
        return list[_twin_type(args[0])]
    if origin is dict:
        return dict[_twin_type(args[0]), _twin_type(args[1])]
    if origin is Union:
        return Union[tuple(_twin_type(a) for a in args)]
    return ann


def from_pydantic(value: Any) -> Any:
    """A value validated by a pydantic twin, as content objects (twins -> content classes)."""
    cls = _PLAIN.get(type(value))
    if cls is not None:
        obj = object.__new__(cls)
        obj.__dict__.update({name: from_pydantic(getattr(value, name)) for name in cls.model_fields})
        return obj
    if isinstance(value, list):
        return [from_pydantic(v) for v in value]
    if isinstance(value, dict):
        return {k: from_pydantic(v) for k, v in value.items()}
    return value
