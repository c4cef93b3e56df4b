"""Round fourteen of extraction quality on unseen documents (issue 2): each test is an example text of
one general failure (subjects of a bare 完成投资 and 占比, a unit bracket after a bracket of words in a
plan-table row, a bare change after a level across noise and wraps, a difference against last year)."""

from __future__ import annotations

from extract_examples import items as _items

REVIEW = "某县2025年政府工作报告\n一、2024年工作回顾\n"


def test_bare_investment_takes_the_projects_counted_before() -> None:
    got = _items(REVIEW + "全年新开工亿元以上项目86个，完成投资312亿元。\n"
                 "二、2025年工作安排\n全年安排县级重点项目150个以上，完成投资400亿元。\n")
    assert ("亿元以上项目完成投资", "actual", "=", 312.0, "亿元", "2024") in got
    assert ("县级重点项目完成投资", "target", "=", 400.0, "亿元", "2025") in got


def test_investment_after_a_figure_that_is_no_count_keeps_its_words() -> None:
    got = _items(REVIEW + "工业增加值增长7%，完成投资88亿元。\n")
    assert [g[0] for g in got] == ["工业增加值增长", "投资"]


def test_bare_share_takes_the_total_of_money_before() -> None:
    got = _items(REVIEW + "一般公共预算收入完成26.4亿元，增长5.1%，税收占比71.3%；"
                 "一般公共预算支出58亿元，民生支出占比82%。\n")
    inds = [g[0] for g in got]
    assert "税收占一般公共预算收入比重" in inds and "民生支出占一般公共预算支出比重" in inds


def test_share_without_a_total_before_stays() -> None:
    got = _items(REVIEW + "民生支出占比保持在80%以上。\n")
    assert got[0][0] == "民生支出占比"


def test_plan_table_row_with_a_bracket_of_words_and_a_unit_bracket() -> None:
    text = ("某市国民经济和社会发展第十四个五年规划纲要\n专栏1 主要指标\n指标\t2020年\t2025年\t属性\n"
            "每千人口拥有执业(助理)医师数(人)\t2.9\t3.4\t预期性\n"
            "城镇调查失业率(%)\t5.1\t<5.5\t预期性\n")
    got = _items(text)
    assert ("每千人口拥有执业医师数", "actual", "=", 2.9, "人", "2020") in got
    assert ("每千人口拥有执业医师数", "target", "=", 3.4, "人", "2025") in got


NEWS = "2024年7月18日 来源：某市统计局\n上半年，全市实现地区生产总值{g}1862亿元，{w}同比增长5.4%。\n"


def test_bare_change_after_a_level_in_news_prose() -> None:
    got = _items(NEWS.format(g="", w=""))
    assert got[1][0] == "地区生产总值增长" and got[1][5] == "2024H1"


def test_bare_change_after_a_pinyin_annotation() -> None:
    got = _items(NEWS.format(g="(zhí)", w=""))
    assert got[1][0] == "地区生产总值增长"


def test_bare_change_after_a_line_that_ends_on_a_comma() -> None:
    got = _items(NEWS.format(g="", w="\n"))
    assert got[1][0] == "地区生产总值增长"


def test_a_line_that_ends_on_a_full_stop_ends_the_sentence() -> None:
    # (a growth with no subject in its own sentence is read as the economy's: the level before is not its subject)
    got = _items("2024年7月18日 来源：某市统计局\n上半年，全市一般公共预算收入186亿元。\n增长5.4%。\n")
    assert got[1][0] != "一般公共预算收入增长"


def test_difference_against_last_year_keeps_the_comparison() -> None:
    got = _items(REVIEW + "全年空气质量优良天数达到318天，比上年增加19天。粮食总产量41.2万吨，比上年增加1.3万吨，"
                 "城镇登记失业率3.2%，比上年下降0.2个百分点；劳务收入18亿元，比上年增长6%。\n")
    assert ("空气质量优良天数比上年增加", "actual", "=", 19.0, "天", "2024") in got
    assert ("粮食总产量比上年增加", "actual", "=", 1.3, "万吨", "2024") in got
    assert ("城镇登记失业率比上年下降", "actual", "=", 0.2, "百分点", "2024") in got
    assert ("劳务收入增长", "actual", "=", 6.0, "%", "2024") in got  # a rate drops it


def test_bare_change_after_a_comma_wrap_and_a_page_footer() -> None:
    got = _items(NEWS.format(g="", w="\n— 2 —\n"))
    assert got[1][0] == "地区生产总值增长"

