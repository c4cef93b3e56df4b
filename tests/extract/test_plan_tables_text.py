"""Plan indicator tables kept as text whose columns a PDF or Word copy flattened (issue 2): a header and
rows whose cells stand one space apart, tab rows with group headings, 年均 written in a cell, a row one
cell short. Example texts written for these tests (own wording and figures)."""

from __future__ import annotations

import duban


def _items(text: str) -> list[tuple]:
    ex = duban.extract(duban.read_text(text))
    return [(i.kind, i.indicator, i.cmp, i.low, i.unit, i.period) for i in ex.items if i.kind != "task"]


# every column gap of the text layer is one space, header and rows alike; group lines between rows
ONE_SPACE = (
    "某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
    "表 2 “十四五”时期全县经济社会发展主要指标\n"
    "类别 序号 指标 2020 年 2025 年 年均增长/累计 属性\n"
    "综合实力\n"
    "1 全县生产总值(亿元) 812.4 1180 8% 左右 预期性\n"
    "2 一般公共预算收入(亿元) 41.3 60 以上 — 预期性\n"
    "3 常住人口城镇化率(%) 48.6 55 [6.4] 预期性\n"
    "科技创新\n"
    "4 高新技术产业增加值占 GDP 比重(%) 9.7 15 — 预期性\n"
    "5 每万人口拥有 5G 基站数(个) 6 20 — 预期性\n"
    "6 城镇登记失业率(%) 3.1 <4.5 — 预期性\n"
    "绿色生态\n"
    "7 单位生产总值能耗降低(%) — — 完成市下达任务 约束性\n"
    "8 耕地保有量(万亩) 96.2 ≥96 — 约束性\n"
    "9 人均预期寿命(岁) 78.1 79 [0.9] 预期性\n"
    "注:[ ]内为五年累计数。\n"
    "第一章 发展环境\n"
)


def test_one_space_table_header_and_rows() -> None:
    got = _items(ONE_SPACE)
    assert ("actual", "全县生产总值", "=", 812.4, "亿元", "2020") in got
    assert ("target", "全县生产总值", "=", 1180.0, "亿元", "2021-2025") in got
    # a qualifier one space after its number belongs to it
    assert ("target", "全县生产总值年均增长", "~", 8.0, "%", "2021-2025") in got
    assert ("target", "一般公共预算收入", ">=", 60.0, "亿元", "2021-2025") in got
    assert ("target", "常住人口城镇化率累计提高", "=", 6.4, "百分点", "2021-2025") in got
    # a name holding spaces and a number reads whole, its spaces dropped
    assert ("actual", "高新技术产业增加值占GDP比重", "=", 9.7, "%", "2020") in got
    assert ("target", "每万人口拥有5G基站数", "=", 20.0, "个", "2021-2025") in got
    assert ("target", "城镇登记失业率", "<=", 4.5, "%", "2021-2025") in got
    assert ("target", "耕地保有量", ">=", 96.0, "万亩", "2021-2025") in got
    # a five-year sum in a row of another unit: the rise in that unit
    assert ("target", "人均预期寿命累计增加", "=", 0.9, "岁", "2021-2025") in got
    # dashes, the words cell (完成市下达任务), 属性, the group lines and the note are no items
    assert len(got) == 19


def test_one_space_quotes_are_the_original_rows() -> None:
    doc = duban.read_text(ONE_SPACE)
    ex = duban.extract(doc)
    rows = [it for it in ex.items if it.kind != "task"]
    for it in rows:
        assert doc.original[it.span[0] : it.span[1]] == it.quote
    assert any(it.quote.endswith("8% 左右") for it in rows)
    assert any(it.quote.startswith("高新技术产业增加值占 GDP 比重") for it in rows)


def test_one_space_rows_under_a_wider_spaced_header() -> None:
    # labels two spaces apart (a candidate line) over rows one space apart
    text = ONE_SPACE.replace("类别 序号 指标 2020 年 2025 年 年均增长/累计 属性",
                             "类别  序号  指标  2020年  2025年  年均增长/累计  属性")
    assert _items(text) == _items(ONE_SPACE)


