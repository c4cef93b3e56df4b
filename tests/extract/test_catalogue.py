"""The canonical indicator catalogue and the repair of spun / Taiwan wordings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from duban.extract import catalogue as C
from duban.extract.catalogue import canonical, lookup, repair

ENTRIES = C.entries()
REPAIR = C.load_repair_data()["rule"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_entry_examples(entry: C.Entry) -> None:
    assert entry.good, f"{entry.id} needs good examples"
    assert entry.direction in C.DIRECTIONS and entry.unit and entry.en and entry.zh
    assert canonical(entry.zh) == entry.id
    for phrase in entry.good:
        assert canonical(phrase) == entry.id, phrase
    for phrase in entry.bad:
        assert canonical(phrase) != entry.id, phrase
    if entry.of:
        assert C.entry(entry.of) is not None and entry.change in C.CHANGES


@pytest.mark.parametrize("rule", REPAIR, ids=lambda r: r["name"])
def test_repair_examples(rule: dict) -> None:
    for before, after in rule["good"]:
        assert repair(before) == after, before
    for phrase in rule["bad"]:
        assert repair(phrase) == phrase, phrase


def test_repair_keeps_mainland_wording(corpus_dev: Path) -> None:
    """Simplified report text comes out of repair unchanged (no Taiwan-phrase table on mainland words)."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    for path in sorted(corpus_dev.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if "spun" in doc["forms"]:
            continue
        for item in doc["items"]:
            assert repair(item["indicator"]) == t2s.convert(item["indicator"]), (path.name, item["indicator"])


def test_required_coverage() -> None:
    ids = {e.id for e in ENTRIES}
    required = {"gdp", "gdp_growth", "fixed_asset_investment", "retail_sales", "budget_revenue",
                "registered_unemployment", "surveyed_unemployment", "cpi", "new_urban_jobs", "urban_income",
                "rural_income", "energy_intensity", "grain_output", "foreign_trade", "foreign_capital",
                "industrial_value_added", "rd_intensity", "urbanization", "forest_coverage", "pm25",
                "good_air_days", "new_school_places", "affordable_housing", "poverty_reduction",
                "population_growth", "deficit_ratio", "special_bonds"}
    assert required <= ids, required - ids


def test_lookup_and_unknown() -> None:
    e = lookup("國內生產毛額(GDP)年增")
    assert e is not None and e.id == "gdp_growth" and e.unit == "%" and e.direction == "higher"
    assert lookup("城镇登记失业率").direction == "lower"
    for phrase in ("", "  ", "篮板", "海洋生产总值", "国家企业技术中心"):
        assert canonical(phrase) is None


def test_gold_indicators_of_the_corpus(corpus_dev: Path) -> None:
    """Gold indicators that name a catalogue indicator map to it, in every script and noise form."""
    expected = {
        "国内生产总值增长": "gdp_growth", "地区生产总值增长": "gdp_growth", "地区生产总值": "gdp",
        "国内生产总值": "gdp", "城镇新增就业": "new_urban_jobs", "城镇调查失业率": "surveyed_unemployment",
        "城镇登记失业率": "registered_unemployment", "居民消费价格涨幅": "cpi",
        "单位国内生产总值能耗降低": "energy_intensity_decline", "粮食产量": "grain_output",
        "社会消费品零售总额增长": "retail_sales_growth", "一般公共预算收入增长": "budget_revenue_growth",
        "固定资产投资增长": "fixed_asset_investment_growth", "新增学位": "new_school_places",
    }
    seen = 0
    for path in sorted(corpus_dev.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
            want = expected.get(item["indicator"])
            if want:
                seen += 1
                assert canonical(item["indicator"]) == want, (path.name, item["indicator"])
    assert seen >= 30


def test_quotes_of_noisy_copies_map_like_their_gold() -> None:
    # the words of real noisy copies (spun, Taiwan, traditional) next to their clean meaning
    assert canonical("住民消费代价涨幅") == canonical("居民消费价格涨幅") == "cpi"
    assert canonical("城镇观察失业率") == "surveyed_unemployment"
    assert canonical("消費者物價指數(CPI)年增") == "cpi"
    assert canonical("經濟成長率") == "gdp_growth"
    assert canonical("單位國內生產總值能耗降低") == "energy_intensity_decline"
