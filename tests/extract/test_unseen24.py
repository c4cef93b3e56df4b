"""Round forty on unseen documents (issue 2): each test is an example text of one general failure
found on sealed batches 84-88 and described there in general terms only (the texts are ours)."""

from __future__ import annotations

from extract_examples import kinds_periods as _kp

import duban


def test_goals_before_a_part_of_the_years_progress_are_targets() -> None:
    # a page reporting the progress of a year's list of projects after half a year, each item's goal
    # stated without a plan word, then how far it got: the goal is a target of the year, the progress
    # an outcome of the half year (also after a 全年 goal: 截至6月底 names the part again)
    text = ("2023年某市十件民生实事上半年进展情况\n"
            "一、托育服务。全年新增托位2000个。截至6月底，已新增托位1100个。\n"
            "二、养老服务。新建社区养老服务站50个、老年食堂30个。目前已建成服务站21个。\n"
            "三、城市绿化。新建口袋公园40个，完成全年任务的45%。\n")
    assert _kp(text) == [("target", "2023"), ("actual", "2023H1"), ("target", "2023"), ("target", "2023"),
                         ("actual", "2023H1"), ("actual", "2023H1"), ("actual", "2023H1")]


def test_a_half_years_outcomes_without_a_later_mark_stay_outcomes() -> None:
    # the rule needs the line to go on with progress: a half-year report's lines of outcomes, and an
    # outcome whose own sentence compares it (同比), are outcomes
    text = ("2023年某市国民经济和社会发展计划上半年执行情况\n"
            "一、工业。全市规模以上工业增加值增长6.2%。\n"
            "二、投资。全市完成固定资产投资850亿元，同比增长5.1%。上半年新开工项目120个。\n")
    kp = _kp(text)
    assert kp[0][0] == "actual" and kp[1] == ("actual", "2023H1") and kp[2][0] == "actual"


def test_a_labelled_goal_on_a_completion_notice_is_a_target_of_the_year_reviewed() -> None:
    # a notice of how a year's list of projects was completed (…完成情况公告), each item's goal under a
    # label (年初目标：) and its result under another (完成情况：)
    text = ("2021年某市十件民生实事项目完成情况公告\n"
            "一、就业。年初目标：新增城镇就业8万人，扶持创业1.5万人。完成情况：全年新增城镇就业9.1万人，扶持创业1.7万人。\n")
    assert _kp(text) == [("target", "2021"), ("target", "2021"), ("actual", "2021"), ("actual", "2021")]


def test_goals_named_beside_outcomes_in_an_execution_report_are_targets() -> None:
    # a plan-execution report sets each outcome against its goal: 控制在年度调控目标3%以内, 低于年初预期的7%,
    # 完成年度预期目标(增长6%), 低于年度计划(7%): the goals are targets of the year reviewed
    text = ("关于2015年国民经济和社会发展计划执行情况的报告\n"
            "居民消费价格上涨1.6%，控制在年度调控目标3%以内。规模以上工业增加值增长4.5%，低于年初预期的7%。"
            "地区生产总值增长6.2%，完成年度预期目标(增长 6%)。固定资产投资增长5.2%，低于年度计划(7%)。\n")
    assert _kp(text) == [("actual", "2015"), ("target", "2015")] * 4


def test_every_goal_of_a_list_set_at_the_years_start_is_a_target() -> None:
    # news on the first three quarters: 年初…确定的全年目标是A、B、C names this year's goals, each member
    text = ("某县前三季度经济运行情况\n前三季度，全县地区生产总值增长6.1%。据介绍，今年年初县政府工作报告确定的全年目标是"
            "地区生产总值增长7%左右、固定资产投资增长8%、社会消费品零售总额增长8%以上。\n")
    assert [k for k, _ in _kp(text)] == ["actual", "target", "target", "target"]


