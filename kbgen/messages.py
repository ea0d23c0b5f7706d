"""Finding messages in the site's language (``site.language``: es or en).

A small table: each message key has a Spanish and an English template filled with
``str.format``. The helpers write days, dates, hours, phone numbers and lists the way a
person reads them in that language. Used by the KB2xx (offline) and KB3xx (text) rules.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

import phonenumbers

from .hours import DAY_NAMES_EN, DAY_NAMES_ES, fmt_intervals

LANGS = ("es", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- KB2xx
    "says.yaml": {"es": "la tienda anuncia", "en": "the store shows"},
    "says.csv": {"es": "el sistema de tiendas dice", "en": "the store system says"},
    "hours": {
        "es": "{store}, {days}: {says} {offline}, la web dice {online} ({where})",
        "en": "{store}, {days}: {says} {offline}, the website says {online} ({where})",
    },
    "hours.unstated": {
        "es": "{store}, {days}: {source} no dice nada de ese día, la web dice {online} ({where}); "
              "añade el {day_word} al horario de la tienda",
        "en": "{store}, {days}: {source} says nothing about that day, the website says {online} ({where}); "
              "add it to the store's hours",
    },
    "holidays.regular": {"es": "abre los festivos con su horario habitual",
                         "en": "opens on public holidays with its usual hours"},
    "holidays.closed": {"es": "cerrado los festivos", "en": "closed on public holidays"},
    "festivos": {"es": "festivos", "en": "public holidays"},
    "special": {
        "es": "{store}, {when}: {says} {offline}{note}, la web dice {online} ({where})",
        "en": "{store}, {when}: {says} {offline}{note}, the website says {online} ({where})",
    },
    "special.range": {
        "es": "{store}, {when}: {says} {offline}{note}, pero la web no lo dice en {n} de esos {total} días "
              "(el {first}: {online}, {where})",
        "en": "{store}, {when}: {says} {offline}{note}, but the website does not on {n} of those {total} days "
              "(on {first}: {online}, {where})",
    },
    "special.missing": {
        "es": "{store}, {when}: la web anuncia {online}{note} ({where}), pero {source} no lo recoge: "
              "para ese día dice {offline}",
        "en": "{store}, {when}: the website announces {online}{note} ({where}), but {source} does not: "
              "for that day it says {offline}",
    },
    "regular.of": {"es": "su horario habitual del {day}", "en": "its usual {day} hours"},
    "nothing": {"es": "nada", "en": "nothing"},
    "field.phone": {"es": "teléfono", "en": "phone"},
    "field.email": {"es": "correo electrónico", "en": "e-mail"},
    "field.address": {"es": "dirección", "en": "address"},
    "field.name": {"es": "nombre", "en": "name"},
    "value": {
        "es": "{store}, {field}: {says} {offline}, la web dice {online} ({where})",
        "en": "{store}, {field}: {says} {offline}, the website says {online} ({where})",
    },
    "value.none": {
        "es": "{store}, {field}: {says} {offline}, pero la web no tiene {field} ({where}); añádelo a la tienda",
        "en": "{store}, {field}: {says} {offline}, but the website has no {field} ({where}); add it to the store",
    },
    "address.diff": {"es": "distinto: {what}", "en": "different {what}"},
    "addr.street_type": {"es": "tipo de vía", "en": "street type"},
    "addr.name": {"es": "calle", "en": "street"},
    "addr.number": {"es": "número", "en": "number"},
    "addr.postal_code": {"es": "código postal", "en": "postal code"},
    "addr.city": {"es": "ciudad", "en": "city"},
    "unknown.store": {
        "es": "«{sid}» ({source}) no es ninguna tienda de la web: no hay content/stores/{sid}.yaml{hint}",
        "en": "\"{sid}\" ({source}) is no store on the website: there is no content/stores/{sid}.yaml{hint}",
    },
    "did.you.mean": {"es": "; ¿querías decir «{x}»?", "en": "; did you mean \"{x}\"?"},
    "missing.store.yaml": {
        "es": "{store} ({where}) no aparece en {source}, que sí recoge otras tiendas: transcribe también su cartel",
        "en": "{store} ({where}) is missing from {source}, which lists other stores: transcribe its sign too",
    },
    "missing.store.csv": {
        "es": "{store} ({where}) no aparece en {source}, y la exportación del sistema de tiendas debe "
              "recoger todas las tiendas: añade su fila o comprueba el id",
        "en": "{store} ({where}) is missing from {source}, and the store-system export must list every store: "
              "add its row or check the id",
    },
    "unreadable.hours": {
        "es": "{store}: no se entiende «{text}» como horario ({why}); corrige la transcripción",
        "en": "{store}: cannot read \"{text}\" as opening hours ({why}); fix the transcription",
    },
    "unreadable.days": {
        "es": "{store}: no se entiende «{text}» como días de la semana; escribe p. ej. «lun-vie», «sáb», "
              "«dom. y festivos»",
        "en": "{store}: cannot read \"{text}\" as days of the week; write e.g. \"lun-vie\", \"sáb\", "
              "\"dom. y festivos\"",
    },
    "unreadable.empty": {
        "es": "{store}: «{text}» no tiene horario; escribe las horas o «cerrado»",
        "en": "{store}: \"{text}\" has no hours; write the hours or \"cerrado\"",
    },
    "unreadable.twice": {
        "es": "{store}: el {day} aparece dos veces con horarios distintos ({a} / {b}); deja uno",
        "en": "{store}: {day} appears twice with different hours ({a} / {b}); keep one",
    },
    "unreadable.date": {
        "es": "{store}: no se entiende «{text}» como fecha; escribe p. ej. «26/12/2026» o «26 de diciembre»",
        "en": "{store}: cannot read \"{text}\" as a date; write e.g. \"26/12/2026\" or \"26 de diciembre\"",
    },
    "unreadable.nodate": {
        "es": "{store}: un horario especial sin fecha; escribe «date:» o «dates:»",
        "en": "{store}: special hours without a date; write \"date:\" or \"dates:\"",
    },
    "unreadable.nohours": {
        "es": "{store}: el horario especial del {when} no dice ni horas ni «closed: true»",
        "en": "{store}: the special hours on {when} give neither hours nor \"closed: true\"",
    },
    "unreadable.phone": {
        "es": "{store}: no se entiende «{text}» como teléfono; escribe p. ej. «910 123 457»",
        "en": "{store}: cannot read \"{text}\" as a phone number; write e.g. \"910 123 457\"",
    },
    "unreadable.email": {
        "es": "{store}: «{text}» no es una dirección de correo",
        "en": "{store}: \"{text}\" is not an e-mail address",
    },
    "unreadable.address": {
        "es": "{store}: no se entiende «{text}» como dirección; escribe p. ej. «C/ Atocha, 12, 28012 Madrid»",
        "en": "{store}: cannot read \"{text}\" as an address; write e.g. \"C/ Atocha, 12, 28012 Madrid\"",
    },
    # ---------------------------------------------------------------- KB3xx
    "text.phone": {
        "es": "el teléfono «{raw}» ({value}) no es de ninguna tienda ni canal de contacto{hint}",
        "en": "the phone number \"{raw}\" ({value}) belongs to no store and no contact channel{hint}",
    },
    "text.email": {
        "es": "el correo «{raw}» no es de ninguna tienda ni canal de contacto{hint}",
        "en": "the e-mail address \"{raw}\" belongs to no store and no contact channel{hint}",
    },
    "text.address": {
        "es": "la dirección «{raw}» no es de ninguna tienda ni canal de contacto{hint}",
        "en": "the address \"{raw}\" belongs to no store and no contact channel{hint}",
    },
    "hint.ref": {
        "es": "; ¿es el de {owner} ({value})? Escríbelo con {{{{ {ref} }}}} para que no se desfase",
        "en": "; is it {owner}'s ({value})? Write it as {{{{ {ref} }}}} so it cannot drift",
    },
    "hint.address": {
        "es": "; ¿es la de {owner} ({value}, {where})?",
        "en": "; is it {owner}'s ({value}, {where})?",
    },
    "hint.add": {
        "es": "; si es correcto, añádelo a la tienda o a contact.yaml",
        "en": "; if it is right, add it to the store or to contact.yaml",
    },
    "text.hours": {
        "es": "el texto dice «{raw}», pero {what}",
        "en": "the text says \"{raw}\", but {what}",
    },
    "text.hours.item": {"es": "{owner} {actual} ({where})", "en": "{owner} {actual} ({where})"},
    "and.more": {"es": "y {n} más", "en": "and {n} more"},
    "actual.day.closed": {"es": "cierra el {day}", "en": "is closed on {day}"},
    "actual.day.hours": {"es": "abre el {day} {hours}", "en": "opens on {day} {hours}"},
    "actual.hol.regular": {"es": "abre los festivos", "en": "opens on public holidays"},
    "actual.hol.closed": {"es": "cierra los festivos", "en": "is closed on public holidays"},
    "the.channel": {"es": "el canal «{label}»", "en": "the channel \"{label}\""},
}


def msg(key: str, lang: str = "es", **kw) -> str:
    table = MESSAGES[key]
    return table.get(lang if lang in LANGS else "es", table["es"]).format(**kw)


def day_name(d: int, lang: str = "es") -> str:
    return DAY_NAMES_ES[d] if lang == "es" else DAY_NAMES_EN[d]


def and_list(items: Iterable[str], lang: str = "es") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    joiner = " y " if lang == "es" else " and "
    return ", ".join(items[:-1]) + joiner + items[-1]


def days_label(days: Iterable[int], lang: str = "es") -> str:
    """[5] -> 'sábado'; [0..4] -> 'lunes a viernes'; [0, 2] -> 'lunes y miércoles'."""
    ds = sorted(set(days))
    if len(ds) >= 3 and ds == list(range(ds[0], ds[-1] + 1)):
        sep = " a " if lang == "es" else " to "
        return day_name(ds[0], lang) + sep + day_name(ds[-1], lang)
    return and_list([day_name(d, lang) for d in ds], lang)


def date_label(d: dt.date, lang: str = "es") -> str:
    return d.strftime("%d/%m/%Y") if lang == "es" else d.isoformat()


def range_label(a: dt.date, b: dt.date, lang: str = "es") -> str:
    if a == b:
        return date_label(a, lang)
    if lang == "es":
        return f"del {date_label(a, lang)} al {date_label(b, lang)}"
    return f"{date_label(a, lang)} to {date_label(b, lang)}"


def hours_label(intervals, lang: str = "es") -> str:
    return fmt_intervals(tuple(intervals), lang)


def phone_label(e164: str) -> str:
    """'+34910123457' -> '+34 910 12 34 57' (international format)."""
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164, None),
                                          phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return e164
