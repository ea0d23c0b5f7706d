"""Issue 6: `kbgen signage` — an A4 door sign per store, from the same hours engine as the site."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kbgen import hours as H
from kbgen.checks import Options
from kbgen.cli import main
from kbgen.engine import analyse

from conftest import ROOT, TODAY

BUILD = dt.date.fromisoformat(TODAY)


@pytest.fixture(scope="module")
def project():
    return analyse(str(ROOT / "content"), Options(today=BUILD, search=False)).project


@pytest.fixture(scope="module")
def signs(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("signage") / "signage"
    assert main(["signage", "--content", str(ROOT / "content"), "--out", str(out), "--today", TODAY]) == 0
    return out


class Sign(HTMLParser):
    """The rows (data-day, data-hours) and upcoming items (data-from, data-to, data-hours) of a sign."""

    def __init__(self, text: str):
        super().__init__()
        self.week, self.upcoming, self.texts = {}, [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and "data-day" in a:
            self.week[int(a["data-day"])] = a["data-hours"]
        if tag == "li" and "data-from" in a:
            self.upcoming.append((a["data-from"], a["data-to"], a["data-hours"]))

    def handle_data(self, data):
        self.texts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.texts))


def minutes(intervals) -> str:
    return ",".join(f"{iv.start}-{iv.end}" for iv in intervals)


def test_one_sign_per_store_and_an_index(signs, project):
    assert sorted(p.name for p in signs.iterdir()) == sorted([f"{sid}.html" for sid in project.stores] + ["index.html"])
    index = (signs / "index.html").read_text(encoding="utf-8")
    for sid in project.stores:
        assert f'href="{sid}.html"' in index


@pytest.mark.parametrize("sid", ["madrid-centro", "barcelona-gracia", "las-palmas", "sevilla-triana",
                                 "valencia-ruzafa"])
def test_sign_hours_match_the_engine(signs, project, sid):
    s = project.stores[sid]
    html = (signs / f"{sid}.html").read_text(encoding="utf-8")
    sign = Sign(html)
    assert sign.week == {d: minutes(s.schedule.week[d]) for d in range(7)}
    want = [(a.isoformat(), b.isoformat(), minutes(iv)) for a, b, iv, _ in H.exception_runs(s.schedule, BUILD, 60)]
    assert sign.upcoming == want[:10]
    for d in range(7):  # what people read says the same as the data
        assert H.fmt_intervals(s.schedule.week[d]) in sign.text
    assert s.name in sign.text and s.phone in sign.text
    assert f"ayuda.latuerca.example/tiendas/{sid}" in sign.text
    assert "@page { size: A4" in html
    assert "Actualizado el 29 de noviembre de 2026" in sign.text


def test_sign_content_details(signs):
    mad = Sign((signs / "madrid-centro.html").read_text(encoding="utf-8"))
    assert ("2026-12-08", "2026-12-08", "") in mad.upcoming  # a national holiday it closes on
    assert ("2026-12-07", "2026-12-07", "") in mad.upcoming  # Madrid's own
    assert "Cerramos los días festivos" in mad.text
    lpa = Sign((signs / "las-palmas.html").read_text(encoding="utf-8"))
    assert "hora de Canarias" in lpa.text
    assert ("2027-01-11", "2027-01-12", "") in lpa.upcoming  # a range is one line
    assert "Del 11 de enero de 2027 al 12 de enero de 2027" in lpa.text
    sev = Sign((signs / "sevilla-triana.html").read_text(encoding="utf-8"))
    assert ("2026-12-08", "2026-12-08", "") not in sev.upcoming  # opens on public holidays
    assert ("2026-12-25", "2026-12-25", "") in sev.upcoming


def test_one_store_only(tmp_path, capsys):
    out = tmp_path / "s"
    assert main(["signage", "las-palmas", "--content", str(ROOT / "content"), "--out", str(out), "--today", TODAY]) == 0
    assert [p.name for p in out.iterdir()] == ["las-palmas.html"]
    assert main(["signage", "nowhere", "--content", str(ROOT / "content"), "--out", str(out), "--today", TODAY]) == 2
    assert 'no store "nowhere"' in capsys.readouterr().err


def test_content_errors_mean_no_sign(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / "stores" / "madrid-centro.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sat: 10:00-14:00", 'sat: "10:00-25:00"'),
                    encoding="utf-8")
    out = tmp_path / "signage"
    assert main(["signage", "--content", str(content), "--out", str(out), "--today", TODAY]) == 1
    err = capsys.readouterr().err
    assert "madrid-centro.yaml" in err and "KB103" in err
    assert not out.exists()


def test_hostile_name_is_escaped(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / "stores" / "madrid-centro.yaml"
    text = re.sub(r"^name: .*$", 'name: "</title><script>alert(1)</script>"', path.read_text(encoding="utf-8"),
                  count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "signage"
    assert main(["signage", "madrid-centro", "--content", str(content), "--out", str(out), "--today", TODAY]) == 0
    html = (out / "madrid-centro.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;/title&gt;&lt;script&gt;" in html


def test_each_sign_prints_on_one_a4_page(browser, signs, project):
    page = browser.new_page()
    try:
        for sid in project.stores:
            page.goto((signs / f"{sid}.html").as_uri())
            pdf = page.pdf(prefer_css_page_size=True)
            pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
            assert len(pages) == 1, sid
            box = [float(x) for x in re.search(rb"/MediaBox\s*\[([^\]]*)\]", pdf).group(1).split()]
            assert abs(box[2] - 595.3) < 1 and abs(box[3] - 841.9) < 1  # A4 in points
    finally:
        page.close()
