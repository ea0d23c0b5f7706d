"""Issue 3, KB3xx: phones, e-mails, addresses and opening hours written in the site's texts against
the stores and contact channels. Values written through {{ }} references are not re-checked."""
from __future__ import annotations

import pytest

from kbgen.checks import Options
from kbgen.checks.text import _general_names, _Stores, text_vs_data
from kbgen.loaders.content import load_project

from conftest import ROOT
from corpus import family, findings, line_of, load, plant
from test_offline_checks import _params, assert_reported

DIFFERENCES = [e for e in load("differences.yaml") if family(e["rule"]) == "KB3"]
BENIGN = [e for e in load("benign.yaml") if not e["file"].startswith(("offline/",))]


def test_corpus_covers_every_text_rule():
    assert {e["rule"] for e in DIFFERENCES} == {"KB301", "KB302", "KB303", "KB304", "KB305"}
    assert len(DIFFERENCES) >= 10 and len(BENIGN) >= 10


@pytest.mark.parametrize("entry", _params(DIFFERENCES))
def test_planted_difference_is_reported(project, entry):
    plant(project / "content", entry)
    assert_reported(project / "content", entry)


@pytest.mark.parametrize("entry", _params(BENIGN))
def test_benign_variant_is_not_reported(project, entry):
    plant(project / "content", entry)
    found = [f for f in findings(project / "content") if family(f.rule) in ("KB2", "KB3")]
    assert not found, "\n".join(f"{f.loc}: {f.rule}: {f.message}" for f in found)


def test_example_content_has_no_text_findings():
    assert not [f for f in findings(ROOT / "content") if family(f.rule) == "KB3"]


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _kb3(content):
    return [f for f in findings(content) if family(f.rule) == "KB3"]


FAQ = "faq/tiendas.yaml"
ANCHOR = "En la ficha de cada una encontrarás"


@pytest.mark.parametrize("sentence", [
    "En agosto la tienda de Sevilla cierra los sábados.",
    "En Navidad, La Tuerca Valencia Ruzafa abre los domingos de 11 a 15 h.",
    "El 24 de diciembre todas las tiendas cierran a las 14:00 y abren los domingos.",
    "Durante las rebajas abrimos los domingos.",
])
def test_statements_about_dates_are_special_hours_not_the_week(project, sentence):
    _edit(project / "content" / FAQ, ANCHOR, f"{sentence} {ANCHOR}")
    assert not _kb3(project / "content")


@pytest.mark.parametrize("sentence, rule", [
    ("La tienda de Las Palmas abre los domingos.", "KB304"),
    ("La tienda de Gran Canaria abre los domingos.", "KB304"),
    ("En La Tuerca Barcelona Gràcia abrimos los sábados de 10 a 20 h.", "KB304"),
    ("La tienda de Madrid Centro cierra los sábados.", "KB304"),
    ("La tienda de Valencia abre los lunes por la mañana.", "KB304"),
    ("Todas nuestras tiendas abren de lunes a sábado de 10:00 a 14:00 y de 17:00 a 20:30.", "KB304"),
    ("Las tiendas abren los domingos.", "KB304"),
    ("Los sábados por la tarde la tienda de Las Palmas está abierta.", "KB304"),
    ("El WhatsApp está abierto de lunes a viernes de 9 a 20 h.", "KB305"),
    ("El horario del chat es de lunes a sábado de 9:00 a 20:00.", "KB305"),
])
def test_hours_statements_that_contradict(project, sentence, rule):
    _edit(project / "content" / FAQ, ANCHOR, f"{sentence} {ANCHOR}")
    got = _kb3(project / "content")
    assert [f.rule for f in got] == [rule], got
    assert got[0].subject == "tiendas-ubicacion"
    assert got[0].line == line_of(project / "content" / FAQ, sentence[:30])


@pytest.mark.parametrize("sentence", [
    "La tienda de Las Palmas cierra los domingos.",
    "La tienda de Barcelona abre los sábados por la tarde.",
    "La tienda de Valencia abre los lunes por la tarde.",
    "Los lunes por la mañana la tienda de Valencia está cerrada.",
    "En Madrid Centro abrimos de lunes a viernes de 9:30 a 14:00 y de 17:00 a 20:30.",
    "La Tuerca Sevilla Triana abre de lunes a sábado de 10 a 14 h y de 17.30 a 21 h.",
    "Todas las tiendas cierran los domingos.",
    "Las tiendas abren los sábados por la mañana.",
    "Todas las tiendas cierran los domingos, salvo la de Sevilla.",
    "El WhatsApp está abierto de lunes a viernes de 9:00 a 21:00 y los sábados de 10:00 a 14:00.",
    "La tienda de Bilbao abre los domingos.",  # no store of ours: not ours to judge
    "L-V: 9:30–14:00 y 17:00–20:30 en La Tuerca Madrid Centro.",
])
def test_hours_statements_that_agree(project, sentence):
    _edit(project / "content" / FAQ, ANCHOR, f"{sentence} {ANCHOR}")
    assert not _kb3(project / "content")


