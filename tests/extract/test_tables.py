"""Indicator tables kept as text: column labels (rules/tables.toml examples) and whole tables."""

from __future__ import annotations

import pytest

import duban
from duban.extract.quantities import load_rules
from duban.extract.tables import column, unit_of

ENTRIES = load_rules("tables")["column"]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["role"] for e in ENTRIES])
def test_column_examples(entry: dict) -> None:
    assert entry.get("good") and entry.get("bad")
    for label in entry["good"]:
        assert column(label).role == entry["role"], label
    for label in entry["bad"]:
        assert column(label).role != entry["role"], label


def test_units_of_brackets_and_columns() -> None:
    assert unit_of("%") == "%"
    assert unit_of("万个") == "万个"
    assert unit_of("亿元") == "亿元"
    assert unit_of("元/人") == "元/人"
    assert unit_of("微克/立方米") == "微克/立方米"
    assert unit_of("/10万") == "/10万"
    assert unit_of("含") is None
    assert unit_of("2020") is None


def _items(text: str) -> list[tuple]:
    ex = duban.extract(duban.read_text(text))
    return [(i.kind, i.indicator, i.cmp, i.low, i.unit, i.period) for i in ex.items if i.kind != "task"]


def _got(text: str, *fields: str) -> set[tuple]:
    """The given fields of every item but tasks, as a set (a test then asks for a subset)."""
    return {tuple(getattr(i, f) for f in fields) for i in duban.extract(text).items if i.kind != "task"}


PLAN = (
    "某市“十四五”生态环境保护规划\n"
    "表1 “十四五”时期生态环境主要指标\n"
    "序号 指标（单位）                     2020年    2025年    属性\n"
    "1    森林覆盖率（%）                   41.2      43        约束性\n"
    "2    城市污水处理率（%）               93.5      97以上    预期性\n"
    "3    新增城市绿道（公里）              —         120       预期性\n"
    "本规划自发布之日起实施。\n"
)


def test_plan_table_base_and_goal_columns() -> None:
    got = _items(PLAN)
    assert ("actual", "森林覆盖率", "=", 41.2, "%", "2020") in got
    assert ("target", "森林覆盖率", "=", 43.0, "%", "2021-2025") in got
    assert ("target", "城市污水处理率", ">=", 97.0, "%", "2021-2025") in got
    assert ("target", "新增城市绿道", "=", 120.0, "公里", "2021-2025") in got
    assert len(got) == 5  # the dash is no value; 约束性/预期性 are not items


def test_quote_is_the_original_row() -> None:
    doc = duban.read_text(PLAN)
    ex = duban.extract(doc)
    for it in ex.items:
        assert doc.original[it.span[0] : it.span[1]] == it.quote
    assert any(it.quote.startswith("森林覆盖率（%）") and it.quote.endswith("43") for it in ex.items)


def test_bulletin_table_unit_column_and_change_column() -> None:
    text = (
        "某县2023年国民经济和社会发展统计公报\n"
        "全年全县地区生产总值150亿元，比上年增长5.1%。\n"
        "表3  2023年主要工业产品产量\n"
        "产品名称      单位      产量       比上年增长（%）\n"
        "水泥          万吨      120. 5      - 3. 2\n"
        "  其中：熟料    万吨      80. 1       2. 4\n"
        "发电量        亿千瓦时   12.6        8.0\n"
    )
    got = _items(text)
    assert ("actual", "水泥产量", "=", 120.5, "万吨", "2023") in got
    assert ("actual", "水泥产量增长", "=", -3.2, "%", "2023") in got
    assert ("actual", "熟料产量", "=", 80.1, "万吨", "2023") in got
    assert ("actual", "发电量", "=", 12.6, "亿千瓦时", "2023") in got
    assert ("actual", "发电量增长", "=", 8.0, "%", "2023") in got


def test_word_table_with_tabs_and_role_words() -> None:
    text = (
        "某区2024年国民经济和社会发展计划\n"
        "指标\t单位\t2023年完成\t2024年目标\n"
        "一般公共预算收入\t亿元\t58.3\t61左右\n"
        "城镇新增就业\t万人\t2.1\t2以上\n"
    )
    got = _items(text)
    assert ("actual", "一般公共预算收入", "=", 58.3, "亿元", "2023") in got
    assert ("target", "一般公共预算收入", "~", 61.0, "亿元", "2024") in got
    assert ("target", "城镇新增就业", ">=", 2.0, "万人", "2024") in got


