"""Round twenty of extraction quality on unseen documents (issue 2): each test is an example text of
one general failure, found on sealed batches 14 and 15 and described there in general terms only."""

from __future__ import annotations

from extract_examples import items as _items


def test_page_title_before_the_review_lead_names_no_period() -> None:
    # the page's title (某市2024年政府工作报告) and 过去一年 in the stretch before a sentence without a
    # cue of its own: the review is of 2023, not of the title's year
    text = ("某市2024年政府工作报告\n　　过去一年，全市经济运行持续回升向好。全年实现地区生产总值5756.4亿元，"
            "增长6.8%。城镇新增就业6.8万人。\n　　今年全市经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n")
    assert [(kind, period) for _, kind, _, _, _, period in _items(text)] == [
        ("actual", "2023"), ("actual", "2023"), ("actual", "2023"), ("target", "2024")]
