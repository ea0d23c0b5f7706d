"""Issue 3, KB2xx: online store information (content/stores/) against offline store information
(content/offline/: door signs in YAML, the store system's CSV export).

The corpus in tests/corpus/ plants one difference (or one benign rewording) at a time in a copy
of the example content; every difference must be reported with its rule, subject and line, and
no benign variant may be reported."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbgen.checks import Options, RULES, load_families
from kbgen.checks.offline import _parse_date, offline_vs_online
from kbgen.cli import main
from kbgen.loaders.content import load_project

from conftest import ROOT, TODAY
from corpus import column_of, family, findings, line_of, load, plant

DIFFERENCES = [e for e in load("differences.yaml") if family(e["rule"]) == "KB2"]
BENIGN = [e for e in load("benign.yaml") if e["file"].startswith(("offline/", "stores/"))]


def test_corpus_is_large_enough():
    assert len(DIFFERENCES) >= 25, len(DIFFERENCES)
    assert len(BENIGN) >= 25, len(BENIGN)
    assert len({e["id"] for e in DIFFERENCES + BENIGN}) == len(DIFFERENCES + BENIGN)


def _params(entries):
    out = []
    for e in entries:
        marks = [pytest.mark.xfail(reason=e["xfail"], strict=True)] if e.get("xfail") else []
        out.append(pytest.param(e, id=e["id"], marks=marks))
    return out


def assert_reported(content, entry):
    """The planted difference is reported with its rule, subject, file and line (and column)."""
    at = content / entry.get("at", entry["file"])
    line = line_of(at, entry["line"])
    found = [f for f in findings(content) if family(f.rule) in ("KB2", "KB3")]
    hits = [f for f in found if f.rule == entry["rule"] and f.subject == entry["subject"]
            and f.path.endswith(entry.get("at", entry["file"])) and f.line == line]
    assert hits, "\n".join(f"{f.loc}: {f.rule} {f.subject}: {f.message}" for f in found) or "no finding"
    if entry.get("col"):
        assert hits[0].column == column_of(at, line, entry["col"]), hits[0]
    if entry.get("severity"):
        assert hits[0].severity == entry["severity"]
    assert all(family(f.rule) == family(entry["rule"]) for f in found), found
    assert hits[0].message.strip()
    return hits[0]


@pytest.mark.parametrize("entry", _params(DIFFERENCES))
def test_planted_difference_is_reported(project, entry):
    plant(project / "content", entry)
    assert_reported(project / "content", entry)


@pytest.mark.parametrize("entry", _params(BENIGN))
def test_benign_variant_is_not_reported(project, entry):
    plant(project / "content", entry)
    found = [f for f in findings(project / "content") if family(f.rule) in ("KB2", "KB3")]
    assert not found, "\n".join(f"{f.loc}: {f.rule}: {f.message}" for f in found)


# ---------------------------------------------------------------- the example and the command line

def test_example_content_has_no_offline_findings():
    assert not [f for f in findings(ROOT / "content") if family(f.rule) == "KB2"]


def test_every_offline_source_is_compared():
    project, _, _ = load_project(str(ROOT / "content"))
    sources = {r.path for r in project.offline}
    assert any(p.endswith(".yaml") for p in sources) and any(p.endswith(".csv") for p in sources)
    for path in sources:
        assert {r.store_id for r in project.offline if r.path == path} == set(project.stores), path


def test_one_planted_difference_fails_kbgen_check(project, capsys):
    entry = next(e for e in DIFFERENCES if e["id"] == "sign-saturday-afternoon")
    plant(project / "content", entry)
    code = main(["check", "--content", str(project / "content"), "--today", TODAY, "--no-search"])
    out = capsys.readouterr().out
    assert code == 1
    line = line_of(project / "content" / "offline" / "carteles.yaml", entry["line"])
    expected = (f"content/offline/carteles.yaml:{line}:7: KB201 error: La Tuerca Madrid Centro, sábado: la tienda "
                "anuncia 10:00–14:00 y 17:00–20:00, la web dice 10:00–14:00 (")
    assert expected in out.replace(str(project) + "/", "")
    assert "content/stores/madrid-centro.yaml:" in out


def test_a_warning_alone_does_not_fail_unless_strict(project, capsys):
    plant(project / "content", next(e for e in DIFFERENCES if e["id"] == "sign-store-not-transcribed"))
    args = ["check", "--content", str(project / "content"), "--today", TODAY, "--no-search"]
    assert main(args) == 0
    assert main(args + ["--strict"]) == 1
    assert "KB208 warning" in capsys.readouterr().out


def test_store_missing_from_csv_is_an_error_and_from_a_sign_a_warning(project):
    for ident, severity in (("csv-missing-row", "error"), ("sign-store-not-transcribed", "warning")):
        entry = next(e for e in DIFFERENCES if e["id"] == ident)
        plant(project / "content", entry)
    got = {(f.path.rsplit("/", 1)[-1], f.severity) for f in findings(project / "content") if f.rule == "KB208"}
    assert got == {("sistema-tiendas.csv", "error"), ("carteles.yaml", "warning")}


# ---------------------------------------------------------------- what is and is not compared

def _write(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_website_hours_errors_are_not_echoed(project):
    """A store whose own hours are wrong (KB103) is not compared: one error, not a cascade."""
    _write(project / "content" / "stores" / "madrid-centro.yaml", "sat: 10:00-14:00", "sat: 10:00-25:00")
    rules = {f.rule for f in findings(project / "content")}
    assert "KB103" in rules and not {r for r in rules if family(r) == "KB2"}


def test_website_phone_errors_are_not_echoed(project):
    _write(project / "content" / "stores" / "madrid-centro.yaml", 'phone: "+34 910 123 457"', 'phone: "+34 910 12"')
    rules = {f.rule for f in findings(project / "content")}
    assert "KB112" in rules and "KB204" not in rules


def test_unreadable_offline_special_does_not_cascade(project):
    _write(project / "content" / "offline" / "carteles.yaml", "date: 2026-12-24", "date: el día de Nochebuena")
    got = [f for f in findings(project / "content") if family(f.rule) == "KB2"]
    assert [f.rule for f in got] == ["KB209"] and "el día de Nochebuena" in got[0].message


def test_past_special_dates_are_not_compared(project):
    _write(project / "content" / "offline" / "carteles.yaml", "      - date: 13/12/2026\n",
           "      - date: 10/11/2026\n        closed: true\n        note: Obras\n      - date: 13/12/2026\n")
    assert not [f for f in findings(project / "content") if family(f.rule) == "KB2"]


def test_website_closure_beyond_the_signs_horizon_is_not_blamed_on_the_sign(project):
    """The signs list special dates up to August 2027; a closure the web adds for December 2027 is not KB203."""
    _write(project / "content" / "stores" / "madrid-centro.yaml", "  - date: 2027-01-07\n",
           "  - date: 2027-12-09\n    closed: true\n    note: Obras\n  - date: 2027-01-07\n")
    assert not [f for f in findings(project / "content") if family(f.rule) == "KB2"]
    # the same closure inside the horizon is reported
    _write(project / "content" / "stores" / "madrid-centro.yaml", "date: 2027-12-09", "date: 2027-03-09")
    assert [f.rule for f in findings(project / "content") if family(f.rule) == "KB2"] == ["KB203"]


def test_closure_on_a_public_holiday_matches_a_store_closed_on_holidays(project):
    """8 December is a national holiday: Madrid (public_holidays: closed) is closed, Sevilla (regular) is open."""
    path = project / "content" / "offline" / "carteles.yaml"
    _write(path, "      - date: 13/12/2026\n", "      - date: 8 de diciembre\n        closed: true\n"
                                               "      - date: 13/12/2026\n")
    assert not [f for f in findings(project / "content") if family(f.rule) == "KB2"]
    _write(path, "      - date: 24/12/2026\n        hours: \"10 a 14h\"\n",
           "      - date: 8/12/2026\n        closed: true\n      - date: 24/12/2026\n        hours: \"10 a 14h\"\n")
    got = [f for f in findings(project / "content") if family(f.rule) == "KB2"]
    assert [(f.rule, f.subject) for f in got] == [("KB202", "sevilla-triana")]
    assert "08/12/2026" in got[0].message and "cerrado" in got[0].message


def test_day_the_sign_leaves_out_is_fine_when_the_store_is_closed(project):
    _write(project / "content" / "offline" / "carteles.yaml", "      sab: \"9:30 a 13:30\"\n      dom: cerrado\n",
           "      sab: \"9:30 a 13:30\"\n")
    assert not [f for f in findings(project / "content") if family(f.rule) == "KB2"]


@pytest.mark.parametrize("text, captured, expected", [
    ("26/12/2026", dt.date(2026, 11, 2), (dt.date(2026, 12, 26),) * 2),
    ("26 de diciembre", dt.date(2026, 11, 2), (dt.date(2026, 12, 26),) * 2),
    ("7 de enero", dt.date(2026, 11, 2), (dt.date(2027, 1, 7),) * 2),
    ("07/01", dt.date(2026, 11, 2), (dt.date(2027, 1, 7),) * 2),
    ("domingo 13 de diciembre", dt.date(2026, 11, 2), (dt.date(2026, 12, 13),) * 2),
    ("del 9 al 22 de agosto", dt.date(2026, 11, 2), (dt.date(2027, 8, 9), dt.date(2027, 8, 22))),
    ("2026-11-20", dt.date(2026, 11, 2), (dt.date(2026, 11, 20),) * 2),
    ("5 de noviembre", dt.date(2026, 11, 20), (dt.date(2026, 11, 5),) * 2),  # just before: same year
])
def test_dates_without_a_year_are_the_next_ones_after_capture(text, captured, expected):
    assert _parse_date(text, captured, single=expected[0] == expected[1]) == expected


# ---------------------------------------------------------------- suppressions where the finding stands

SAT = '      sáb: "10 a 14h"\n'
SAT_BAD = '      sáb: "10 a 14h y 17 a 20h"\n'


def test_suppression_with_reason_silences_the_finding(project):
    path = project / "content" / "offline" / "carteles.yaml"
    _write(path, SAT, '      # kbgen: ignore KB201 reason="el cartel nuevo ya está pedido" until=2027-01-31\n' + SAT_BAD)
    assert not [f for f in findings(project / "content") if f.rule in ("KB201", "KB190", "KB191")]


def test_suppression_without_reason_is_kb190_and_silences_nothing(project):
    path = project / "content" / "offline" / "carteles.yaml"
    _write(path, SAT, "      # kbgen: ignore KB201\n" + SAT_BAD)
    rules = [f.rule for f in findings(project / "content")]
    assert "KB190" in rules and "KB201" in rules


def test_expired_suppression_is_kb191_and_the_finding_is_back(project):
    path = project / "content" / "offline" / "carteles.yaml"
    _write(path, SAT, '      # kbgen: ignore KB201 reason="cartel provisional" until=2026-11-01\n' + SAT_BAD)
    got = {f.rule: f for f in findings(project / "content")}
    assert "KB191" in got and "KB201" in got
    # the comment does not shift where the next hours entries are
    assert got["KB201"].line == line_of(path, SAT_BAD.strip())


def test_csv_finding_points_at_its_cell(project):
    path = project / "content" / "offline" / "sistema-tiendas.csv"
    _write(path, "+34963415782", "+34963415792")
    f = next(f for f in findings(project / "content") if f.rule == "KB204")
    assert (f.line, f.column) == (line_of(path, "valencia-ruzafa,"), column_of(path, line_of(path, "valencia-ruzafa,"),
                                                                              "+34963415792"))


# ---------------------------------------------------------------- never a crash

_project_cache = {}


def _example():
    if "p" not in _project_cache:
        _project_cache["p"] = load_project(str(ROOT / "content"))[0]
    return _project_cache["p"]


_SPANISH = st.text(alphabet="0123456789 :.-–/,yaden hLMXJVSDlunmartiévsábdomcerradoº", max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(["phone", "email", "address", "hours", "day", "date", "dates", "special_hours"]),
       value=st.one_of(_SPANISH, st.text(max_size=25)))
def test_any_offline_value_is_a_finding_never_a_crash(field, value):
    project = _example()
    rec = next(r for r in project.offline if r.store_id == "madrid-centro" and r.path.endswith(".yaml"))
    data = rec.data
    saved = (data.phone, data.email, data.address, dict(data.hours), [s.model_copy() for s in data.special_hours])
    try:
        if field in ("phone", "email", "address"):
            setattr(data, field, value)
        elif field == "hours":
            data.hours["sáb"] = value
        elif field == "day":
            data.hours[value or "?"] = "10 a 14h"
        elif field in ("date", "dates"):
            setattr(data.special_hours[0], field, value)
        else:
            data.special_hours[0].hours = value
        out = list(offline_vs_online(project, Options(today=dt.date(2026, 11, 29))))
    finally:
        data.phone, data.email, data.address = saved[0], saved[1], saved[2]
        data.hours.clear()
        data.hours.update(saved[3])
        data.special_hours[:] = saved[4]
    load_families()
    for f in out:
        assert f.rule in RULES and family(f.rule) == "KB2" and f.message and f.subject
