"""Round twenty-nine on unseen documents (issue 2): each test is an example text of one general
failure found on sealed batches 45-48 and described there in general terms only (the texts are ours)."""

from __future__ import annotations

from extract_examples import items as _items


def _vals(text: str) -> list[tuple[str, str, float, str]]:
    return [(kind, cmp, low, unit) for _, kind, cmp, low, unit, _ in _items(text)]


def test_a_round_amount_reached_is_a_quantity() -> None:
    # 突破千亿元 / 接近百亿元 closing a clause: 1000 亿元 / ~100 亿元, in either script
    text = ("2025年某县政府工作报告\n一、2024年工作回顾\n全县一般公共预算收入首次突破百亿元，文旅产业营收接近千亿元。\n"
            "二、2025年主要目标\n地区生产总值年均增长7%左右，到2027年力爭突破千億元。\n")
    assert _vals(text) == [("actual", ">=", 100, "亿元"), ("actual", "~", 1000, "亿元"),
                           ("target", "~", 7, "%"), ("target", ">=", 1000, "亿元")]


def test_a_round_word_that_names_or_modifies_is_no_quantity() -> None:
    # 千亿级产业集群, 超百亿元企业 (a modifier), 突破百亿元大关 / 迈上千亿台阶 (a milestone's figure of
    # speech), 连续6年超过千亿斤 (a streak's floor), 万亿之城: no quantity of their own
    text = ("2024年某市政府工作报告\n一、2023年工作回顾\n财政总收入首次突破百亿元大关，地区生产总值迈上千亿台阶，"
            "粮食产量连续6年超过千亿斤。培育千亿级产业集群，新增超百亿元企业。\n")
    assert _vals(text) == []
