"""The extractor end to end on short texts: target vs actual, period, indicator, provenance."""

from __future__ import annotations

import pytest

import duban
from duban.extract.classify import page_date_year, report_year


def _items(text: str, year: int | None = None) -> list[duban.Item]:
    return [i for i in duban.extract(text, year=year).items if i.kind != "task"]


@pytest.mark.parametrize(("text", "year"), [
    ("2021年政府工作报告\n各位代表", 2021),
    ("一、2015年工作回顾\n过去一年,国内生产总值增长6.9%", 2016),
    ("2016年主要预期目标是:地区生产总值增长7.5%-8%", 2016),
    # a bulletin's year is the year it covers (as regions.detect_year reads it), not the next one
    ("固原市2020年国民经济和社会发展统计公报", 2020),
    ("某县 2021 年国民经济和社会发展\n统计公报\n某县统计局\n2022 年 4 月", 2021),
    ("2020年当局事情陈诉\n已往一年,全县经济平稳运行", 2020),
    ("刚刚过去的2015年,全省生产总值比上年增长8%", 2016),
])
def test_report_year(text: str, year: int) -> None:
    assert report_year(text) == year


def test_title_year_does_not_date_the_review() -> None:
    # a web copy runs the title into the first paragraph: the title's year is the report's, the
    # review (过去一年) is of the year before
    got = _items("某区2024年政府工作报告  过去一年,全区新增城镇就业8600人,两年平均增长4.3%。")
    assert [(i.kind, i.period) for i in got] == [("actual", "2023"), ("actual", "2022-2023")]


def test_split_bulletin_title() -> None:
    text = "某县 2021 年国民经济和社会发展\n统计公报\n2022 年 4 月\n年末户籍人口45.6万人。粮食产量12.3万吨。"
    got = _items(text)
    assert [(i.kind, i.period) for i in got] == [("actual", "2021"), ("actual", "2021")]


def test_spun_report_periods() -> None:
    text = "2020年当局事情陈诉\n已往一年,全县新增城镇就业3000人。\n本年主要目标:新增城镇就业3200人以上。"
    got = _items(text)
    assert [(i.kind, i.period) for i in got] == [("actual", "2019"), ("target", "2020")]


def test_quarter_goal_keeps_the_plan() -> None:
    # in a plan part, a first-quarter goal does not turn what follows into last year's actuals
    text = ("2025年政府工作报告\n二、2025年工作安排\n上半年要确保规上工业增加值增长7%以上。"
            "全年新建充电桩2000个,改造老旧小区45个。")
    got = [(i.kind, i.period) for i in _items(text)]
    assert got == [("target", "2025H1"), ("target", "2025"), ("target", "2025")]
    review = "2025年政府工作报告\n一、2024年工作回顾\n上半年规上工业增加值增长7.2%。全年新建充电桩2100个。"
    assert [(i.kind, i.period) for i in _items(review)] == [("actual", "2024H1"), ("actual", "2024")]


@pytest.mark.parametrize(("text", "indicator"), [
    ("【本报记者】今年全省粮食产量稳定在600亿斤以上", "粮食产量"),
    ("[李局长]今年城镇新增就业3万人以上", "城镇新增就业"),
    ("某县十六届人大三次会议今天开幕地区生产总值增长5.5%左右", "地区生产总值增长"),
    ("一季度要力争实现规上工业增加值增长8%", "规上工业增加值增长"),
    ("今年城镇查询拜访赋闲率掌握在5.5%以内", "城镇调查失业率"),
    ("全县牢固资产出资增长9%", "固定资产投资增长"),
    ("新建两座变电站和五座充电站", "新建变电站"),
])
def test_indicator_cleaning(text: str, indicator: str) -> None:
    assert _items(text, 2024)[0].indicator == indicator


def test_list_member_after_he_takes_its_own_noun() -> None:
    got = [(i.indicator, i.low) for i in _items("今年新建两座变电站和五座充电站。", 2024)]
    assert got == [("新建变电站", 2), ("充电站", 5)]


def test_part_of_year_nearest_and_reviewed() -> None:
    # the part-of-year word nearest the figure names its period; in a sentence about last year, last year's
    text = "2024年政府工作报告\n过去一年,全县一季度增长4.1%,上半年增长4.6%,前三季度增长5%。"
    assert [i.period for i in _items(text)] == ["2023Q1", "2023H1", "2023Q1-Q3"]


