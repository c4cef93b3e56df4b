"""Round nineteen of extraction quality on unseen documents (issue 2): each test is an example text
of one general failure (a per-unit written before the figure, an SEO token between a comparator and its
figure, the planned investment of projects in a review, a duration of service time)."""

from __future__ import annotations

from extract_examples import items as _items

REVIEW = "2024年政府工作报告\n一、2023年工作回顾\n"




def test_per_unit_before_the_figure_joins_the_unit() -> None:
    text = REVIEW + "空气质量改善，二氧化氮平均浓度降至每立方米21微克，全科医生达到每万人4.2名。\n"
    assert [(ind, low, unit) for ind, _, _, low, unit, _ in _items(text)] == [
        ("二氧化氮平均浓度", 21.0, "微克/立方米"), ("全科医生", 4.2, "名/万人")]


def test_seo_token_between_comparator_and_figure() -> None:
    text = REVIEW + "科技型中小企业数量突破abc推广1500家，规上企业总数冲破[推广]800家。\n"
    got = _items(text)
    assert [(ind, cmp, low) for ind, _, cmp, low, _, _ in got] == [
        ("科技型中小企业数量", ">=", 1500.0), ("规上企业总数", ">=", 800.0)]


def test_planned_investment_of_projects_in_a_review() -> None:
    text = REVIEW + "全年引进产业项目85个，计划总投资620亿元。\n"
    got = _items(text)
    assert got[1] == ("引进产业项目计划总投资", "actual", "=", 620.0, "亿元", "2023")


def test_duration_of_service_time() -> None:
    text = REVIEW + "施工许可办理时间缩短至15个工作日，水电气报装时间压缩到2个小时。\n"
    assert [(ind, low, unit) for ind, _, _, low, unit, _ in _items(text)] == [
        ("施工许可办理时间", 15.0, "个工作日"), ("水电气报装时间", 2.0, "个小时")]
