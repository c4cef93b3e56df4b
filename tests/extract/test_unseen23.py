"""Round thirty-four on unseen documents (issue 2): each test is an example text of one general
failure found on sealed batches 61-64 and described there in general terms only (the texts are ours)."""

from __future__ import annotations

from extract_examples import kinds_periods as _kp

import duban


def test_a_year_list_of_projects_gives_the_page_its_year() -> None:
    # a news page on a city's list of projects for the year (某市2023年重点民生实事项目确定), its date line
    # dropped with the breadcrumb: the list's counts are of that year, not the next
    text = ("某市2023年重点民生实事项目出炉\n记者日前获悉，某市2023年重点民生实事项目正式确定。2022年，全市10件民生实事全部完成。"
            "今年的项目具体如下：\n一、新增公办学位1.2万个。\n二、新增养老床位800张。\n")
    assert _kp(text) == [("actual", "2022"), ("target", "2023"), ("target", "2023")]


def test_a_completion_page_still_belongs_to_the_next_year() -> None:
    # (the list rule does not take 2023年民生实事项目完成情况: the year's work reported when it is over)
    text = "2023年民生实事项目完成情况\n一、新增公办学位1.2万个，完成率100%。\n"
    assert duban.extract(text).year == 2024


def test_a_date_and_time_after_a_breadcrumb_dates_the_page() -> None:
    from duban.extract.classify import page_date_year

    assert page_date_year("某新闻网 > 某市 > 民生  2022-02-25 09:31 来源:某晚报\n标题\n") == 2022
    assert page_date_year("会议于2022-02-25 09:31召开，审议通过了……。\n") is None  # a sentence, no date line


def test_goals_listed_before_等主要目标_in_a_plan_review_are_targets_of_that_year() -> None:
    # 批准的2013年计划，确定…增长9%左右、…增长12%…等主要目标 in an execution report: the goals set, then
    # 与预期目标持平 (an outcome set against the goal) does not turn the outcomes after it into goals
    text = ("关于某省2013年国民经济和社会发展计划执行情况与2014年计划草案的报告\n"
            "一、2013年计划执行情况\n省人大批准的2013年计划，确定全省生产总值增长9%左右、规模以上工业增加值增长12%等主要目标。"
            "全省生产总值增长9%，与预期目标持平；规模以上工业增加值增长11.8%；固定资产投资增长22.5%。\n"
            "二、2014年主要目标\n生产总值增长9%左右。\n")
    assert _kp(text) == [("target", "2013")] * 2 + [("actual", "2013")] * 3 + [("target", "2014")]


def test_a_past_year_facing_the_unexpected_is_reviewed_under_a_goal_headline() -> None:
    # a news page whose headline states this year's goal; the body's 2022年面对超预期的冲击 names last
    # year: 超预期 (worse than expected) is no plan word, the figures are last year's outcomes
    text = ("某省今年GDP目标增长6%左右\n2023-01-13 08:30 来源：某报\n省长作政府工作报告时表示，2022年面对超预期的冲击，"
            "全省地区生产总值6818.2亿元，增长0.2%。\n")
    assert _kp(text) == [("target", "2023"), ("actual", "2022"), ("actual", "2022")]


def test_a_date_ending_a_header_line_dates_the_page() -> None:
    from duban.extract.classify import page_date_year

    assert page_date_year("某新闻网 财经频道 2024-07-19 \n标题\n") == 2024


def test_a_part_of_a_year_named_with_今年以来_is_this_year() -> None:
    # no date line, no title rule: the page's most named year is the year of its 上半年, not one reviewed
    # beside 今年 (which would make the page next year's)
    text = ("某省举行2024年上半年经济运行情况新闻发布会\n记者：今年以来外贸形势如何？\n"
            "发布人：上半年全省地区生产总值40237亿元，同比增长5.6%。2024年上半年进出口增长6.5%。\n")
    assert duban.extract(text).year == 2024
    assert _kp(text) == [("actual", "2024H1")] * 3


def test_a_plan_figure_set_against_the_outcome_after_its_indicator_is_the_reviewed_years_goal() -> None:
    # 地区生产总值计划增长8%以上，实际增长9.2% in an execution report's review part: the plan word
    # after the indicator (not opening the clause) still restates that year's goal
    text = ("关于某市2021年国民经济和社会发展计划执行情况与2022年计划草案的报告\n一、2021年计划执行情况\n"
            "全市地区生产总值计划增长8%以上，实际增长9.2%；规模以上工业增加值计劃增長10%，實際增長19.5%。\n"
            "二、2022年计划草案\n地区生产总值增长7.5%左右。\n")
    assert _kp(text) == [("target", "2021"), ("actual", "2021")] * 2 + [("target", "2022")]