def test_one_space_header_over_rows_two_spaces_apart() -> None:
    text = (
        "某市“十四五”生态环境保护规划\n"
        "序号 指标 2020 年 2025 年 属性\n"
        "1  地表水优良水体比例(%)  78.5  85 以上  约束性\n"
        "2  森林覆盖率(%)  33.2  35  约束性\n"
    )
    got = _items(text)
    assert ("target", "地表水优良水体比例", ">=", 85.0, "%", "2021-2025") in got
    assert ("actual", "森林覆盖率", "=", 33.2, "%", "2020") in got
    assert len(got) == 4


def test_one_space_header_over_tab_rows_with_a_spaced_year() -> None:
    # 2020 年 (the year and 年 one space apart) is one label
    text = (
        "某县“十四五”农业农村现代化规划\n"
        "序号 指标 2020 年 2025 年 属性\n"
        "1\t农村居民人均可支配收入(元)\t16800\t24000\t预期性\n"
        "2\t森林覆盖率(%)\t61.2\t62\t约束性\n"
    )
    got = _items(text)
    assert ("actual", "农村居民人均可支配收入", "=", 16800.0, "元", "2020") in got
    assert ("target", "森林覆盖率", "=", 62.0, "%", "2021-2025") in got
    assert len(got) == 4


def test_a_one_space_row_that_does_not_line_up_is_passed_over() -> None:
    # a row whose empty cell left no mark: which column is empty cannot be told, the row gives nothing
    # and the rows after it are still read
    text = ONE_SPACE.replace("6 城镇登记失业率(%) 3.1 <4.5 — 预期性", "6 城镇登记失业率(%) <4.5 预期性")
    got = _items(text)
    assert not [g for g in got if g[1] == "城镇登记失业率"]
    assert ("target", "耕地保有量", ">=", 96.0, "万亩", "2021-2025") in got
    assert len(got) == 17


# a Word copy: tab-separated cells, group headings on lines of their own (no category column), 年均
# written in the cell, a row with a cell dropped
TABS = (
    "某市国民经济和社会发展第十四个五年规划纲要\n"
    "专栏1 “十四五”时期经济社会发展主要指标\n"
    "序号\t指标名称\t2020年\t2025年\t年均增长[累计]\t属性\n"
    "经济发展\n"
    "1\t地区生产总值(亿元)\t2210\t3100\t年均7左右\t预期性\n"
    "2\t全员劳动生产率(万元/人)\t13.2\t18以上\t年均>6.5\t预期性\n"
    "创新驱动\n"
    "3\t研究与试验发展经费投入强度(%)\t2.4\t[0.6]\t预期性\n"
    "4\t每万人口高价值发明专利拥有量(件)\t5.3\t12\t年均17.7\t预期性\n"
    "绿色生态\n"
    "5\tPM2.5年均浓度(微克/立方米)\t31\t≤30\t—\t约束性\n"
    "民生福祉\n"
    "6\t每千人口拥有执业(助理)医师数(人)\t2.9\t3.4\t[0.5]\t预期性\n"
    "7\t城镇新增就业(万人)\t—\t—\t[30]\t预期性\n"
)


def test_tab_table_with_group_lines_and_said_averages() -> None:
    got = _items(TABS)
    assert ("actual", "地区生产总值", "=", 2210.0, "亿元", "2020") in got
    assert ("target", "地区生产总值年均增长", "~", 7.0, "%", "2021-2025") in got
    assert ("target", "全员劳动生产率", ">=", 18.0, "万元/人", "2021-2025") in got
    assert ("target", "全员劳动生产率年均增长", ">=", 6.5, "%", "2021-2025") in got
    assert ("target", "每万人口高价值发明专利拥有量年均增长", "=", 17.7, "%", "2021-2025") in got
    assert ("target", "PM2.5年均浓度", "<=", 30.0, "微克/立方米", "2021-2025") in got
    assert ("target", "每千人口拥有执业医师数累计增加", "=", 0.5, "人", "2021-2025") in got
    # a name that says it is an amount added keeps its name
    assert ("target", "城镇新增就业", "=", 30.0, "万人", "2021-2025") in got