def test_web_table_with_bars() -> None:
    text = (
        "某市国土空间规划主要指标\n"
        "| 指标 | 基期值 | 目标值 | 属性 |\n"
        "| 常住人口城镇化率（%） | 63.4 | 68 | 预期性 |\n"
        "| 人均公园绿地面积（平方米） | 14.2 | 15 | 约束性 |\n"
    )
    got = _items(text)
    assert ("target", "常住人口城镇化率", "=", 68.0, "%", got[1][5]) in got
    assert ("actual", "常住人口城镇化率", "=", 63.4, "%", got[0][5]) in got
    assert ("target", "人均公园绿地面积", "=", 15.0, "平方米", got[1][5]) in got
    assert len(got) == 4


@pytest.mark.parametrize("text", [
    # prose with wide spaces: no header, nothing read as a table
    "今年要抓好三件事  一是稳增长  二是促改革\n地区生产总值增长6%左右。",
    # labels but no value column
    "指标  单位  属性\n森林覆盖率  %  约束性\n",
    # a header whose rows hold words, not values
    "指标  2020年  2025年\n森林覆盖率  较高  更高\n",
])
def test_no_table(text: str) -> None:
    got = _items(text)
    assert all(i[1] != "森林覆盖率" for i in got)
    assert len(got) <= 1


def test_prose_after_a_table_is_read_as_prose() -> None:
    text = PLAN + "到2025年，全市新增城市绿道120公里，森林覆盖率达到43%。"
    ex = duban.extract(duban.read_text(text))
    quotes = [i.quote for i in ex.items if i.kind == "target"]
    assert "全市新增城市绿道120公里" in quotes
    assert "森林覆盖率达到43%" in quotes


# Round two: layouts seen on plan pages. Tables written for these tests (own wording and figures).

CATEGORY_SPACES = (
    "某省“十四五”社会事业发展规划\n"
    "表2 “十四五”时期社会事业发展主要指标\n"
    "类别        指标名称                        2020年    2025年    属性\n"
    "教育        学前教育毛入园率（%）            88.6      ≥92       预期性\n"
    "            劳动年龄人口平均受教育年限（年）  10.9      11.4      约束性\n"
    "卫生健康    孕产妇死亡率（/10万）            11.2      <10       预期性\n"
    "            人均预期寿命（岁）               77.6      78.5左右  预期性\n"
    "养老        养老机构护理型床位占比（%）      —         >55       约束性\n"
    "注：带“≥”的为下限目标。\n"
    "下一段正文。\n"
)


def test_category_column_with_space_runs() -> None:
    got = _items(CATEGORY_SPACES)
    assert ("actual", "学前教育毛入园率", "=", 88.6, "%", "2020") in got
    assert ("target", "学前教育毛入园率", ">=", 92.0, "%", "2021-2025") in got
    # a continuation row: one cell fewer than the header, the category is missing
    assert ("target", "劳动年龄人口平均受教育年限", "=", 11.4, "年", "2021-2025") in got
    assert ("target", "孕产妇死亡率", "<=", 10.0, "/10万", "2021-2025") in got
    assert ("target", "人均预期寿命", "~", 78.5, "岁", "2021-2025") in got
    assert ("target", "养老机构护理型床位占比", ">=", 55.0, "%", "2021-2025") in got
    assert all(i[1] not in ("教育", "卫生健康", "养老") for i in got)
    assert len(got) == 9  # the dash is no value; the note ends the table


def test_category_column_with_tabs_and_unit_column() -> None:
    text = (
        "某市“十四五”民生保障规划\n"
        "专栏1 民生保障主要指标\n"
        "领域\t主要指标\t单位\t2020年\t2025年\t指标性质\n"
        "就业\t城镇调查失业率\t%\t5.1\t<5.5\t预期性\n"
        "\t城镇新增就业人数\t万人\t-\t[60]\t预期性\n"
        "住房\t城镇老旧小区改造\t个\t/\t1200以上\t预期性\n"
        "\t每千人口拥有婴幼儿托位数\t个\t1.2\t4.5\t预期性\n"
        "\t新生儿死亡率\t‰\t3.1\t≤3\t预期性\n"
    )
    got = _items(text)
    assert ("actual", "城镇调查失业率", "=", 5.1, "%", "2020") in got
    assert ("target", "城镇调查失业率", "<=", 5.5, "%", "2021-2025") in got
    assert ("target", "城镇新增就业人数", "=", 60.0, "万人", "2021-2025") in got
    assert ("target", "城镇老旧小区改造", ">=", 1200.0, "个", "2021-2025") in got
    assert ("target", "每千人口拥有婴幼儿托位数", "=", 4.5, "个", "2021-2025") in got
    assert ("target", "新生儿死亡率", "<=", 3.0, "‰", "2021-2025") in got
    assert all(i[1] not in ("就业", "住房") for i in got)
    assert len(got) == 8


