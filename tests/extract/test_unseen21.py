"""Round twenty-two of kind and period on unseen documents (issue 2): each test is an example text of
one general failure found on sealed batches 29-32 and described there in general terms only (the texts
are ours)."""

from __future__ import annotations

from extract_examples import items as _items
from extract_examples import kinds_periods as _kp


def test_review_since_a_plan_began_in_the_plans_last_year() -> None:
    # “十四五”以来 in a 2025 report (the plan's last year): a review of the years so far, not the
    # plan's goals; its averages and totals run to the year before the report, its levels are of that
    # year, a figure with its own year (由2020年的) is of that year
    text = ("2025年某市政府工作报告\n一、2024年和“十四五”以来工作回顾\n“十四五”以来，全市经济总量连跨两个千亿台阶，"
            "四年年均增长6.8%，人均地区生产总值突破13万元；新能源汽车产量由2020年的6.5万辆增加到2024年的137万辆；"
            "常住人口五年累计增加近80万人，达到1000万人左右。\n二、2025年工作安排\n地区生产总值增长6.5%左右。\n")
    assert _kp(text) == [("actual", "2021-2024"), ("actual", "2024"), ("actual", "2020"), ("actual", "2024"),
                         ("actual", "2021-2024"), ("actual", "2024"), ("target", "2025")]


def test_midterm_review_of_a_plan_runs_to_the_year_before_the_report() -> None:
    # 十三五以来 in a 2018 report: two years of the plan
    text = ("某区2018年政府工作报告\n一、2017年工作回顾\n“十三五”以来，全区地区生产总值年均增长9.6%，"
            "累计完成固定资产投资1180亿元。\n")
    assert _kp(text) == [("actual", "2016-2017"), ("actual", "2016-2017")]


def test_we_will_answering_the_problems_of_a_review_sets_no_plan_mode() -> None:
    # 对此，我们将采取有力措施 closes the shortcomings of the year reviewed; a review paragraph after
    # it still reports outcomes
    text = ("某县2020年政府工作报告\n一、2019年工作回顾\n全县地区生产总值增长7.3%。我们也清醒看到，发展中还有不少短板。"
            "对此，我们将采取有力措施，认真加以解决。\n社会事业全面发展。新建改扩建学校11所，新增学位3300个。\n"
            "二、2020年工作安排\n新增学位2000个。\n")
    assert _kp(text) == [("actual", "2019")] * 3 + [("target", "2020")]


def test_review_in_a_plans_second_year_is_of_its_first_year() -> None:
    # 十三五以来 in a 2017 report: one year of the plan, written as that year
    text = "某市2017年政府工作报告\n一、2016年工作回顾\n“十三五”以来，全市地区生产总值年均增长8.1%。\n"
    assert _kp(text) == [("actual", "2016")]


def test_a_date_line_with_a_time_and_long_widgets_dates_the_page() -> None:
    # 2023-07-24 16:30  来源:…  作者:…  字号:…  分享: a date line however long its tail: the page is of
    # 2023, so its 上半年 is 2023's
    text = ("长江网 > 经济\n\n上半年某省GDP同比增长6%\n\n2023-07-24 16:30  来源:某某日报  作者:记者 某某 通讯员 某某某   "
            "字号:T|T   分享:\n\n省统计局发布2023年上半年全省经济运行情况。上半年全省地区生产总值25454.6亿元，同比增长6%。\n\n"
            "分产业看，第一产业增加值1733.2亿元，增长4.1%。\n\n"
            "发言人表示，今年年初确定的全年增长6.5%左右的预期目标，需要下半年经济增速保持在7%左右才能实现。\n")
    assert [p for _, p in _kp(text)][:5] == ["2023H1"] * 5
    assert [p for _, p in _kp(text)][5] == "2023"


