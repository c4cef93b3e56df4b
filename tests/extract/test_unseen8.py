"""Round eight of extraction quality on unseen documents (issue 2): each test is an example text of
one general failure (five-year review spans, task tables, plan indicator tables, indicator names,
今后五年 goals)."""

from __future__ import annotations

import duban


def _got(text: str, year: int | None = None) -> list[tuple[str, str, str | None]]:
    ex = duban.extract(text, year=year)
    return [(i.quote, i.kind, i.period) for i in ex.items if i.kind != "task"]


def _periods(text: str, year: int | None = None) -> list[str | None]:
    return [p for _, _, p in _got(text, year)]


def test_review_span_not_from_a_compared_older_plan() -> None:
    # 比/是“十一五”时期…: the base of a comparison, not the period the 2016 review speaks of
    text = ("2016年政府工作报告\n一、“十二五”时期工作回顾\n五年来，全省生产总值年均增长10%，"
            "比“十一五”时期提高2个百分点，累计减少农村贫困人口500万人。\n")
    got = _got(text)
    assert got[0][2] == "2011-2015" and got[-1] == ("累计减少农村贫困人口500万人", "actual", "2011-2015")


def test_review_span_past_five_after_an_older_plan() -> None:
    text = ("2016年政府工作报告\n一、过去五年工作回顾\n在“十一五”时期良好基础上，我们攻坚克难。"
            "五年来，全省生产总值年均增长10%，累计减少农村贫困人口500万人。\n")
    assert _periods(text) == ["2011-2015", "2011-2015"]


def test_review_span_past_five_over_a_compared_plan_end() -> None:
    text = "2016年政府工作报告\n五年来，全省生产总值比“十一五”末翻一番，累计减少农村贫困人口500万人。\n"
    assert _periods(text)[-1] == "2011-2015"


def test_a_plan_reviewed_in_its_own_right_keeps_its_span() -> None:
    # a 2021 report reviewing 十三五: the plan named is the period
    text = "2021年政府工作报告\n“十三五”时期，全省生产总值年均增长7%，累计减少贫困人口80万人。\n"
    assert _periods(text) == ["2016-2020", "2016-2020"]


TASK_ROWS = [
    "序号 | 任务 | 责任单位\n1 | 新建5G基站3000个 | 市工信局\n2 | 到2027年，建成充电桩1万个 | 市发改委\n"
    "3 | 新增城镇就业5万人 | 市人社局\n",
    "序号\t任务\t责任单位\n1\t新建5G基站3000个\t市工信局\n2\t到2027年，建成充电桩1万个\t市发改委\n"
    "3\t新增城镇就业5万人\t市人社局\n",
    "1.新建5G基站3000个。\n2.到2027年，建成充电桩1万个。\n3.新增城镇就业5万人。\n",
]


def test_a_rows_year_stays_in_its_row() -> None:
    for rows in TASK_ROWS:
        text = "2024年政府工作报告\n附件：2024年重点任务清单\n" + rows
        assert _periods(text) == ["2024", "2027", "2024"], rows


def test_a_year_still_carries_within_its_row() -> None:
    text = ("2024年政府工作报告\n附件：2024年重点任务清单\n1.到2027年，建成充电桩1万个；建成换电站200座。\n"
            "2.新增城镇就业5万人。\n")
    assert _periods(text) == ["2027", "2027", "2024"]


def test_a_numbered_heading_over_bracketed_items_sets_their_year() -> None:
    text = "2024年政府工作报告\n1. 2023年工作回顾\n（1）地区生产总值增长5.2%。\n（2）城镇新增就业3万人。\n"
    assert [(k, p) for _, k, p in _got(text)] == [("actual", "2023"), ("actual", "2023")]


PLAN_TABLE = (
    "某市国民经济和社会发展第十四个五年规划纲要\n"
    "专栏1 “十四五”时期经济社会发展主要指标\n"
    "指标 | 2020年 | 2025年 | 年均增长[累计] | 属性\n"
    "地区生产总值（亿元） | 2500 | 3500 | 6左右 | 预期性\n"
    "常住人口城镇化率（%） | 60 | 65 | [5] | 预期性\n"
    "一般公共预算收入（亿元） | 200 | 260 | 5.5 | 预期性\n"
    "单位地区生产总值能耗降低（%） | — | — | [13.5] | 约束性\n"
    "城镇新增就业（万人） | 5 | — | [25] | 预期性\n"
)


def _table(text: str) -> list[tuple[str, str, str, float, str | None, str | None]]:
    ex = duban.extract(text, year=2021)
    return [(i.kind, i.indicator, i.cmp, i.low, i.unit, i.period) for i in ex.items]


