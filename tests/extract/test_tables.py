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
    assert unit_of("含") is None
    assert unit_of("2020") is None


def _items(text: str) -> list[tuple]:
    ex = duban.extract(duban.read_text(text))
    return [(i.kind, i.indicator, i.cmp, i.low, i.unit, i.period) for i in ex.items if i.kind != "task"]


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
