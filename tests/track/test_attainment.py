"""Verdict tables: every cmp, both directions, units, tolerance and edges."""

from __future__ import annotations

from datetime import date

import pytest

from duban.items import Item
from duban.track.attainment import Tolerance, direction, judge
from duban.track.units import comparable, parse_unit, to_unit


def q(cmp: str, low: float, high: float | None = None, unit: str = "%", indicator: str = "地区生产总值增长"):
    return {"cmp": cmp, "low": low, "high": low if high is None else high, "unit": unit, "indicator": indicator}


CASES = [
    # (target, actual, expected status, id)
    (q(">=", 6), q("=", 6.2), "met", "ge above"),
    (q(">=", 6), q("=", 6), "met", "ge equal"),
    (q(">=", 6), q("=", 5.8), "partly", "ge slightly short"),
    (q(">=", 6), q("=", 5.0), "missed", "ge well short"),
    (q(">=", 6), q(">=", 6.5), "met", "ge actual at least"),
    (q(">=", 6), q("<=", 7), "uncheckable", "ge actual only bounded above"),
    (q(">=", 6), q("<=", 5), "missed", "ge actual bounded below target"),
    (q("<=", 3, unit="%", indicator="城镇登记失业率"), q("=", 2.8), "met", "le under"),
    (q("<=", 3, unit="%", indicator="城镇登记失业率"), q("=", 3.0), "met", "le equal"),
    (q("<=", 3, unit="%", indicator="城镇登记失业率"), q("=", 3.2), "partly", "le slightly over"),
    (q("<=", 3, unit="%", indicator="城镇登记失业率"), q("=", 4.0), "missed", "le well over"),
    # <= says lower is better even when the indicator reads as an increase
    (q("<=", 3, indicator="地区生产总值增长"), q("=", 2), "met", "le overrides direction"),
    (q("range", 5.5, 6), q("=", 5.7), "met", "range inside"),
    (q("range", 5.5, 6), q("=", 6.3), "met", "range exceeded on better side"),
    (q("range", 5.5, 6), q("=", 5.5), "met", "range at low edge"),
    (q("range", 5.5, 6), q("=", 5.2), "partly", "range slightly under"),
    (q("range", 5.5, 6), q("=", 4.0), "missed", "range well under"),
    (q("range", 5.5, 6), q("range", 5.6, 5.9), "met", "range actual range inside"),
    (q("range", 5.5, 6), q("range", 5.0, 5.9), "uncheckable", "range actual straddles"),
    (q("range", 2, 3, indicator="居民消费价格涨幅"), q("=", 1.5), "met", "range down better"),
    (q("range", 2, 3, indicator="居民消费价格涨幅"), q("=", 3.2), "partly", "range down slightly over"),
    (q("=", 4290, unit="个", indicator="新增学位"), q("=", 4290, unit="个"), "met", "eq equal"),
    (q("=", 4290, unit="个", indicator="新增学位"), q("=", 5000, unit="个"), "met", "eq more is better"),
    (q("=", 4290, unit="个", indicator="新增学位"), q("=", 4000, unit="个"), "partly", "eq slightly short"),
    (q("=", 4290, unit="个", indicator="新增学位"), q("=", 2000, unit="个"), "missed", "eq short"),
    (q("=", 3, indicator="单位GDP能耗下降"), q("=", 3.5, indicator="单位GDP能耗下降"), "met", "decline bigger"),
    (q("=", 3, indicator="单位GDP能耗下降"), q("=", 2.0), "missed", "decline too small"),
    (q("=", 100, unit="万吨", indicator="化学需氧量排放总量"), q("=", 90, unit="万吨"), "met", "eq down"),
    (q("=", 100, unit="万吨", indicator="化学需氧量排放总量"), q("=", 120, unit="万吨"), "missed", "eq down over"),
    (q("~", 400, unit="亿元", indicator="固定资产投资"), q("=", 395, unit="亿元"), "met", "approx within 5%"),
    (q("~", 400, unit="亿元", indicator="固定资产投资"), q("=", 380, unit="亿元"), "met", "approx at edge"),
    (q("~", 400, unit="亿元", indicator="固定资产投资"), q("=", 450, unit="亿元"), "met", "approx exceeded"),
    (q("~", 400, unit="亿元", indicator="固定资产投资"), q("=", 350, unit="亿元"), "partly", "approx short"),
    (q("~", 400, unit="亿元", indicator="固定资产投资"), q("=", 300, unit="亿元"), "missed", "approx far"),
    (q("~", 3.4), q("=", 3.0), "met", "approx rate within 0.5 points"),
    (q("~", 3.4), q("=", 2.8), "partly", "approx rate beyond points"),
    (q("~", 3, indicator="居民消费价格涨幅"), q("=", 3.4), "met", "approx down within"),
    (q("~", 3, indicator="居民消费价格涨幅"), q("=", 3.7), "partly", "approx down over"),
    # units: scaled comparisons and refusals
    (q(">=", 400, unit="亿元"), q("=", 4.2, unit="万亿元"), "met", "scaled 万亿 vs 亿"),
    (q(">=", 1.5, unit="万平方米"), q("=", 14000, unit="平方米"), "partly", "scaled 万平方米"),
    (q(">=", 0.5, unit="个百分点"), q("=", 0.6, unit="百分点"), "met", "个百分点 = 百分点"),
    (q(">=", 6, unit="%"), q("=", 6.5, unit="百分点"), "uncheckable", "percent vs points"),
    (q(">=", 400, unit="亿元"), q("=", 8, unit="%"), "uncheckable", "amount vs rate"),
    (q(">=", 5, unit="家"), q("=", 6, unit=""), "uncheckable", "unit vs none"),
    (q(">=", 0, unit="%"), q("=", -1), "missed", "zero target no partly"),
    (q(">=", -2), q("=", -1), "met", "negative target"),
]