def test_a_five_year_plans_first_year_has_goals_of_its_own() -> None:
    # 2026年是“十五五”开局之年 (or a headline “十五五”开好局): naming the plan's first year gives this
    # year's goals, not the plan's
    text = ("某市晚报 2026-01-16 07:30\n“十五五”开好局 某市今年GDP预期增长6%左右\n"
            "本报讯 市长作政府工作报告。2026年是“十五五”规划开局之年，某市提出全市生产总值增长6%左右，"
            "规上工业增加值增长8%左右。到2030年，经济总量迈上2万亿元台阶。\n")
    assert _kp(text) == [("target", "2026")] * 3 + [("target", "2026-2030")]


def test_a_goal_named_beside_its_outcome_takes_the_outcomes_indicator() -> None:
    import duban

    text = ("关于2015年国民经济和社会发展计划执行情况的报告\n"
            "居民消费价格上涨1.6%，控制在年度调控目标3%以内。规模以上工业增加值增长4.5%，低于年初预期的7%。"
            "地区生产总值增长6.2%，完成年度预期目标(增长 6%)。固定资产投资增长5.2%，低于年度计划(7%)。\n")
    items = [it for it in duban.extract(text).items if it.kind != "task"]
    assert [it.indicator for it in items[1::2]] == [it.indicator for it in items[0::2]]


PDF_WITH_A_SHORT_CUT_LINE = (
    "某市2018年政府工作报告\n"
    "各位代表：现在，我代表市人民政府向大会报告工作，请予审\n"
    "议，并请市政协委员和其他列席人员提出意见。过去一年，全\n"
    "市经济社会发展稳中有进，稳中向好，各项事业取得新的进展\n"
    "，人民群众的获得感和幸福感不断增强，发展基础更加稳固。\n"
    "全市完成地区生产总值 4 06\n"
    "4.9 亿元，增长 7.2%；规模以上工业增加值增长 7.5%。\n"
    "— 1 —\n"
    "目录 …………………………………… 1\n"
    "株洲市人民政府关于印发年度计划的通知\n"
)


def test_a_number_cut_by_a_wrap_the_width_statistics_left_is_joined() -> None:
    # a PDF layer whose regular lines the width statistics join, and a shorter line cut inside a number
    # (4 06 / 4.9 亿元): the cut is a wrap all the same; a contents line's page number is not
    doc = duban.read_text(PDF_WITH_A_SHORT_CUT_LINE)
    assert "地区生产总值4064.9亿元" in doc.text
    assert "1\n株洲市" in doc.text


def test_goal_and_progress_in_clauses_of_one_sentence() -> None:
    # a half-year progress page whose items give the goal and how far it got in one sentence; the page's
    # part stays named when an item names 1—6月 again, and work done after a 全年 goal is of the half year
    text = ("某市2024年为民办实事项目上半年进展情况通报\n"
            "一、养老服务。全年新建区域性养老服务中心6家，已建成4家；为3000户困难老年人家庭实施适老化改造，已完成1860户。\n"
            "二、就业社保。城镇新增就业全年目标14万人，1—6月实际新增7.8万人；开展职业技能培训10万人次以上，已培训5.3万人次。\n"
            "三、城市更新。改造老旧小区100个，已开工88个；加装电梯200台，已完工93台。\n")
    want = [("target", "2024"), ("actual", "2024H1")] * 6
    assert _kp(text) == want
    items = [it for it in duban.extract(text).items if it.kind != "task"]
    assert items[1].indicator == "区域性养老服务中心建成"
    assert items[11].indicator == "加装电梯完工"


def test_progress_stated_alone_stays_progress() -> None:
    # a progress page that states no goals: 新增托位2350个，完成全年目标的58.8% is progress and its share of
    # the goal; a line under a progress label (进展情况：) and a sentence going on after 上半年已… too
    text = ("某市2025年十件民生实事项目上半年进展情况\n"
            "一、普惠托育。新增普惠性托位2350个，完成全年目标的58.8%。\n"
            "二、教育。年度目标：新增学位2.5万个。进展情况：新增学位8600个，完成年度目标的34.4%。\n"
            "三、学位。上半年已开工28所，新增学位1.9万个，完成全年任务的52.8%。\n")
    assert [k for k, _ in _kp(text)] == ["actual", "actual", "target", "actual", "actual", "actual", "actual", "actual"]


