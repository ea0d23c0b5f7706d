"""Findings speak the site's language (site.yaml ``language: es|en``) in every rule family.

The same fault in a copy of the example (Spanish) and in a copy that says ``language: en`` gives
the same rule, file and line, with the message in Spanish and in English. site.yaml's own problems
use the language it states, although it is read before it is understood."""
from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest

from kbgen.checks import Options
from kbgen.engine import analyse
from kbgen.messages import MESSAGES, msg

from conftest import TODAY, copy_project

# words of the English messages that must not show up in a Spanish site's findings
ENGLISH = re.compile(r"\b(is not|did you mean|write|add|unknown|cannot|the file|must be|overdue|expected|"
                     r"missing|twice|valid)\b")

FAULTS = [
    # (file, old, new, rule, Spanish piece, English piece)
    ("stores/madrid-centro.yaml", "sat: 10:00-14:00", "sat: 10:00-25:00", "KB103",
     '"25:00" no es una hora del día; escribe HH:MM entre 00:00 y 24:00',
     '"25:00" is not a time of day; write HH:MM between 00:00 and 24:00'),
    ("stores/madrid-centro.yaml", "sat: 10:00-14:00", "sabados: 10:00-14:00", "KB103",
     '"sabados" no es un día de la semana; escribe lun, mar',
     '"sabados" is not a day of the week; write mon, tue'),
    ("stores/madrid-centro.yaml", "sat: 10:00-14:00", 'sat: ["10:00-14:00", "13:00-15:00"]', "KB104",
     "los tramos 10:00–14:00 y 13:00–15:00 se solapan",
     "intervals 10:00–14:00 and 13:00–15:00 overlap"),
    ("stores/madrid-centro.yaml", "  sat: 10:00-14:00\n", "", "KB105",
     "faltan días en el horario: sábado; añade sábado",
     "hours do not say Saturday; add Saturday"),
    ("stores/madrid-centro.yaml", "address:", "adress:", "KB102",
     'la clave "adress" no existe; ¿querías decir "address"?',
     'unknown key "adress"; did you mean "address"?'),
    ("stores/madrid-centro.yaml", "sat: 10:00-14:00", "sat: 10:00-14:00\n  sat: 10:00-14:00", "KB107",
     "aparece dos veces en el mismo bloque (la primera en la línea",
     "appears twice in the same block (first at line"),
    ("stores/madrid-centro.yaml", 'phone: "+34 910 123 457"', 'phone: "+34 123"', "KB112",
     '"+34 123" no es un número de teléfono válido; escríbelo como "+34 910 123 456"',
     '"+34 123" is not a valid phone number; write it as "+34 910 123 456"'),
    ("faq/envios.yaml", "category: Envíos y entregas", "category: [Envíos y entregas", "KB100",
     "esto no es YAML válido", "this is not valid YAML"),
    ("faq/envios.yaml", "{{ delivery.peninsula }}", "{{ delivery.penisula }}", "KB108",
     'la referencia "{{ delivery.penisula }}" no existe; ¿querías decir "{{ delivery.peninsula }}"?',
     'unknown reference "{{ delivery.penisula }}"; did you mean "{{ delivery.peninsula }}"?'),
    ("faq/envios.yaml", "{{ delivery.peninsula }}", "{{ delivery.peninsula }} ([ver](faq:plazo-entregas))",
     "KB601", 'enlaza con la FAQ "plazo-entregas", que no existe; ¿querías decir faq:plazo-entrega?',
     'links to FAQ id "plazo-entregas", which does not exist; did you mean faq:plazo-entrega?'),
    ("faq/devoluciones.yaml", "reviewed: 2026-10-05", "reviewed: 2026-03-01", "KB501",
     "se revisó por última vez el 2026-03-01 y lleva 93 días de retraso",
     "was last reviewed on 2026-03-01 and is 93 days overdue"),
    ("site.yaml", "country: ES", "country: ES\ncolour: rojo", "KB102",
     'la clave "colour" no existe', 'unknown key "colour"'),
    ("site.yaml", "country: ES", "country: [ES", "KB100",
     "esto no es YAML válido", "this is not valid YAML"),
]


def _project(tmp_path: Path, lang: str, rel: str, old: str, new: str) -> Path:
    proj = copy_project(tmp_path / lang)
    site = proj / "content" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("language: es", f"language: {lang}"), encoding="utf-8")
    path = proj / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the example changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return proj / "content"


def _findings(content: Path, rule: str, search: bool = False):
    res = analyse(str(content), Options(today=dt.date.fromisoformat(TODAY), search=search))
    return [f for f in res.findings + res.unreadable if f.rule == rule]


@pytest.mark.parametrize("rel, old, new, rule, es, en", FAULTS, ids=[f"{f[3]}-{i}" for i, f in enumerate(FAULTS)])
def test_the_same_fault_in_spanish_and_in_english(tmp_path, rel, old, new, rule, es, en):
    in_es = _findings(_project(tmp_path, "es", rel, old, new), rule)
    in_en = _findings(_project(tmp_path, "en", rel, old, new), rule)
    assert in_es and [(f.loc.line, f.loc.col) for f in in_es] == [(f.loc.line, f.loc.col) for f in in_en]
    assert [f.loc.path.split("content/")[-1] for f in in_es] == [f.loc.path.split("content/")[-1] for f in in_en]
    assert any(es in f.message for f in in_es), [f.message for f in in_es]
    assert any(en in f.message for f in in_en), [f.message for f in in_en]
    assert not [f.message for f in in_es if ENGLISH.search(f.message)]


def test_a_file_that_is_not_utf8_in_both_languages(tmp_path):
    for lang, piece in (("es", "no está guardado como texto UTF-8"), ("en", "the file is not UTF-8 text")):
        content = _project(tmp_path, lang, "site.yaml", "country: ES", "country: ES")
        path = content / "faq" / "envios.yaml"
        path.write_bytes(path.read_bytes().replace("Envíos".encode(), "Envíos".encode("latin-1"), 1))
        [f] = _findings(content, "KB100")
        assert f.loc.line == 1 and piece in f.message, f.message


def test_a_search_test_miss_in_both_languages(tmp_path):
    for lang, piece in (("es", 'búsqueda "horario tienda sevilla": la respuesta esperada tarjeta-regalo'),
                        ("en", 'search "horario tienda sevilla": the expected answer tarjeta-regalo')):
        content = _project(tmp_path, lang, "site.yaml", "country: ES", "country: ES")
        tests = content / "search-tests.yaml"
        tests.write_text(tests.read_text(encoding="utf-8") + "\n- query: horario tienda sevilla\n"
                         "  expect: tarjeta-regalo\n", encoding="utf-8")
        [f] = _findings(content, "KB701", search=True)
        assert piece in f.message, f.message


def _fields(template: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# Keys whose languages are worded from different values: English quotes PyYAML's or the csv module's
# own (English) reason and pydantic's message, Spanish says what it knows in its own words.
_DIFFERENT_FIELDS = {"yaml.syntax", "csv.unreadable", "fix.int", "fix.number", "fix.ge", "fix.gt", "fix.le",
                     "fix.lt", "fix.other", "hours.unstated"}


def test_every_message_has_both_languages_with_the_same_values():
    for key, table in MESSAGES.items():
        assert set(table) == {"es", "en"}, key
        if key not in _DIFFERENT_FIELDS:
            assert _fields(table["es"]) == _fields(table["en"]), key


def test_an_unknown_language_reads_as_spanish():
    assert msg("hours.time", "fr", text="25:00") == msg("hours.time", "es", text="25:00")
