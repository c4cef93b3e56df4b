"""Round forty-eight on unseen documents (issue 2): each test is an example text of one general failure
found on the sealed batches of stop 13 and described there in general terms only (the texts are ours)."""

from __future__ import annotations

from extract_examples import quoted as _got

import duban


def test_the_whole_written_as_baifenzhibai_is_a_hundred_percent() -> None:
    # 百分之百 has no numeral a parser reads; closing its clause it is the figure (100%); as an adverb
    # (百分之百达标) it is not
    text = ("2024年主要目标：农村自来水普及率达到百分之百，村级卫生室百分之百达标。\n")
    assert _got(text) == [("target", "=", 100.0, "%", "农村自来水普及率达到百分之百")]


def test_a_single_chinese_digit_before_a_count_word_of_lines_or_sessions_is_a_count() -> None:
    # 九条 and 十场次 closing the phrase count; a package of measures named by its count (稳经济十条) and
    # an approximate 数十 do not
    text = ("2024年目标：新辟公交线路九条，举办大型节会活动十场次。\n"
            "今年将出台稳经济十条，开展志愿服务数十场次。\n")
    assert [(q[2], q[3]) for q in _got(text)] == [(9.0, "条"), (10.0, "场次")]


def test_a_chinese_numeral_with_two_scale_words_is_scaled_as_a_whole() -> None:
    # 一亿五千万元 is 15000 万元 (the trailing 万 scales the whole numeral, not the 五千 after 一亿); 五千亿两个
    # 台阶: the 两 counts the steps and is no part of the amount, which is a milestone passed
    text = "去年，全区获得中央资金一亿五千万元，经济总量先后跨越四千亿、五千亿两个台阶。\n"
    assert _got(text) == [("actual", "=", 15000.0, "万元", "全区获得中央资金一亿五千万元")]


def test_a_figure_inside_the_base_of_a_goal_dates_only_itself() -> None:
    # a task table's row: 在2025年…预计达到5200亿元的基础上 is the base, an actual of 2025; the goal after it
    # and the rows below are this year's
    text = ("某区2026年政府工作报告重点任务分解表\n"
            "序号\t重点任务\t责任单位\t完成时间\n"
            "1\t在2025年地区生产总值预计达到5200亿元的基础上，地区生产总值增长6%左右\t区发展改革局\t2026年12月底\n"
            "2\t一般公共预算收入增长3%以上\t区财政局\t2026年12月底\n")
    items = duban.extract(duban.read_text(text)).items
    assert [(it.kind, it.period) for it in items if it.kind != "task"] == [
        ("actual", "2025"), ("target", "2026"), ("target", "2026")]


def test_a_plan_title_naming_its_vision_year_and_a_blank_day_dates_the_session() -> None:
    # an outline's title names 二〇三五年远景目标 and its approval date leaves the day blank (2026年1月 日):
    # the report year is 2026, not a session year guessed near 2035; its goals are of the plan
    text = ("某省国民经济和社会发展第十五个五年规划\n和二〇三五年远景目标纲要\n"
            "(2026年1月 日某省第十四届人民代表大会第五次会议批准)\n"
            "今后五年全省经济社会发展要努力实现以下主要目标：地区生产总值年均增长5.5%左右，"
            "到2030年经济总量力争达到6.5万亿元左右。\n")
    ex = duban.extract(duban.read_text(text))
    assert ex.year == 2026
    assert {(it.kind, it.period) for it in ex.items if it.kind != "task"} == {("target", "2026-2030")}


def test_a_task_list_counted_by_heading_and_item_is_no_item() -> None:
    # 确定了10项34件民生实事项目 sizes the list set; the plan's investment stated before the outcome of the
    # next sentence is a goal; 拟实施民生实事项目10项 sizes next year's list
    text = ("某区2024年度民生实事项目完成情况的通报\n发布时间：2025-01-22\n"
            "2024年初，区政府确定了10项34件民生实事项目，计划总投资7.6亿元。截至2024年12月底，各项民生实事全部"
            "完成，实际完成投资8.1亿元。\n2025年，区政府拟实施民生实事项目10项。\n")
    assert [(q[0], q[4]) for q in _got(text)] == [
        ("target", "计划总投资7.6亿元"), ("actual", "实际完成投资8.1亿元")]