def test_plan_table_yearly_growth_column_of_a_level_row_is_a_growth_in_percent() -> None:
    got = _table(PLAN_TABLE)
    assert ("target", "地区生产总值年均增长", "~", 6.0, "%", "2021-2025") in got
    assert ("target", "一般公共预算收入年均增长", "=", 5.5, "%", "2021-2025") in got
    assert not [g for g in got if g[3] in (6.0, 5.5) and g[4] == "亿元"]


def test_plan_table_bracket_in_a_percent_level_row_is_a_rise_in_points() -> None:
    got = _table(PLAN_TABLE)
    assert ("target", "常住人口城镇化率累计提高", "=", 5.0, "百分点", "2021-2025") in got
    # a row naming a change, and a row counted in its own unit, keep their sums as they are
    assert ("target", "单位地区生产总值能耗降低", "=", 13.5, "%", "2021-2025") in got
    assert ("target", "城镇新增就业", "=", 25.0, "万人", "2021-2025") in got


def _indicators(text: str) -> list[str]:
    return [i.indicator for i in duban.extract(text).items if i.kind != "task"]


def test_total_after_a_count_of_new_ones() -> None:
    text = "2024年政府工作报告\n一、2023年工作回顾\n新增高新技术企业3100余家、总量突破1.2万家。新增市场主体5万户，总数达到60万户。\n"
    assert _indicators(text) == ["新增高新技术企业", "高新技术企业总量", "新增市场主体", "市场主体总数"]


def test_total_after_a_level_is_that_level() -> None:
    text = "2024年政府工作报告\n一、2023年工作回顾\n地区生产总值增长5.2%，总量突破4000亿元。\n"
    assert _indicators(text) == ["地区生产总值增长", "地区生产总值"]


def test_share_of_the_plan_names_its_subject() -> None:
    text = ("2024年政府工作报告\n一、2023年工作回顾\n城镇新增就业8.2万人，完成年度计划的110.6%。"
            "固定资产投资完成年度计划的102%。新增城镇就业3万人，完成全年目标任务的56.7%。\n")
    assert _indicators(text) == ["城镇新增就业", "城镇新增就业完成年度计划比例", "固定资产投资完成年度计划比例",
                                 "新增城镇就业", "新增城镇就业完成全年目标比例"]


def test_a_bare_change_after_the_goal_word_keeps_its_subject() -> None:
    text = ("关于2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n一、2022年计划执行情况\n"
            "——固定资产投资预期目标为增长10%，预计完成372亿元，增长11.5%；\n")
    assert _indicators(text) == ["固定资产投资增长", "固定资产投资", "固定资产投资增长"]
    # the goal word before the subject still gives way to it
    assert _indicators("2024年政府工作报告\n今年的目标是地区生产总值增长5%左右。\n") == ["地区生产总值增长"]


def test_next_five_years_reach_the_rest_of_the_paragraph() -> None:
    text = ("2021年政府工作报告\n一、2020年工作回顾\n全年地区生产总值增长3%。\n"
            "今后五年，地区生产总值年均增长6%；城镇新增就业累计50万人；常住人口城镇化率达到70%。今年地区生产总值增长6.5%。\n")
    assert _got(text)[1:] == [("地区生产总值年均增长6%", "target", "2021-2025"),
                              ("城镇新增就业累计50万人", "target", "2021-2025"),
                              ("常住人口城镇化率达到70%", "target", "2021-2025"),
                              ("今年地区生产总值增长6.5%", "target", "2021")]


def test_next_five_years_reach_the_list_after_their_lead_in() -> None:
    text = ("2021年政府工作报告\n一、2020年工作回顾\n全年地区生产总值增长3%。\n今后五年的主要目标是：\n"
            "——地区生产总值年均增长6%左右；\n——城镇新增就业累计50万人；\n——常住人口城镇化率达到70%。\n"
            "今年的主要预期目标是：地区生产总值增长6.5%。\n新增城镇就业10万人。\n")
    assert _periods(text) == ["2020", "2021-2025", "2021-2025", "2021-2025", "2021", "2021"]


def test_next_five_years_in_a_heading_reach_its_section() -> None:
    text = ("2021年政府工作报告\n一、2020年工作回顾\n全年地区生产总值增长3%。\n二、今后五年的主要目标任务\n"
            "地区生产总值年均增长6%，城镇新增就业累计50万人。\n三、2021年重点工作\n地区生产总值增长6.5%。\n")
    assert _periods(text) == ["2020", "2021-2025", "2021-2025", "2021"]