def test_text_cells_and_cumulative_brackets() -> None:
    text = (
        "某县国民经济和社会发展第十四个五年规划纲要\n"
        "表1 “十四五”时期经济社会发展主要指标\n"
        "指标                          基期      目标值             年均增长[累计]     属性\n"
        "地区生产总值增长（%）          3.2       —                 6.5%左右           预期性\n"
        "居民人均可支配收入增长（%）    5.0       —                 与经济增长基本同步  预期性\n"
        "单位地区生产总值能耗降低（%）  —         —                 [完成省下达任务]    约束性\n"
        "新增造林面积（万亩）          —         —                 [2.5]              约束性\n"
        "研发经费投入增长（%）          —         高于GDP增长        >8                 预期性\n"
        "每千人口医疗卫生机构床位数（张）  5.6    6.5                —                  预期性\n"
    )
    got = _items(text)
    assert ("target", "地区生产总值增长", "~", 6.5, "%", "2021-2025") in got
    assert ("target", "新增造林面积", "=", 2.5, "万亩", "2021-2025") in got
    assert ("target", "研发经费投入增长", ">=", 8.0, "%", "2021-2025") in got
    assert ("actual", "每千人口医疗卫生机构床位数", "=", 5.6, "张", "2020") in got
    assert ("target", "每千人口医疗卫生机构床位数", "=", 6.5, "张", "2021-2025") in got
    assert ("actual", "地区生产总值增长", "=", 3.2, "%", "2020") in got
    assert ("actual", "居民人均可支配收入增长", "=", 5.0, "%", "2020") in got
    assert len(got) == 7  # the text cells (与经济增长基本同步, [完成省下达任务], 高于GDP增长) are not items


def test_plan_years_without_a_plan_name_nearby() -> None:
    # a year-plan page (not a five-year plan): the goal column is that year's target
    text = (
        "某区2024年民生实事项目计划\n"
        "序号\t项目\t单位\t现状\t目标\n"
        "1\t新增公办幼儿园学位\t个\t1200\t1500\n"
        "2\t改造农村公路\t公里\t40\t55左右\n"
    )
    got = _items(text)
    assert ("target", "新增公办幼儿园学位", "=", 1500.0, "个", "2024") in got
    assert ("actual", "新增公办幼儿园学位", "=", 1200.0, "个", "2023") in got
    assert ("target", "改造农村公路", "~", 55.0, "公里", "2024") in got


def test_plan_goal_paragraph_beside_the_tables() -> None:
    """Prose of the same pages: a baseline phrase does not date the goal after it; a floor set for each
    unit (每个县至少建好1所) is a standard, not an item."""
    text = (
        "某省“十四五”卫生健康发展规划\n"
        "到2025年，基层医疗服务能力在2020年基础上稳步提升，建设30个左右县域医疗次中心，"
        "每个县（市）至少建好1所达标的县级中医院，每乡镇不少于2名全科医生。\n"
    )
    got = _items(text)
    assert ("target", "建设县域医疗次中心", "~", 30.0, "个", "2021-2025") in got
    assert len(got) == 1


def test_index_and_category_columns_in_web_and_text_tables() -> None:
    text = (
        "某市“十四五”生态环境保护规划（政府文件）\n"
        "| 类别 | 指标 | 2020年 | 2025年 | 属性 |\n"
        "| 环境质量 | 地表水优良水体比例（%） | 81 | 85以上 | 约束性 |\n"
        "|  | 城市空气质量优良天数比率（%） | 88.2 | 90 | 约束性 |\n"
        "序号  类别  指标  单位  2020年  2025年  属性\n"
        "1  生态保护  湿地保护率  %  52  55  预期性\n"
        "2  细颗粒物浓度  微克/立方米  35  30  约束性\n"
    )
    got = _items(text)
    assert ("target", "地表水优良水体比例", ">=", 85.0, "%", "2021-2025") in got
    assert ("actual", "城市空气质量优良天数比率", "=", 88.2, "%", "2020") in got
    assert ("target", "湿地保护率", "=", 55.0, "%", "2021-2025") in got
    assert ("target", "细颗粒物浓度", "=", 30.0, "微克/立方米", "2021-2025") in got
    assert len(got) == 8


