"""Spanish street addresses: parse transcriptions into a comparable key, find them in prose."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import TextMatch
from .fold import fold
from .trigger import has_digit

# Canonical street type -> ways people write it (folded; a trailing "." is optional).
STREET_TYPES: dict[str, tuple[str, ...]] = {
    "calle": ("calle", "c/", "cl.", "cl", "c.", "cll.", "c", "carrer", "rua", "cr."),
    "avenida": ("avenida", "avda.", "avd.", "av.", "avda", "avd", "av", "avinguda", "avgda."),
    "plaza": ("plaza", "pza.", "pza", "pl.", "plz.", "pz.", "placa", "pl"),
    "paseo": ("paseo", "pº", "p.º", "p°", "p.°", "po.", "pso.", "pso", "passeig", "pg."),
    "ronda": ("ronda", "rda.", "rda"),
    "carrera": ("carrera", "cra.", "crra."),
    "carretera": ("carretera", "ctra.", "ctra", "crta."),
    "camino": ("camino", "cno.", "cmno.", "cmo."),
    "travesia": ("travesia", "trav.", "trva.", "tr."),
    "glorieta": ("glorieta", "glta.", "gta."),
    "pasaje": ("pasaje", "pje.", "psje."),
    "rambla": ("rambla", "rbla."),
    "bulevar": ("bulevar", "boulevard", "blvr."),
    "costanilla": ("costanilla", "cost."),
    "cuesta": ("cuesta", "cta."),
    "callejon": ("callejon", "cjon."),
    "urbanizacion": ("urbanizacion", "urb."),
    "poligono": ("poligono industrial", "pol. ind.", "poligono", "pol.", "p.i."),
    "via": ("via",),
    "plazuela": ("plazuela",),
    "parque": ("parque",),
}
_ALIAS = {a: canon for canon, aliases in STREET_TYPES.items() for a in aliases}
_PARTICLES = {"de", "del", "la", "las", "los", "el", "d", "l", "dels", "les", "da", "do", "dos", "das"}
_NAME_ABBREV = {
    "sta": "santa", "sto": "santo", "s": "san", "dr": "doctor", "dra": "doctora",
    "gral": "general", "pdte": "presidente", "ntra": "nuestra", "sra": "señora", "sr": "señor",
    "hnos": "hermanos", "ppe": "principe", "pte": "puente", "mtro": "maestro", "cap": "capitan", "cmte": "comandante",
}
_FLOOR = re.compile(
    r"^(bajo|bajos|local|loc\.?|planta|piso|puerta|pta\.?|esc\.?|escalera|izq\.?|izda\.?|izquierda|dcha\.?|"
    r"derecha|dch\.?|entlo\.?|entresuelo|atico|portal|bloque|nave|km\.?|esquina|esq\.?|"
    r"\d+\s*[ºª°]|\d+[a-z]?\b|[a-z]$)"
)
_COUNTRY = re.compile(r"[\s,]*\b(españa|spain|es)$")
_CP = re.compile(r"\(?\b((?:0[1-9]|[1-4]\d|5[0-2])\d{3})\b\)?")
_NUM_WORD = r"(?:n\.?\s?[º°o]\.?|num\.?|numero|nr\.?|no\.|#|km\.?|kilometro)"
_NUMBER = r"(?:\d{1,4}(?:\s?-\s?\d{1,4})?(?:\s?(?:bis|dup|[a-z])\b)?|s/n|s\.n\.|sin numero)"


_ACCENTS = {"a": "[aáà]", "e": "[eéè]", "i": "[iíì]", "o": "[oóò]", "u": "[uúü]"}


def _alias_pattern(aliases, accents: bool = False) -> str:
    """Regex alternatives for aliases; a final "." is optional and a bare word needs a word end."""
    out = []
    for a in sorted(aliases, key=lambda a: (-len(a), a)):
        core = a.rstrip(".")
        esc = "".join(_ACCENTS.get(c, re.escape(c)) for c in core) if accents else re.escape(core)
        if core[-1].isalpha():
            esc += r"(?:\.|\b(?![/'’]))" if a.endswith(".") else r"\b(?![/.'’])"
        out.append(esc)
    return "|".join(out)


_ALIAS_KEY = {a.rstrip("."): canon for a, canon in _ALIAS.items()}
_TYPE_RE = re.compile(r"^(" + _alias_pattern(_ALIAS) + r")\s*")
_STREET_NUM = re.compile(
    r"^(?P<name>.*?\S)[\s,]+(?:" + _NUM_WORD + r"\s*)?(?P<num>" + _NUMBER + r")(?P<rest>(?:[\s(].*)?)$")
_LEAD_NUM = re.compile(r"^(?:" + _NUM_WORD + r"\s*)?(?P<num>" + _NUMBER + r")(?P<rest>(?:[\s(].*)?)$")


@dataclass(frozen=True)
class AddressKey:
    """A comparable address: ``street_type`` canonical ('calle', 'avenida'...; '' if unstated),
    ``name`` folded tokens without particles, ``number`` ('12', '12b', 's/n' or ''),
    ``postal_code`` and folded ``city`` when known."""

    street_type: str
    name: tuple[str, ...]
    number: str
    postal_code: str | None = None
    city: str | None = None

    def __str__(self) -> str:
        street = " ".join(x for x in (self.street_type, " ".join(self.name)) if x)
        parts = [f"{street} {self.number}".strip()]
        tail = " ".join(x for x in (self.postal_code, self.city) if x)
        return ", ".join(parts + ([tail] if tail else []))


def _street_type(s: str) -> tuple[str, str]:
    m = _TYPE_RE.match(s)
    return (_ALIAS_KEY[m.group(1).rstrip(".")], s[m.end():]) if m else ("", s)


def _name_tokens(s: str) -> tuple[str, ...]:
    words = re.findall(r"[a-zñ0-9]+", s.replace("'", " ").replace("’", " "))
    return tuple(_NAME_ABBREV.get(w, w) for w in words if w not in _PARTICLES)


def _norm_number(n: str) -> str:
    n = n.replace(" ", "")
    return "s/n" if n in ("s/n", "s.n.", "sinnumero") else n


def _city(s: str) -> str | None:
    s = re.sub(r"\([^)]*\)", " ", s)
    s = _COUNTRY.sub("", s.strip(" ,.-;"))
    words = [w for w in re.split(r"[\s,]+", s) if w]
    while words and _FLOOR.match(words[0]):
        words.pop(0)
    city = " ".join(words).strip(" ,.-;")
    return city if re.search(r"[a-zñ]{2}", city) else None


def parse_address(text: str) -> AddressKey | None:
    """``'C/ Atocha, 12, 28012 Madrid'`` -> AddressKey('calle', ('atocha',), '12', '28012', 'madrid').
    None when no street name can be read."""
    return _parse_address(str(text or ""))


@functools.lru_cache(maxsize=8192)
def _parse_address(text: str) -> AddressKey | None:
    """parse_address once per distinct text (a store's address is read by several checks)."""
    s = fold(text)
    postal = None
    cps = list(_CP.finditer(s))
    if cps:  # the last 5-digit Spanish postal code; it becomes its own comma part "¶"
        m = cps[-1]
        postal, s = m.group(1), s[:m.start()] + ",¶," + s[m.end():]
    parts = [p.strip() for p in s.split(",") if p.strip()]
    if not parts:
        return None
    typed = [i for i, p in enumerate(parts) if _TYPE_RE.match(p)]
    if typed and typed[0] > 0:  # "Madrid (28012), C/ Atocha 12": the street goes first
        parts = parts[typed[0]:] + parts[:typed[0]]
    stype, parts[0] = _street_type(parts[0])
    parts = [p for p in parts if p]
    if not parts:
        return None
    first, tail, number = parts[0], parts[1:], ""
    m = _STREET_NUM.match(first)
    if m and _name_tokens(m.group("name")):
        name, number = m.group("name"), m.group("num")
        if m.group("rest").strip():
            tail.insert(0, m.group("rest"))
    else:
        name = first
        lm = _LEAD_NUM.match(tail[0]) if tail else None
        if lm:
            number = lm.group("num")
            tail = ([lm.group("rest")] if lm.group("rest").strip() else []) + tail[1:]
    tokens = _name_tokens(name)
    if not tokens or name == "¶":
        return None
    cands = tail
    if "¶" in tail:  # the city is usually next to the postal code: "28012 Madrid", "Madrid (28012)"
        i = tail.index("¶")
        cands = tail[i + 1:i + 2] + tail[max(0, i - 1):i] + tail
    city = next((c for c in map(_city, (c for c in cands if c != "¶")) if c), None)
    return AddressKey(stype, tokens, _norm_number(number), postal, city)


def address_key(street: str, postal_code: str | None = None, city: str | None = None) -> AddressKey:
    """Key for structured data: street line plus separate postal code and city.
    Raises ValueError when the street cannot be read."""
    key = parse_address(street)
    if key is None:
        raise ValueError(f"no se entiende la dirección «{street}»")
    pc = str(postal_code).strip() if postal_code not in (None, "") else key.postal_code
    ct = fold(str(city)) if city not in (None, "") else key.city
    return AddressKey(key.street_type, key.name, key.number, pc, ct)


def same_address(a: AddressKey, b: AddressKey) -> bool:
    """Same street (type, name, number); postal code and city only compared when both sides have them.
    A street type left unstated on one side matches any."""
    if a.name != b.name or a.number != b.number:
        return False
    if a.street_type and b.street_type and a.street_type != b.street_type:
        return False
    if a.postal_code and b.postal_code and a.postal_code != b.postal_code:
        return False
    return not (a.city and b.city and not same_city(a.city, b.city))


_ARTICLES = frozenset({"a", "o", "as", "os", "la", "el", "las", "los", "l", "els", "les"})


def _city_words(name: str) -> list[str]:
    """Folded words of a city name without a leading article, which signs and exports write or
    leave out, in Spanish or in the local language: "A Coruña" / "La Coruña" / "Coruña",
    "L'Hospitalet" / "Hospitalet"."""
    words = fold(name).replace("-", " ").replace("'", " ").replace("’", " ").split()
    return words[1:] if len(words) > 1 and words[0] in _ARTICLES else words


def same_city(a: str, b: str) -> bool:
    """Equal folded names, or one a shortening of the other ("Las Palmas" / "Las Palmas de Gran
    Canaria"), with or without a leading article ("A Coruña" / "La Coruña")."""
    ta, tb = _city_words(a), _city_words(b)
    n = min(len(ta), len(tb))
    return n > 0 and ta[:n] == tb[:n]


def address_differences(a: AddressKey, b: AddressKey) -> list[str]:
    """Names of the fields that differ under the rules of :func:`same_address`."""
    diffs = []
    if a.street_type and b.street_type and a.street_type != b.street_type:
        diffs.append("street_type")
    for f in ("name", "number"):
        if getattr(a, f) != getattr(b, f):
            diffs.append(f)
    if a.postal_code and b.postal_code and a.postal_code != b.postal_code:
        diffs.append("postal_code")
    if a.city and b.city and not same_city(a.city, b.city):
        diffs.append("city")
    return diffs


# --- finding addresses in prose -------------------------------------------------------------

_UP = "A-ZÁÉÍÓÚÜÑÀÈÌÒÙÇ"
_CAP = rf"[{_UP}][\w'’ª]*\.?"  # a capitalised word, "Sta." included
_CITY = rf"[{_UP}][\w'’]*"
_PARTICLE = r"(?:de|del|la|las|los|el|d'|l')"
_PROSE_TYPES = [a for a in _ALIAS if a not in ("c", "c.", "pl", "po.", "via", "parque", "cost.", "cta.", "tr.", "p.i.")]
_CP_RE = r"\(?(?:0[1-9]|[1-4]\d|5[0-2])\d{3}\)?"
_FIND_RE = re.compile(
    r"(?<![\w/.])(?i:" + _alias_pattern(_PROSE_TYPES, accents=True) + r")\s*"
    r"(?:\d{1,2}\s+de\s+)?(?:" + _PARTICLE + r"\s+)*" + _CAP
    + r"(?:\s+(?:" + _PARTICLE + r"\s+)*" + _CAP + r"){0,5}"
    r",?\s*(?i:(?:n\.?\s?[º°]\.?|n[úu]m\.?|n[úu]mero)\s*)?"
    r"(?:\d{1,4}(?:\s?(?:bis|[A-Za-z])\b)?(?![\d.,]\d|\s?(?:%|€|euros?|años|días|horas|min|km|m\b))|(?i:s/n))"
    r"(?:,?\s*" + _CP_RE + r"(?:\s+" + _CITY + r"(?:\s+(?:" + _PARTICLE + r"\s+)?" + _CITY + r"){0,3})?)?"
)


def find_addresses(text: str) -> list[TextMatch]:
    """Street addresses in prose: a street-type word, a capitalised name and a number
    ("en la calle de Atocha 12", "Avda. del Puerto, 45, 46011 Valencia"); value is an AddressKey."""
    if not (has_digit(text) or "/" in text):  # no number and no "s/n": no address (most texts)
        return []
    out = []
    for m in _FIND_RE.finditer(text):
        raw = m.group(0).rstrip(".")
        key = parse_address(raw)
        if key is not None and key.number:
            out.append(TextMatch(m.start(), m.start() + len(raw), raw, key))
    return out