def test_an_institutions_year_summary_is_no_report() -> None:
    # a university's year summary naming its own “十四五” plan in the first paragraph: not a government
    # report (the plan name in a paragraph is no title), and its 本科生, 博士点 tell an institution
    text = ("某某大学新闻网 > 综合新闻 > 正文\n学校召开2023年度工作总结暨表彰大会\n发布时间:2024-01-12 作者:党委宣传部\n"
            "1月11日下午，学校2023年度工作总结暨表彰大会召开。校长作年度工作总结报告，全体校领导、中层干部和教师代表共600余人参加会议。"
            "校长在报告中指出，2023年是学校“十四五”事业发展规划实施的关键之年。全年招收本科生5260人、研究生3120人，"
            "毕业生去向落实率达到91.6%；新增博士点2个，全年科研经费到账8.6亿元，同比增长12.4%。教职工总数达到3800人。"
            "2024年学校将力争新增1至2个博士点，引进高层次人才30人以上。党委书记要求全校上下锚定目标。\n")
    assert _items(text) == []


def test_the_year_so_far_in_a_late_report_is_the_report_year() -> None:
    # a report made in May (今年以来，全区累计排查…) reviews the report year so far: actuals of that year
    text = ("2020年某区人民政府工作报告\n一、2019年工作回顾\n全年地区生产总值增长4.1%。\n二、疫情防控和复工复产情况\n"
            "今年以来，突如其来的疫情带来冲击。全区累计排查返岗人员42万人次，发放帮扶资金1.6亿元。\n"
            "三、2020年主要目标\n新增就业1.5万人。\n")
    assert _kp(text) == [("actual", "2019"), ("actual", "2020"), ("actual", "2020"), ("target", "2020")]


def test_the_year_so_far_asked_on_a_part_of_year_page_keeps_the_part() -> None:
    # 问：今年以来…？答：前三季度… on a three-quarter news page: the figures stay of the three quarters
    text = ("前三季度某市经济运行稳中有进\n2024-10-23 16:40 来源:某某网\n"
            "前三季度全市地区生产总值12810.56亿元，同比增长4.7%。\n问:今年以来工业生产表现如何?\n"
            "答:前三季度,全市规模以上工业增加值同比增长4.5%。其中,装备制造业增加值增长6.1%。\n")
    assert [p for _, p in _kp(text)] == ["2024Q1-Q3"] * 4


def test_last_year_opening_the_first_paragraph_under_a_plan_and_year_heading() -> None:
    # 一、“十二五”时期和2015年工作回顾 / 过去的一年,…增长10.3%: that year's; 回顾五年,… the plan's: its
    # averages and totals (a total after 累计 in the sentence too) are of the five years, a level of the
    # last, a base (由187.3亿元) of the year before
    text = ("2016年某市政府工作报告\n一、“十二五”时期和2015年工作回顾\n过去的一年,全市实现地区生产总值2457.3亿元,增长10.3%。\n"
            "回顾五年,全市地区生产总值年均增长12.1%;财政收入由187.3亿元增加到412.6亿元。五年累计新增城镇就业32.4万人,"
            "完成棚户区改造8.7万户,城镇化率提高到62%。\n")
    assert [p for _, p in _kp(text)] == ["2015", "2015", "2011-2015", "2010", "2015", "2011-2015", "2011-2015", "2015"]


def test_midterm_evaluation_of_a_plan_and_its_restated_goal() -> None:
    # 十三五规划中期评估 in a 2018 report: two years of the plan (a base of the year before it, a level
    # of the last year); 规划确定的8.5%的年均增速目标 is the plan's goal, restated
    text = ("某区2018年政府工作报告\n一、2017年工作回顾\n全区地区生产总值增长9.2%。\n二、“十三五”规划中期评估情况\n"
            "两年来，地区生产总值年均增长9.6%，高于规划确定的8.5%的年均增速目标；全社会固定资产投资累计完成1180亿元；"
            "研发经费支出占地区生产总值比重由1.6%提高到1.9%。\n")
    assert _kp(text) == [("actual", "2017"), ("actual", "2016-2017"), ("target", "2016-2020"),
                         ("actual", "2016-2017"), ("actual", "2015"), ("actual", "2017")]


