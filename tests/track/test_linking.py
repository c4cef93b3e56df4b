"""Linking actuals to targets: region, indicator, period, units, and what must not link."""

from __future__ import annotations

import pytest

from duban.track.linking import period_closes, propose_links


def item(kind, region="罗湖区", canonical="gdp_growth", period="2021", low=6.0, unit="%", indicator="地区生产总值增长",
         cmp=">="):
    return {"kind": kind, "region": region, "canonical": canonical, "indicator": indicator, "period": period,
            "cmp": cmp, "low": low, "high": low, "unit": unit}


@pytest.mark.parametrize(
    ("target", "actual", "closes"),
    [("2021", "2021", True), ("2021-2025", "2025", True), ("2021—2025", "2025", True), ("2021-2025", "2023", False),
     ("2021", "2021H1", False), ("2021", "2021Q1-Q3", False), ("2021", "2022", False), (None, "2021", False), ("2021", None, False)],
)
def test_period_closes(target, actual, closes):
    assert period_closes(target, actual) is closes


def test_link_and_verdict():
    target = item("target")
    actual = item("actual", low=6.5, cmp="=")
    [p] = propose_links([actual], [target])
    assert p.target is target and p.actual is actual and p.score == 3
    assert p.verdict.status == "met"


@pytest.mark.parametrize(
    "actual",
    [
        item("actual", region="福田区", cmp="="),
        item("actual", canonical="fixed_investment", cmp="="),
        item("actual", period="2020", cmp="="),
        item("actual", period="2021H1", cmp="="),
        item("target"),  # a target is not an outcome
        item("actual", region=None, cmp="="),
        item("actual", canonical=None, cmp="="),  # a text-only indicator never matches a catalogue id
    ],
)
def test_no_link(actual):
    assert propose_links([actual], [item("target")]) == []


def test_text_fallback_and_unit_mismatch():
    target = item("target", canonical=None, indicator="新增学位", unit="个", low=4290, cmp="=")
    same_unit = item("actual", canonical=None, indicator="新增 学位", unit="个", low=4300, cmp="=")
    other_unit = item("actual", canonical=None, indicator="新增学位", unit="万个", low=0.45, cmp="=")
    wrong_unit = item("actual", canonical=None, indicator="新增学位", unit="%", low=5, cmp="=")
    proposals = propose_links([wrong_unit, same_unit, other_unit], [target])
    assert [p.score for p in proposals] == [2, 2, 1]
    assert [p.verdict.status for p in proposals] == ["met", "met", "uncheckable"]
    assert "单位不一致" in proposals[-1].reasons


def test_five_year_target_closed_by_last_year():
    target = item("target", period="2021-2025", canonical="rd_share", low=3, cmp=">=")
    [p] = propose_links([item("actual", period="2025", canonical="rd_share", low=2.9, cmp="=")], [target])
    assert p.verdict.status == "partly"
