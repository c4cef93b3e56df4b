"""Qualitative tasks: commitments without a number, from plan parts only."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

import duban
from duban.extract import tasks as T
from duban.extract.sections import structure
from duban.extract.tasks import find_tasks, task_text

RULES = T.load_rules()


def _tasks(doc: duban.Document, year: int | None = None) -> list[duban.Item]:
    items = find_tasks(doc, structure(doc), year)
    for it in items:
        assert it.kind == "task"
        assert doc.original[it.span[0]:it.span[1]] == it.quote
        assert it.cmp is None and it.low is None and it.unit is None
    return items


def _demo() -> duban.Document:
    text = resources.files("duban.demo").joinpath("luohu-2021.txt").read_text(encoding="utf-8")
    return duban.read_text(text, name="luohu-2021.txt")


@pytest.mark.parametrize("pair", RULES["example"][0]["good"], ids=lambda p: p[0][:12])
def test_clause_gives_task(pair: list[str]) -> None:
    assert task_text(pair[0]) == pair[1]


@pytest.mark.parametrize("clause", RULES["example"][0]["bad"], ids=lambda c: c[:12])
def test_clause_gives_no_task(clause: str) -> None:
    assert task_text(clause) is None


def test_quantity_examples() -> None:
    pat = re.compile(RULES["quantity"]["pattern"])
    for s in RULES["quantity"]["good"]:
        assert pat.search(s), s
    for s in RULES["quantity"]["bad"]:
        assert not pat.search(s), s


def test_boilerplate_examples() -> None:
    pat = re.compile(RULES["boilerplate"]["pattern"])
    for s in RULES["boilerplate"]["good"]:
        assert pat.search(s), s
    for s in RULES["boilerplate"]["bad"]:
        assert not pat.search(s), s


def test_demo_tasks() -> None:
    doc = _demo()
    items = _tasks(doc, 2021)
    names = [i.indicator for i in items]
    assert "推进罗湖北站规划建设和文锦渡口岸升级改造" in names
    assert "实施“一地两检”" in names
    assert any(n.startswith("加快深圳火车站-罗湖口岸枢纽改造") for n in names)
    # nothing from the review, nothing with a quantity, nothing from headings
    review_end = doc.text.find("二、")
    assert all(doc.to_original(review_end, review_end)[0] <= i.span[0] for i in items)
    assert not any(re.search(r"\d+(个|家|所|套|%)", n) for n in names)
    assert all(i.period == "2021" for i in items)
    by = {i.indicator: i.section for i in items}
    assert by["实施“一地两检”"].startswith("谋新局")


def test_no_tasks_in_review_only_texts() -> None:
    text = ("一、2020年工作回顾\n过去一年,我们全面推进口岸建设,加快产业转型升级,实施一地两检。\n"
            "二、2021年重点工作\n推进罗湖北站规划建设。\n")
    names = [i.indicator for i in _tasks(duban.read_text(text), 2021)]
    assert names == ["推进罗湖北站规划建设"]


def test_seed_tasks(seed_dir: Path) -> None:
    doc = duban.read(seed_dir / "luohu-2021-report-coverage.txt")
    items = _tasks(doc, 2021)
    names = [i.indicator for i in items]
    assert "推进罗湖北站规划建设和文锦渡口岸升级改造" in names
    assert "实施“一地两检”" in names
    assert all(not re.search(r"[\u4e00-\u9fff]\([a-zü]+\)", i.indicator) for i in items)
    assert {i.section.split()[0] for i in items} >= {"谋新局", "促转型", "求卓越", "惠民生", "提质量"}
    assert not any("4290" in n or "1-2家" in n for n in names)


def test_review_documents_give_no_tasks(corpus_dev: Path) -> None:
    for name in ("nat-2016-eol.json", "city-suzhou-2021.json", "dist-guangming-execution-2015.json",
                 "misc-guyuan-2020-bulletin.json", "misc-nba-forum-distractor.json"):
        d = json.loads((corpus_dev / name).read_text(encoding="utf-8"))
        assert _tasks(duban.read_text(d["text"]), None) == [], name


def test_spun_tasks_are_repaired(corpus_dev: Path) -> None:
    d = json.loads((corpus_dev / "nat-2021-iqzss-spun.json").read_text(encoding="utf-8"))
    names = [i.indicator for i in _tasks(duban.read_text(d["text"]), 2021)]
    assert "巩固恢复性增长基础" in names


FULL_REPORT = """一、2023年工作回顾
过去一年，全市地区生产总值增长6.1%。
（一）着力稳住经济大盘。实施稳经济一揽子政策，固定资产投资增长5%。
二、2024年经济社会发展总体要求和主要预期目标
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。
三、2024年政府工作任务
（一）坚定不移扩大有效需求。
1.积极扩大有效投资。推进重大项目建设，全年固定资产投资增长6%。
2.全面促进消费。开展消费促进活动。
四、全面加强政府自身建设
坚持依法行政，持续转变政府职能。
"""


def test_full_report_tasks() -> None:
    # review sub-themes give none, clauses with a quantity give none, headings give none
    names = [i.indicator for i in _tasks(duban.read_text(FULL_REPORT), 2024)]
    assert names == ["推进重大项目建设", "开展消费促进活动", "持续转变政府职能"]


def test_cue_examples() -> None:
    cues = RULES["cues"]
    for kind in ("plan", "review"):
        pat = re.compile(cues[kind])
        for s in cues[f"{kind}_good"]:
            assert pat.search(s), (kind, s)
        for s in cues[f"{kind}_bad"]:
            assert not pat.search(s), (kind, s)


def test_rule_file_schema() -> None:
    assert set(RULES) == {"clause", "verbs", "quantity", "boilerplate", "cues", "example"}
    for key in ("split", "subject"):
        re.compile(RULES["clause"][key])
    assert RULES["verbs"]["verbs"] and RULES["verbs"]["adverbs"]
    assert all(len(v) >= 2 for v in RULES["verbs"]["verbs"])  # one-character verbs would match anything
