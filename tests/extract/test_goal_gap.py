"""A gap to the goal in a review (比年初预期目标低1.9个百分点) names the goal as a comparison base: it
does not turn the review lines after it into goals (issue 2)."""

from __future__ import annotations

import duban

TEXT = ("关于某地区2020年计划执行情况与2021年计划草案的报告\n"
        "一、2020年计划执行情况\n"
        "——地区生产总值增长5.1%，比年初预期目标低1.9个百分点；\n"
        "——全社会固定资产投资增长12.4%；\n"
        "——社会消费品零售总额下降9.7%。\n"
        "二、2021年主要预期目标\n"
        "——地区生产总值增长7.5%左右。\n")


def test_review_lines_after_a_gap_to_the_goal_stay_actuals() -> None:
    got = [(i.kind, i.period, i.low) for i in duban.extract(duban.read_text(TEXT)).items if i.kind != "task"]
    assert ("actual", "2020", 12.4) in got and ("actual", "2020", 9.7) in got
    assert ("target", "2021", 7.5) in got
