"""Round sixteen of extraction quality on unseen documents (issue 2): each test is an example text of
one general failure (a counted noun with a bracketed alternative, a goal restated in brackets, the
year headings of an illustrated summary, a district portal page)."""

from __future__ import annotations

from extract_examples import items as _items

REVIEW = "某县2019年政府工作报告\n一、2018年工作回顾\n"


def test_counted_noun_keeps_its_bracketed_alternative() -> None:
    for body in ("全市7个县(区)脱贫摘帽。", "全市7个县（区）脱贫摘帽。", "全市7个县(xiàn)(区)脱贫摘帽。"):
        assert ("县(区)脱贫摘帽", "actual", "=", 7.0, "个", "2018") in _items(REVIEW + body + "\n"), body
    # a note in brackets is no alternative of the noun
    got = _items(REVIEW + "建成5个产业园(其中省级2个)。\n")
    assert got[0][:2] == ("建成产业园", "actual")


def test_goal_restated_in_brackets_takes_the_clause_subject() -> None:
    got = _items(REVIEW + "全县地区生产总值增长7.6%，完成年度目标(7.5%)的101%。\n"
                 "规模以上工业增加值完成年度目标(8%)的95%。\n固定资产投资增长12%，完成年度目标（10%）。\n")
    assert ("地区生产总值增长", "target", "=", 7.5, "%", "2018") in got
    assert ("地区生产总值完成年度目标比例", "actual", "=", 101.0, "%", "2018") in got
    assert ("规模以上工业增加值", "target", "=", 8.0, "%", "2018") in got
    assert ("规模以上工业增加值完成年度目标比例", "actual", "=", 95.0, "%", "2018") in got
    assert ("固定资产投资增长", "target", "=", 10.0, "%", "2018") in got


SUMMARY = ("某市2025年政府工作报告图解\n各位代表：\n{past}\n▶ 地区生产总值 约3200亿元，增长5.5%\n"
           "▶ 外贸进出口 2750亿元\n{this}\n▶ 地区生产总值增长5.5%左右\n▶ 新增城镇就业 3万人\n")


def test_year_headings_of_an_illustrated_summary_against_the_report_year() -> None:
    for past, this in (("2024年，我们这样干", "2025年，我们这样干"), ("2024年这样干", "2025年这样干"),
                       ("【2024年成绩单】", "2025年，我们这样干")):
        got = _items(SUMMARY.format(past=past, this=this))
        assert ("地区生产总值", "actual", "~", 3200.0, "亿元", "2024") in got, past
        assert ("外贸进出口", "actual", "=", 2750.0, "亿元", "2024") in got, past
        assert ("地区生产总值增长", "target", "~", 5.5, "%", "2025") in got, this
        assert ("新增城镇就业", "target", "=", 3.0, "万人", "2025") in got, this


PORTAL = ("首页 | 政务公开 | 新闻中心 | 办事服务\n当前位置：首页 > 政务公开 > 政府工作报告\n某某区政府工作报告\n"
          "发布时间：2017-02-20 09:30 来源：区政府办公室 字号：[ 大 中 小 ] 打印本页 关闭窗口\n"
          "各位代表：\n一、2016年工作回顾\n"
          "全区规模以上工业总产值3150亿元左右，增长8.5%；战略性新兴产业产值占比提高到34.2%。\n"
          "二、2017年主要目标\n全区地区生产总值增长7.5%左右。\n")


def test_portal_page_review_estimates_stay_actuals() -> None:
    got = _items(PORTAL)
    assert ("规模以上工业总产值", "actual", "~", 3150.0, "亿元", "2016") in got
    assert ("战略性新兴产业产值占比", "actual", "=", 34.2, "%", "2016") in got
    assert ("地区生产总值增长", "target", "~", 7.5, "%", "2017") in got
