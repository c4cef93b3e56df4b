"""Round twenty-nine on unseen documents (issue 2): each test is an example text of one general
failure found on sealed batches 45-48 and described there in general terms only (the texts are ours)."""

from __future__ import annotations

from extract_examples import items as _items
from extract_examples import kinds_periods as _kp


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


def test_a_plans_goal_lead_gives_its_goals_the_plans_years() -> None:
    # “十四五”时期主要目标任务…： inline in a news page, and a heading 二、“十四五”时期主要目标: every goal
    # after it (not only the averages) is of the plan's years, until another period is named
    news = ("2021年03月05日 来源：某新闻网\n报告回顾，过去一年国内生产总值增长2.3%。\n"
            "报告同时就“十四五”时期主要目标任务作出说明：研发经费投入年均增长7%以上，力争投入强度高于“十三五”时期实际；"
            "城镇调查失业率控制在5.5%以内；常住人口城镇化率提高到65%。\n据悉，今年还将新开工改造城镇老旧小区5.3万个。\n")
    assert _kp(news) == [("actual", "2020")] + [("target", "2021-2025")] * 3 + [("target", "2021")]
    report = ("2021年某县政府工作报告\n二、“十四五”时期主要目标\n全县经济社会发展的主要目标是：地区生产总值年均增长7.5%左右；"
              "茶产业全产业链总产值达到300亿元；常住人口城镇化率提高到65%。\n三、2021年工作安排\n地区生产总值增长8%。\n")
    assert _kp(report) == [("target", "2021-2025")] * 3 + [("target", "2021")]


def test_a_review_of_the_plan_before_under_a_plans_goal_heading_stays_a_review() -> None:
    # 第二章 “十四五”时期发展目标 / “十三五”时期，…年均增长6.2%: the plan before it, reviewed
    text = ("某市国民经济和社会发展第十四个五年规划纲要\n第二章 “十四五”时期发展目标\n“十三五”时期，全市地区生产总值年均增长6.2%。\n"
            "展望“十四五”，全市地区生产总值年均增长6%左右。\n")
    assert _kp(text) == [("actual", "2016-2020"), ("target", "2021-2025")]


def test_the_years_since_a_plan_began_review_what_was_done() -> None:
    # 三年来 opens a review of the plan's years so far; 把民生实事作为…标尺 and 累计实施民生实事项目 report
    # work done, they head no plan list
    text = ("2024年某市政府工作报告\n一、2023年和“十四五”以来工作回顾\n“十四五”以来的三年，全市地区生产总值年均增长7.4%。"
            "三年来，我们坚持把民生实事作为检验工作的标尺，累计实施民生实事项目126项，建成口袋公园230个。"
            "PM2.5平均浓度降至32微克/立方米。\n二、2024年工作安排\n地区生产总值增长7%左右。\n")
    assert _kp(text) == [("actual", "2021-2023")] * 3 + [("actual", "2023"), ("target", "2024")]


def test_a_headline_on_how_the_figures_fared_opens_no_plan() -> None:
    # 前三季度…增长6.2% 主要指标稳中有进: a headline on results; the paragraphs after it speak of the same
    # part of the year; 今年以来 on such a page is the same months, not another review
    text = ("前三季度某市GDP同比增长6.2% 主要指标稳中有进\n2025-10-24 08:35 来源：某日报 记者 陈曦\n"
            "本报讯 市统计局发布前三季度全市经济运行情况。前三季度全市实现地区生产总值6712.3亿元。分产业看，第一产业增加值123.6亿元。\n"
            "今年以来，我市一季度一季度抓落实。负责人表示，从今年目标看，地区生产总值增长6%以上、固定资产投资增长12%的年度预期目标完成进度良好。\n")
    assert _kp(text) == [("actual", "2025Q1-Q3")] * 3 + [("target", "2025")] * 2


