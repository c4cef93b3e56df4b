"""Round thirty-four on unseen documents (issue 2): each test is an example text of one general
failure found on sealed batches 61-64 and described there in general terms only (the texts are ours)."""

from __future__ import annotations

from extract_examples import kinds_periods as _kp

import duban


def test_a_year_list_of_projects_gives_the_page_its_year() -> None:
    # a news page on a city's list of projects for the year (某市2023年重点民生实事项目确定), its date line
    # dropped with the breadcrumb: the list's counts are of that year, not the next
    text = ("某市2023年重点民生实事项目出炉\n记者日前获悉，某市2023年重点民生实事项目正式确定。2022年，全市10件民生实事全部完成。"
            "今年的项目具体如下：\n一、新增公办学位1.2万个。\n二、新增养老床位800张。\n")
    assert _kp(text) == [("actual", "2022"), ("target", "2023"), ("target", "2023")]


def test_a_completion_page_still_belongs_to_the_next_year() -> None:
    # (the list rule does not take 2023年民生实事项目完成情况: the year's work reported when it is over)
    text = "2023年民生实事项目完成情况\n一、新增公办学位1.2万个，完成率100%。\n"
    assert duban.extract(text).year == 2024


def test_a_date_and_time_after_a_breadcrumb_dates_the_page() -> None:
    from duban.extract.classify import page_date_year

    assert page_date_year("某新闻网 > 某市 > 民生  2022-02-25 09:31 来源:某晚报\n标题\n") == 2022
    assert page_date_year("会议于2022-02-25 09:31召开，审议通过了……。\n") is None  # a sentence, no date line


def test_goals_listed_before_等主要目标_in_a_plan_review_are_targets_of_that_year() -> None:
    # 批准的2013年计划，确定…增长9%左右、…增长12%…等主要目标 in an execution report: the goals set, then
    # 与预期目标持平 (an outcome set against the goal) does not turn the outcomes after it into goals
    text = ("关于某省2013年国民经济和社会发展计划执行情况与2014年计划草案的报告\n"
            "一、2013年计划执行情况\n省人大批准的2013年计划，确定全省生产总值增长9%左右、规模以上工业增加值增长12%等主要目标。"
            "全省生产总值增长9%，与预期目标持平；规模以上工业增加值增长11.8%；固定资产投资增长22.5%。\n"
            "二、2014年主要目标\n生产总值增长9%左右。\n")
    assert _kp(text) == [("target", "2013")] * 2 + [("actual", "2013")] * 3 + [("target", "2014")]


def test_a_past_year_facing_the_unexpected_is_reviewed_under_a_goal_headline() -> None:
    # a news page whose headline states this year's goal; the body's 2022年面对超预期的冲击 names last
    # year: 超预期 (worse than expected) is no plan word, the figures are last year's outcomes
    text = ("某省今年GDP目标增长6%左右\n2023-01-13 08:30 来源：某报\n省长作政府工作报告时表示，2022年面对超预期的冲击，"
            "全省地区生产总值6818.2亿元，增长0.2%。\n")
    assert _kp(text) == [("target", "2023"), ("actual", "2022"), ("actual", "2022")]
