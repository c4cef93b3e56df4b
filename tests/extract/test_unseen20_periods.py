"""Round twenty of kind and period on unseen documents (issue 2): each test is an example text of one
general failure found on sealed batches and described there in general terms only (the texts are ours)."""

from __future__ import annotations

from extract_examples import items as _items
from extract_examples import kinds_periods as _kp


def test_progress_heading_inside_the_review_part_is_a_review() -> None:
    # (二)重点工作推进情况 in the review part of an execution report: progress on the work, so what
    # follows is of the year reviewed; 为年度计划的108.3% is the share of the plan done
    text = ("关于某市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n一、2023年计划执行情况\n"
            "（一）主要指标完成情况\n全市地区生产总值增长6%。\n（二）重点工作推进情况\n"
            "全年实施省市重点项目212个，完成投资617.2亿元，为年度计划的108.3%。\n二、2024年计划草案\n地区生产总值增长6%左右。\n")
    assert _kp(text) == [("actual", "2023")] * 4 + [("target", "2024")]


def test_five_year_review_in_the_first_report_of_a_plan() -> None:
    # 过去五年: the averages and totals are of the five years before the report year, also after a
    # level's year (2021年达到…) or a base's year (由2016年的…) in a clause; the level has its year,
    # the base its own; a sentence opening with a year ends the five years
    text = ("某市2022年政府工作报告\n一、过去五年工作回顾\n过去五年，全市地区生产总值年均增长6.1%，2021年达到3293亿元；"
            "城乡居民人均可支配收入年均分别增长6.9%和8.2%。一般公共预算收入由2016年的531亿元增加到2021年的812亿元，"
            "年均增长8.9%。五年来累计完成固定资产投资1.2万亿元，新建改造道路86条。\n2021年，全市地区生产总值增长6.4%，"
            "年均增长5%的目标顺利完成。\n")
    assert [period for *_, period in _items(text)][:10] == [
        "2017-2021", "2021", "2017-2021", "2017-2021", "2016", "2021", "2017-2021", "2017-2021", "2017-2021", "2021"]


def test_goals_of_the_report_year_that_ends_a_plan_are_that_years() -> None:
    # 今年是“十二五”规划的收官之年 in a 2015 report: this year's goals are 2015's, not the plan's span
    text = ("某省2015年政府工作报告\n二、2015年主要目标和重点工作\n今年是“十二五”规划的收官之年。主要预期目标是："
            "生产总值增长10%左右，城镇新增就业45万人。\n")
    assert _kp(text) == [("target", "2015"), ("target", "2015")]


def test_news_page_on_a_plan_is_dated_by_its_date_line() -> None:
    # an indented date line (    2022-01-11 09:32 来源:…) dates a news page on a plan; 到2025年 goals
    # are the plan's
    text = ("来源:\n    某网\n\n    “十四五”某某服务规划发布\n\n    2022-01-11 09:32:50 来源: 某网\n\n"
            "      规划明确,到2025年,每千人口拥有3岁以下婴幼儿托位数4.5个,养老机构护理型床位占比达55%。\n")
    assert _kp(text) == [("target", "2021-2025"), ("target", "2021-2025")]


def test_a_later_goal_year_does_not_carry_past_another_goal_period() -> None:
    # 到2035年 … then the goals of the plan (“十四五”时期主要目标是：) and this year's: not 2035
    text = ("某市两会特别报道\n2021-01-20\n政府工作报告提出，到2035年，全市地区生产总值达到1万亿元。“十四五”时期主要目标是："
            "地区生产总值年均增长6%左右，到2025年，常住人口城镇化率达到70%。今年主要预期目标是：地区生产总值增长7%左右。\n")
    assert [period for *_, period in _items(text)] == ["2035", "2021-2025", "2021-2025", "2021"]
    text = ("某市两会特别报道\n2021-01-20\n政府工作报告提出，到2035年，全市地区生产总值达到1万亿元。今后五年主要目标是：\n"
            "——地区生产总值年均增长6%左右；\n——城镇新增就业50万人。\n")
    assert [period for *_, period in _items(text)] == ["2035", "2021-2025", "2021-2025"]


def test_press_conference_answer_reviews_last_year() -> None:
    # a question line on this year's goals sets no mode: the answer's year decides
    text = ("某省政府新闻办举行《政府工作报告》解读新闻发布会\n2024-01-25 10:00\n记者：今年政府工作报告提出了哪些主要目标？\n"
            "答：2023年全省地区生产总值达到11863.8亿元、增长6.4%，规模以上工业增加值增长7.1%。今年全省地区生产总值预期增长6%左右。\n")
    assert _kp(text) == [("actual", "2023")] * 3 + [("target", "2024")]


def test_half_year_page_in_traditional_script_with_pinyin() -> None:
    # 上半年(nián) figures are of the first half; the full-year goals restated after them are this year's
    text = ("某市上半年經(jīng)濟運行情況\n2022-07-20 來源：某市統計局\n今年上半年(nián)，全市經(jīng)濟穩中有進。"
            "城鎮調查失業(yè)率為5.9%，居民消費價格同比上漲1.7%。\n"
            "全年地區(qū)生產(chǎn)總值增長6.5%左右的目標不變，規模以上工業(yè)增加值增長7%以上。\n")
    assert _kp(text) == [("actual", "2022H1"), ("actual", "2022H1"), ("target", "2022"), ("target", "2022")]
