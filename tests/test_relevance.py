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