def test_a_mid_term_reviews_table_with_a_progress_column_is_read() -> None:
    # a plan's mid-term review whose indicator table (one space apart, its header wrapped under it) ends
    # in a column of words on each row's progress (进展情况: 符合, 滞后); the number cut by a wrap is joined
    # though the next line holds a letter-spaced number (1 6 8 0 . 2亿元), which is no table
    text = ("某市国民经济和社会发展第十四个五年规划\n纲要实施中期评估报告\n（2023年10月）\n\n"
            "一、规划实施总体情况\n“十四五”实施以来，全市上下坚决贯彻落实决策部署，主要目标任务总体进展顺利。2022年，全\n"
            "市实现地区生产总值1570\n4亿元，两年年均增长5.7%；一般公共预算收入完成1 6 8 0 . 2亿元；港口货物吞吐量\n"
            "达到12.6亿吨。\n— 7 —\n"
            "二、主要指标完成情况\n"
            "序号 指 标 单位 2020年 2025年 年均增长 2022年 进展\n"
            " 基期值 目标值 /累计 完成值 情况\n"
            "1 地区生产总值 亿元 12409 16000 6%左右 15704 符合\n"
            "2 研发经费支出占GDP比重 % 2.85 3.5 [0.65] 3.12 滞后\n"
            "— 8 —\n")
    doc = duban.read_text(text)
    assert "地区生产总值15704亿元" in doc.text
    got = {(it.kind, it.low, it.period) for it in duban.extract(doc).items if it.kind != "task"}
    assert {("actual", 12409.0, "2020"), ("target", 16000.0, "2021-2025"), ("actual", 15704.0, "2022"),
            ("actual", 2.85, "2020"), ("actual", 3.12, "2022")} <= got


def test_a_bracketed_date_under_a_title_dates_the_page() -> None:
    from duban.extract.classify import page_date_year

    assert page_date_year("某市规划纲要实施中期评估报告\n（2023年10月）\n") == 2023
    assert page_date_year("某市政府工作报告\n（2023年1月10日在某市第十六届人民代表大会第二次会议上）\n") == 2023
    assert page_date_year("某市政府工作报告\n（2023年）\n") is None


def test_goal_then_actual_on_a_completion_page() -> None:
    # a year's list of projects reported done, each item 目标…，实际…: the goal a target of that year (a
    # later item's goal without the word 目标 too), the work done an outcome (实际筹集, 实际服务)
    text = ("2023年某市十件民生实事项目完成情况\n"
            "1.托育服务:目标新增托位5000个,实际新增托位5863个。\n"
            "2.住房保障:目标筹集保障性租赁住房2万套,实际筹集2.37万套。\n"
            "3.基层医疗:目标建成示范点40个,实际建成42个;为老年人免费开展健康体检45万人次,实际完成48.6万人次。\n"
            "4.公共停车:新建充电桩目标3000个,实际建成3470个。\n")
    assert _kp(text) == [("target", "2023"), ("actual", "2023")] * 5


def test_a_gap_to_a_plans_goal_is_an_outcome() -> None:
    text = ("2018年某县政府工作报告\n二、“十三五”规划中期评估情况\n"
            "两年来全县地区生产总值年均增长8%,快于规划目标0.5个百分点。\n")
    items = [it for it in duban.extract(text).items if it.kind != "task"]
    assert [(it.kind, it.indicator) for it in items][1] == ("actual", "地区生产总值快于规划目标")