def test_since_a_month_of_this_year_is_the_year_so_far() -> None:
    # 今年3月以来 in a report made in May: outcomes of the report year, not its plan
    text = ("2022年某市政府工作报告\n一、2021年和今年以来工作回顾\n2021年，全市地区生产总值增长6.2%。\n"
            "今年3月以来，疫情来势凶猛。我们累计建成方舱医院和隔离点1600余个，先后调集医护人员3.2万人次。\n"
            "二、2022年主要目标\n社会消费品零售总额与上年持平或略有增长；城镇新增就业9万人。\n")
    assert _kp(text) == [("actual", "2021"), ("actual", "2022"), ("actual", "2022"), ("target", "2022")]


def test_a_sum_of_the_past_five_years_under_a_list_of_goals_is_an_outcome() -> None:
    # a news page: 报告提出的主要预期目标如下 opens a plan part; 过去五年累计…超过15万亿元 after it is
    # a sum of those years, not a goal
    text = ("2023年03月05日 11:02  来源:某某网\n报告提出的2023年主要预期目标如下:\n国内生产总值增长5%左右。\n"
            "会上,总理还提到,过去五年累计减税降费和退税缓税缓费超过15万亿元。\n")
    assert _kp(text) == [("target", "2023"), ("actual", "2018-2022")]


def test_a_heading_that_opens_with_the_report_year_after_a_review_starts_the_plan() -> None:
    # a spinner reworded the plan heading (主要预料方针): the heading's year, the report year, still
    # opens the plan; a review's closing 我们将 does not decide it
    text = ("某区2019年当局事情陈诉\n一、2018年事情回顾\n2018年，全区地区生产总值增添6.8%。过去一年的成绩来之不易。"
            "对此我们将采取有力措施加以解决。\n\n二、2019年主要预料方针\n全区经济社会成长的主要预料方针是:地区生产总值增添6.5%-7%;"
            "固定资产投资增添10%。\n")
    assert _kp(text) == [("actual", "2018"), ("target", "2019"), ("target", "2019")]


def test_the_first_years_of_a_plan_named_in_its_last_year() -> None:
    # “十二五”前四年 in a 2015 report: a review of 2011-2014
    text = ("某区2015年政府工作报告\n一、2014年工作回顾\n全区地区生产总值增长9%。\n"
            "“十二五”前四年，全区地区生产总值年均增长10.5%，累计完成全社会固定资产投资2040亿元。\n")
    assert _kp(text) == [("actual", "2014"), ("actual", "2011-2014"), ("actual", "2011-2014")]


def test_an_average_under_a_plan_period_heading_is_over_the_plan() -> None:
    # 第二节 “十四五”时期主要目标 / …地区生产总值年均增长7%左右: over the plan's years, like 到2025年…;
    # PM2.5年均浓度 names a level, no average
    text = ("某市国民经济和社会发展第十四个五年规划纲要\n第二节 “十四五”时期主要目标\n"
            "——经济发展取得新成效。地区生产总值年均增长7%左右，到2025年突破7000亿元。\n")
    assert _kp(text) == [("target", "2021-2025"), ("target", "2021-2025")]


def test_last_years_whole_year_as_a_comparison_keeps_the_quarter_and_the_second_quarter() -> None:
    # 比去年全年加快 compares with last year: the first quarter carries on to the next sentence; a goal
    # for the second quarter (二季度要力争…) is of that quarter
    text = ("2023年一季度某省经济运行情况新闻发布会\n发布时间:2023-04-21 15:30  来源:省政府新闻办\n"
            "省统计局负责人:一季度全省实现地区生产总值30235.88亿元,同比增长4.0%,比去年全年加快2.1个百分点。"
            "分产业看,第一产业增加值1029.6亿元,增长4.9%。\n"
            "省统计局负责人:全年地区生产总值增长5%以上的预期目标,我们有信心实现。二季度要力争规上工业增加值增速回升到4%以上。\n")
    assert _kp(text) == [("actual", "2023Q1")] * 5 + [("target", "2023"), ("target", "2023Q2")]