def test_references_are_not_rechecked(project):
    """A {{ }} reference to a phone is consistent by construction, whatever it resolves to."""
    path = project / "content" / "faq" / "atencion-cliente.yaml"
    _edit(path, "Puedes llamarnos al {{ channels.telefono.value }},",
          "Puedes llamarnos al {{ channels.telefono.value }} o al {{ stores.sevilla-triana.phone }},")
    assert not _kb3(project / "content")


def test_phone_typo_suggests_the_reference(project):
    path = project / "content" / "faq" / "atencion-cliente.yaml"
    _edit(path, "Puedes llamarnos al {{ channels.telefono.value }},", "Puedes llamarnos al 910 123 465,")
    (f,) = _kb3(project / "content")
    assert f.rule == "KB301" and "{{ channels.telefono.value }}" in f.message and "910 123 465" in f.message


def test_promises_are_left_to_kb4xx(project):
    path = project / "content" / "promises.yaml"
    text = path.read_text(encoding="utf-8")
    first_text = next(line for line in text.splitlines() if line.strip().startswith("text:"))
    _edit(path, first_text, first_text.split("text:")[0] + "text: Nuestras tiendas abren los domingos")
    assert not [f for f in _kb3(project / "content") if f.rule in ("KB304", "KB305")]


def test_markdown_suppression_silences_a_text_finding(project):
    path = project / "content" / "policies" / "envios.md"
    _edit(path, "extranjero.\n", "extranjero.\n<!-- kbgen: ignore KB301 reason=\"teléfono de la agencia de transportes\" -->\n"
                                 "Incidencias con el transporte: 915 000 111.\n")
    assert not _kb3(project / "content")
    _edit(path, 'reason="teléfono de la agencia de transportes" ', "")
    rules = {f.rule for f in findings(project / "content")}
    assert {"KB190", "KB301"} <= rules


@pytest.mark.parametrize("place, ids", [
    ("Sevilla", ["sevilla-triana"]),
    ("Sevilla Triana", ["sevilla-triana"]),
    ("Gran Canaria", ["las-palmas"]),
    ("Las Palmas", ["las-palmas"]),
    ("Madrid Centro", ["madrid-centro"]),
    ("Horario de Madrid Centro", ["madrid-centro"]),
    ("Gràcia", ["barcelona-gracia"]),
    ("Ruzafa", ["valencia-ruzafa"]),
    ("Bilbao", []),
    ("La Tuerca", []),
])
def test_places_are_matched_to_stores(place, ids):
    project = load_project(str(ROOT / "content"))[0]
    stores = _Stores(project, _general_names(project))
    assert stores.match(place) == ids


def test_text_messages_in_english():
    project = load_project(str(ROOT / "content"))[0]
    q = next(q for q in project.questions() if q.id == "horario-telefono")
    text = next(t for t in project.texts if t.kind == "faq.a" and t.subject == q.id)
    saved = text.raw
    try:
        text.raw = saved + "\nTambién en el 910 000 111. La tienda de Sevilla abre los domingos."
        got = list(text_vs_data(project, Options(lang="en")))
    finally:
        text.raw = saved
    msgs = {f.rule: f.message for f in got}
    assert set(msgs) == {"KB301", "KB304"}
    assert "belongs to no store and no contact channel" in msgs["KB301"]
    assert msgs["KB304"].startswith('the text says "abre los domingos", but La Tuerca Sevilla Triana is closed on Sunday')


def test_store_with_broken_hours_is_not_judged(project):
    """Madrid's Saturday is an error (KB103): "abren de lunes a sábado" is not blamed on it."""
    _edit(project / "content" / "stores" / "madrid-centro.yaml", "sat: 10:00-14:00", "sat: 10:00-25:00")
    rules = {f.rule for f in findings(project / "content")}
    assert "KB103" in rules and not {r for r in rules if family(r) == "KB3"}


def test_part_of_day_belongs_to_its_own_statement(project):
    sentence = "La tienda de Valencia cierra los domingos y abre los sábados por la tarde."
    _edit(project / "content" / FAQ, ANCHOR, f"{sentence} {ANCHOR}")
    got = _kb3(project / "content")
    assert [(f.rule, f.column) for f in got] == [("KB304", 7 + len("La tienda de Valencia cierra los domingos y "))]
