"""Round twenty of kind and period on unseen documents (issue 2): each test is an example text of one
general failure found on sealed batches and described there in general terms only (the texts are ours)."""

from __future__ import annotations

from extract_examples import items as _items


def _kp(text: str) -> list[tuple[str, str | None]]:
    return [(kind, period) for _, kind, _, _, _, period in _items(text)]


def test_progress_heading_inside_the_review_part_is_a_review() -> None:
    # (二)重点工作推进情况 in the review part of an execution report: progress on the work, so what
    # follows is of the year reviewed; 为年度计划的108.3% is the share of the plan done
    text = ("关于某市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n一、2023年计划执行情况\n"
            "（一）主要指标完成情况\n全市地区生产总值增长6%。\n（二）重点工作推进情况\n"
            "全年实施省市重点项目212个，完成投资617.2亿元，为年度计划的108.3%。\n二、2024年计划草案\n地区生产总值增长6%左右。\n")
    assert _kp(text) == [("actual", "2023")] * 4 + [("target", "2024")]
