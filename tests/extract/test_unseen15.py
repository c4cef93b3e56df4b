"""Round fifteen of extraction quality on unseen documents (issue 2): each test is an example text of
one general failure (a third spinner table, a title naming its year in brackets, ...)."""

from __future__ import annotations

import duban


def _items(text: str) -> list[tuple[str, str, str, float, str, str | None]]:
    ex = duban.extract(text)
    return [(i.indicator, i.kind, i.cmp, i.low, i.unit, i.period) for i in ex.items if i.kind != "task"]


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