def test_combined_span_column_and_numbered_indicators() -> None:
    # one column for yearly averages and five-year sums (累计/年均), indicator cells numbered 1. 2、 （3）
    text = (
        "某县国民经济和社会发展第十四个五年规划纲要\n"
        "表2 “十四五”时期主要发展指标\n"
        "指标  2020年  2025年  累计/年均  属性\n"
        "1.社会消费品零售总额增长（%）  3  —  8左右  预期性\n"
        "2、森林覆盖率（%）  41.5  43  —  约束性\n"
        "（3）新增城镇就业人数（万人）  0.8  —  [4.5]  预期性\n"
    )
    got = _items(text)
    assert ("target", "社会消费品零售总额增长", "~", 8.0, "%", "2021-2025") in got
    assert ("target", "森林覆盖率", "=", 43.0, "%", "2021-2025") in got
    assert ("target", "新增城镇就业人数", "=", 4.5, "万人", "2021-2025") in got
    assert not [g for g in got if g[1][0] in "123（"]


# a PDF text layer: labels one space apart over tab-separated rows, the category cells a word a line
# before their rows, a name whose unit bracket the PDF wrapped onto the next line, 〔x〕 sums
SPACED_HEADER = (
    "某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
    "表1 “十四五”时期经济社会发展主要指标\n"
    "类别 序号 指标 2020年 2025年 年均增长/〔累计〕 属性\n"
    "综合\n实力\n"
    "1\t全县生产总值(亿元)\t320\t450\t6.5%左右\t预期性\n"
    "2\t全员劳动生产率增长(%)\t—\t—\t>6\t预期性\n"
    "3\t常住人口城镇化率(%)\t55.2\t60\t〔4.8〕\t预期性\n"
    "科技\n创新\n"
    "4\t研发经费投入增长(%)\t—\t—\t8\t预期性\n"
    "5\t每万人口发明专利拥有量\n(件)\t1.2\t2.6\t—\t预期性\n"
    "6\t城镇调查失业率(%)\t—\t<5.5\t—\t预期性\n"
    "7\t单位地区生产总值能耗降低(%)\t—\t—\t〔完成市下达任务〕\t约束性\n"
    "注:〔 〕内为五年累计数。\n"
    "第一章 发展基础\n"
)


def test_single_space_header_over_tab_rows() -> None:
    got = _items(SPACED_HEADER)
    assert ("actual", "全县生产总值", "=", 320.0, "亿元", "2020") in got
    assert ("target", "全县生产总值", "=", 450.0, "亿元", "2021-2025") in got
    assert ("target", "全县生产总值年均增长", "~", 6.5, "%", "2021-2025") in got
    assert ("target", "全员劳动生产率增长", ">=", 6.0, "%", "2021-2025") in got
    assert ("target", "常住人口城镇化率累计提高", "=", 4.8, "百分点", "2021-2025") in got
    assert ("target", "研发经费投入增长", "=", 8.0, "%", "2021-2025") in got  # after the 科技/创新 lines
    assert ("actual", "每万人口发明专利拥有量", "=", 1.2, "件", "2020") in got
    assert ("target", "每万人口发明专利拥有量", "=", 2.6, "件", "2021-2025") in got
    assert ("target", "城镇调查失业率", "<=", 5.5, "%", "2021-2025") in got
    assert len(got) == 11


def test_single_space_line_of_words_is_no_header() -> None:
    # words that are not all column labels (a heading) above tab rows: no table header
    text = ("某县政府工作报告\n第一章 发展基础 2020年 2025年\n"
            "1\t全县生产总值(亿元)\t320\t450\n2\t常住人口城镇化率(%)\t55.2\t60\n")
    assert not any(i[3] == 320.0 for i in _items(text))


