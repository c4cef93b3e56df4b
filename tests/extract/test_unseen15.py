"""Round fifteen of extraction quality on unseen documents (issue 2): each test is an example text of
one general failure (a third spinner table, a title naming its year in brackets, ...)."""

from __future__ import annotations

from extract_examples import items as _items

import duban

REVIEW = "某县2025年政府工作报告\n一、2024年工作回顾\n"

# a spun copy (任务 for 工作, 呈报 for 报告, 收益 for 收入, 挂号赋闲 for 登记失业 ...) dated the year after
SPUN = ("某市当局任务呈报（2020年）\n发布时间：2021-02-03 来源：市当局办公室\n"
        "已往一年，全市出产总值增长6.1%，一样平常估算收益完成18亿元，规模以上工业增添值增长7%。"
        "新添失业0.8万人，完成棚户区革新1200套，新建城市途径12公里。\n"
        "本年重要预期目的：全市出产总值增长6%阁下，城镇挂号赋闲率把持在4%以内，天然口径估算收益增长5%。\n")


def test_third_spinner_table_is_read_back() -> None:
    got = _items(SPUN)
    assert ("一般预算收入", "actual", "=", 18.0, "亿元", "2019") in got
    assert ("规模以上工业增加值增长", "actual", "=", 7.0, "%", "2019") in got
    assert ("新增就业", "actual", "=", 0.8, "万人", "2019") in got
    assert ("棚户区改造", "actual", "=", 1200.0, "套", "2019") in got
    assert ("新建城市道路", "actual", "=", 12.0, "公里", "2019") in got
    assert ("生产总值增长", "target", "~", 6.0, "%", "2020") in got
    assert ("城镇登记失业率", "target", "<=", 4.0, "%", "2020") in got


def test_title_with_its_year_in_brackets_names_the_report_year() -> None:
    ex = duban.extract("某县人民政府工作报告(2016年)\n2017-01-05\n过去一年，地区生产总值增长7%。\n"
                       "回顾2015年政府工作报告确定的任务，全部完成。\n")
    assert ex.year == 2016


def test_shop_ad_lines_are_spam() -> None:
    from duban.ingest.normalize import is_spam_line
    from duban.ingest.rules import load

    cfg = load("spam")["ads"]
    for line in cfg["good"]:
        assert is_spam_line(line), line
    for line in cfg["bad"]:
        assert not is_spam_line(line), line
    got = _items("某市2025年政府工作报告\n二、2025年工作安排\n地区生产总值增长5%左右。\n"
                 "茅台镇酱香酒厂家直销53度纯粮坤沙整箱特价398元\n")
    assert [g[0] for g in got] == ["地区生产总值增长"]


def test_bullets_of_an_illustrated_summary_are_no_part_of_an_indicator() -> None:
    got = _items("图解：某市2025年政府工作报告\n【2024年成绩单】\n▶ 一般公共预算总收入 约65亿元\n"
                 "● 外贸进出口 275亿元，增长6.4%\n【2025年目标】\n★ 地区生产总值增长5.5%左右\n")
    assert ("一般公共预算总收入", "actual", "~", 65.0, "亿元", "2024") in got
    assert ("外贸进出口", "actual", "=", 275.0, "亿元", "2024") in got
    assert ("地区生产总值增长", "target", "~", 5.5, "%", "2025") in got


def test_stray_space_inside_a_number_of_a_pdf_layer() -> None:
    got = _items(REVIEW + "高新技术企业总数达到 3 62 家，实施 5 00 个项目。\n")
    assert [(g[0], g[3]) for g in got] == [("高新技术企业总数", 362.0), ("实施项目", 500.0)]


def test_share_of_the_plan_after_the_amount_done() -> None:
    got = _items(REVIEW + "市重点项目完成投资420亿元，占年度计划的 108%。\n")
    assert ("市重点项目完成年度计划比例", "actual", "=", 108.0, "%", "2024") in got
