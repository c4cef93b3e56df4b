"""Quantities: number + range + comparator + scale + unit, and the numbers that are not items."""

from __future__ import annotations

import pytest

from duban.extract.quantities import find_quantities


def _q(text: str) -> list[tuple]:
    return [(q.low, q.high, q.cmp, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("地区生产总值增长5.5-6%", [(5.5, 6, "range", "%")]),
    ("增长4.5%—5%", [(4.5, 5, "range", "%")]),
    ("增长5.5%至6%", [(5.5, 6, "range", "%")]),
    ("增长6%-6.5%", [(6, 6.5, "range", "%")]),
    ("建设1-2家中医药特色社康", [(1, 2, "range", "家")]),
    ("固定资产投资完成400亿元左右", [(400, 400, "~", "亿元")]),
    ("城镇新增就业1100万人以上", [(1100, 1100, ">=", "万人")]),
    ("城镇调查失业率控制在5.5%以内", [(5.5, 5.5, "<=", "%")]),
    ("地区生产总值超2. 2万亿元", [(2.2, 2.2, ">=", "万亿元")]),
    ("新增4万多亿元", [(4, 4, ">=", "万亿元")]),
    ("开展800多个民微项目", [(800, 800, ">=", "个")]),
    ("新建学校100余所", [(100, 100, ">=", "所")]),
    ("贡献了全国近4成", [(4, 4, "~", "成")]),
    ("比上年下降0.31个百分点", [(0.31, 0.31, "=", "百分点")]),
    ("增长-4%", [(-4, -4, "=", "%")]),
    ("新增學位2.75萬個", [(2.75, 2.75, "=", "万个")]),
    ("新增公办学位一万二千个", [(12000, 12000, "=", "个")]),
    ("新建公办幼儿园二十所", [(20, 20, "=", "所")]),
    ("1,267套", [(1267, 1267, "=", "套")]),
    ("財政支出加大至人民幣21兆元", [(21, 21, "=", "兆元")]),
    ("总量迈上\n4千亿元台阶", [(4, 4, ">=", "千亿元")]),
    ("再减少农村贫困人口1000万以上", [(1000, 1000, ">=", "万人")]),
    ("农村贫困人口减少1109万", [(1109, 1109, "=", "万")]),
    ("拥有高层次人才28万", [(28, 28, "=", "万")]),
    ("百分之五十", [(50, 50, "=", "%")]),
    ("居民收入增长百分之六点五", [(6.5, 6.5, "=", "%")]),
    ("研发投入增长百分之十二以上", [(12, 12, ">=", "%")]),
    ("完成植树造林一点二万亩", [(1.2, 1.2, "=", "万亩")]),
    ("今年國防預算編列1兆6655億元", [(16655, 16655, "=", "亿元")]),
    # a comparator before a 分别 list applies to every member
    ("两项增速分别不低于7.5%和8%", [(7.5, 7.5, ">=", "%"), (8, 8, ">=", "%")]),
    ("分别达到5%、6%以上", [(5, 5, "=", "%"), (6, 6, ">=", "%")]),
    ("全县经济总量跨过500亿元大关", [(500, 500, ">=", "亿元")]),
    # PDF text: a unit cut from its scale word by a line wrap, a spaced minus sign
    ("地区生产总值1362.7亿\n元，增长", [(1362.7, 1362.7, "=", "亿元")]),
    ("玉米产量增长 - 5 . 3 %", [(-5.3, -5.3, "=", "%")]),
    # compound phrases: one quantity per number, each with its own comparator
    ("推进2所高中、9所义务教育学校改造", [(2, 2, "=", "所"), (9, 9, "=", "所")]),
    ("小巨人企业20家、省级企业50家以上", [(20, 20, "=", "家"), (50, 50, ">=", "家")]),
    ("达到73860元和42794元,增长5.4%和7.1%",
     [(73860, 73860, "=", "元"), (42794, 42794, "=", "元"), (5.4, 5.4, "=", "%"), (7.1, 7.1, "=", "%")]),
    ("投入1.5亿元开展800个以上民微项目", [(1.5, 1.5, "=", "亿元"), (800, 800, ">=", "个")]),
])
def test_quantities(text: str, expected: list[tuple]) -> None:
    assert _q(text) == expected


@pytest.mark.parametrize("text", [
    "1月29日", "2021年", "二〇三五年", "第七届人民代表大会第八次会议", "PM2.5", "5G基站", "“十四五”规划",
    "地铁21号线", "一体两翼五引擎", "建党100周年", "居全国第5位", "稳居全国前三", "连续35年", "连续3个季度",
    "4.1:40.1:55.8", "2.36:1", "1+10+10", "开拓者以102-94击败公牛", "仅1万多字", "推迟了2个多月",
    "30万千瓦以下煤电机组", "营收超10亿元重点科技企业", "发展改革委等21个部门", "十四届全国人大三次会议",
])
def test_not_items(text: str) -> None:
    assert _q(text) == []


def test_spans_cover_the_comparators() -> None:
    text = "城镇调查失业率控制在5.5%以内,外汇储备超过3.2万亿美元"
    got = [text[q.start:q.end] for q in find_quantities(text)]
    assert got == ["5.5%以内", "超过3.2万亿美元"]


def test_chinese_counts_after_pinyin_annotations() -> None:
    # web copies annotate characters with pinyin (建(jiàn)); the count after them reads the same
    import duban

    def counts(text: str) -> list[tuple]:
        ex = duban.extract(duban.read_text("2025年政府工作报告\n" + text))
        return [(i.cmp, i.low, i.unit) for i in ex.items if i.kind != "task"]

    for text in ("今年新建一所九年一贯制学校。", "今年新建(jiàn)一所九年一贯制学校。"):
        assert counts(text) == [("=", 1.0, "所")], text
    for text in ("培育专精特新企业五家以上。", "培育专精特新企业(yè)五家以上。"):
        assert counts(text) == [(">=", 5.0, "家")], text
    # 一 as "a": no count
    assert counts("新建(jiàn)一批口袋公园，建设一座宜居城市，打造一流营商环境。") == []
