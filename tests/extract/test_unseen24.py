"""Round forty on unseen documents (issue 2): each test is an example text of one general failure
found on sealed batches 84-88 and described there in general terms only (the texts are ours)."""

from __future__ import annotations

from extract_examples import kinds_periods as _kp


def test_goals_before_a_part_of_the_years_progress_are_targets() -> None:
    # a page reporting the progress of a year's list of projects after half a year, each item's goal
    # stated without a plan word, then how far it got: the goal is a target of the year, the progress
    # an outcome of the half year (also after a 全年 goal: 截至6月底 names the part again)
    text = ("2023年某市十件民生实事上半年进展情况\n"
            "一、托育服务。全年新增托位2000个。截至6月底，已新增托位1100个。\n"
            "二、养老服务。新建社区养老服务站50个、老年食堂30个。目前已建成服务站21个。\n"
            "三、城市绿化。新建口袋公园40个，完成全年任务的45%。\n")
    assert _kp(text) == [("target", "2023"), ("actual", "2023H1"), ("target", "2023"), ("target", "2023"),
                         ("actual", "2023H1"), ("actual", "2023H1"), ("actual", "2023H1")]


def test_a_half_years_outcomes_without_a_later_mark_stay_outcomes() -> None:
    # the rule needs the line to go on with progress: a half-year report's lines of outcomes, and an
    # outcome whose own sentence compares it (同比), are outcomes
    text = ("2023年某市国民经济和社会发展计划上半年执行情况\n"
            "一、工业。全市规模以上工业增加值增长6.2%。\n"
            "二、投资。全市完成固定资产投资850亿元，同比增长5.1%。上半年新开工项目120个。\n")
    kp = _kp(text)
    assert kp[0][0] == "actual" and kp[1] == ("actual", "2023H1") and kp[2][0] == "actual"
