"""Spanish street addresses: parse transcriptions into a comparable key, find them in prose."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import TextMatch
from .fold import fold, fold_same_length

# Canonical street type -> ways people write it (folded; a trailing "." is optional).
STREET_TYPES: dict[str, tuple[str, ...]] = {
    "calle": ("calle", "c/", "cl.", "cl", "c.", "cll.", "c"),
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
_PARTICLES = {"de", "del", "la", "las", "los", "el", "d", "l"}
_NAME_ABBREV = {
    "sta": "santa", "sto": "santo", "s": "san", "sn": "san", "dr": "doctor", "dra": "doctora",
    "gral": "general", "pdte": "presidente", "ntra": "nuestra", "sra": "señora", "sr": "señor",
    "hnos": "hermanos", "avda": "avenida", "c": "calle", "ctra": "carretera", "pza": "plaza",
    "ppe": "principe", "pte": "puente", "mtro": "maestro", "cap": "capitan", "cmte": "comandante",
}
_FLOOR = re.compile(
    r"^(bajo|bajos|local|loc\.?|planta|piso|puerta|pta\.?|esc\.?|escalera|izq\.?|izda\.?|izquierda|dcha\.?|"
    r"derecha|dch\.?|entlo\.?|entresuelo|ático|atico|portal|bloque|nave|km\.?|esquina|esq\.?|"
    r"\d+\s*[ºª°]|\d+[a-z]?\b|[a-z]$)"
)
_COUNTRY = re.compile(r"[\s,]*\b(españa|spain|es)$")
_CP = re.compile(r"\(?\b((?:0[1-9]|[1-4]\d|5[0-2])\d{3})\b\)?")
_NUM_WORD = r"(?:n\.?\s?[º°o]\.?|num\.?|numero|nr\.?|no\.|#)"
_NUMBER = r"(?:\d{1,4}(?:\s?-\s?\d{1,4})?(?:\s?(?:bis|dup|[a-z])\b)?|s/n|s\.n\.|sin numero)"


def _alias_pattern(aliases) -> str:
    out = []
    for a in sorted(aliases, key=len, reverse=True):
        esc = re.escape(a.rstrip("."))
        if a.endswith("."):
            out.append(esc + r"\.")
        elif a[-1].isalpha():
            out.append(esc + r"\b(?![/.'’])")  # "c" must not eat "c/" nor "calle"
        else:
            out.append(esc)
    return "|".join(out)


_TYPE_RE = re.compile(r"^(" + _alias_pattern(_ALIAS) + r")\s*")
_STREET_NUM = re.compile(r"^(?P<name>.*?\S)[\s,]+(?:" + _NUM_WORD + r"\s*)?(?P<num>" + _NUMBER + r")(?P<rest>(?:[\s,(].*)?)$")
_LEAD_NUM = re.compile(r"^(?:" + _NUM_WORD + r"\s*)?(?P<num>" + _NUMBER + r")(?P<rest>(?:[\s,(].*)?)$")


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
    if not m:
        return "", s
    return _ALIAS[m.group(1).rstrip(".") if m.group(1).rstrip(".") in _ALIAS else m.group(1)], s[m.end():]


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
    if not text or not str(text).strip():
        return None
    s = fold(str(text))
    postal = None
    cps = list(_CP.finditer(s))
    cp_pos = None
    if cps:
        m = cps[-1]
        postal, cp_pos = m.group(1), m.start()
        s = s[:m.start()] + " ¶ " + s[m.end():]
    stype, rest = _street_type(s)
    parts = [p.strip() for p in rest.split(",")]
    first = parts[0]
    number, tail = "", parts[1:]
    m = _STREET_NUM.match(first.replace("¶", ",").split(",")[0].strip()) if "¶" in first else _STREET_NUM.match(first)
    if "¶" in first:  # "Calle Atocha 12 28012 Madrid": postal code inside the first part
        head, _, after = first.partition("¶")
        m = _STREET_NUM.match(head.strip())
        tail = [after] + tail if after.strip() else tail
        first = head.strip()
    if m and _name_tokens(m.group("name")):
        name, number = m.group("name"), m.group("num")
        if m.group("rest").strip():
            tail = [m.group("rest")] + tail
    else:
        name = first
        if tail:
            lm = _LEAD_NUM.match(tail[0])
            if lm:
                number = lm.group("num")
                tail = ([lm.group("rest")] if lm.group("rest").strip() else []) + tail[1:]
    tokens = _name_tokens(name)
    if not tokens:
        return None
    city = None
    marked = [t for t in tail if "¶" in t]
    for cand in [t.replace("¶", " ") for t in marked] + [t for t in reversed(tail) if "¶" not in t]:
        city = _city(cand)
        if city:
            break
    del cp_pos
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
    return not (a.city and b.city and a.city != b.city)


def address_differences(a: AddressKey, b: AddressKey) -> list[str]:
    """Names of the fields that differ under the rules of :func:`same_address`."""
    diffs = []
    if a.street_type and b.street_type and a.street_type != b.street_type:
        diffs.append("street_type")
    for f in ("name", "number"):
        if getattr(a, f) != getattr(b, f):
            diffs.append(f)
    for f in ("postal_code", "city"):
        if getattr(a, f) and getattr(b, f) and getattr(a, f) != getattr(b, f):
            diffs.append(f)
    return diffs


# --- finding addresses in prose -------------------------------------------------------------

_UP = "A-ZÁÉÍÓÚÜÑÀÈÌÒÙÇ"
_CAP_WORD = rf"(?:[{_UP}0-9][\w'’ª]*\.?)"
_PARTICLE = r"(?:de|del|la|las|los|el|d'|l')"
_PROSE_TYPES = sorted((a for a in _ALIAS if a not in ("c", "c.", "via", "parque", "cost.", "cta.", "tr.", "pl")),
                      key=len, reverse=True)
_FIND_RE = re.compile(
    r"(?<![\w/.])(?i:(?P<type>" + _alias_pattern(_PROSE_TYPES).replace(r"\b(?![/.'’])", r"\b(?![/'’])") + r"))\s*"
    r"(?P<name>(?:" + _PARTICLE + r"\s+)*" + _CAP_WORD + r"(?:\s+(?:" + _PARTICLE + r"\s+)*" + _CAP_WORD + r"){0,5})"
    r",?\s*(?i:(?:" + _NUM_WORD.replace("[º°o]", "[º°]") + r"\s*)?)"
    r"(?P<num>\d{1,4}(?:\s?(?:bis|[A-Za-z])\b)?(?![\d.,]\d)|(?i:s/n))"
    r"(?P<tail>(?:,?\s*\(?(?:0[1-9]|[1-4]\d|5[0-2])\d{3}\)?(?:\s+" + _CAP_WORD + r"(?:\s+(?:" + _PARTICLE + r"\s+)?"
    + _CAP_WORD + r"){0,3})?)?)"
)


def find_addresses(text: str) -> list[TextMatch]:
    """Street addresses in prose: a street-type word, a capitalised name and a number
    ("en la calle de Atocha 12", "Avda. del Puerto, 45, 46011 Valencia"); value is an AddressKey."""
    out = []
    for m in _FIND_RE.finditer(text):
        name = m.group("name")
        if not re.search(rf"[{_UP}a-z]", fold_same_length(name).upper()):
            continue
        key = parse_address(m.group(0))
        if key is not None and key.number:
            out.append(TextMatch(m.start(), m.end(), m.group(0), key))
    return out