@pytest.mark.parametrize(("target", "actual", "status"), [c[:3] for c in CASES], ids=[c[3] for c in CASES])
def test_verdicts(target, actual, status):
    verdict = judge(target, actual)
    assert verdict.status == status, verdict.reason
    assert verdict.reason and "\n" not in verdict.reason


def test_reason_states_tolerance_and_gap():
    v = judge(q("~", 400, unit="亿元", indicator="固定资产投资"), q("=", 350, unit="亿元"))
    assert "容差 ±5%" in v.reason and "差 30亿元" in v.reason
    v = judge(q("~", 3.4), q("=", 2.8))
    assert "±0.5个百分点" in v.reason


def test_unit_mismatch_reason_names_units():
    v = judge(q(">=", 400, unit="亿元"), q("=", 8, unit="%"))
    assert v.code == "unit_mismatch" and "亿元" in v.reason and "%" in v.reason


def test_stated_tolerance_is_used():
    target, actual = q("~", 400, unit="亿元"), q("=", 370, unit="亿元")
    assert judge(target, actual).status == "partly"
    assert judge(target, actual, tolerance=Tolerance(relative=0.1)).status == "met"
    assert judge(q(">=", 6), q("=", 5.5), tolerance=Tolerance(partly=0)).status == "missed"


@pytest.mark.parametrize(
    ("due", "today", "status"),
    [
        (date(2021, 12, 31), date(2021, 6, 1), "not_yet"),
        (date(2021, 12, 31), date(2021, 12, 31), "not_yet"),
        (date(2021, 12, 31), date(2022, 3, 1), "uncheckable"),
        (None, date(2022, 3, 1), "not_yet"),
    ],
)
def test_without_actual(due, today, status):
    assert judge(q(">=", 6), None, due=due, today=today).status == status


def test_tasks_and_items():
    task = Item(kind="task", indicator="推进罗湖北站规划建设", quote="推进罗湖北站规划建设", span=(0, 10))
    assert judge(task, q("=", 1)).code == "no_number"
    target = Item(kind="target", indicator="新增学位", quote="新增4290个学位", span=(0, 9), cmp="=", low=4290,
                  high=4290, unit="个")
    actual = Item(kind="actual", indicator="新增学位", quote="新增学位4500个", span=(0, 9), cmp="=", low=4500,
                  high=4500, unit="个")
    assert judge(target, actual).status == "met"


@pytest.mark.parametrize(
    ("unit", "factor", "base"),
    [("万平方米", 1e4, "平方米"), ("亿元", 1e8, "元"), ("万亿元", 1e12, "元"), ("个百分点", 1, "百分点"),
     ("百分点", 1, "百分点"), ("千米", 1, "千米"), ("万", 1e4, ""), ("", 1, ""), (None, 1, ""),
     ("千亿元", 1e11, "元"), ("成", 10, "%"), ("％", 1, "%"), ("万名", 1e4, "人"), ("兆元", 1e12, "元")],
)
def test_parse_unit(unit, factor, base):
    u = parse_unit(unit)
    assert (u.factor, u.base) == (factor, base)


def test_unit_conversion():
    assert to_unit(1.5, "万平方米", "平方米") == 15000
    assert comparable("亿元", "万元") and not comparable("%", "百分点")
    with pytest.raises(ValueError):
        to_unit(1, "亿元", "%")


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [("地区生产总值增长", "up"), ("城镇调查失业率", "down"), ("单位GDP能耗下降", "up"), ("单位GDP能耗", "down"),
     ("居民消费价格涨幅", "down"), ("新增学位", "up"), (None, "up"), ("农村贫困人口减少", "up")],
)
def test_direction(indicator, expected):
    assert direction(indicator) == expected


def _direction_examples():
    import tomllib
    from importlib import resources

    data = tomllib.loads(resources.files("duban.track").joinpath("data/directions.toml").read_text("utf-8"))
    for entry in data["lower"]:
        assert entry["keywords"] and entry["good"] and entry["bad"], entry["name"]
        for text in entry["good"]:
            yield pytest.param(text, "down", id=f"{entry['name']}-good-{text}")
        for text in entry["bad"]:
            yield pytest.param(text, "up", id=f"{entry['name']}-bad-{text}")


@pytest.mark.parametrize(("indicator", "expected"), list(_direction_examples()))
def test_direction_rule_examples(indicator, expected):
    assert direction(indicator) == expected
