"""``kbgen explain`` speaks the site's language: Spanish by default, English with ``--lang en`` or
``language: en`` in site.yaml; a missing or broken site.yaml never stops it."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kbgen.checks import RULES, explain, load_families
from kbgen.checks.docs_es import DOCS_ES, doc_in, severity_in
from kbgen.loaders.content import site_language


def run(cwd: Path, *args: str) -> tuple[int, str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    p = subprocess.run([sys.executable, "-m", "kbgen.cli", "explain", *args], cwd=cwd, capture_output=True,
                       text=True, env=env, timeout=120)
    assert "Traceback" not in p.stderr
    return p.returncode, p.stdout, p.stderr


def site(tmp_path: Path, text: str, folder: str = "content") -> Path:
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "site.yaml").write_text(text, encoding="utf-8")
    return tmp_path


SPANISH_KB201 = "KB201 offline-hours-differ (error)\n\nEl horario de un día de la semana en una fuente offline"


# ------------------------------------------------------------------ the Spanish docs

def test_every_rule_has_a_spanish_doc_and_no_other_code_has_one():
    load_families()
    assert len(RULES) >= 60
    assert sorted(DOCS_ES) == sorted(RULES)
    for code, doc in DOCS_ES.items():
        assert doc.strip(), code
        assert doc != RULES[code].doc, f"{code}: the Spanish doc is the English one"
        assert "\n" not in doc and "  " not in doc, f"{code}: one paragraph, single spaces"


def test_spanish_docs_keep_the_code_as_written_and_speak_to_the_editor():
    assert "``sáb: 10 a 14h``" in DOCS_ES["KB201"] and "``sat: 10:00-14:00``" in DOCS_ES["KB201"]
    assert "``reason=\"…\"``" in DOCS_ES["KB190"]
    assert "{{ stores.madrid-centro.phone }}" in DOCS_ES["KB301"]
    # every doc tells the editor what to do, in the tú form (never usted)
    todo = re.compile(r"\b(añade|corrige|corrígel[oa]|escribe|escríbela|júntalas|bórrala|borra|usa|pon|revisa|"
                      r"cambia|ajusta|rebaja|adelanta|transcribe|actualiza|comprueba|relee|averigua|haz|quítala|"
                      r"amplía|arregla|crea)\b", re.I)
    assert [code for code, doc in DOCS_ES.items() if not todo.search(doc)] == []
    formal = re.compile(r"\b(usted|ud\.|añada|corrija|escriba|compruebe|revise|cambie)\b", re.I)
    assert [code for code, doc in DOCS_ES.items() if formal.search(doc)] == []


def test_doc_in_and_severity_in():
    assert doc_in("kb201", "en") == explain("KB201").doc
    assert doc_in("KB201", "es") == DOCS_ES["KB201"] == doc_in("KB201", "fr")
    assert doc_in("KB999", "es") is None
    assert severity_in("warning", "es") == "aviso" and severity_in("info", "es") == "nota"
    assert severity_in("error", "es") == "error" and severity_in("warning", "en") == "warning"


# ------------------------------------------------------------------ the language of site.yaml

@pytest.mark.parametrize("text,lang", [
    ("name: X\nlanguage: en\n", "en"),
    ("name: X\nlanguage: 'en'  # English site\n", "en"),
    ("\ufeffname: X\r\nlanguage: en\r\n", "en"),
    ("name: X\nlanguage: es\n", "es"),
    ("name: X\nlanguage: fr\n", "es"),
    ("name: X\n", "es"),
    ("name: [X\nlanguage: {\n", "es"),
    ("", "es"),
])
def test_site_language_reads_the_language_line(tmp_path, text, lang):
    assert site_language(str(site(tmp_path, text) / "content")) == lang


def test_site_language_never_raises(tmp_path):
    assert site_language(str(tmp_path / "missing")) == "es"
    (tmp_path / "a" / "site.yaml").mkdir(parents=True)  # a folder named site.yaml
    assert site_language(str(tmp_path / "a")) == "es"
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "site.yaml").write_bytes(b"\xff\xfe\x00garbage\x00\nlanguage: en\n")
    assert site_language(str(tmp_path / "b")) == "en"
    (tmp_path / "file").write_text("x")
    assert site_language(str(tmp_path / "file")) == "es"  # --content pointing at a file
    assert site_language("bad\x00path") == "es"
    assert site_language(str(tmp_path / "missing"), default="en") == "en"


# ------------------------------------------------------------------ kbgen explain

def test_explain_is_spanish_without_a_content_folder(tmp_path):
    code, out, err = run(tmp_path, "KB201")
    assert code == 0 and err == ""
    assert out.startswith(SPANISH_KB201)
    assert "``sáb: 10 a 14h``" in out and "corrígelo" in out
    assert "differ from the store" not in out
    assert out.endswith(".\n")


def test_explain_says_the_severity_in_spanish(tmp_path):
    code, out, _ = run(tmp_path, "kb501")
    assert code == 0
    assert out.startswith("KB501 review-overdue (aviso)\n\nUna pregunta frecuente o una política")
    code, out, _ = run(tmp_path, "KB420")
    assert code == 0 and out.startswith("KB420 promise-undersells (nota)\n\n")


def test_explain_in_english_with_lang_en(tmp_path):
    code, out, err = run(tmp_path, "KB201", "--lang", "en")
    assert code == 0 and err == ""
    assert out == f"KB201 offline-hours-differ (error)\n\n{explain('KB201').doc}\n"
    assert "differ from the store's hours on the website" in out
    code, out, _ = run(tmp_path, "KB501", "--lang", "en")
    assert out.startswith("KB501 review-overdue (warning)\n\nAn FAQ entry or policy")


def test_explain_follows_the_language_of_site_yaml(tmp_path):
    site(tmp_path, "name: Hardware\nlanguage: en\ntimezone: Europe/London\n")
    code, out, _ = run(tmp_path, "KB201")
    assert code == 0 and out.startswith("KB201 offline-hours-differ (error)\n\nThe hours of a weekday")
    # --lang wins over site.yaml
    code, out, _ = run(tmp_path, "KB201", "--lang", "es")
    assert code == 0 and out.startswith(SPANISH_KB201)


def test_explain_reads_site_yaml_of_the_content_option(tmp_path):
    site(tmp_path, "name: Hardware\nlanguage: en\n", folder="other")
    code, out, _ = run(tmp_path, "KB201")
    assert code == 0 and out.startswith(SPANISH_KB201)  # ./content does not exist
    code, out, _ = run(tmp_path, "KB201", "--content", "other")
    assert code == 0 and "The hours of a weekday" in out
    code, out, _ = run(tmp_path / "other", "KB201", "--content", str(tmp_path / "other"))
    assert code == 0 and "The hours of a weekday" in out


@pytest.mark.parametrize("broken", ["yaml", "folder", "binary", "spanish"])
def test_explain_survives_a_broken_site_yaml_in_spanish(tmp_path, broken):
    if broken == "folder":
        (tmp_path / "content" / "site.yaml").mkdir(parents=True)
    elif broken == "binary":
        (tmp_path / "content").mkdir()
        (tmp_path / "content" / "site.yaml").write_bytes(b"\x80\x81\xff\x00\x00name: [")
    elif broken == "yaml":
        site(tmp_path, "name: [La Tuerca\n  language: {en\n\t- :\n")
    else:
        site(tmp_path, "name: La Tuerca\nlanguage: es\n")
    code, out, err = run(tmp_path, "KB201")
    assert code == 0 and err == ""
    assert out.startswith(SPANISH_KB201)


def test_an_unknown_rule_exits_2_with_a_spanish_message(tmp_path):
    code, out, err = run(tmp_path, "KB999")
    assert code == 2 and out == ""
    assert err == 'no hay ninguna regla "KB999"; las reglas se escriben como KB201 (familias KB1xx a KB7xx)\n'


def test_an_unknown_rule_in_an_english_site_is_said_in_english(tmp_path):
    site(tmp_path, "language: en\n")
    code, out, err = run(tmp_path, "nada")
    assert code == 2 and out == ""
    assert err == 'no rule "nada"; rules look like KB201 (families KB1xx to KB7xx)\n'


def test_an_unknown_language_is_a_usage_error(tmp_path):
    code, out, err = run(tmp_path, "KB201", "--lang", "fr")
    assert code == 2 and out == ""
    assert "--lang" in err and "'fr'" in err
