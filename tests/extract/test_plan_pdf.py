"""Plan outlines as a PDF text layer and mid-term reviews of a plan (issue 2). Example texts written
for these tests (own wording and figures)."""

from __future__ import annotations

import duban


def _items(text: str, year: int | None = None) -> list[tuple]:
    ex = duban.extract(duban.read_text(text), year=year)
    return [(i.kind, i.indicator, i.cmp, i.low, i.unit, i.period) for i in ex.items if i.kind != "task"]


PDF_PLAN = (
    "某市国民经济和社会发展第十五个五年规划纲要\n"
    "专栏2 “十五五”时期主要指标\n"
    "类别\t序号\t指标\t单位\t2025年\t2030年\t年均增长\t属性\n"
    "(预计)\t(目标)\t[累计]\n"
    "经济\t1\t地区生产总值增长\t%\t6左右\t—\t5.5左右\t预期性\n"
    "发展\t2\t规模以上工业增加值增长\t%\t7以上\t—\t>6\t预期性\n"
    "3\t战略性新兴产业增加值占规模以上\n"
    "工业增加值比重\t%\t31.5\t38\t[6.5]\t预期性\n"
    "4\t研究与试验发展经费投入强度\t%\t2.6\t3.1\t[0.5]\t预期性\n"
    "民生\t5\t城镇调查失业率\t%\t<5\t<5.5\t—\t预期性\n"
    "福祉\t6\t人均预期寿命\t岁\t79.1\t80以上\t—\t预期性\n"
    "绿色\t7\t单位地区生产总值二氧化碳排放降低\t%\t—\t—\t[完成国家下达任务]\t约束性\n"
    "生态\t8\t空气质量优良天数比率\t%\t88以上\t≤90\t—\t约束性\n"
    "注:[ ]内为五年累计数。\n"
)


def test_pdf_plan_table_two_line_header_and_wrapped_names() -> None:
    got = _items(PDF_PLAN)
    # the 2025 (预计) column: an estimate of the last year of the previous plan, an actual
    assert ("actual", "地区生产总值增长", "~", 6.0, "%", "2025") in got
    assert ("target", "地区生产总值增长", "~", 5.5, "%", "2026-2030") in got
    assert ("target", "规模以上工业增加值增长", ">=", 6.0, "%", "2026-2030") in got
    # a name the PDF wrapped onto the next line reads whole, unit from the 单位 column
    name = "战略性新兴产业增加值占规模以上工业增加值比重"
    assert ("actual", name, "=", 31.5, "%", "2025") in got
    assert ("target", name, "=", 38.0, "%", "2026-2030") in got
    assert ("target", name + "累计提高", "=", 6.5, "百分点", "2026-2030") in got
    assert ("target", "研究与试验发展经费投入强度", "=", 3.1, "%", "2026-2030") in got
    assert ("actual", "城镇调查失业率", "<=", 5.0, "%", "2025") in got
    assert ("target", "人均预期寿命", ">=", 80.0, "岁", "2026-2030") in got
    assert ("target", "空气质量优良天数比率", "<=", 90.0, "%", "2026-2030") in got
    assert len(got) == 16  # dashes, words ([完成国家下达任务]), 属性 and the note are no items


def test_pdf_plan_quotes_are_the_original_rows() -> None:
    doc = duban.read_text(PDF_PLAN)
    ex = duban.extract(doc)
    for it in ex.items:
        assert doc.original[it.span[0] : it.span[1]] == it.quote
    assert any(it.quote.startswith("战略性新兴产业增加值占规模以上\n工业") for it in ex.items)


def test_a_second_header_line_with_fewer_words() -> None:
    # the PDF dropped the last bracket: the words go to the first value columns
    text = PDF_PLAN.replace("(预计)\t(目标)\t[累计]\n", "(预计)\t(目标)\n")
    assert _items(text) == _items(PDF_PLAN)
    # a year column without (预计) in a 十五五 table: the plan's base year, still an actual
    text = PDF_PLAN.replace("(预计)\t(目标)\t[累计]\n", "")
    assert ("actual", "地区生产总值增长", "~", 6.0, "%", "2025") in _items(text)
    # the words kept under their columns by empty cells before them
    text = PDF_PLAN.replace("(预计)\t(目标)\t[累计]\n", "\t\t\t\t(预计)\t(目标)\t[累计]\n")
    assert _items(text) == _items(PDF_PLAN)
    # empty cells that do not line the words up (past the last column): the value columns in order
    text = PDF_PLAN.replace("(预计)\t(目标)\t[累计]\n", "\t\t\t\t\t\t\t\t\t(预计)\t(目标)\t[累计]\n")
    assert _items(text) == _items(PDF_PLAN)
    # more words than value columns: no header line, the table ends there
    text = PDF_PLAN.replace("(预计)\t(目标)\t[累计]\n", "(预计)\t(目标)\t[累计]\t(注)\n")
    assert not [g for g in _items(text) if g[5] == "2025"]


REVIEW = (
    "關於某省國民經濟和社會發展第十四個五年規劃綱要實施情況的中期評估報告\n"
    "2023年7月20日\n"
    "一、主要指標進展情況\n"
    "2021-2022年，全省地區生產總值年均增長4.8%，低於規劃確定的年均增長6.5%左右的預期目標。"
    "2022年，常住人口城鎮化率達到66.1%，提前實現2025年65%的目標。兩年城鎮新增就業88萬人。"
    "研究與試驗發展經費投入強度達到2.3%，距離2025年2.7%以上的目標仍有差距。"
    "全員勞動生產率由2020年的10.4萬元/人提高到12.2萬元/人。\n"
    "二、後半程主要目標\n"
    "確保到2025年，全省地區生產總值達到5萬億元左右。\n"
)


def test_mid_term_review_of_a_plan_outline() -> None:
    ex = duban.extract(duban.read_text(REVIEW))
    assert ex.year == 2023  # the date's year, not the plan's first year
    got = [(i.kind, i.indicator, i.low, i.unit, i.period) for i in ex.items if i.kind != "task"]
    assert got == [
        ("actual", "地区生产总值年均增长", 4.8, "%", "2021-2022"),
        ("target", "地区生产总值年均增长", 6.5, "%", "2021-2025"),  # the plan's goal restated
        ("actual", "常住人口城镇化率", 66.1, "%", "2022"),
        ("target", "常住人口城镇化率", 65.0, "%", "2025"),
        ("actual", "城镇新增就业", 88.0, "万人", "2021-2022"),
        ("actual", "研究与试验发展经费投入强度", 2.3, "%", "2022"),  # a level: the last year reviewed
        ("target", "研究与试验发展经费投入强度", 2.7, "%", "2025"),
        ("actual", "全员劳动生产率", 10.4, "万元/人", "2020"),
        ("actual", "全员劳动生产率", 12.2, "万元/人", "2022"),
        ("target", "地区生产总值", 5.0, "万亿元", "2021-2025"),
    ]


def test_a_plan_outline_title_without_review_words_stays_a_plan() -> None:
    # (dated in the plan's first year: a page dated two years into it reports how it goes, test_unseen23)
    text = (REVIEW.replace("實施情況的中期評估報告", "").replace("一、主要指標進展情況\n", "")
            .replace("2023年7月20日", "2021年3月20日"))
    ex = duban.extract(duban.read_text(text))
    assert ex.year == 2021
    assert ex.items[0].kind == "target"