def test_last_years_plan_named_in_a_news_body_does_not_date_the_page() -> None:
    # a news page on the national report of the 二次会议 of the 14th NPC (2024) that names last year's
    # plan (2023年国民经济和社会发展计划执行情况) in its body: the report year is 2024
    text = ("聚焦全国两会|政府工作报告提出今年GDP增长预期目标为5%左右\n2024-03-05 11:42 来源:某某网\n"
            "十四届全国人大二次会议5日上午开幕。会议将审查关于2023年国民经济和社会发展计划执行情况的报告。"
            "政府工作报告提出,今年发展主要预期目标是:国内生产总值增长5%左右。\n")
    assert _kp(text)[-1] == ("target", "2024")


def test_a_minus_written_as_a_word() -> None:
    # 由一季度的负72.5%收窄至全年负18.6%: negative figures; 减负250亿元 is a word (a burden cut)
    text = "某区2021年政府工作报告\n一、2020年工作回顾\n固定资产投资降幅由一季度的负72.5%收窄至全年负18.6%，累计为企业减负250亿元。\n"
    assert [low for _, _, _, low, _, _ in _items(text)] == [-72.5, -18.6, 250.0]


def test_the_start_of_this_year_in_a_late_report_and_last_years_level_as_a_base() -> None:
    # a June report: 今年年初，…疫情… reviews the year so far; in its plan, 恢复到上年的90%以上 compares
    # with last year and leaves the goals of the year goals
    text = ("某市2020年政府工作报告\n一、2019年和今年以来工作回顾\n2019年，全市地区生产总值增长7.5%。\n"
            "今年年初，突如其来的疫情带来冲击。全市累计设置集中隔离点213个。\n二、2020年主要目标和任务\n"
            "今年主要预期目标是：固定资产投资力争恢复到上年的90%以上；城镇新增就业4.5万人以上。\n")
    assert _kp(text) == [("actual", "2019"), ("actual", "2020"), ("target", "2020"), ("target", "2020")]


def test_five_years_that_open_a_sentence_of_a_plan_review_sum_its_counts() -> None:
    # 五年新建改扩建学校62所，新增学位7.5万个 in a 十三五 review: totals of the five years; a level after
    # 增加到 is of the last year
    text = ("某区2021年政府工作报告\n一、2020年及“十三五”时期工作回顾\n过去五年，全区地区生产总值由2015年的3714亿元"
            "增加到6500.4亿元。五年新建改扩建学校62所，新增学位7.5万个。\n")
    assert [p for _, p in _kp(text)] == ["2015", "2020", "2016-2020", "2016-2020"]


def test_a_plans_midterm_progress_heading_reviews_its_years_so_far() -> None:
    # 二、“十四五”规划中期实施情况 / “十四五”实施三年来 in a 2024 report: 2021-2023
    text = ("某县2024年政府工作报告\n一、2023年工作回顾\n全县地区生产总值增长7%。\n二、“十四五”规划中期实施情况\n"
            "“十四五”实施三年来，全县地区生产总值年均增长7.6%，累计完成固定资产投资超过1000亿元。\n")
    assert [p for _, p in _kp(text)] == ["2023", "2021-2023", "2021-2023"]


def test_a_level_dated_at_a_sentence_start_keeps_the_plans_average() -> None:
    # 一、“十二五”时期工作回顾 / 2015年实现地区生产总值835.6亿元,…年均增长10.2%: the level of 2015, the
    # average of the five years (a topic year, 2015年，…, would end them)
    text = ("某区2016年政府工作报告\n一、“十二五”时期工作回顾\n“十二五”是极不平凡的五年。五年来，全区综合实力迈上新台阶。\n"
            "——经济总量持续扩大。2015年实现地区生产总值835.6亿元,年均增长10.2%。\n")
    assert [p for _, p in _kp(text)] == ["2015", "2011-2015"]