def test_tab_row_one_cell_short_with_a_sum() -> None:
    got = _items(TABS)
    # the sum goes to the 年均增长[累计] column, the level to 2020
    assert ("actual", "研究与试验发展经费投入强度", "=", 2.4, "%", "2020") in got
    assert ("target", "研究与试验发展经费投入强度累计提高", "=", 0.6, "百分点", "2021-2025") in got
    assert not [g for g in got if g[1] == "研究与试验发展经费投入强度" and g[0] == "target"]
    assert len(got) == 17


def test_tab_row_one_value_short_without_a_sum_is_not_read() -> None:
    text = TABS.replace("2.4\t[0.6]\t预期性", "2.4\t3.0\t预期性")
    got = _items(text)
    assert not [g for g in got if g[1].startswith("研究与试验发展经费投入强度")]
    assert ("target", "PM2.5年均浓度", "<=", 30.0, "微克/立方米", "2021-2025") in got


def test_prose_with_label_words_is_no_header() -> None:
    text = (
        "某县政府工作报告\n"
        "主要指标 2020 年 2025 年 完成情况良好\n"
        "1 全县生产总值 812 亿元 增长 6%\n"
        "今年全县生产总值增长6%左右，主要指标完成情况好于预期。\n"
    )
    got = _items(text)
    assert not [g for g in got if g[3] == 812.0 and g[5] == "2020"]
    assert any(g[0] == "target" and g[2] == "~" and g[3] == 6.0 for g in got)  # the prose is read


def test_one_space_row_with_a_wrapped_name() -> None:
    # the PDF wrapped a long name (or its unit bracket) onto the next line
    text = ONE_SPACE.replace(
        "4 高新技术产业增加值占 GDP 比重(%) 9.7 15 — 预期性",
        "4 高新技术产业增加值占地区生产\n总值比重(%) 9.7 15 — 预期性",
    ).replace("5 每万人口拥有 5G 基站数(个) 6 20", "5 每万人口拥有 5G 基站数\n(个) 6 20")
    got = _items(text)
    assert ("actual", "高新技术产业增加值占地区生产总值比重", "=", 9.7, "%", "2020") in got
    assert ("target", "每万人口拥有5G基站数", "=", 20.0, "个", "2021-2025") in got
    assert len(got) == 19



def test_one_space_rows_opened_by_their_group_or_without_numbers() -> None:
    text = (
        "某市“十四五”社会事业发展规划\n"
        "类别 序号 指标 2020 年 2025 年 属性\n"
        "教育 1 学前教育毛入园率(%) 88 92 以上 预期性\n"
        "2 劳动年龄人口平均受教育年限(年) 10.6 11 预期性\n"
        "指标 单位 2020 年 2025 年 属性\n"
        "养老机构床位数 张 3200 4500 预期性\n"
    )
    got = _items(text)
    assert ("target", "学前教育毛入园率", ">=", 92.0, "%", "2021-2025") in got
    assert ("actual", "劳动年龄人口平均受教育年限", "=", 10.6, "年", "2020") in got
    assert ("target", "养老机构床位数", "=", 4500.0, "张", "2021-2025") in got
    assert len(got) == 6


def test_goal_in_words_with_a_pause_mark_keeps_the_row_and_the_table() -> None:
    # 保持在合理区间、各年度视情提出: a long goal in words (with 、) is a words cell, not prose that ends the table
    text = ("专栏1 “十四五”时期经济社会发展主要指标\n类别\t序号\t指标\t2020年\t2025年\t年均/累计\t属性\n"
            "经济发展\t1\t地区生产总值增长(%)\t-5\t—\t保持在合理区间、各年度视情提出\t预期性\n"
            "\t2\t常住人口城镇化率(%)\t62.89\t66\t[3.11]\t预期性\n")
    got = _items(text)
    assert ("actual", "地区生产总值增长", "=", -5.0, "%", "2020") in got
    assert ("target", "常住人口城镇化率", "=", 66.0, "%", "2021-2025") in got