def test_a_growth_goal_in_a_headline_takes_the_indicator_after_the_year_word() -> None:
    text = ("某市长作政府工作报告 今年地区生产总值增长目标6%\n2019年1月，某市市长作政府工作报告。"
            "今年地区生产总值增长目标为6%-6.5%。规上工业增加值增长目标6%。\n")
    items = [it for it in duban.extract(text).items if it.kind != "task"]
    assert [it.indicator for it in items] == ["地区生产总值增长", "地区生产总值增长", "规上工业增加值增长"]


def test_a_date_a_period_ends_on_does_not_date_the_page() -> None:
    # a completion notice whose date line is page furniture (dropped): 截至2022年12月31日 in its body is the
    # end of the year reported, not the page's date; the title makes the page next year's, the goals and
    # the work done of the year reported
    text = ("某市2022年为民办实事项目完成情况公告\n发布机构：市政府办公室　发布日期：2023-01-12　索引号：014134227/2023-00031\n"
            "2022年初，市政府确定了15件为民办实事项目，经市人大票决产生。截至2022年12月31日，15件实事项目全部完成年度任务。\n"
            "1.教育。年度目标：新增学位2.4万个。实际完成：新增学位25860个。\n")
    ex = duban.extract(text)
    assert ex.year == 2023
    assert _kp(text)[-2:] == [("target", "2022"), ("actual", "2022")]


def test_a_progress_table_of_goals_and_work_done_so_far() -> None:
    # a half-year progress page laid out as a table (序号 项目 年度目标 上半年完成 完成率): the goals are
    # targets of the year, the work done (also several figures with their words in one cell) and its share
    # of the goal outcomes of the half year
    text = ("2023年某市民生实事项目上半年进展情况\n现将各项目进展情况公布如下:\n"
            "序号\t项目\t年度目标\t上半年完成\t完成率\n"
            "1\t新建改扩建中小学、幼儿园\t60所\t开工54所,竣工17所\t28.3%\n"
            "2\t新增中小学学位\t5万个\t2.34万个\t46.8%\n"
            "3\t为新生儿免费开展遗传代谢病筛查\t8.5万例\t4.1万例\t48.2%\n")
    items = [it for it in duban.extract(text).items if it.kind != "task"]
    got = [(it.kind, it.low, it.unit, it.period) for it in items]
    assert got == [("target", 60.0, "所", "2023"), ("actual", 54.0, "所", "2023H1"), ("actual", 17.0, "所", "2023H1"),
                   ("actual", 28.3, "%", "2023H1"), ("target", 5.0, "万个", "2023"), ("actual", 2.34, "万个", "2023H1"),
                   ("actual", 46.8, "%", "2023H1"), ("target", 8.5, "万例", "2023"), ("actual", 4.1, "万例", "2023H1"),
                   ("actual", 48.2, "%", "2023H1")]
    assert items[1].indicator == "新建改扩建中小学、幼儿园开工"


def test_a_headline_on_indicators_met_names_no_plan_part() -> None:
    from duban.extract.sections import heading_part

    assert heading_part("上半年我县经济运行稳中向好 主要指标实现“双过半”") == "unknown"
    assert heading_part("2023年主要指标") == "plan"


def test_a_plans_final_review_table_names_its_goal_column_by_the_plan() -> None:
    # 序号 指标 单位 2015年 “十三五”目标 2020年实际 属性: the goals of the plan reviewed, over its years
    text = ("某市“十三五”规划纲要主要指标完成情况\n发布时间:2021-03-18 10:26\n"
            "序号\t指标\t单位\t2015年\t“十三五”目标\t2020年实际\t属性\n"
            "1\t地区生产总值\t亿元\t5660.3\t10000以上\t10045.7\t预期性\n"
            "2\t常住人口城镇化率\t%\t70.4\t76\t82.3\t预期性\n")
    got = [(it.kind, it.low, it.period) for it in duban.extract(text).items if it.kind != "task"]
    assert ("target", 10000.0, "2016-2020") in got and ("target", 76.0, "2016-2020") in got
    assert ("actual", 10045.7, "2020") in got and ("actual", 5660.3, "2015") in got