def test_a_banks_year_summary_is_no_report() -> None:
    text = ("某银行某分行召开2024年度工作会议\n发布时间:2025-01-10\n2024年，全行各项存款余额1286.5亿元，较年初增加112.3亿元，"
            "增幅9.6%；各项贷款余额1412.8亿元。全年实现拨备前利润21.4亿元，同比增长5.2%。手机银行月活客户数达到76万户，"
            "个人客户总数达到218万户。全年为市政府重点项目提供融资支持86个。普惠型小微企业贷款余额248亿元，增长24.1%，服务小微企业客户1.9万户。"
            "2025年，全行将力争各项存款增长8%以上，贷款增长10%以上，不良贷款率控制在0.8%以内。支行网点转型12家。\n")
    assert len(text) > 200  # (a shorter text is read whatever it is: a snippet pasted by a user)
    assert _items(text) == []


def test_the_report_years_work_named_in_a_news_page_opens_its_plan() -> None:
    # 对于2014年的工作，报告提出…：全年安排重大项目120个；新增高新技术企业100家以上: the year's plan,
    # after a paragraph of last year's outcomes
    text = ("东莞今年GDP拟增长8.5%\n【某某网讯】1月15日，市长代表市政府作政府工作报告。\n"
            "民生方面，2013年全年投入民生资金260亿元，新建保障性住房4000套。\n"
            "对于2014年的工作，报告提出要重点实施“三重”建设，全年安排重大项目120个；新增高新技术企业100家以上。\n")
    assert _kp(text)[-2:] == [("target", "2014"), ("target", "2014")]


def test_a_plan_outlines_goals_named_with_no_year_are_over_the_plan() -> None:
    # a 十五五 outline: 锚定2035年远景目标，…今后五年…主要目标是 names the vision's horizon, not the
    # goals' year; a task chapter's counts with no year are goals over the plan too
    text = ("某县国民经济和社会发展第十五个五年规划纲要(草案)\n第二章 总体要求和主要目标\n"
            "锚定2035年远景目标，今后五年经济社会发展的主要目标是：地区生产总值力争突破1000亿元，年均增长6%左右。\n"
            "第三章 重点任务\n新增国家级专精特新“小巨人”企业15家；新建改建农村公路300公里。\n")
    assert [p for _, p in _kp(text)] == ["2026-2030"] * 4


def test_progress_as_of_a_month_end_is_of_that_part_of_the_year() -> None:
    # 截至9月底已完工268个 in a report of the year's livelihood projects: an outcome of the first three
    # quarters; the goal beside it stays the year's
    text = ("2025年民生实事项目推进情况新闻发布会\n发布时间:2025-10-20 10:00 来源:某市政府新闻办\n"
            "今年计划改造老旧小区320个，截至9月底已完工268个。\n")
    assert _kp(text) == [("target", "2025"), ("actual", "2025Q1-Q3")]


def test_last_years_whole_year_as_a_base_in_the_lead_keeps_a_quarter_page() -> None:
    # 较去年全年加快0.6个百分点 in the first paragraph of a first-quarter page compares; the next
    # sentences stay of the quarter
    text = ("一季度某省经济开局良好 GDP同比增长4.7%\n某某网讯4月19日,发布2024年一季度全省经济运行情况。"
            "一季度全省地区生产总值14838.8亿元,同比增长4.7%,较去年全年加快0.6个百分点。分产业看,第一产业增加值1082.7亿元,增长2.4%。\n")
    assert [p for _, p in _kp(text)] == ["2024Q1"] * 6


