"""Phone numbers: normalise transcriptions to E.164 and find them in prose."""
from __future__ import annotations

import functools
import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

from . import TextMatch
from .fold import fold_same_length
from .trigger import has_digit

# Words that make a run of digits an identifier rather than a phone number.
_NOT_A_PHONE = re.compile(
    r"(?<![a-zñ])(pedido|ref\.?|referencia|factura|albaran|seguimiento|envio|localizador|codigo|cod\.|"
    r"ticket|dni|nie|nif|cif|iban|cuenta|tarjeta|order|tracking|invoice|n\.?[º°]|no\.|"
    r"num\.?|numero de (?:pedido|factura|envio|seguimiento|cliente|socio|ticket))"
    r"[\s:#.º°-]*(?:\bes(?:\s+el)?)?$"
)
_LABEL = re.compile(r"^\s*(?:tel(?:efono|f)?s?|telephone|phone|movil|fijo|whatsapp)\.?\s*[:.]?\s*", re.I)


def normalize_phone(text: str, country: str = "ES") -> str | None:
    """``'910 12 34 57'`` -> ``'+34910123457'``; None when it is not a valid number."""
    if text is None:
        return None
    return _normalize_phone(str(text), country)


@functools.lru_cache(maxsize=8192)
def _normalize_phone(text: str, country: str) -> str | None:
    """normalize_phone once per distinct text: a store's number is read by several checks."""
    s = _LABEL.sub("", fold_same_length(text).strip())
    if _DIGITS_AND_SPACES.fullmatch(s):  # "+34 967 82 49 80", "967824980": read as the digits alone
        return _normalize_digits(s.replace(" ", ""), country)
    if not re.search(r"\d", s) or re.search(r"[a-zñ]{2,}", s):
        return None
    return _parse_phone(s, country)


# A number written as ASCII digits and spaces (a leading "+" allowed) reads the same without its
# spaces: phonenumbers drops them before it reads the digits (tests/test_text_phones.py compares the
# two on thousands of numbers). So the store's "+34 967 824 980" and the export's "+34967824980"
# are parsed once: phonenumbers.parse is the slow part (~40 µs).
_DIGITS_AND_SPACES = re.compile(r"\+?[0-9][0-9 ]*")


@functools.lru_cache(maxsize=8192)
def _normalize_digits(digits: str, country: str) -> str | None:
    return _parse_phone(digits, country)


def _parse_phone(s: str, country: str) -> str | None:
    try:
        num = phonenumbers.parse(s, country)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(num):
        return None
    return phonenumbers.format_number(num, PhoneNumberFormat.E164)


def find_phones(text: str, country: str = "ES") -> list[TextMatch]:
    """Valid phone numbers written in prose; value is E.164. Skips order/reference numbers."""
    if not has_digit(text):  # a number has digits (the matcher's own \d); most texts have none
        return []
    folded = fold_same_length(text)
    found = []
    for m in PhoneNumberMatcher(text, country, leniency=Leniency.VALID):
        before = folded[max(0, m.start - 30):m.start].rstrip()
        if _NOT_A_PHONE.search(before):
            continue
        e164 = phonenumbers.format_number(m.number, PhoneNumberFormat.E164)
        found.append(TextMatch(m.start, m.end, m.raw_string, e164))
    return found
