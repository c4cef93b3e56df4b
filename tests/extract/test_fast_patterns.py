"""The fast forms of the extractor's patterns match exactly what their plain forms match.

Speed work rewrites patterns so that the regex engine stays on its fast path (literal-first
alternations, a first-character class for numbers); these tests hold the rewritten forms to the
plain ones: on hand-picked edge cases, on random strings over the characters that matter, and on
the development corpus when it is present.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duban.demo import demo_text
from duban.extract.numbers import ARABIC, CHINESE, NUMBER
from duban.extract.quantities import alternation, any_of, load_rules, tpat
from duban.fastre import literal_first

CUE_WORDS = sorted({w for c in load_rules("cues")["cue"] for w in c["words"] if c["scope"] != "after"})
LEFT_RULES = [r["left"] + "$" for r in load_rules("nonitems")["nonitem"] if "left" in r]
PLAIN_NUMBER = re.compile(f"(?P<ar>{ARABIC})|(?P<cn>{CHINESE})")

EDGES = ("比去年 去年 比上年 较上年 上年 即将 将近 必将 将其 将 要求 主要 要 下上半年 上半年 第一季度 一季度 "
         "规划明确 计划提出 提出了新的目标 到2025年 1-11月 已经 已 第 前 排名 位居 居 等 连续第 3:5 2+3 PM "
         "3 7 5 . 2 点击量: 注册送 高于全国平均水平1 全长约 指标共 ")


def _texts() -> list[str]:
    texts = [EDGES, demo_text()]
    for c in load_rules("cues")["cue"]:
        texts += c["good"] + c["bad"]
    return texts


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(("src", "out"), [
    ("(?<!比)去年", ["去(?<!比去)年"]),
    ("(?<![即必])将(?![近其])", ["将(?<![即必]将)(?![近其])"]),
    ("第?一季度", ["第一季度", "一季度"]),
    ("(?:规划|计划)(?:明确|提出)", ["规划(?:明确|提出)", "计划(?:明确|提出)"]),
    ("已经?", ["已经?"]),
    (r"\d\s*:", [r"\d\s*:"]),
    ("a|(?<!x)b", ["a", "b(?<!xb)"]),
    ("(?:a|b)+c", ["(?:a|b)+c"]),  # a repeated group: left as it is
    ("(a)?b", ["(a)?b"]),  # a capturing group: left as it is
])
def test_literal_first(src: str, out: list[str]) -> None:
    assert literal_first(src) == out


def test_cue_alternation_same_matches() -> None:
    plain = re.compile("|".join(tpat(w) for w in CUE_WORDS))
    fast = re.compile(alternation(CUE_WORDS))
    for text in _texts():
        assert _spans(fast, text) == _spans(plain, text)


def test_left_rules_same_answers() -> None:
    plain = re.compile("(?:" + "|".join(tpat(w) for w in LEFT_RULES) + ")")
    fast = any_of(LEFT_RULES)
    for text in _texts():
        for end in range(len(text) + 1):  # every window that ends here, as quantities reads them
            window = text[max(0, end - 12) : end]
            assert fast.search(window) == bool(plain.search(window)), window


def test_number_same_matches() -> None:
    for text in _texts():
        assert _spans(NUMBER, text) == _spans(PLAIN_NUMBER, text)


# random strings over the characters the patterns turn on
_ALPHABET = "0123456789１２,. \u3000%年月一二十百万亿〇两比较去上下将即近要求已经第前排名居等:+/Pa-—至"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_random_strings(text: str) -> None:
    assert _spans(NUMBER, text) == _spans(PLAIN_NUMBER, text)
    assert _spans(re.compile(alternation(CUE_WORDS)), text) == _spans(re.compile("|".join(tpat(w) for w in CUE_WORDS)), text)
    window = text[-12:]
    assert any_of(LEFT_RULES).search(window) == bool(re.compile("(?:" + "|".join(tpat(w) for w in LEFT_RULES) + ")").search(window))


def test_corpus_same_matches(corpus_dev: Path) -> None:
    plain_cues = re.compile("|".join(tpat(w) for w in CUE_WORDS))
    fast_cues = re.compile(alternation(CUE_WORDS))
    for path in sorted(corpus_dev.glob("*.json")):
        text = json.loads(path.read_text("utf-8"))["text"]
        assert _spans(NUMBER, text) == _spans(PLAIN_NUMBER, text), path.name
        assert _spans(fast_cues, text) == _spans(plain_cues, text), path.name