def test_another_part_compared_in_passing_leaves_the_pages_part() -> None:
    # 增速比一季度加快，一季度增长4.0%: the first quarter in a clause; the paragraphs after it speak of the
    # first half the page reports on
    text = ("某省上半年经济运行回升向好\n2023-07-21 11:02 来源：某报\n省统计局发布2023年上半年全省经济运行情况。"
            "上半年全省地区生产总值62909.8亿元，同比增长5.0%，增速比一季度加快，一季度增长4.0%。\n"
            "分产业看，第一产业增加值2215.9亿元，增长4.3%。\n")
    assert _kp(text) == [("actual", "2023H1")] * 2 + [("actual", "2023Q1")] + [("actual", "2023H1")] * 2


def test_a_part_of_the_year_right_after_a_goal_verb_is_the_goals_period() -> None:
    # 力争上半年…增长6%以上 on a first-quarter page: a goal for the first half; 今年前三季度 stays a review
    text = ("某市一季度经济开门红\n2024-04-24 08:15 来源：某晚报\n一季度全市实现地区生产总值3097.5亿元，同比增长6.1%。"
            "下阶段，全市将加力推进重点项目建设，力争上半年固定资产投资增长6%以上。\n")
    assert _kp(text) == [("actual", "2024Q1")] * 2 + [("target", "2024H1")]
    review = "某县前三季度经济运行情况\n2024-10-20 来源：某网\n今年前三季度，全县实现地区生产总值467.3亿元。\n"
    assert _kp(review) == [("actual", "2024Q1-Q3")]


def test_a_goal_named_with_its_figure_and_comparator_sets_no_plan_mode() -> None:
    # 增长8%左右的预期目标，实际完成6.7%: the year's goal named in its review, the outcomes after it stay
    # outcomes of that year
    text = ("关于某市2018年国民经济和社会发展计划执行情况与2019年计划草案的报告\n一、2018年计划执行情况\n"
            "2018年，年初市人大批准的地区生产总值增长8%左右的预期目标，实际完成6.7%，全年地区生产总值达到5466.2亿元；"
            "一般公共预算收入339.8亿元。\n二、2019年计划草案\n地区生产总值增长7%左右。\n")
    assert _kp(text) == [("target", "2018")] + [("actual", "2018")] * 3 + [("target", "2019")]


def test_a_plan_set_against_the_outcome_in_a_review() -> None:
    # 计划…增长8%左右，实际增长8.1%: the reviewed year's plan (a target of that year) and its outcome; 实际增长
    # opening the clause is the outcome, not the real growth of a goal
    text = ("关于某省2021年国民经济和社会发展计划执行情况与2022年计划草案的报告\n一、2021年计划执行情况\n"
            "——经济增长。计划地区生产总值增长8%左右，实际增长8.1%，总量达到19586.4亿元。\n"
            "——投资。计划固定资产投资增长5%，受房地产投资下滑等因素影响，实际下降3.4%。\n"
            "二、2022年主要目标\n地区生产总值增长7%左右，居民人均可支配收入实际增长5%左右。\n")
    assert _kp(text) == [("target", "2021"), ("actual", "2021"), ("actual", "2021"), ("target", "2021"),
                         ("actual", "2021"), ("target", "2022"), ("target", "2022")]
    page = ("来源：市政府办公室 发布时间：2021-01-15 10:32\n2020年市政府十件民生实事项目完成情况\n2020年初，市政府公布了十件民生实事项目，全部按期完成：\n"
            "一、就业创业。计划城镇新增就业5万人，实际新增5.83万人。\n")
    assert _kp(page) == [("target", "2020"), ("actual", "2020")]


def test_lives_projects_done_in_a_review_part_head_no_plan() -> None:
    # 我们持续办好民生实事，新增城镇就业2.4万人 under 一、2019年工作回顾: work done; under a plan heading
    # 四是办好民生实事 still lists goals
    text = ("2020年某区人民政府工作报告\n一、2019年工作回顾\n这一年，我们持续办好民生实事，新增城镇就业2.4万人，"
            "新建改扩建学校4所。\n二、2020年目标任务\n四是办好民生实事。新增学位3000个。\n")
    assert _kp(text) == [("actual", "2019")] * 2 + [("target", "2020")]


