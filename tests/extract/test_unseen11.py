"""Round eleven of extraction quality on unseen documents (issue 2): each test is an example text of
one general failure (tenths and multiples, round numbers, outcomes set against a goal, task tables
with part-of-year goals, the subject of a bare change, counter words before a figure)."""

from __future__ import annotations

from extract_examples import items as _items


def test_tenths_and_multiples_as_quantities() -> None:
    text = ("2024年政府工作报告\n一、2023年工作回顾\n外来人口占常住人口近三成，超过六成企业实现盈利，"
            "粮食产量增长一倍多。坚持一成不变的标准，建成一批项目，经济总量翻一番。\n")
    got = [(cmp, low, unit) for _, _, cmp, low, unit, _ in _items(text)]
    assert got == [("~", 3.0, "成"), (">=", 6.0, "成"), (">=", 1.0, "倍")]


def test_near_a_round_number() -> None:
    text = "2024年政府工作报告\n一、2023年工作回顾\n拍摄电影近百部，培训农民近千人，近百年来未有之变局。\n"
    got = [(ind, cmp, low, unit) for ind, _, cmp, low, unit, _ in _items(text)]
    assert got == [("拍摄电影", "~", 100.0, "部"), ("培训农民", "~", 1000.0, "人")]


def test_outcome_after_its_goal_is_an_actual_of_the_same_indicator() -> None:
    text = ("2024年政府工作报告\n一、2023年民生实事完成情况\n计划新增城镇就业5万人，实际新增5.83万人。"
            "实际使用外资10亿美元。\n二、2024年工作安排\n城乡居民收入实际增长5%左右。\n")
    got = _items(text)
    assert got[1][:2] == ("新增城镇就业", "actual") and got[1][3] == 5.83
    assert got[2][0] == "实际使用外资"
    assert got[3][:2] == ("城乡居民收入实际增长", "target")


def test_task_table_part_of_year_goal_and_row_numbers() -> None:
    text = ("2024年重点工作任务分解表\n序号\t任务内容\t牵头单位\t完成时限\n"
            "1\t全年地区生产总值增长6%左右\t市发改委\t2024年12月\n"
            "2\t一季度规模以上工业增加值增长不低于5.5%\t市工信局\t2024年3月\n"
            "3 上半年固定资产投资增长6%\t市发改委\t2024年6月\n"
            "4\t12345热线接通率95%以上\t市政务服务局\t2024年12月\n")
    got = [(ind, kind, period) for ind, kind, _, _, _, period in _items(text)]
    assert got == [("地区生产总值增长", "target", "2024"), ("规模以上工业增加值增长", "target", "2024Q1"),
                   ("固定资产投资增长", "target", "2024H1"), ("12345热线接通率", "target", "2024")]


def test_part_of_year_in_a_numbered_review_stays_an_actual() -> None:
    text = "2024年7月15日\n上半年，全市地区生产总值增长5.8%。\n1. 一季度规模以上工业增加值增长6%。\n"
    assert [(k, p) for _, k, _, _, _, p in _items(text)] == [("actual", "2024H1"), ("actual", "2024Q1")]


def test_subject_of_a_bare_change_and_the_growth_goal() -> None:
    text = ("2024年4月18日\n一季度，全市实现地区生产总值1234亿元，按可比价计算增长5.6%。"
            "今年政府工作报告把增长目标定在5%左右，全市经济总量增长5.2%。\n")
    assert [ind for ind, *_ in _items(text)] == ["地区生产总值", "地区生产总值增长", "地区生产总值增长",
                                                 "地区生产总值增长"]


def test_counter_word_before_the_figure() -> None:
    text = "2024年政府工作报告\n2023年，接待游客人次恢复到6000万，72.9万建档立卡贫困人口全部脱贫，收入28万元。\n"
    assert [(low, unit) for _, _, _, low, unit, _ in _items(text)] == [(6000.0, "万人次"), (72.9, "万人"),
                                                                        (28.0, "万元")]


def test_mid_term_plan_review_levels_and_goals() -> None:
    # the review part's level is an outcome of the last reviewed year (预期寿命 is a name, no goal cue);
    # 累计…以上 in the forward part is a goal of the plan
    text = ("关于某市“十四五”规划纲要实施中期评估报告\n2023年12月20日\n一、规划实施总体进展\n"
            "人均预期寿命达到78.6岁，新增城镇就业累计达到130万人。\n二、下一步工作\n"
            "新增城镇就业累计达到225万人以上。\n")
    got = [(k, p) for _, k, _, _, _, p in _items(text)]
    assert got[0] == ("actual", "2022") and got[1][0] == "actual" and got[2] == ("target", "2021-2025")