def test_counts_of_work_done_in_a_plans_review_are_over_its_years() -> None:
    # “十三五”时期，…；新建改建农村公路560公里，改造农村危房3280户: counts of work done in the five years;
    # a level (森林覆盖率提高到13.2%) is of the last year, a count of 全年 of that year
    text = ("某县2021年政府工作报告\n一、“十三五”和2020年工作回顾\n2020年，全县地区生产总值增长4.2%。\n"
            "“十三五”时期，全县生产总值年均增长6.1%；新建改建农村公路560公里，改造农村危房3280户；森林覆盖率提高到13.2%。\n")
    assert [p for _, p in _kp(text)] == ["2020", "2016-2020", "2016-2020", "2016-2020", "2020"]


def test_a_numbered_list_under_a_plan_title_after_an_intro_about_last_year() -> None:
    # a page titled with this year's 民生实事 list; its intro says last year's list was done (据了解，
    # 2022年…全面完成): the numbered list after it is still this year's plan
    text = ("某市新闻网 首页 > 民生\n某市2023年十件重点民生实事项目公布\n\n"
            "日前，市政府公布2023年十件重点民生实事项目，计划总投资约16.8亿元。据了解，2022年我市十件民生实事全面完成，"
            "累计完成投资15.2亿元。\n\n一、促进就业创业。全年城镇新增就业4.2万人。\n二、扩大优质教育资源。新建改扩建中小学校12所。\n")
    assert _kp(text)[-2:] == [("target", "2023"), ("target", "2023")]


def test_the_year_so_far_on_a_part_of_year_page_is_that_part() -> None:
    # 今年以来，…已开工建设585个 on a three-quarter page: the part the page speaks of, not the year
    text = ("某市2023年前三季度经济运行情况新闻发布会\n发布时间:2023-10-25 10:00\n\n市统计局负责人:前三季度,全市实现生产总值11410亿元,同比增长5.3%。\n\n"
            "市发展改革委负责人:今年以来,全市列入市级重点的项目中,已开工建设585个,累计完成投资1820亿元。\n")
    assert [p for _, p in _kp(text)][-2:] == ["2023Q1-Q3", "2023Q1-Q3"]


def test_a_plan_review_since_it_began_and_a_sector_plan_notice() -> None:
    # “十四五”规划实施以来 in a 2024 report reviews 2021-2023 (after a review's 我们将直面问题);
    # a notice issuing a sector plan (“十四五”…交通运输…规划) is of the plan's first year: its 十三五 review
    # is of the past plan
    text = ("某县2024年政府工作报告\n一、2023年工作回顾\n全县地区生产总值增长7%。我们将直面问题，切实加以改进。\n"
            "“十四五”规划实施以来，地区生产总值三年年均增长7.2%，常住人口城镇化率达到63.5%。\n")
    assert [p for _, p in _kp(text)] == ["2023", "2021-2023", "2023"]
    notice = ("某省人民政府关于印发某省“十四五”现代综合交通运输体系发展规划的通知\n第一章 发展基础\n"
              "“十三五”时期，全省交通运输投资累计完成6500亿元以上。到2020年底，全省铁路营业里程达到6519公里。\n")
    assert _kp(notice) == [("actual", "2016-2020"), ("actual", "2020")]


def test_a_news_pages_reported_review_after_a_headline_on_this_years_goal() -> None:
    # a headline on 2021's goal (…:2021年地区生产总值预期增长7%左右), then 报告指出，2020年…: the review's
    # figures are 2020's; 回顾“十三五”，…年均增长6.5% is the plan's
    text = ("某区政府工作报告:2021年地区生产总值预期增长7%左右\n\n【某某网讯】1月13日,区长代表区政府作工作报告。\n\n"
            "报告指出,2020年面对疫情冲击,全区经济实现逆势增长。全年实现地区生产总值5312.76亿元,增长2.9%。\n\n"
            "回顾“十三五”,全区地区生产总值年均增长6.5%。\n")
    assert _kp(text) == [("target", "2021"), ("actual", "2020"), ("actual", "2020"), ("actual", "2016-2020")]
