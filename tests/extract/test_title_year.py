"""A report's own title opening the text (2017年某区政府工作报告) names the report: it does not set the
mode of the review that follows it (issue 2)."""

from __future__ import annotations

import pytest

import duban


def _kinds(text: str) -> list[tuple[str, str, float]]:
    return [(i.kind, i.period, i.low) for i in duban.extract(duban.read_text(text)).items if i.kind != "task"]


@pytest.mark.parametrize("title", ["2017年某区政府工作报告", "某区2017年政府工作报告", "某区政府工作报告"])
def test_review_after_a_title_with_the_report_year(title: str) -> None:
    text = (f"{title}\n2016年,全区经济稳中有进。全区完成税收总收入702.3亿元,比上年增长10.8%。\n"
            "城乡面貌持续改善。新建绿地205公顷。\n\n2017年主要目标:区级一般公共预算收入增长8%。\n")
    assert _kinds(text) == [("actual", "2016", 702.3), ("actual", "2016", 10.8), ("actual", "2016", 205.0),
                            ("target", "2017", 8.0)]


def test_a_year_opening_the_text_still_sets_the_mode() -> None:
    # not a title: a lead-in that opens the page with the report year is a plan
    assert _kinds("2017年，全区一般公共预算收入增长8%。\n")[0][:2] == ("target", "2017")


def test_a_year_heading_in_traditional_script_reads_its_year() -> None:
    import sys

    classify = sys.modules["duban.extract.classify"]
    m = classify.YEAR_HEADING.search("\n【2024年成績單】\n")
    assert m is not None and int(m.group(1) or m.group(2)) == 2024