def test_review_then_plan() -> None:
    text = ("2022年政府工作报告\n一、2021年工作回顾\n全市地区生产总值达到3210亿元,增长7.2%。"
            "城镇新增就业6.8万人。\n二、2022年主要预期目标\n地区生产总值增长6%左右,城镇新增就业6万人以上。")
    got = [(i.kind, i.period, i.indicator, i.low) for i in _items(text)]
    assert got == [("actual", "2021", "地区生产总值", 3210), ("actual", "2021", "地区生产总值增长", 7.2),
                   ("actual", "2021", "城镇新增就业", 6.8), ("target", "2022", "地区生产总值增长", 6),
                   ("target", "2022", "城镇新增就业", 6)]


@pytest.mark.parametrize(("text", "kind"), [
    ("今年将新增学位4290个", "target"),
    ("拟发行超长期特别国债1.3万亿元", "target"),
    ("去年新增学位3000个", "actual"),
    ("2023年,国家企业技术中心增至62家。2024年政府工作报告", "actual"),
    ("城镇新增就业超143万人、超额完成国家下达的110万人年度任务", "target"),  # the last figure
    ("一般公共预算收入增长12.5%,全国第5", "actual"),
])
def test_kind(text: str, kind: str) -> None:
    assert _items(text)[-1].kind == kind


@pytest.mark.parametrize(("text", "period"), [
    ("“十四五”时期,力争新增城镇就业30万人", "2021-2025"),
    ("今年上半年,全市实现地区生产总值1500亿元", "2023H1"),
    ("到2035年,人均地区生产总值达到15万元", "2035"),
])
def test_period(text: str, period: str) -> None:
    assert _items(text, year=2023)[-1].period == period


def test_five_year_review_periods() -> None:
    text = ("“十三五”时期,我们砥砺奋进。地区生产总值年均增长6.1%,迈上2万亿元新台阶。"
            "境内上市公司由77家增至144家。")
    got = [i.period for i in _items(text, year=2021)]
    assert got == ["2016-2020", "2020", "2015", "2020"]


def test_provenance_points_into_the_original() -> None:
    text = "今年羅湖將推進2所高中、9所義務教育學校改造,新增4290個學位。"
    doc = duban.read_text(text)
    for item in duban.extract(doc).items:
        assert doc.original[item.span[0]:item.span[1]] == item.quote
    assert [i.low for i in _items(text)] == [2, 9, 4290]


def test_indicators_are_clean_simplified() -> None:
    text = "2018年目標\n國內生產毛額(GDP)年增6.5%左右。今年新增4290個學位,城鎮新增就業1100萬人以上。"
    inds = [i.indicator for i in _items(text)]
    assert inds == ["国内生产总值增长", "新增学位", "城镇新增就业"]


def test_not_a_report_page_has_no_items() -> None:
    text = ("北京时间11月19日,NBA常规赛继续进行,开拓者以102-94击败公牛。两队全场投篮命中率高达50.6%,"
            "但双方总计也出现了35次失误。开拓者在三分线外22投9中对公牛队16投4中。") * 3
    assert _items(text) == []


@pytest.mark.parametrize(("head", "year"), [
    ("经济运行稳中向好\n2024-07-22 来源：市统计局\n上半年全市", 2024),
    ("某县公布民生实事\n发布日期：2023年3月9日  来源：县政府办\n", 2023),
    ("标题\n来源：日报  2022/02/16\n正文", 2022),
    ("2021年全市地区生产总值增长8%，比上年提高2个百分点。", None),  # a sentence, not a date line
    ("今年新增就业2024人\n", None),
])
def test_page_date_year(head: str, year: int | None) -> None:
    assert page_date_year(head) == year


def test_news_date_gives_the_year_of_this_year() -> None:
    """No title year: a news page dated 2024 speaks of 2024 as 今年; its 上半年 is 2024H1."""
    text = ("全市上半年经济运行情况发布\n2024-07-18 来源：统计局\n"
            "上半年全市地区生产总值1200亿元，同比增长5.2%。今年以来，全市规模以上工业增加值增长6.1%。")
    got = {(i.low, i.period) for i in _items(text)}
    assert (1200.0, "2024H1") in got and (5.2, "2024H1") in got
    assert report_year("今年将新增学位3000个，2023年新增2500个。", dated=2024) == 2024