def test_a_wrapped_line_before_a_figure_keeps_its_words_as_the_indicator() -> None:
    # a PDF layer wrapped the phrase right before its figure: the words on the line above name it; a
    # heading line above a figure does not
    text = ("2022年计划执行情况。社会消费品零售总额1200亿元，增长4.4%。实施省市县长项目工程\n320个，完成年度投资2150亿元。\n"
            "一、“十三五”时期及2021年工作回顾\n5000亿元台阶已经迈上。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [it.indicator for it in items][2:5:2] == ["实施省市县长项目工程", ""]


def test_a_plan_table_row_with_a_bound_in_words_or_on_a_rate() -> None:
    # >GDP增长 in the 年均 column is a goal in words (the row's other cells still count); <5.5 there in a
    # rate's row bounds the rate itself, no yearly growth of it
    text = ("专栏1 “十五五”时期经济社会发展主要指标\n序号\t指 标\t2025年\t2030年\t年均/累计\t属性\n"
            "1\t全员劳动生产率增长(%)\t6.0\t—\t>GDP增长\t预期性\n"
            "2\t城镇调查失业率(%)\t5.1\t—\t<5.5\t预期性\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.indicator, it.cmp, it.low) for it in items] == [
        ("全员劳动生产率增长", "=", 6.0), ("城镇调查失业率", "=", 5.1), ("城镇调查失业率", "<=", 5.5)]


def test_a_speaker_opening_with_the_goal_in_percent_names_the_economys_growth() -> None:
    # “目标定在6%左右，…” in a news page on a report: the year's growth goal; with its subject named
    # (CPI目标定在…) it stays that subject's
    text = "2024年某市政府工作报告发布。“目标定在6%左右，既考虑了需要，也考虑了可能。”负责人说。\n"
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.indicator, it.low) for it in items] == [("地区生产总值增长", 6.0)]


def test_a_progress_page_titled_tuijin_qingkuang_states_goals_then_progress() -> None:
    # 上半年推进情况 titles a plan's progress review like 进展情况: each item's goal first, then how far it got
    text = ("2024年市政府十件民生实事上半年推进情况\n发布日期：2024-07-12\n"
            "二、健康服务工程。新建社区医院4家，建设村卫生室规范化提升点50个。截至目前，2家社区医院已通过验收，"
            "村卫生室完成提升31个。\n")
    items = duban.extract(duban.read_text(text)).items
    assert [(it.kind, it.period, it.low) for it in items if it.kind != "task"] == [
        ("target", "2024", 4.0), ("target", "2024", 50.0), ("actual", "2024H1", 2.0), ("actual", "2024H1", 31.0)]


def test_a_clause_naming_this_year_after_a_past_years_figure_is_this_years() -> None:
    # a press conference answer: 2021年，…达到76.8%，今年将保持在75%以上 (the past year opens the sentence,
    # the clause speaks of this year)
    text = "2022年某市政府工作报告新闻发布会\n市财政局局长：2021年，全市民生支出占比达到76.8%，今年将保持在75%以上。\n"
    items = duban.extract(duban.read_text(text)).items
    assert [(it.kind, it.period) for it in items if it.kind != "task"] == [("actual", "2021"), ("target", "2022")]


def test_a_share_of_a_past_years_level_is_an_item_of_its_own_year() -> None:
    # 恢复到2019年的90%: the share of that year's level, dated by the sentence, not by 2019; 美圆 is 美元
    text = ("2022年某市政府工作报告\n二、2022年工作安排\n力争接待游客人次恢复到2019年的90%以上，外贸进出口总额"
            "达到700亿美圆。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.indicator, it.period, it.unit) for it in items] == [
        ("接待游客人次恢复到2019年比例", "2022", "%"), ("外贸进出口总额", "2022", "亿美元")]