def test_a_whole_year_clause_after_a_part_of_the_year_is_of_the_year() -> None:
    # 一季度下降39.2%，前三季度增速为-10.4%，全年地区生产总值43443.5亿元: the clause opened by 全年 is the
    # whole year's; 实现全年目标的59.3% after 上半年 is still the part's (全年 opens no clause there)
    text = ("2021-01-24 10:12 来源：某网\n报告回顾了2020年。一季度地区生产总值下降39.2%，前三季度增速为-10.4%，"
            "全年地区生产总值43443.5亿元，下降5%。2020年上半年城镇新增就业39.3万人，实现全年目标的59.3%。\n")
    assert _kp(text) == [("actual", "2020Q1"), ("actual", "2020Q1-Q3"), ("actual", "2020"), ("actual", "2020"),
                         ("actual", "2020H1"), ("actual", "2020H1")]


def test_two_chinese_digits_side_by_side_are_no_number() -> None:
    # 三五成群, 七八个, 两三万人: "three or five", no quantity (三十五 and 二十五 still are)
    from duban.extract.quantities import find_quantities

    text = "代表们三五成群地交流，来了七八个人、两三万人。新建二十五所学校，增长三成左右。"
    assert [(q.low, q.unit) for q in find_quantities(text)] == [(25.0, "所"), (3.0, "成")]


def test_a_part_of_the_year_before_a_share_of_the_goal_done_is_a_review() -> None:
    # after an outlook (预计将…回升), 前三季度，城镇新增就业56.2万人，完成全年目标任务的80.3% opens a review
    # of the part: 完成…目标任务 is no goal following the part, and the sentence after it is an outcome
    text = ("2023-10-24 16:10 来源：某省政府新闻办\n某省2023年前三季度经济运行情况新闻发布会\n"
            "负责人：前三季度全省地区生产总值增长4.4%。我们预计，全年经济增速将比前三季度有所回升。\n"
            "记者：居民收入和就业情况如何？\n负责人：前三季度，城镇新增就业56.2万人，完成全年目标任务的80.3%。"
            "全省城镇居民人均可支配收入38541元，增长4.2%。\n")
    assert _kp(text) == [("actual", "2023Q1-Q3")] * 5


def test_the_reports_goals_restated_on_a_part_of_year_page_are_this_years() -> None:
    # 年初政府工作报告确定…增长5.5%左右 after 上半年已经略高于这一目标 (a review of the half year): the goals the
    # report set, of this year
    text = ("时间：2025-07-22 10:00\n某省2025年上半年经济运行情况新闻发布会\n负责人：上半年全省生产总值增长5.6%。\n"
            "记者：今年预期目标是增长5.5%左右，上半年已经略高于这一目标。请问下半年如何巩固？\n"
            "负责人：年初政府工作报告确定全省生产总值增长5.5%左右，城镇新增就业40万人以上。\n")
    assert _kp(text)[-2:] == [("target", "2025"), ("target", "2025")]


def test_a_progress_page_of_part_of_the_year_labels_goals_and_progress() -> None:
    # 2021年十件民生实事项目上半年进展情况: each 年度目标：… is the year's goal, each 进展情况：… the progress of
    # the half year (the title's part carries on below its labels)
    text = ("2021年市政府十件民生实事项目上半年进展情况\n发布日期：2021-07-16\n"
            "一、扩大优质教育资源供给。年度目标：新建改扩建中小学和幼儿园40所，新增学位2.5万个。进展情况：已开工36所，新增学位8600个。\n"
            "二、推进城镇老旧小区改造。年度目标：改造老旧小区120个。进展情况：完成改造41个。\n")
    assert _kp(text) == ([("target", "2021")] * 2 + [("actual", "2021H1")] * 2
                         + [("target", "2021"), ("actual", "2021H1")])


