"""A part of the year named as a comparison base (比上半年加快, 比一季度收窄) is not the figure's period (issue 2)."""

from __future__ import annotations

import duban


def test_a_gap_to_the_first_half_belongs_to_the_three_quarters() -> None:
    text = ("2024-10-20 来源：某市统计局\n前三季度，全市规模以上工业增加值同比增长4.5%，比上半年加快0.3个百分点。\n")
    got = [(i.kind, i.period, i.low) for i in duban.extract(duban.read_text(text)).items if i.kind != "task"]
    assert got == [("actual", "2024Q1-Q3", 4.5), ("actual", "2024Q1-Q3", 0.3)]