def test_a_numbered_items_label_names_the_figures_of_its_sentences() -> None:
    # a plan execution report: 1.地区生产总值。预计完成…，同比增长… (the label is the indicator, the bare
    # change after it is of the same subject)
    text = ("关于某县2016年国民经济和社会发展计划执行情况与2017年计划草案的报告\n(一)主要指标完成情况\n"
            "1.地区生产总值。预计完成286.4亿元，同比增长9.1%。\n2.固定资产投资。完成245.8亿元，增长17.8%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [it.indicator for it in items] == ["地区生产总值", "地区生产总值增长", "固定资产投资", "固定资产投资增长"]


def test_pages_of_a_plan_outline_without_its_title_are_dated_by_the_plan() -> None:
    # pages cut from an outline: no title, 十四五时期…主要目标 names the plan; its 2035 vision is no report
    # year, so the table's 2025 column is the plan's goal
    text = ("第二节　“十四五”时期经济社会发展主要目标\n锚定二〇三五年远景目标，“十四五”时期全市经济社会发展主要目标是："
            "地区生产总值年均增长6.5%左右，到2025年达到6800亿元。到2035年，地区生产总值迈上新台阶。\n"
            "展望二〇三五年，基本实现社会主义现代化。\n")
    ex = duban.extract(duban.read_text(text))
    assert ex.year == 2021
    assert [(it.kind, it.period) for it in ex.items if it.kind != "task"] == [
        ("target", "2021-2025"), ("target", "2021-2025")]


def test_indicator_words_a_press_conference_uses() -> None:
    # a name in plain quotes stays in the phrase ("小巨人"); 这一指标 is the indicator named before it;
    # 预期增长 is written 增长; 经济增长预期目标定在 names the economy's growth
    text = ("2024年某省政府工作报告新闻发布会\n主任：报告把今年全省经济增长预期目标定在6%左右。"
            "副局长：规模以上工业增加值预期增长6.5%。去年这一指标增长3.8%。全年新增国家级专精特新\"小巨人\"企业50家。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [it.indicator for it in items] == ["地区生产总值增长", "规模以上工业增加值增长", "规模以上工业增加值增长",
                                             "新增国家级专精特新小巨人企业"]


def test_the_rating_of_a_years_projects_is_no_plan_cue() -> None:
    # 群众对民生实事的满意度达到95.6% after a review of last year: an outcome of that year
    text = ("某市2023年十件民生实事项目出炉\n回顾2022年，全市新增公办学位9800个，一批群众急难愁盼问题得到有效解决。"
            "群众对民生实事的满意度达到95.6%。\n")
    items = duban.extract(duban.read_text(text)).items
    assert [(it.kind, it.period) for it in items if it.kind != "task"] == [("actual", "2022"), ("actual", "2022")]


def test_a_page_opening_on_the_chapter_of_a_plans_goals_is_that_plans_outline() -> None:
    # pages of an outline from its goals chapter on: the undated goals are over the plan's years (a news
    # sentence naming 主要目标是： does not make its page an outline)
    text = ("第二章 “十五五”时期经济社会发展的主要目标\n锚定二〇三五年远景目标，今后五年全省经济社会发展要努力实现以下主要目标：\n"
            "科技创新能力显著增强。研发经费投入强度达到2.9%，每万人口高价值发明专利拥有量达到15件。\n")
    ex = duban.extract(duban.read_text(text))
    assert ex.year == 2026
    assert {it.period for it in ex.items if it.kind != "task"} == {"2026-2030"}


def test_an_execution_reports_numbered_items_with_their_goals_missed() -> None:
    # 2.规模以上工业增加值。预计增长9.5%: the label's change; 未完成年初确定的7%目标 restates the year's goal (of
    # the figure before it), and the reason after it is an outcome of that year
    text = ("关于某县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n一、2024年计划执行情况\n"
            "2.规模以上工业增加值。预计增长9.5%。\n3.固定资产投资。预计增长4.1%，未完成年初确定的7%目标，"
            "主要是房地产开发投资下降18.6%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.kind, it.period, it.indicator) for it in items] == [
        ("actual", "2024", "规模以上工业增加值增长"), ("actual", "2024", "固定资产投资增长"),
        ("target", "2024", "固定资产投资增长"), ("actual", "2024", "房地产开发投资下降")]


def test_a_bulletins_change_since_the_start_of_the_year_keeps_its_balance() -> None:
    # 年末…存款余额8265.3亿元，比年初增加612.4亿元: the rise of that balance, 比年初 kept with an amount, dropped
    # with a rate
    text = ("2023年某市国民经济和社会发展统计公报\n年末全市金融机构本外币各项存款余额8265.3亿元，比年初增加612.4亿元；"
            "各项贷款余额7012.6亿元，比年初增加598.1亿元，增长9.3%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [it.indicator for it in items] == ["金融机构本外币各项存款余额", "金融机构本外币各项存款余额比年初增加",
                                             "各项贷款余额", "各项贷款余额比年初增加", "各项贷款余额增长"]


def test_units_in_latin_symbols_words_of_stock_and_streaks() -> None:
    # 100GWh / 80EFLOPS are units, not names like 5G; 改造2000年以前建成的老旧小区 dates the stock, not the
    # figure; 连续4年超800亿斤 is a streak's bar; 超越 is a floor; 同比名义增长 takes its subject
    text = ("2023年某市政府工作报告\n二、2023年工作安排\n新增动力电池产能超过100GWh，算力规模超过80EFLOPS。"
            "改造2000年以前建成的老旧小区18个。粮食产量连续4年超800亿斤。普惠授信户数超越9万户。"
            "居民人均可支配收入3.2万元，同比名义增长6.2%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.indicator, it.cmp, it.low, it.unit, it.period) for it in items] == [
        ("新增动力电池产能", ">=", 100.0, "GWh", "2023"), ("算力规模", ">=", 80.0, "EFLOPS", "2023"),
        ("改造老旧小区", "=", 18.0, "个", "2023"), ("普惠授信户数", ">=", 9.0, "万户", "2023"),
        ("居民人均可支配收入", "=", 3.2, "万元", "2023"), ("居民人均可支配收入名义增长", "=", 6.2, "%", "2023")]


def test_bare_changes_take_the_subject_a_label_a_wrap_or_a_trend_clause_names() -> None:
    # 地区生产总值：计划增长12%… (a line's label closed by a colon), …地区生产总值\n增长8%以上 (a PDF wrap before the
    # change), 固定资产投资止跌回稳，力争增长2% (the clause before says how it turned)
    text = ("关于某省2016年国民经济和社会发展计划执行情况与2017年计划草案的报告\n一、2016年计划执行情况\n"
            "地区生产总值：计划增长12%左右，执行结果为10502.56亿元，增长10.7%。\n"
            "二、2017年主要预期目标\n今年经济社会发展的主要\n预期目标是：地区生产总值\n增长8%以上；"
            "固定资产投资止跌回稳，力争增长2%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [it.indicator for it in items] == ["地区生产总值增长", "地区生产总值", "地区生产总值增长",
                                             "地区生产总值增长", "固定资产投资增长"]


def test_the_investment_of_projects_counted_before_it_with_a_goals_stance() -> None:
    # 全年实施重点项目450个，力争完成投资1100亿元以上: the investment of those projects (实现投资 written 完成投资)
    text = "2024年重点工作。全年实施重点项目450个，力争完成投资1100亿元以上。全年安排县重点项目180个，实现投资350亿元以上。\n"
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [it.indicator for it in items][1::2] == ["重点项目完成投资", "县重点项目完成投资"]


def test_indicators_of_stages_the_economys_growth_and_a_plan_restated_under_a_label() -> None:
    # 供应6000套 after 筹集…住房1.1万套 (a later stage of the same housing); 经济增长 is GDP's growth;
    # ——地区生产总值。年初计划增长7%左右 (the label's change)
    text = ("2024年工作安排。筹集建设人才住房和保障性住房1.1万套，供应6000套。今年全省经济增长5.5%左右。\n"
            "——地区生产总值。年初计划增长7%左右，预计全年完成3064.7亿元。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [it.indicator for it in items] == ["筹集建设人才住房和保障性住房", "人才住房和保障性住房供应", "地区生产总值增长",
                                             "地区生产总值增长", "地区生产总值"]


def test_a_space_aligned_plan_table_with_cells_one_space_apart() -> None:
    # a name one space before its value (…拥有量(件) 2.9) and a words cell one space before the attribute
    # (完成国家下达任务 约束性): the rows are read, not shifted, and the table goes on; the approval line
    # dates the outline without its day (2021年3月 某省…人民代表大会…批准)
    text = ("某省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n（2021年3月 某省第十三届人民代表大会第五次会议批准）\n"
            "表1  “十四五”时期经济社会发展主要指标\n"
            "类别   序号  指  标                          2020年    2025年    年均增长/累计   属性\n"
            "创新   5    每万人口高价值发明专利拥有量(件) 2.9       6         〔3.1〕          预期性\n"
            "绿色   13   单位地区生产总值能源消耗降低(%)  —         —         完成国家下达任务 约束性\n"
            "生态   14   森林覆盖率(%)                    59.96     60        〔0.04〕         约束性\n")
    ex = duban.extract(duban.read_text(text))
    assert ex.year == 2021
    assert [(it.low, it.period) for it in ex.items if it.kind != "task"] == [
        (2.9, "2020"), (6.0, "2021-2025"), (3.1, "2021-2025"), (59.96, "2020"), (60.0, "2021-2025"), (0.04, "2021-2025")]


def test_a_list_of_projects_announced_by_notice_and_its_cost() -> None:
    # 关于2014年十件实事的公告 titles a plan: its numbered items are goals of that year; 共需投入资金 is what the
    # plan will cost; 通行车辆突破600万辆次; 压缩至1个工作日 is that level (labellers write <= only with 以内)
    text = ("某市人民政府关于2014年十件实事的公告\n某市人民政府门户网站 2014-02-20\n"
            "一、改善交通出行。新开和调整公交线路30条，港珠澳大桥通行车辆突破600万辆次。\n"
            "二、优化服务。企业开办时间压缩至1个工作日。\n据测算，2014年十件实事共需投入资金约48亿元。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.kind, it.period, it.cmp, it.unit) for it in items] == [
        ("target", "2014", "=", "条"), ("target", "2014", ">=", "万辆次"), ("target", "2014", "=", "个工作日"),
        ("target", "2014", "~", "亿元")]


def test_a_quote_opening_on_the_growth_goal_names_it() -> None:
    # “5.5%左右的目标，是跳一跳够得着的目标” (a delegate on the year's growth goal); 提前实现2025年65%的目标
    # after a figure stays that figure's indicator
    text = ("2024年某市政府工作报告发布。报告提出，地区生产总值增长5.5%左右。\n“5.5%左右的目标，是跳一跳够得着的目标。”代表说。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [it.indicator for it in items] == ["地区生产总值增长", "地区生产总值增长"]


def test_an_age_bound_opening_the_noun_counted_stays_in_it() -> None:
    # 为4.2万名65岁以上老年人免费体检: the people counted are 65岁以上老年人 (65岁 itself is no item)
    items = [it for it in duban.extract(duban.read_text("2024年民生实事：为4.2万名65岁以上老年人免费体检。")).items
             if it.kind != "task"]
    assert [(it.low, it.indicator) for it in items] == [(4.2, "65岁以上老年人免费体检")]


def test_a_title_announcing_n_projects_for_the_people_heads_a_plan() -> None:
    # 某市2021年十件惠民实事公布: the list after an intro that speaks of last year's consultation is this year's plan
    text = ("某市2021年十件惠民实事公布\n发布时间：2021-02-26\n经广泛征集、市人大代表票决，某市确定了2021年十件惠民实事。"
            "今年的惠民实事项目征集工作自去年10月启动。具体如下：\n一、新增公办幼儿园学位1.2万个。新建、改扩建公办幼儿园30所。\n"
            "二、新建改扩建中小学校20所，缓解主城区“大班额”问题。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.kind, it.period) for it in items] == [("target", "2021")] * 3


def test_attributes_of_a_count_and_the_plans_average_growth() -> None:
    # 新开工高速公路7条、里程约600公里 (the length of those roads); 设定6.5%左右的预期目标 (the growth goal);
    # 与“十四五”规划年均增长7%左右相衔接 (the economy's average over the plan); 累计建成164个，覆盖率… names no
    # thing of its own
    text = ("2024年工作安排。新开工高速公路7条、里程约600公里。设定6.5%左右的预期目标，与“十四五”规划年均增长7%左右相衔接。"
            "新建美丽乡村精品村20个，累计建成164个，覆盖率达到87%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [it.indicator for it in items][:4] == ["新开工高速公路", "新开工高速公路里程", "地区生产总值增长", "地区生产总值年均增长"]
    assert items[-1].indicator != "累计建成覆盖率"


def test_changes_written_bi_shang_yi_nian_or_as_a_harvest() -> None:
    # 比上一年增长1.5% (a bulletin's wording) and 比上年减产2.1% take the level's subject before them
    text = "2023年统计公报。全年粮食总产量62.4万吨，比上一年增长1.5%。油料产量3.2万吨，比上年减产2.1%。\n"
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [it.indicator for it in items][1::2] == ["粮食总产量增长", "油料产量减产"]


def test_an_outlines_review_of_the_plan_before_is_a_review() -> None:
    # under a 十五五 outline's title, 第一节 “十四五”时期取得的主要成就 reviews the plan before: outcomes of its
    # years, not goals of the new plan (the title names no scope of goals)
    text = ("某市国民经济和社会发展第十五个五年规划和二〇三五年远景目标纲要\n(2026年1月28日某市第十七届人民代表大会第六次会议批准)\n"
            "第一章  发展基础和发展环境\n第一节  “十四五”时期取得的主要成就\n"
            "“十四五”时期，全市上下勇毅前行，较好完成了“十四五”规划确定的主要目标任务。"
            "经济实力跃上新台阶，地区生产总值预计达到5450亿元，年均增长7.1%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.kind, it.period) for it in items] == [("actual", "2025"), ("actual", "2021-2025")]
