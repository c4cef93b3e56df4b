"""Region and report-year detection: the examples of rules/regions.toml, and the development corpus."""

from __future__ import annotations

import json
import tomllib
from importlib import resources

import pytest

from duban import regions

EXAMPLES = tomllib.loads(resources.files("duban").joinpath("rules/regions.toml").read_text("utf-8"))["example"]


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e["text"][:16] for e in EXAMPLES])
def test_examples(ex: dict) -> None:
    region, year = regions.detect(ex["text"])
    if ex["region"]:
        assert region is not None
        assert (region.name, region.level, region.parent) == (ex["region"], ex["level"], ex.get("parent"))
    else:
        assert region is None
    assert (year or 0) == ex["year"]


def test_table_is_consistent() -> None:
    data = tomllib.loads(resources.files("duban").joinpath("rules/regions.toml").read_text("utf-8"))
    names = [p["name"] for p in data["province"]]
    assert len(names) == len(set(names)) == 34
    cities = [c for p in data["province"] for c in p.get("cities", [])]
    assert len(cities) == len(set(cities))
    all_short = set(cities) | {p["short"] for p in data["province"]}
    assert set(data["full_only"]) <= all_short  # no stale entries


@pytest.mark.parametrize("text, expected", [
    ("十四届全国人大三次会议", 2025),
    ("第十三届全国人民代表大会第一次会议", 2018),
    ("第13届全国人民代表大会第一次会议", 2018),
    ("十二届全国人大四次会议", 2016),
    ("2015 年国民经济和社会发展计划执行情况", 2015),
    ("回顾2023年工作", 2024),
    ("2022年4月8日上午,南京市十六屆人大五次會議開幕", 2022),
    # a session after an election in December hears the next year's report
    ("——2016年12月28日在武汉市江汉区第十六届人民代表大会第一次会议上", 2017),
    ("审议关于2020年国民经济和社会发展计划执行情况的报告。2021年政府工作报告全文", 2021),
])
def test_years(text: str, expected: int) -> None:
    assert regions.detect_year(text) == expected


# Region and year of the development corpus documents, read by a person from each page.
CORPUS = {
    "city-chengdu-2024": ("成都市", 2024),
    "city-nanjing-2022": ("南京市", 2022),
    "city-suzhou-2021": ("苏州市", 2021),
    "city-xiamen-2018": ("厦门市", None),  # the page never says which year
    "dist-guangming-execution-2015": ("光明新区", 2015),
    "misc-guyuan-2020-bulletin": ("固原市", 2020),
    "misc-public-service-14th-plan": ("全国", None),
    "nat-2016-eol": ("全国", 2016),
    "nat-2018-tvbs": ("全国", 2018),
    "nat-2021-iqzss-spun": ("全国", 2021),
    "nat-2022-hbwmpx": ("全国", 2022),
    "nat-2025-feifmx": ("全国", 2025),
    "prov-hubei-2024": ("湖北省", 2024),
    "prov-shandong-2016": ("山东省", 2016),
    "prov-shanxi-2017": ("山西省", 2017),
    "seed-luohu-2021": ("罗湖区", 2021),
    "unf-distractor-2020-length": ("全国", 2020),
    "unf-fucheng-2019-hkcd": ("涪城区", 2019),
    "unf-gd-2024-actuals-pvnzwc": ("广东省", 2025),
    "unf-taiyuan-2021": ("太原市", 2021),
}


def test_corpus(corpus_dev) -> None:
    """At most two misses of region or year over the labelled development pages."""
    misses = []
    for doc_id, (want_region, want_year) in CORPUS.items():
        path = corpus_dev / f"{doc_id}.json"
        if not path.exists():
            continue
        region, year = regions.detect(json.loads(path.read_text("utf-8"))["text"])
        got = region.name if region else None
        if got != want_region:
            misses.append(f"{doc_id}: region {got} != {want_region}")
        if want_year is not None and year != want_year:
            misses.append(f"{doc_id}: year {year} != {want_year}")
    assert len(misses) <= 2, misses


def test_report_titles_on_a_line_of_links_are_other_reports() -> None:
    # a portal page without a year in its title, dated by its congress line, with links to other
    # years' reports at the foot: the links name other reports
    text = ("政府工作报告\n——2015年1月18日在某县第十七届人民代表大会第五次会议上\n各位代表：\n过去一年，全县经济平稳发展。\n"
            "【相关阅读】某县2014年政府工作报告 | 某市2015年政府工作报告\n")
    assert regions.detect_year(text) == 2015
