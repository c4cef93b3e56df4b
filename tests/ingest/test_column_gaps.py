"""Space-aligned tables in PDF text layers: runs of spaces between columns are kept (issue 2)."""

from __future__ import annotations

import duban

TABLE = (
    "某市“十四五”规划纲要\n"
    "专栏 2  主要指标\n"
    "类别  序号  指   标  2020 年  2025 年  年均增长/累计  属性\n"
    "经济  1  地区生产总值增长（%）  3.1  —  6 左右  预期性\n"
    "发展  2  全员劳动生产率增长（%）  —  —  高于地区生产总\n"
    "值增长  预期性\n"
    "  3  常住人口城镇化率（%）  61.2  66  [4.8]  预期性\n"
)


def test_column_gaps_stay_and_letter_spacing_inside_a_cell_goes() -> None:
    lines = duban.read_text(TABLE).text.split("\n")
    assert lines[2] == "类别  序号  指标  2020年  2025年  年均增长/累计  属性"
    assert lines[3] == "经济  1  地区生产总值增长(%)  3.1  —  6左右  预期性"


def test_prose_keeps_its_pdf_spacing_repair() -> None:
    text = duban.read_text("全年地区生产总值增长  6.5 %，新增就业 1.2 万人。").text
    assert text == "全年地区生产总值增长6.5%，新增就业1.2万人。"


def test_a_space_aligned_plan_table_yields_its_rows() -> None:
    got = [(i.kind, i.indicator, i.low, i.unit, i.period) for i in duban.extract(duban.read_text(TABLE)).items
           if i.kind != "task"]
    assert ("target", "地区生产总值增长", 6.0, "%", "2021-2025") in got
    # the words cell wrapped onto the next line does not end the table
    assert ("actual", "常住人口城镇化率", 61.2, "%", "2020") in got
    assert ("target", "常住人口城镇化率", 66.0, "%", "2021-2025") in got
