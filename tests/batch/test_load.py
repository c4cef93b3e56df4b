"""`duban load`: a batch result into the tracker's database, idempotently."""

from __future__ import annotations

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