# a PDF layer that kept one space of one gap (after a name's unit) and a goal said in words, then in figures
GLUED = (
    "某市国民经济和社会发展第十四个五年规划纲要\n"
    "表1 某市“十四五”经济社会发展主要指标\n"
    "类别  序号  指   标                     2020年   2025年   年均增长〔累计〕  属性\n"
    "经济  1   地区生产总值(亿元)  5120    7000 以上   6. 5%左右   预期性\n"
    "      2   数字经济核心产业增加值占GDP比重(%) 9. 8  15  —  预期性\n"
    "民生  3   居民人均可支配收入增长(%)  5. 2    —    与经济增长同步,6左右   预期性\n"
    "      4   人均预期寿命(岁)  81. 6    82. 5    —   预期性\n"
)


def test_a_name_glued_to_its_first_value_and_a_goal_in_words_then_figures() -> None:
    got = _items(GLUED)
    assert ("actual", "数字经济核心产业增加值占GDP比重", "=", 9.8, "%", "2020") in got
    assert ("target", "数字经济核心产业增加值占GDP比重", "=", 15.0, "%", "2021-2025") in got
    assert any(k == "target" and low == 6.0 and cmp == "~" for k, _, cmp, low, *_ in got)
    # the table goes on after the row whose goal is said in words
    assert ("target", "人均预期寿命", "=", 82.5, "岁", "2021-2025") in got


def test_value_cells_that_carry_their_own_units() -> None:
    # a news page's table of goals against last year's outcomes: the header names no unit, each cell
    # carries its own (1200万人左右, 1.3万亿斤以上, 5%左右)
    text = ("2023年03月05日 11:02  来源:某某网\n报告提出的2023年主要预期目标如下:\n"
            "指标    2023年预期目标    2022年实际\n国内生产总值增长    5%左右    3%\n"
            "城镇新增就业    1200万人左右    1206万人\n粮食产量    1.3万亿斤以上    1.37万亿斤\n")
    got = _items(text)
    assert ("target", "国内生产总值增长", "~", 5.0, "%", "2023") in got
    assert ("actual", "国内生产总值增长", "=", 3.0, "%", "2022") in got
    assert ("target", "城镇新增就业", "~", 1200.0, "万人", "2023") in got
    assert ("actual", "粮食产量", "=", 1.37, "万亿斤", "2022") in got


# a plan-execution report's PDF layer: the title wrapped inside a word, a table of the year's goals
# against what was done, then next year's goals
EXECUTION = (
    "关于某市2021年国民经济和社会发展计划执行情\n况与2022年国民经济和社会发展计划草案的报告\n"
    "一、2021年国民经济和社会发展计划执行情况\n表1  2021年主要指标完成情况\n"
    "序号  指 标  单位  计划目标  完成情况\n1  地区生产总值增长  %  8左右  7.7\n2  一般公共预算收入增长  %  8  10.1\n"
    "居民消费价格和城镇调查失业率均控制在预期目标以内。全年新开工项目187个。\n"
    "二、2022年国民经济和社会发展主要预期目标\n表2  2022年主要预期目标\n序号  指 标  单位  2022年目标\n"
    "1  地区生产总值增长  %  7.5左右\n"
)


def test_a_plan_execution_table_of_goals_and_what_was_done() -> None:
    got = _items(EXECUTION)
    assert ("target", "地区生产总值增长", "~", 8.0, "%", "2021") in got
    assert ("actual", "地区生产总值增长", "=", 7.7, "%", "2021") in got
    assert ("actual", "一般公共预算收入增长", "=", 10.1, "%", "2021") in got
    # 均控制在预期目标以内 says the review's goals were kept: the count after it is an outcome
    assert any(k == "actual" and low == 187.0 and p == "2021" for k, _, _, low, _, p in got)
    assert ("target", "地区生产总值增长", "~", 7.5, "%", "2022") in got


def test_an_execution_tables_estimate_column_is_the_years_outcome() -> None:
    # 2023年计划 / 2023年预计 / 2024年计划: the estimate column is what 2023 came to
    text = ("关于某市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n表1  2023年主要指标完成情况及2024年预期目标\n"
            "序号  指标名称                 单位     2023年计划   2023年预计    2024年计划\n"
            "3     固定资产投资增长     %      7            6.1          6\n")
    got = _items(text)
    assert ("target", "固定资产投资增长", "=", 7.0, "%", "2023") in got
    assert ("actual", "固定资产投资增长", "=", 6.1, "%", "2023") in got
    assert ("target", "固定资产投资增长", "=", 6.0, "%", "2024") in got