def test_single_space_header_whose_last_labels_wrap_under_it() -> None:
    # a PDF layer with every gap one space wide: the header has no room for its last labels, which
    # stand on the next line after the bracketed word under 年均增长 ([累计] 属性); a row name that
    # breaks after a Latin word (占 GDP\n比重(%))
    text = ("某市“十四五”规划纲要\n专栏 1 “十四五”时期经济社会发展主要指标\n"
            "序号 指标 2020 年 2025 年 年均增长\n[累计] 属性\n"
            "1 地区生产总值(亿元) 6871 9500 6.5% 预期性\n"
            "2 数字经济核心产业增加值占 GDP\n比重(%) 6.3 10 [3.7] 预期性\n"
            "3 城镇调查失业率(%) — <5.5 — 预期性\n"
            "注:[ ]内为五年累计数。\n")
    got = _items(text)
    assert ("actual", "地区生产总值", "=", 6871.0, "亿元", "2020") in got
    assert ("target", "地区生产总值", "=", 9500.0, "亿元", "2021-2025") in got
    assert ("target", "地区生产总值年均增长", "=", 6.5, "%", "2021-2025") in got
    assert ("actual", "数字经济核心产业增加值占GDP比重", "=", 6.3, "%", "2020") in got
    assert ("target", "数字经济核心产业增加值占GDP比重累计提高", "=", 3.7, "百分点", "2021-2025") in got
    assert ("target", "城镇调查失业率", "<=", 5.5, "%", "2021-2025") in got
    assert len(got) == 7


def test_tab_header_whose_last_labels_wrap_under_it() -> None:
    # a tab-separated PDF header whose last cell broke onto the next line with the labels after it
    # (年均增长\n[累计]\t属 性): the bracket word is the cell's, 属性 a column of its own
    text = ("某市“十四五”规划纲要\n表1 “十四五”时期经济社会发展主要指标\n"
            "类别\t序号\t指     标\t单 位\t2020 年\t2025 年\t年均增长\n[累计]\t属 性\n"
            "经济\t1\t地区生产总值增长\t%\t3.6\t—\t6 左右\t预期性\n"
            "\t2\t常住人口城镇化率\t%\t65.3\t68\t[2.7]\t预期性\n"
            "民生\t3\t城镇调查失业率\t%\t—\t—\t<5.5\t预期性\n"
            "注:[ ]内为五年累计数。\n")
    got = [(k, c, v, u, p) for k, _, c, v, u, p in _items(text)]
    assert got == [("actual", "=", 3.6, "%", "2020"), ("target", "~", 6.0, "%", "2021-2025"),
                   ("actual", "=", 65.3, "%", "2020"), ("target", "=", 68.0, "%", "2021-2025"),
                   ("target", "=", 2.7, "百分点", "2021-2025"), ("target", "<=", 5.5, "%", "2021-2025")]


def test_one_space_header_with_a_spaced_name_label_and_group_lines() -> None:
    # the PDF spaced the name label (指 标) and numbered group lines (一、经济发展) stand between rows
    text = ("某市国民经济和社会发展第十四个五年规划纲要\n专栏1 “十四五”经济社会发展主要指标\n"
            "序号 指 标 2020年 2025年 年均增长/累计 属性\n一、经济发展\n"
            "1 地区生产总值(亿元) 10036.3 13500 6%左右 预期性\n"
            "2 服务业增加值占GDP比重(%) 48.2 51 [2.8] 预期性\n二、创新驱动\n"
            "3 每万人发明专利拥有量(件) 30.5 45 [14.5] 预期性\n第三章 发展任务\n")
    got = [(k, c, v, u, p) for k, _, c, v, u, p in _items(text)]
    assert ("actual", "=", 10036.3, "亿元", "2020") in got
    assert ("target", "=", 13500.0, "亿元", "2021-2025") in got
    assert ("target", "=", 2.8, "百分点", "2021-2025") in got
    assert ("target", "=", 14.5, "件", "2021-2025") in got
    assert len(got) == 9


def test_a_wide_spaced_header_whose_index_label_wraps_under_it() -> None:
    # 类别    序    指  标 … / 号 [累计] under it: 序 is a label of its own (not 序指 + 标), and the line under
    # the header holding 号 (the wrapped end of 序号) and [累计] belongs to the header
    text = ("某省国民经济和社会发展第十四个五年规划和2035年远景目标纲要\n"
            "表1  “十四五”时期经济社会发展主要指标\n"
            "类别    序    指  标                        2020年    2025年    年均增长    属性\n"
            "        号                                                       [累计]\n"
            "经济    1     地区生产总值增长(%)            3.9       —         6.5左右     预期性\n"
            "        2     常住人口城镇化率(%)            58.3      63以上    [>4.7]      预期性\n")
    got = {(it.kind, it.low, it.period) for it in duban.extract(text).items if it.kind != "task"}
    assert {("actual", 3.9, "2020"), ("target", 6.5, "2021-2025"), ("actual", 58.3, "2020"),
            ("target", 63.0, "2021-2025"), ("target", 4.7, "2021-2025")} <= got


