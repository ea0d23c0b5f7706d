"""KB5xx — freshness and ownership: one failing and one passing example per rule."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from kbgen.checks import Options, explain
from kbgen.checks.freshness import offline_sources
from kbgen.engine import analyse

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 29)
RULES = ["KB501", "KB502", "KB503", "KB504", "KB505", "KB506", "KB507", "KB508"]


@pytest.fixture
def content(tmp_path):
    dst = tmp_path / "content"
    shutil.copytree(ROOT / "content", dst)
    return dst


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def findings(content, today=TODAY, strict=False, prefix="KB5"):
    res = analyse(str(content), Options(today=today, strict=strict, search=False))
    assert not res.unreadable
    return [f for f in res.findings if f.rule.startswith(prefix)]


def codes(fs):
    return [f.rule for f in fs]


def test_every_rule_is_documented():
    for code in RULES:
        r = explain(code)
        assert r is not None and len(r.doc) > 60, code


def test_example_content_has_no_kb5_errors_or_warnings():
    fs = findings(ROOT / "content")
    assert [f for f in fs if f.severity == "error"] == []
    assert [f for f in fs if f.severity == "warning"] == []


# ------------------------------------------------------------------ KB501
def test_kb501_review_overdue_names_owner_and_days(content):
    f = content / "faq" / "devoluciones.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("reviewed: 2026-10-05", "reviewed: 2026-03-01", 1), encoding="utf-8")
    fs = [x for x in findings(content) if x.rule == "KB501"]
    assert len(fs) == 1
    (x,) = fs
    assert x.severity == "warning" and x.subject == "como-devolver"
    assert "atencion-cliente" in x.message
    # 2026-03-01 + 180 days = 2026-08-28; 93 days before 2026-11-29
    assert "93 días de retraso" in x.message
    line = next(i for i, l in enumerate(text.split("\n"), 1) if "reviewed: 2026-10-05" in l)
    assert x.loc.path.endswith("faq/devoluciones.yaml") and x.line == line


def test_kb501_passes_when_recent(content):
    assert "KB501" not in codes(findings(content))
    res = analyse(str(content), Options(today=TODAY, search=False))
    oldest = min(q.reviewed for q in res.project.questions())
    due = oldest + dt.timedelta(days=180)
    # on the due date it is not overdue yet; the day after, it is (1 day)
    assert "KB501" not in codes(findings(content, today=due))
    late = [x for x in findings(content, today=due + dt.timedelta(days=1)) if x.rule == "KB501"]
    assert late and all("1 día de retraso" in x.message for x in late)


def test_kb501_review_every_per_slug(content):
    edit(content / "policies" / "privacidad.md", "reviewed: 2026-09-17", "reviewed: 2026-01-10")
    fs = [x for x in findings(content) if x.rule == "KB501"]
    assert [x.subject for x in fs] == ["privacidad"] and "proteccion-datos" in fs[0].message
    with open(content / "site.yaml", "a", encoding="utf-8") as fh:
        fh.write("review_every:\n  default: 180d\n  privacidad: 365d\n")
    assert "KB501" not in codes(findings(content))


def test_kb501_review_every_default_shorter(content):
    with open(content / "site.yaml", "a", encoding="utf-8") as fh:
        fh.write("review_every: {default: 30d, policies/privacidad: 365d}\n")
    fs = [x for x in findings(content) if x.rule == "KB501"]
    assert fs and "privacidad" not in {x.subject for x in fs}
    assert all("se revisa cada 30 días" in x.message for x in fs)


# ------------------------------------------------------------------ KB502
def test_kb502_missing_owner(content):
    edit(content / "faq" / "envios.yaml", "    owner: logistica\n", "")
    edit(content / "policies" / "garantia.md", "owner: atencion-cliente\n", "")
    fs = [x for x in findings(content) if x.rule == "KB502"]
    assert sorted(x.subject for x in fs) == ["garantia", "plazo-entrega"]
    assert all(x.severity == "warning" for x in fs)


def test_kb502_category_owner_is_inherited(content):
    edit(content / "faq" / "envios.yaml", "    owner: logistica\n", "")
    edit(content / "faq" / "envios.yaml", "questions:\n", "owner: logistica\nquestions:\n")
    assert "KB502" not in codes(findings(content))


# ------------------------------------------------------------------ KB503
def test_kb503_missing_or_future_review_date(content):
    edit(content / "faq" / "envios.yaml", "    reviewed: 2026-10-14\n", "")
    edit(content / "policies" / "garantia.md", "reviewed: 2026-08-27", "reviewed: 2062-08-27")
    fs = [x for x in findings(content) if x.rule == "KB503"]
    assert len(fs) == 2
    assert any("fecha futura" in x.message and x.subject == "garantia" for x in fs)


def test_kb503_passes_with_dates(content):
    assert "KB503" not in codes(findings(content))


# ------------------------------------------------------------------ KB504
def test_kb504_special_hours_in_the_past(content):
    fs = [x for x in findings(content, today=dt.date(2027, 1, 3)) if x.rule == "KB504"]
    subjects = {(x.subject, x.line) for x in fs}
    text = (content / "stores" / "sevilla-triana.yaml").read_text(encoding="utf-8").split("\n")
    line = next(i for i, l in enumerate(text, 1) if "2026-12-24" in l)
    assert ("sevilla-triana", line) in subjects
    # the summer range 2027-08-02..2027-08-15 is still ahead
    assert not any("2027-08-02" in x.message for x in fs)


def test_kb504_range_counts_until_its_last_day(content):
    fs = findings(content, today=dt.date(2027, 8, 15))
    assert not any("2027-08-02" in x.message for x in fs if x.rule == "KB504")
    fs = findings(content, today=dt.date(2027, 8, 16))
    assert any("2027-08-02..2027-08-15" in x.message for x in fs if x.rule == "KB504")


def test_kb504_passes_when_upcoming(content):
    assert "KB504" not in codes(findings(content))


# ------------------------------------------------------------------ KB505
def captured_of(content):
    res = analyse(str(content), Options(today=TODAY, search=False))
    return {Path(d[0]).name: d[2] for d in offline_sources(res.project)}


def test_kb505_offline_source_stale(content):
    newest = max(captured_of(content).values())
    fs = [x for x in findings(content, today=newest + dt.timedelta(days=91)) if x.rule == "KB505"]
    assert fs and all(x.severity == "warning" for x in fs)
    yaml_f = next(x for x in fs if x.loc.path.endswith("offline/carteles.yaml"))
    assert yaml_f.line == 2 and "2026-11-02" in yaml_f.message


def test_kb505_passes_within_90_days(content):
    oldest = min(captured_of(content).values())
    assert "KB505" not in codes(findings(content, today=oldest + dt.timedelta(days=90)))


def test_kb505_csv_without_date_is_a_note_with_date_a_warning(content):
    csv = content / "offline" / "sistema-tiendas.csv"
    lines = [l for l in csv.read_text(encoding="utf-8").split("\n") if not l.startswith("# captured")]
    csv.write_text("\n".join(lines), encoding="utf-8")
    fs = [x for x in findings(content) if x.rule == "KB505"]
    assert [(Path(x.path).name, x.severity) for x in fs] == [("sistema-tiendas.csv", "info")]
    csv.write_text("# captured: 2026-01-15\n" + "\n".join(lines), encoding="utf-8")
    fs = [x for x in findings(content) if x.rule == "KB505"]
    assert [(Path(x.path).name, x.severity) for x in fs] == [("sistema-tiendas.csv", "warning")]
    assert "2026-01-15" in fs[0].message


def test_kb505_yaml_without_date_is_a_warning(content):
    edit(content / "offline" / "carteles.yaml", "captured: 2026-11-02\n", "")
    (x,) = [x for x in findings(content) if x.rule == "KB505"]
    assert x.severity == "warning" and "captured" in x.message


# ------------------------------------------------------------------ KB506
def test_kb506_promise_expired_warning_then_strict_error(content):
    edit(content / "promises.yaml", "valid_until: 2027-01-10", "valid_until: 2026-11-15")
    (x,) = [x for x in findings(content) if x.rule == "KB506"]
    assert x.severity == "warning" and x.subject == "campana-descuento-herramientas" and "hace 14 días" in x.message
    (x,) = [x for x in findings(content, strict=True) if x.rule == "KB506"]
    assert x.severity == "error"


def test_kb506_passes_on_the_last_day(content):
    edit(content / "promises.yaml", "valid_until: 2027-01-10", "valid_until: 2026-11-29")
    assert "KB506" not in codes(findings(content, strict=True))


# ------------------------------------------------------------------ KB507
def add_answer(content, answer: str) -> int:
    f = content / "faq" / "envios.yaml"
    before = f.read_text(encoding="utf-8")
    f.write_text(before + "\n  - id: borrador\n    q: ¿Una pregunta en borrador?\n    a: |\n"
                 f"      {answer}\n    reviewed: 2026-11-01\n    owner: logistica\n", encoding="utf-8")
    return before.count("\n") + 5  # the line of the answer text


def test_kb507_placeholder(content):
    line = add_answer(content, "Respuesta PENDIENTE de escribir.")
    (x,) = [x for x in findings(content) if x.rule == "KB507"]
    assert x.subject == "borrador" and x.severity == "warning"
    assert (x.line, x.column) == (line, 7 + len("Respuesta "))


def test_kb507_ordinary_word_is_not_a_placeholder(content):
    add_answer(content, "Los pedidos pendientes de pago se cancelan a las 48 horas.")
    assert "KB507" not in codes(findings(content))


# ------------------------------------------------------------------ KB508
def test_kb508_unknown_review_key_and_bad_duration(content):
    with open(content / "site.yaml", "a", encoding="utf-8") as fh:
        fh.write("review_every: {default: 180d, privacida: 365d, envios: pronto}\n")
    fs = findings(content, prefix="KB")
    (x,) = [x for x in fs if x.rule == "KB508"]
    assert '¿querías decir "privacidad"?' in x.message
    assert any(f.rule == "KB111" and "pronto" in f.message for f in fs)


def test_kb508_passes_with_known_keys(content):
    with open(content / "site.yaml", "a", encoding="utf-8") as fh:
        fh.write("review_every: {default: 6 meses, privacidad: 1 año, faq/envios: 26w}\n")
    fs = findings(content, prefix="KB")
    assert not [x for x in fs if x.rule in ("KB508", "KB111")]