def test_a_news_page_on_a_plans_midterm_review_reports_outcomes() -> None:
    # 某省“十四五”规划纲要实施过半 (2023): the page reports how the plan goes, dated two years into it; a
    # goal named in passing (规划目标为2025年达到2.6%以上, 规划提出…提高到10%) sets no plan mode: the
    # figures after it are outcomes again (目前为7.9%左右, 两年累计…)
    text = ("某省“十四五”规划纲要实施过半 主要指标总体符合预期\n2023-07-26 10:12:46 来源：某日报\n"
            "报告显示，2022年全社会研发经费投入强度达到2.41%，规划目标为2025年达到2.6%以上；"
            "每万人口高价值发明专利拥有量达到5.2件。规划提出数字经济核心产业增加值占地区生产总值比重提高到10%，目前为7.9%左右。\n"
            "民生领域，两年累计城镇新增就业148.6万人。\n")
    assert duban.extract(text).year == 2023
    got = _kp(text)
    assert [k for k, _ in got] == ["actual", "target", "actual", "target", "actual", "actual"]
    assert got[0] == ("actual", "2022") and got[1] == ("target", "2021-2025")


def test_a_completion_pages_plan_sentences_restate_the_years_goals() -> None:
    # 某市2024年十项民生实事项目完成情况: a sentence opening with 计划 restates the year's goals until a clause
    # of work done (实际新增…, 完成…), whose figures and those after it are outcomes
    text = ("某市2024年十项民生实事项目完成情况\n发文日期：2025-01-16\n"
            "一、教育扩容工程。计划新建、改扩建中小学和幼儿园40所，新增学位4万个。实际完成新建学校43所。\n"
            "二、托育服务工程。计划新增普惠性托位3000个，实际新增3240个，新增学位1200个。\n"
            "三、道路畅通工程。计划新建改造农村公路500公里，完成526公里。\n")
    assert duban.extract(text).year == 2025
    assert _kp(text) == ([("target", "2024")] * 2 + [("actual", "2024")]
                         + [("target", "2024"), ("actual", "2024"), ("actual", "2024")]
                         + [("target", "2024"), ("actual", "2024")])


def test_a_title_saying_the_years_projects_are_done_opens_a_review() -> None:
    # 某市2021年十件重点民生实事项目全面完成: the page reports the year's work done; 年度目标为…3.2万人 restates
    # the goal, 实际新增… and 完成年度目标的111% are outcomes of that year
    text = ("某市2021年十件重点民生实事项目全面完成\n发布时间：2022-01-10 16:32\n"
            "截至2021年12月底，十件实事全部完成，累计完成投资18.6亿元。具体完成情况如下：\n"
            "一、城镇就业。年度目标为城镇新增就业3.2万人，实际新增3.56万人，完成年度目标的111%；培训农村劳动力1.05万人次。\n")
    assert _kp(text) == [("actual", "2021"), ("target", "2021")] + [("actual", "2021")] * 3


def test_a_plan_figure_set_against_the_years_estimate_is_the_reviewed_years_goal() -> None:
    # ——地区生产总值。年初计划增长7%左右，预计全年完成3064.7亿元，增长4.3%: in an execution report the plan's
    # figure set against the estimate of the year (预计, the year not closed yet) restates its goal
    text = ("关于某市2019年国民经济和社会发展计划执行情况与2020年计划草案的报告\n一、2019年计划执行情况\n"
            "——地区生产总值。年初计划增长7%左右，预计全年完成3064.7亿元，增长4.3%。\n"
            "——规模以上工业增加值。年初计划增长8%，预计增长2.4%。\n二、2020年计划草案\n地区生产总值增长6%左右。\n")
    assert _kp(text) == [("target", "2019"), ("actual", "2019"), ("actual", "2019"),
                         ("target", "2019"), ("actual", "2019"), ("target", "2020")]


def test_a_figure_named_as_the_plans_goal_after_it_is_a_restated_goal() -> None:
    # 与4.5个的规划目标仍有差距 in a mid-term review: the plan's goal, not this year's outcome
    text = ("某省“十四五”规划纲要实施过半\n2023-07-26 来源：某日报\n每千人口拥有3岁以下婴幼儿托位数为2.9个，"
            "与4.5个的规划目标仍有差距。\n")
    assert [k for k, _ in _kp(text)] == ["actual", "target"]


def test_a_count_of_residents_in_wan_keeps_its_unit_as_written() -> None:
    # 解决了42.6万农村居民饮水安全问题: a count of people before its noun (居民, 群众) is an item, its unit 万
    # as written (the GUIDE; 人口 stays 万人 as the development gold has it)
    from duban.extract.quantities import find_quantities

    got = [(q.low, q.unit) for q in find_quantities("解决了42.6万农村居民饮水安全问题，惠及1200万农村群众，减少贫困人口1000万。")]
    assert got == [(42.6, "万"), (1200.0, "万"), (1000.0, "万人")]