def test_a_goal_restated_at_a_sentences_start_ends_at_the_work_done() -> None:
    # an execution report: 年度目标为增长6.5%以上 is the goal; after 实际完成… the figures are outcomes, and the
    # gap to the goal (高于目标0.2个百分点) is one too
    text = ("关于某市2019年国民经济和社会发展计划执行情况与2020年国民经济和社会发展计划草案的报告\n"
            "一、2019年国民经济和社会发展计划执行情况\n"
            "——地区生产总值。年度目标为增长6.5%以上,实际完成5780.7亿元,增长6.7%,高于目标0.2个百分点。\n")
    assert [k for k, _ in _kp(text)] == ["target", "actual", "actual", "actual"]


def test_numbered_goals_whose_lines_are_their_headings_take_the_parents_part() -> None:
    # an execution report's list of next year's goals, each a numbered line (a heading of its own, its
    # figure in it) under 二、2021年…主要预期目标: targets of that year, not outcomes of the year reviewed
    text = ("关于某市2020年国民经济和社会发展计划执行情况\n与2021年计划草案的报告\n(书面)\n某市发展和改革委员会\n"
            "一、2020年国民经济和社会发展计划执行情况\n2020年，全市经济运行逐季回升，主要指标好于预期。\n(一)主要指标完成情况\n"
            "1. 规模以上工业增加值增长5.2%;\n2. 固定资产投资增长5.5%;\n"
            "二、2021年国民经济和社会发展主要预期目标\n建议2021年主要预期目标为:\n"
            "1. 地区生产总值增长7%左右;\n2. 一般公共预算收入增长6%;\n")
    assert _kp(text) == [("actual", "2020")] * 2 + [("target", "2021")] * 2


def test_a_years_goals_as_the_topic_open_the_plan() -> None:
    # a news page: last year's outcomes, then 谈及2025年目标，报告提出：… (no plan word before the figures)
    text = ("某县十八届人大五次会议开幕 县长作政府工作报告\n2025-01-16 09:12:05  来源：某县新闻网\n"
            "报告显示，2024年全县经济运行稳中有进。地区生产总值预计达到338亿元，同比增长5.8%。\n"
            "“过去一年，我们把水土流失治理这张‘老名片’擦得更亮了。”报告中提到，全县完成水土流失综合治理面积8.2万亩。\n"
            "民生方面，全县新增学位1800个；城镇新增就业5200人。\n"
            "谈及2025年目标，报告提出：全县地区生产总值增长6%左右，一般公共预算收入增长5%。\n")
    assert _kp(text) == [("actual", "2024")] * 5 + [("target", "2025"), ("target", "2025")]


def test_a_past_year_after_a_goal_lead_opens_its_review() -> None:
    # a news lead names this year's goals (提出了2023年…主要预期目标), then 报告显示，2022年全市经济…: the
    # figures after the past year are its outcomes, the goal words being before that year
    text = ("聚焦市两会丨政府工作报告明确今年主要目标:GDP增长6%左右\n2023-01-11 08:35 来源:某日报\n"
            "本报讯 市长在会上作政府工作报告，回顾了过去一年的工作，提出了2023年经济社会发展的主要预期目标和重点任务。\n"
            "报告显示，2022年全市经济顶住压力实现稳定增长。地区生产总值达到11379.6亿元，增长2.1%。\n")
    assert _kp(text)[1:] == [("actual", "2022"), ("actual", "2022")]


def test_a_unit_word_that_starts_with_a_scale_word() -> None:
    from duban.extract.quantities import find_quantities

    # 千瓦 and 兆瓦 with no scale before them: the unit, not 千 of an unknown 瓦; 千米 stays 千 of 米
    got = [(q.low, q.unit, q.scale) for t in ("新增光伏装机100千瓦", "储能装机100兆瓦", "改造道路3千米")
           for q in find_quantities(t)]
    assert got == [(100.0, "千瓦", 1.0), (100.0, "兆瓦", 1.0), (3.0, "千米", 1000.0)]