def test_a_row_number_one_space_before_its_indicator_in_a_wide_spaced_table() -> None:
    # a PDF table whose rows are wide-spaced, but some rows write the index one space before the
    # indicator (10 每千人口…): the index is a cell of its own, the row read as its neighbours
    text = ("某市“十四五”规划纲要\n"
            "类别      序号  指标                            2020年  2025年  年均增长/[累计]  属性\n"
            "民生福祉  9  劳动年龄人口平均受教育年限(年)  11.6  12.2  —  约束性\n"
            "          10 每千人口拥有执业(助理)医师数(人)  3.37  4.0  —  预期性\n"
            "          11 人均预期寿命(岁)  80.2  81.2  [1]  预期性\n")
    got = _got(text, "kind", "low", "period")
    assert {("actual", 11.6, "2020"), ("actual", 3.37, "2020"), ("target", 4.0, "2021-2025"),
            ("actual", 80.2, "2020"), ("target", 81.2, "2021-2025"), ("target", 1.0, "2021-2025")} <= got


def test_a_one_space_row_keeps_its_index_with_the_row() -> None:
    # a table whose cells all stand one space apart: the rule above leaves its rows to that reading
    text = ("表1  某市“十四五”经济社会发展主要指标\n"
            "类别 序号 指标 2020年 2025年 年均增长 属性\n"
            "经济发展 1 地区生产总值增长(%) 3.0 — 7 左右 预期性\n"
            "3 常住人口城镇化率(%) 65.9 70 [4.1] 预期性\n")
    got = _got(text, "kind", "low")
    assert {("actual", 65.9), ("target", 70.0), ("target", 4.1)} <= got


def test_a_progress_table_whose_goal_and_done_cells_are_short_phrases() -> None:
    # 年度目标 | 上半年完成 cells written as phrases (改造老旧小区156个, 已建成学位5100个, 为特困人员发放
    # 护理补贴不少于1.1万人): each figure is an item, the goal of the year, the work of the half year
    text = ("某市2022年重点民生实事项目上半年进展情况\n"
            "序号  项目名称  年度目标  上半年完成  完成率\n"
            "1  城镇老旧小区改造  改造老旧小区156个  开工132个  84.6%\n"
            "2  新增公办学位  新增公办中小学和幼儿园学位1.2万个  已建成学位5100个  42.5%\n"
            "3  困难群众救助  为特困人员发放护理补贴不少于1.1万人  已发放1.06万人  96.4%\n")
    got = _got(text, "kind", "cmp", "low", "period")
    assert {("target", "=", 156.0, "2022"), ("actual", "=", 132.0, "2022H1"), ("target", "=", 1.2, "2022"),
            ("actual", "=", 5100.0, "2022H1"), ("target", ">=", 1.1, "2022"), ("actual", "=", 1.06, "2022H1")} <= got


def test_a_table_set_in_single_ideographic_spaces() -> None:
    # a PDF table whose category, index and name cells stand one ideographic space apart (as wide as
    # two spaces): each is a cell
    text = ("专栏1\u3000“十四五”时期经济社会发展主要指标\n"
            "类别\u3000序号\u3000指 标\u3000\u3000\u3000\u3000\u3000\u30002020年\u3000\u30002025年\u3000\u3000年均增长/累计\u3000\u3000属性\n"
            "经济\u30001\u3000地区生产总值（亿元）\u3000\u3000\u300012408.7\u3000\u300017500\u3000\u3000\u30006%左右\u3000\u3000〔预期性〕\n"
            "\u3000\u3000\u30003\u3000数字经济核心产业增加值占GDP比重（%）\u30006.6\u3000\u3000\u300010\u3000\u3000\u3000\u3000〔3.4〕\u3000\u3000〔预期性〕\n")
    got = _got(text, "kind", "low")
    assert {("actual", 12408.7), ("target", 17500.0), ("target", 6.0), ("actual", 6.6), ("target", 10.0),
            ("target", 3.4)} <= got
