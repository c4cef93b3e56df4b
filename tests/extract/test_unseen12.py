"""Round twelve of extraction quality on unseen documents (issue 2): each test is an example text of
one general failure (打破 as a comparator, an outcome set against its goal, litre units, a date line
of year and month)."""

from __future__ import annotations

from extract_examples import items as _items


def test_dapo_is_a_floor_and_no_part_of_the_indicator() -> None:
    text = "2024年政府工作报告\n一、2023年工作回顾\n全县旅游总收入打破90亿元，增长15%。\n"
    got = _items(text)
    assert got[0][:5] == ("旅游总收入", "actual", ">=", 90.0, "亿元")
    assert got[1][0] == "旅游总收入增长"


def test_outcome_against_its_goal() -> None:
    # the goal restated in brackets over a PDF line break is a target of the reviewed year, of the
    # same indicator; the gap to a goal in 百分点 is an outcome, <subject>高于年度目标
    text = ("2024年政府工作报告\n一、2023年工作回顾\n全县地区生产总值增长5.3%，低于年度预期目标(7%\n左右)，"
            "农村居民人均可支配收入增长8.1%，高于年度目标 1.1 个百分点。\n")
    got = _items(text)
    assert got[1] == ("地区生产总值增长", "target", "~", 7.0, "%", "2023")
    assert got[3] == ("农村居民人均可支配收入高于年度目标", "actual", "=", 1.1, "百分点", "2023")


def test_litre_units() -> None:
    text = "2024年政府工作报告\n一、2023年工作回顾\n白酒产量3.2万千升，全县排名由第5升至第3。\n"
    assert [(low, unit) for _, _, _, low, unit, _ in _items(text)] == [(3.2, "万千升")]


def test_year_and_month_date_line() -> None:
    text = ("关于某县“十四五”规划纲要实施中期评估报告\n2023年12月\n一、规划实施总体进展\n"
            "人均预期寿命达到78.1岁。\n")
    assert _items(text)[0][5] == "2022"
