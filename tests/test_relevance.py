"""The relevance score: its rule examples, and precision/recall on a labelled sample."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from duban import relevance

RULES = relevance.rules()
PAGES = tomllib.loads((Path(__file__).parent / "batch" / "data" / "ordinary-pages.toml").read_text("utf-8"))["page"]


@pytest.mark.parametrize("feat", RULES["feature"], ids=[f["name"] for f in RULES["feature"]])
def test_feature_examples(feat: dict) -> None:
    rx = re.compile(feat["pattern"])
    for good in feat["good"]:
        assert rx.search(good), f"{feat['name']} should match {good!r}"
    for bad in feat["bad"]:
        assert not rx.search(bad), f"{feat['name']} should not match {bad!r}"


@pytest.mark.parametrize("page", RULES["page"], ids=[p["text"][:12] for p in RULES["page"]])
def test_rule_pages(page: dict) -> None:
    assert (relevance.score(page["text"]) >= relevance.THRESHOLD) == page["relevant"]


def test_score_range_and_traditional_script() -> None:
    assert relevance.score("") < 0.1
    simp = "今年发展主要预期目标是:国内生产总值增长6%以上,城镇新增就业1100万人以上。政府工作报告"
    trad = "今年發展主要預期目標是:國內生產總值增長6%以上,城鎮新增就業1100萬人以上。政府工作報告"
    assert relevance.score(simp) == pytest.approx(relevance.score(trad))
    assert 0.5 < relevance.score(simp) <= 1.0


def test_figures_and_policy_verbs_alone_score_nothing() -> None:
    # a company's year summary full of growth rates and amounts: none of the features only a
    # government's page has, so the score is 0 (under the extraction's lower cut too); one such word
    # (全市) lets the figures count again
    summary = ("全年实现营业收入18.6亿元,同比增长23.4%;利润总额2.15亿元,增长17.8%;新签合同额21.3亿元,增长26%;"
               "海外收入5.1亿元,增长18%;研发投入1.34亿元,增长12%。将深化改革,加快推进,稳步扩大,扎实落实。")
    assert relevance.score(summary) == 0.0
    assert relevance.score(summary + "全市") > 0.0


def test_an_institutions_summary_naming_its_plan_stays_under_the_extraction_cut() -> None:
    # a hospital's year summary that names its own 十四五 plan (a plan feature) among many figures: its
    # own words (门诊量, 出院患者, 全院…) keep it under the cut the extraction uses (0.2)
    page = ("2023年是医院实施“十四五”发展规划承上启下的关键一年。全年完成门急诊量186.4万人次,同比增长12.7%;"
            "出院患者8.93万人次,同比增长15.2%;完成手术4.12万台;四级手术占比提高到23.9%;新开展新技术68项;"
            "全院职工2870人;医疗业务收入24.6亿元,同比增长9.8%;住院患者满意度98.1%;门诊量持续增长;全院上下;"
            "我院新增重点专科2个;院长带队义诊120场,服务群众1.5万人;培训3.2万人;体检2.1万人;科研经费3.3亿元;"
            "引进研究生96名;推进智慧医院建设,加快学科发展,深化改革。")
    assert relevance.score(page) < 0.2


def test_ordinary_pages_score_low() -> None:
    """Ordinary pages written for this test (news, forum, shop, recipe ...): at most one above the cut."""
    high = [p["kind"] for p in PAGES if relevance.score(p["text"]) >= relevance.THRESHOLD]
    assert len(high) <= 1, high


def labelled_sample(corpus_dir: Path) -> tuple[list[str], list[str]]:
    """Gold documents as positives; their distractors and our ordinary pages as negatives."""
    pos, neg = [], []
    for path in sorted(corpus_dir.glob("*.json")):
        doc = json.loads(path.read_text("utf-8"))
        (neg if doc["category"] == "distractor" else pos).append(doc["text"])
    return pos, neg + [p["text"] for p in PAGES]


def test_precision_recall_on_corpus(corpus_dev: Path) -> None:
    pos, neg = labelled_sample(corpus_dev)
    pr = relevance.precision_recall(pos, neg)
    assert pr["recall"] >= 0.9, pr
    assert pr["precision"] >= 0.9, pr