def test_the_year_just_past_opening_a_paragraph_after_a_five_year_review() -> None:
    # 过去五年…年均增长6.8%。\n刚刚过去的2020年，…增长5.0%: a figure of that year, not of the plan's years
    text = ("某市人民政府工作报告(2021年)\n一、“十三五”时期和2020年工作回顾\n过去五年，全市地区生产总值年均增长6.8%。\n"
            "刚刚过去的2020年，全市实现地区生产总值6870.9亿元，增长3.4%；一般公共预算收入602.3亿元，增长5.0%；"
            "新增国家高新技术企业695家。\n")
    assert _kp(text) == [("actual", "2016-2020")] + [("actual", "2020")] * 5


def test_a_goals_horizon_stays_with_its_sentence() -> None:
    # 力争到2020年旅游总收入比2015年翻一番。三是…实施城市有机更新项目20个: the next items are the report
    # year's tasks, not goals for 2020
    text = ("2017年某县政府工作报告\n二、2017年工作目标和主要任务\n二是深化全域旅游。新建3A级以上景区村庄15个，"
            "力争到2020年旅游总收入比2015年翻一番。\n三是提升城乡品质。实施城市有机更新项目20个。\n")
    assert _kp(text) == [("target", "2017"), ("target", "2017")]


def test_months_so_far_written_with_a_dash_review_them() -> None:
    # 据悉，1—6月，…新登记市场主体1.12万户 after the rest of the year's goals: the months reviewed
    text = ("上半年某区经济运行稳中向好\n2023-07-21 08:45 来源：某晚报\n上半年全区实现地区生产总值621.4亿元。"
            "下半年，全区将力争全年新增规上工业企业30家以上。\n据悉，1—6月，全区新登记市场主体1.12万户，同比增长14.6%。\n")
    assert _kp(text) == [("actual", "2023H1"), ("target", "2023"), ("actual", "2023H1"), ("actual", "2023H1")]


def test_a_progress_page_on_the_years_lives_projects() -> None:
    # 十件民生实事上半年进展顺利: a review of the year so far; what is done (目前已开工152个) is of the first
    # half, the year's plans (全年计划…) stay goals, 完成年度目标的57.8% is a share done
    text = ("我市2021年十件民生实事上半年进展顺利\n来源：市发展改革委 发布时间：2021-07-12 10:26\n"
            "一是城镇新增就业。全年计划城镇新增就业4.5万人，截至6月底已新增2.6万人，完成年度目标的57.8%。\n"
            "二是老旧小区改造。全年计划改造城镇老旧小区186个；目前已开工152个，开工率81.7%。\n")
    assert _kp(text) == [("target", "2021"), ("actual", "2021H1"), ("actual", "2021H1"), ("target", "2021"),
                         ("actual", "2021H1"), ("actual", "2021H1")]


def test_a_related_link_names_no_year_of_the_page() -> None:
    # · 2023年某市国民经济和社会发展统计公报 under 相关新闻: another page; the page dated 2024-04-26 on the
    # first quarter speaks of 2024
    text = ("某市一季度经济开门红\n2024-04-26 08:15:02 来源：某经济报\n一季度全市实现地区生产总值768.4亿元，同比增长6.8%。\n"
            "相关新闻：\n· 某市召开一季度经济形势分析会\n· 2023年某市国民经济和社会发展统计公报\n")
    assert _kp(text) == [("actual", "2024Q1")] * 2


def test_a_plans_closing_or_opening_year_leads_the_reports_plans() -> None:
    # “十四五”收官之年，我们要… in a 2025 report: this year's plans follow, not last year's outcomes; in a
    # 2026 report the same words open a review of 2025
    text = ("某市2025年政府工作报告(图文解读)\n时间：2025-01-21\n过去一年，全市规上工业总产值达到3.1万亿元。\n"
            "“十四五”收官之年，我们要以更大力度推动制造业当家。全年安排市重点项目600个。\n")
    assert _kp(text) == [("actual", "2024"), ("target", "2025")]
    review = ("某市2026年政府工作报告\n时间：2026-01-20\n“十四五”收官之年，我们推动制造业当家。全年实施市重点项目600个。\n")
    assert _kp(review) == [("actual", "2025")]