def test_goals_said_to_be_done_set_no_plan_mode() -> None:
    """…民生实事已全部完成 speaks of last year's list: the figure after it is an actual."""
    text = ("2024年县政府将办好十件民生实事，新增学位800个。\n"
            "县政府办负责人表示，去年确定的民生实事已全部完成，全年民生支出占比达到76%。")
    got = {i.low: i.kind for i in _items(text)}
    assert got[800.0] == "target" and got[76.0] == "actual"


def test_livelihood_list_page_passes_the_gate() -> None:
    """A short 民生实事 list (Chinese numerals, few report words) is a government page: its title says so."""
    text = ("青河县2023年十件民生实事公布\n"
            "县政府常务会议确定，2023年将集中力量办好以下十件民生实事：\n"
            "一、新建城区幼儿园两所，新增学位六百个。\n二、改造农村危房一百二十户。\n"
            "三、为八千名老人免费体检。\n四、新建村级养老服务站十个。\n五、硬化通村道路三十公里。\n"
            "六、新增城镇就业一千五百人。\n七、免费接种疫苗两万剂次。\n八、更换老旧路灯五百盏。\n"
            "九、新建公共厕所二十座。\n十、改造老旧供水管网四十公里。\n"
            "上述事项所需资金由县财政统筹安排，各责任单位按月报送进度，年底前全部完成。\n")
    assert len(text) > 200  # long enough for the relevance gate, which scores it under 0.2
    got = {(i.kind, i.low, i.unit) for i in _items(text)}
    assert {("target", 600.0, "个"), ("target", 120.0, "户"), ("target", 30.0, "公里"),
            ("target", 2.0, "万剂次"), ("target", 500.0, "盏")} <= got



def test_plan_table_page_passes_the_gate() -> None:
    """A short five-year sector plan that is mostly its indicator table is a government page by its title;
    a company's own development plan is not. Texts written for this test."""
    plan = ("南溪市“十四五”生态环境保护规划（摘要）\n表1 主要指标\n指标\t2020年\t2025年\t属性\n"
            "森林覆盖率（%）\t40.1\t42\t约束性\n地表水优良水体比例（%）\t80\t85\t约束性\n"
            + "注：以上指标均为全市口径，按年度分解落实。" * 8)
    assert len(plan) > 200
    assert {(i.kind, i.low, i.period) for i in _items(plan)} == {
        ("actual", 40.1, "2020"), ("target", 42.0, "2021-2025"), ("actual", 80.0, "2020"), ("target", 85.0, "2021-2025")}
    company = ("远航科技股份有限公司2023年年度报告摘要\n公司发展规划：未来三年，公司计划新增门店120家，"
               "营业收入增长15%以上，研发投入占比不低于8%。" + "本报告中的前瞻性陈述不构成公司对投资者的实质承诺。" * 6)
    assert [i for i in _items(company) if i.kind != "task"] == []

# Target vs actual from the report's structure (issue 2, category 1). Texts written for these tests.
_EXECUTION = ("关于清河县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n"
              "一、2023年计划执行情况\n"
              "——地区生产总值预期目标为增长6.5%，预计全年增长5.1%；\n"
              "——城镇登记失业率3.1%，低于4%的控制目标。\n"
              "二、2024年经济社会发展主要预期目标建议\n"
              "建议2024年全县主要预期目标为：地区生产总值增长6%左右；城镇新增就业5000人。\n"
              "全年完成重大项目投资120亿元以上，力争实现社会消费品零售总额150亿元。\n")
_PLAN = ("南湖市国民经济和社会发展第十四个五年规划纲要\n第一章 发展基础\n"
         "“十三五”时期，全市地区生产总值年均增长7.1%，2020年达到2800亿元。\n第二章 主要目标\n"
         "到2025年，常住人口城镇化率由2020年的65.2%提高到70%，研发经费投入强度达到3%。\n"
         "展望2035年，常住人口达到600万人左右。\n")


