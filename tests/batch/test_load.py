"""`duban load`: a batch result into the tracker's database, idempotently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from duban.batch import run
from duban.batch.load import load, report_kind

from .corpus import build, read_rows

pytestmark = pytest.mark.django_db


def test_load_is_idempotent_and_keeps_spans(tmp_path: Path) -> None:
    from duban.web.models import History, Item, Region, Report, Section

    corpus = build(tmp_path / "in")
    out = tmp_path / "out"
    run(corpus["inputs"], out, workers=0, progress=False)
    docs = [d for d in read_rows(out, "documents") if d["status"] == "ok"]
    loadable = [d for d in docs if d["region"] and (d["year"] or d["extract_year"])]
    assert loadable, "the demo report names its district and year"

    first = load(out)
    distinct = {(d["region"], d["year"] or d["extract_year"], d["original"]) for d in loadable}
    assert first.reports == Report.objects.count() == len(distinct)
    assert first.items == Item.objects.count()
    assert first.no_region + first.no_year + first.reports + first.already == len(docs)
    for item in Item.objects.select_related("report", "section"):
        assert item.report.original[item.span_start:item.span_end] == item.quote
        if item.section is not None:  # items hang under a heading of their own report, before them
            assert item.section.report_id == item.report_id and item.section.span_start <= item.span_start
    n_sections = len(read_rows(out, "sections"))
    assert Section.objects.count() <= n_sections and (Section.objects.exists() or n_sections == 0)
    # the demo report's region hangs under its city and province
    luohu = Region.objects.get(name="罗湖区")
    assert [r.name for r in luohu.ancestors()] == ["罗湖区", "深圳市", "广东省"]
    assert History.objects.filter(action="batch_load").count() == first.reports

    again = load(out)
    assert (again.reports, again.items, again.regions) == (0, 0, 0)
    assert again.already == len(loadable)
    assert Report.objects.count() == first.reports


def test_load_refuses_a_non_batch_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load(tmp_path)


@pytest.mark.parametrize("head, kind", [
    ("固原市2020年国民经济和社会发展统计公报", "bulletin"),
    ("“十四五”公共服务规划“亮相”", "plan"),
    ("2015 年国民经济和社会发展计划执行情况", "plan"),
    ("2021年政府工作报告", "work_report"),
])
def test_report_kind(head: str, kind: str) -> None:
    assert report_kind(head) == kind


# two inputs numbering their records from 1 (the second also repeats an id within itself): five reports
OVERLAPPING = {
    "a.jsonl": [("1", "深圳市罗湖区2021年政府工作报告\n今年新增学位4290个,地区生产总值增长6%左右。"),
                ("2", "深圳市福田区2022年政府工作报告\n今年新增学位3000个,城镇新增就业1万人以上。")],
    "b.jsonl": [("1", "深圳市罗湖区2023年政府工作报告\n今年筹集保障性住房3000套。"),
                ("2", "深圳市福田区2021年政府工作报告\n今年新建污水管网120公里,新增学位2000个。"),
                ("2", "深圳市南山区2022年政府工作报告\n全年一般公共预算收入增长3%。")],
}


def _overlapping(root: Path) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, recs in OVERLAPPING.items():
        (root / name).write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                                         for i, t in recs), "utf-8")
        paths.append(str(root / name))
    return paths


def _assert_each_report_has_its_own_items() -> None:
    import duban
    from duban.web.models import Report

    for report in Report.objects.all():
        got = sorted((i.order, i.quote, i.span_start) for i in report.items.all())
        want = [(n, it.quote, it.span[0]) for n, it in enumerate(duban.extract(report.original).items)]
        assert got == want and got, report.title


@pytest.mark.parametrize("shard_size", [1, 100])
def test_same_ids_in_two_inputs_load_as_distinct_reports(tmp_path: Path, shard_size: int) -> None:
    from duban.web.models import Item, Report

    out = tmp_path / "out"
    run(_overlapping(tmp_path / "in"), out, workers=0, shard_size=shard_size, progress=False)
    first = load(out)
    assert first.reports == Report.objects.count() == 5
    assert {(r.region.name, r.year) for r in Report.objects.select_related("region")} == {
        ("罗湖区", 2021), ("福田区", 2022), ("罗湖区", 2023), ("福田区", 2021), ("南山区", 2022)}
    assert first.items == Item.objects.count() == len(read_rows(out, "items"))
    _assert_each_report_has_its_own_items()
    again = load(out)
    assert (again.reports, again.items, again.already) == (0, 0, 5)
    assert Item.objects.count() == first.items


def test_result_without_doc_key_loads_only_what_it_can_tell_apart(tmp_path: Path) -> None:
    """A result of the previous layout: joined on doc_id within a part; a part holding one id twice
    (b.jsonl in one shard) keeps those documents out instead of mixing their items."""
    import pyarrow.parquet as pq

    from duban.web.models import Report

    out = tmp_path / "out"
    run(_overlapping(tmp_path / "in"), out, workers=0, shard_size=100, progress=False)
    for sub in ("documents", "items", "sections"):
        for part in (out / sub).glob("part-*.parquet"):
            pq.write_table(pq.read_table(part).drop_columns(["doc_key"]), part)
    s = load(out)
    assert (s.reports, s.ambiguous) == (3, 2)
    assert Report.objects.count() == 3
    _assert_each_report_has_its_own_items()


def test_load_command_names_what_it_could_not_tell_apart(tmp_path: Path, monkeypatch, capsys) -> None:
    import pyarrow.parquet as pq

    import duban.web
    from duban.cli import main

    out = tmp_path / "out"
    run(_overlapping(tmp_path / "in"), out, workers=0, shard_size=100, progress=False)
    for sub in ("documents", "items", "sections"):
        for part in (out / sub).glob("part-*.parquet"):
            pq.write_table(pq.read_table(part).drop_columns(["doc_key"]), part)
    monkeypatch.setattr(duban.web, "setup", lambda data_dir=None: None)  # the test database is set up
    assert main(["load", str(out)]) == 0
    err = capsys.readouterr().err
    assert "3 reports and 5 items stored" in err and "2 documents not loaded" in err and "new --out" in err