def test_a_completion_report_of_the_years_lives_projects() -> None:
    # 2023年十方面民生实事项目完成情况, published in 2024: the year's outcomes (a satisfaction score too), its
    # plans (年初计划…, 超额完成1000户的年度任务) restated as goals of that year
    text = ("某市2023年十方面民生实事项目完成情况\n来源：市发改委 发布日期：2024-01-12\n"
            "2023年，市政府确定实施十方面民生实事项目。群众对民生实事项目的总体满意度达到96.2%。现将完成情况公布如下：\n"
            "一、扩大普惠托育服务供给。年初计划新增托位2000个，实际新增普惠性托位2386个。\n"
            "二、推进居家养老服务。为3100户困难老年人家庭实施适老化改造，超额完成1000户的年度任务。\n")
    assert _kp(text) == [("actual", "2023"), ("target", "2023"), ("actual", "2023"), ("actual", "2023"),
                         ("target", "2023")]


def test_a_goal_restated_on_a_page_on_part_of_this_year() -> None:
    # 新增普惠托位3000个的任务，已新增2650个 in a Q1-Q3 press conference: this year's goal and progress
    text = ("某市新闻发布会实录：前三季度全市经济运行和民生实事推进情况\n发布时间：2025-10-28\n"
            "前三季度全市地区生产总值增长5.6%。截至9月底，新增普惠托位3000个的任务，已新增2650个。\n")
    assert _kp(text) == [("actual", "2025Q1-Q3"), ("target", "2025"), ("actual", "2025Q1-Q3")]


def test_lives_projects_completed_in_a_spun_review_head_no_plan() -> None:
    # 12件民生实事全部完工 (完工: completed) under a spun review heading (事情追念): work done; the outcomes
    # after it stay outcomes
    text = ("2019年政府工作报告\n一、2018年事情追念\n城镇新增就业7.4万人；12件民生实事全部完工。\n"
            "生态情况显著改进。细颗粒物年均浓度降落12.3%。\n二、2019年首要预期方针\n地区生产总值增长6.5%。\n")
    assert _kp(text) == [("actual", "2018")] * 3 + [("target", "2019")]


def test_a_programme_named_a_plan_and_a_sum_in_a_plan_part() -> None:
    # 新增“千人计划”人才9名 in a review: 计划 closing a programme's name is no goal cue; 共计9.8公里 in the
    # year's plans is a sum of the goals, not an outcome
    text = ("2014年某区政府工作报告\n一、2013年工作回顾\n新增“千人计划”人才9名。\n二、2014年工作安排\n"
            "新建、续建城市道路3条，共计9.8公里。\n")
    assert _kp(text) == [("actual", "2013"), ("target", "2014"), ("target", "2014")]


def test_a_five_year_review_without_a_plans_name() -> None:
    # 过去五年，…从1014亿元增加到1613.6亿元。五年减少农村贫困人口670.8万人: the base of the year before the
    # five, the sentence opening with 五年 over them, the level reached of the last year
    text = ("某省2018年政府工作报告\n一、过去五年工作回顾\n过去五年，一般公共预算收入从1014亿元增加到1613.6亿元。"
            "五年减少农村贫困人口670.8万人。\n")
    assert _kp(text) == [("actual", "2012"), ("actual", "2017"), ("actual", "2013-2017")]


def test_a_decade_named_in_a_review_clause() -> None:
    # 十年增加近70万亿元 in a 2023 report's five-year review: the decade before the report
    text = "2023年政府工作报告\n一、过去五年工作回顾\n过去五年，国内生产总值增加到121万亿元，十年增加近70万亿元。\n"
    assert _kp(text) == [("actual", "2022"), ("actual", "2013-2022")]