@pytest.mark.parametrize(("text", "expected"), [
    # a plan-execution report: goals restated in the review are targets of the year reviewed and
    # do not flip what follows; the heading of the proposal (…目标建议) sets plan mode
    (_EXECUTION, [("target", "2023", 6.5), ("actual", "2023", 5.1), ("actual", "2023", 3.1),
                  ("target", "2023", 4), ("target", "2024", 6), ("target", "2024", 5000),
                  ("target", "2024", 120), ("target", "2024", 150)]),
    # a five-year plan: the base of 由A提高到B is an actual of its year, B and the rest stay goals of the plan
    (_PLAN, [("actual", "2016-2020", 7.1), ("actual", "2020", 2800), ("actual", "2020", 65.2),
             ("target", "2021-2025", 70), ("target", "2021-2025", 3), ("target", "2035", 600)]),
    # a comparison base is not a past-period cue
    ("2020年政府工作报告\n二、2020年主要预期目标\n今年财政赤字规模较去年增加1万亿元，比上年多安排500亿元。",
     [("target", "2020", 1), ("target", "2020", 500)]),
])
def test_kinds_from_structure(text: str, expected: list[tuple]) -> None:
    assert [(i.kind, i.period, i.low) for i in _items(text)] == expected


def test_restated_goal_does_not_flip_the_review() -> None:
    text = ("2023年北塘区政府工作报告\n一、2022年工作回顾\n"
            "上年预期目标为增长6%，实际增长5.2%。一般公共预算收入完成45.6亿元。\n")
    assert [(i.kind, i.period, i.low) for i in _items(text)] == [
        ("target", "2022", 6), ("actual", "2022", 5.2), ("actual", "2022", 45.6)]


@pytest.mark.parametrize(("text", "indicators"), [
    ("今年单位地区生产总值用水量、能耗、碳排放分别下降3%、2.5%和3.2%。",
     ["单位地区生产总值用水量下降", "能耗下降", "碳排放下降"]),
    ("去年城镇和农村居民人均可支配收入分别达到51200元和26400元,分别增长4.8%和6.9%。",
     ["城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"]),
])
def test_respectively_lists_take_their_own_subjects(text: str, indicators: list[str]) -> None:
    assert [i.indicator for i in _items(text)] == indicators


@pytest.mark.parametrize(("text", "expected"), [
    # news opening with this year's first half: the outlook for the rest of the year is a goal of the year
    ("2021-07-18 来源：某县统计局\n上半年，全县社会消费品零售总额同比增长9.4%。下半年，全县固定资产投资"
     "增长保持在10%左右，全年城镇新增就业8000人以上。",
     [("actual", "2021H1", 9.4), ("target", "2021", 10), ("target", "2021", 8000)]),
    # an annual review first: 全年…以上 and 下半年 stay actuals of the year reviewed
    ("2024年某县政府工作报告\n一、2023年工作回顾\n一季度财政收入增长5%。全年新增就业1.2万人以上。"
     "下半年工业增长6%左右。",
     [("actual", "2023Q1", 5), ("actual", "2023", 1.2), ("actual", "2023", 6)]),
])
def test_rest_of_year_after_part_review(text: str, expected: list[tuple]) -> None:
    assert [(i.kind, i.period, i.low) for i in _items(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2022年某市政府工作报告\n今后五年，全市进出口总额年均增长7%左右，城镇新增就业累计达到12万人。",
     [("target", "2022-2026", 7), ("target", "2022-2026", 12)]),
    ("2027年某区政府工作报告\n未来五年，研发经费投入强度达到3.2%。",
     [("target", "2027-2031", 3.2)]),
    # a five-year plan named before it that holds the report year: that plan's span
    ("2021年某市政府工作报告\n“十四五”时期发展目标。今后五年内，常住人口城镇化率达到68%。",
     [("target", "2021-2025", 68)]),
    # a plan's proposal comes out in its predecessor's last year: the plan it names, not the page's year
    ("2025-11-20 来源：某省日报\n省委通过“十五五”规划建议。未来五年，全省研发投入强度达到3.4%左右。",
     [("target", "2026-2030", 3.4)]),
])
def test_next_five_years_span(text: str, expected: list[tuple]) -> None:
    assert [(i.kind, i.period, i.low) for i in _items(text)] == expected


def test_fourth_quarter_after_three_quarters() -> None:
    # 前三季度 has no period form of its own (its period is not this test's concern): the kinds and the goal
    items = _items("2020-10-21 发布日期\n前三季度，全区财政收入增长3.3%。四季度，全区力争外贸出口增长5%。")
    assert [i.kind for i in items] == ["actual", "target"]
    assert (items[1].period, items[1].low) == ("2020", 5)
