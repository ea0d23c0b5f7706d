"""kbgen review: the verification queue per owner, most urgent first, as text, Markdown or JSON."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kbgen.checks import Options
from kbgen.engine import analyse
from kbgen.review import collect, urgency

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def content(tmp_path):
    dst = tmp_path / "content"
    shutil.copytree(ROOT / "content", dst)
    return dst


def review(*argv, content=None):
    cmd = [sys.executable, "-m", "kbgen.cli", "review", *argv]
    if content is not None:
        cmd += ["--content", str(content)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)


def items_at(content, today):
    res = analyse(str(content), Options(today=today, search=False))
    return collect(res.project, today)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_queue_kinds_and_order(content):
    edit(content / "faq" / "envios.yaml", "reviewed: 2026-10-14", "reviewed: 2026-04-01")  # overdue 62 days
    edit(content / "promises.yaml", "valid_until: 2027-01-10", "valid_until: 2026-11-20")  # expired
    edit(content / "promises.yaml", "valid_until: 2027-02-28", "valid_until: 2026-12-05")  # ends in 6 days
    edit(content / "faq" / "pagos.yaml", "    owner: administracion\n", "")  # no owner
    today = dt.date(2026, 12, 1)
    items = items_at(content, today)
    kinds = {(i.kind, i.subject) for i in items}
    assert ("review", "plazo-entrega") in kinds
    assert ("promise", "campana-descuento-herramientas") in kinds and ("promise", "envio-gratis-50") in kinds
    assert ("special-hours", "madrid-centro") in kinds  # 2026-12-13 is within 14 days
    assert any(k == "owner" for k, _ in kinds)
    assert items == sorted(items, key=urgency)
    assert items[0].subject == "campana-descuento-herramientas" and items[0].days == -11
    overdue = next(i for i in items if i.subject == "plazo-entrega")
    assert overdue.owner == "logistica" and overdue.days == -(today - (dt.date(2026, 4, 1) + dt.timedelta(180))).days
    assert overdue.path.endswith("faq/envios.yaml") and overdue.line > 1
    # promises beyond 14 days and reviews far from due are not in the queue
    assert ("promise", "whatsapp-2-horas") not in kinds
    assert not any(i.kind == "review" and i.subject == "como-devolver" for i in items)


def test_clean_content_today_has_little_to_do():
    items = items_at(ROOT / "content", dt.date(2026, 11, 29))
    assert all(i.kind in ("special-hours", "promise", "offline", "review") for i in items)
    assert not any(i.days is not None and i.days < 0 for i in items)


def test_offline_and_past_special_hours(content):
    items = items_at(content, dt.date(2027, 2, 20))
    kinds = {i.kind for i in items}
    assert {"offline", "cleanup"} <= kinds
    # clean-up of past special hours is the least urgent
    assert items[-1].kind == "cleanup"


def test_draft_from_kbgen_new_is_first(content):
    out = subprocess.run([sys.executable, "-m", "kbgen.cli", "new", "faq", "--content", str(content), "--category",
                          "envios", "--question", "¿Hacéis envíos a Andorra?", "--today", "2026-11-29"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    items = items_at(content, dt.date(2026, 11, 29))
    assert items[0].kind == "draft" and items[0].subject == "haceis-envios-a-andorra" and items[0].owner == "logistica"


def test_cli_text_owner_filter(content):
    edit(content / "faq" / "envios.yaml", "reviewed: 2026-10-14", "reviewed: 2026-04-01")
    out = review("--today", "2026-12-01", "--owner", "logistica", content=content)
    assert out.returncode == 0, out.stderr
    assert "logistica" in out.stdout and "plazo-entrega" in out.stdout
    assert "madrid-centro" not in out.stdout and "atencion-cliente" not in out.stdout
    out = review("--today", "2026-12-01", "--owner", "madrid-centro", content=content)
    assert "tienda madrid-centro" in out.stdout and "plazo-entrega" not in out.stdout


def test_cli_markdown_is_a_checklist(content):
    edit(content / "faq" / "envios.yaml", "reviewed: 2026-10-14", "reviewed: 2026-04-01")
    out = review("--today", "2026-12-01", "--format", "markdown", content=content)
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines[0].startswith("# Revisión de contenidos — 2026-12-01")
    assert "## logistica (1)" in lines
    tasks = [l for l in lines if l.startswith("- [ ] ")]
    assert tasks and any("plazo-entrega" in l and "atrasado" in l for l in tasks)


def test_cli_json(content):
    out = review("--today", "2027-02-20", "--format", "json", content=content)
    data = json.loads(out.stdout)
    assert data["today"] == "2027-02-20" and data["summary"]["items"] == len(data["items"]) > 0
    assert set(data["items"][0]) == {"owner", "kind", "subject", "title", "path", "line", "due", "days", "message"}
    assert data["summary"]["overdue"] == sum(1 for i in data["items"] if i["days"] is not None and i["days"] < 0)


def test_cli_nothing_to_do(content):
    out = review("--today", "2026-11-29", "--owner", "nadie-que-exista", content=content)
    assert out.returncode == 0 and "nada que revisar" in out.stdout


def test_cli_missing_content_is_usage_error(tmp_path):
    out = review("--content", str(tmp_path / "nope"))
    assert out.returncode == 2
