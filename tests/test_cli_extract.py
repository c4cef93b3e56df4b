"""`duban extract`: formats, stdin, bad inputs beside good ones, and the seed's 22 targets."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from duban.cli import main
from duban.commands.extract import fit, width
from duban.evaluate import hits, load_gold

REPORT = "2021年政府工作报告。今年新增学位4290个,地区生产总值增长6%左右,城镇调查失业率控制在5.5%以内。\n"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    p = tmp_path / "report.txt"
    p.write_text(REPORT, encoding="utf-8")
    return p


def test_jsonl(report: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(report), "--format", "jsonl"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["source"] == str(report)
    got = {(i["indicator"], i["cmp"], i["low"], i["unit"]) for i in line["items"] if i["kind"] == "target"}
    assert got == {("新增学位", "=", 4290, "个"), ("地区生产总值增长", "~", 6, "%"), ("城镇调查失业率", "<=", 5.5, "%")}
    for i in line["items"]:
        assert REPORT[i["span"][0]:i["span"][1]] == i["quote"]


def test_csv_and_table(report: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(report), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["indicator"] for r in rows if r["kind"] == "target"} >= {"新增学位", "地区生产总值增长"}
    assert main(["extract", str(report)]) == 0
    out = capsys.readouterr().out
    assert "新增学位" in out and "≈6%" in out and "≤5.5%" in out


def test_xlsx(report: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "items.xlsx"
    assert main(["extract", str(report), "--format", "xlsx", "-o", str(out)]) == 0
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, [c.value for c in r], strict=True)) for r in ws.iter_rows(min_row=2)]
    assert any(r["indicator"] == "新增学位" and r["low"] == 4290 for r in rows)
    assert main(["extract", str(report), "--format", "xlsx"]) == 2  # xlsx needs -o


def test_bad_inputs_do_not_stop_the_others(report: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    missing = tmp_path / "missing.txt"
    big = tmp_path / "big.txt"
    big.write_text("政府工作报告" * 100, encoding="utf-8")
    code = main(["extract", str(missing), str(report), str(big), "--format", "jsonl", "--max-bytes", "1000"])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) == 1 and str(report) in out
    errors = err.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("duban: ") for e in errors)
    assert str(missing) in errors[0] and str(big) in errors[1]
    assert "Traceback" not in err


def test_stdin() -> None:
    r = subprocess.run([sys.executable, "-m", "duban.cli", "extract", "-", "--format", "jsonl"],
                       input=REPORT.encode(), capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    items = json.loads(r.stdout)["items"]
    assert any(i["indicator"] == "新增学位" for i in items)


def test_terminal_widths() -> None:
    assert width("新增学位4290个") == 8 + 4 + 2
    assert width(fit("地区生产总值增长", 10)) == 10
    assert fit("abc", 5) == "abc  "


def test_seed_yields_exactly_its_22_targets(seed_dir: Path, corpus_dev: Path,
                                            capsys: pytest.CaptureFixture) -> None:
    """Issue 2: the seed's gold targets, and no other target or actual (tasks are fine)."""
    assert main(["extract", *map(str, sorted(seed_dir.glob("*.txt"))), "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    from duban.items import Item

    preds = [Item(**{k: v for k, v in i.items()}) for line in lines for i in line["items"]
             if i["kind"] != "task"]
    gold = load_gold(corpus_dev / "seed-luohu-2021.json")[0]
    required = [g for g in gold.items if not g.optional]
    assert len(required) == 22
    unmatched = [p for p in preds if not any(hits(p, g) for g in required)]
    assert not unmatched, unmatched
    missed = [g.quote for g in required if not any(hits(p, g) for p in preds)]
    assert not missed, missed
