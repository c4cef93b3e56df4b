"""Round twenty of extraction quality on unseen documents (issue 2): each test is an example text of
one general failure, found on sealed batches 14-22 and described there in general terms only."""

from __future__ import annotations

from extract_examples import items as _items

import duban


def test_page_title_before_the_review_lead_names_no_period() -> None:
    # the page's title (某市2024年政府工作报告) and 过去一年 in the stretch before a sentence without a
    # cue of its own: the review is of 2023, not of the title's year
    text = ("某市2024年政府工作报告\n　　过去一年，全市经济运行持续回升向好。全年实现地区生产总值5756.4亿元，"
            "增长6.8%。城镇新增就业6.8万人。\n　　今年全市经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n")
    assert [(kind, period) for _, kind, _, _, _, period in _items(text)] == [
        ("actual", "2023"), ("actual", "2023"), ("actual", "2023"), ("target", "2024")]


def test_headline_naming_a_part_of_the_year_opens_part_of_year_news() -> None:
    # a headline that reads as a review heading (成绩单) but names 前三季度: the figures after it are of
    # that part of this year, also in the sentences without a part word of their own
    text = ("某市前三季度经济成绩单出炉\n2021-10-28 09:15\n记者从市统计局获悉，今年前三季度，全市实现地区生产总值"
            "10110亿元，同比增长9.3%。分产业看，第一产业增加值369.8亿元，增长7.6%。\n")
    assert {period for *_, period in _items(text)} == {"2021Q1-Q3"}


def test_two_year_average_of_a_part_of_the_year() -> None:
    # 前三季度…两年平均增长5.9%: the average of that part of the year, not of the two years before
    text = ("某市经济运行情况\n2021-10-28\n今年前三季度，全市地区生产总值同比增长9.3%，两年平均增长5.9%。\n")
    assert [period for *_, period in _items(text)] == ["2021Q1-Q3", "2021Q1-Q3"]


def test_goal_restated_with_this_year_in_an_answer_on_last_year() -> None:
    # a press conference answer reviews last year, then names this year's goal (今年9.5%左右的目标)
    text = ("某省政府新闻办举行《政府工作报告》解读新闻发布会\n2023-01-17 15:30\n"
            "负责同志：2022年全省地区生产总值6818.22亿元，增长0.2%。今年9.5%左右的目标，既考虑了恢复性增长，"
            "也考虑了重大项目的带动。\n")
    assert [(kind, period) for _, kind, _, _, _, period in _items(text)] == [
        ("actual", "2022"), ("actual", "2022"), ("target", "2023")]


def test_year_opening_a_review_paragraph_under_a_five_year_heading() -> None:
    # 一、2025年和“十四五”时期工作回顾 then a paragraph that opens with 2025年: its changes are of 2025;
    # a later paragraph opening with “十四五”时期 has the plan's span
    text = ("某市2026年政府工作报告\n一、2025年和“十四五”时期工作回顾\n2025年，全市地区生产总值4720亿元，增长5%；"
            "规模以上工业增加值增长7.8%；外贸进出口总额较上年下降1.8%。\n“十四五”时期，全市地区生产总值年均增长5.3%。\n")
    assert [period for *_, period in _items(text)] == ["2025", "2025", "2025", "2025", "2021-2025"]
    # a year inside a clause (五年来…，2020年达到…；) does not end the five years
    text = ("某区2021年政府工作报告\n一、“十三五”时期主要成就\n五年来，全区地区生产总值年均增长7.1%，2020年达到2468.7亿元；"
            "一般公共预算收入年均增长6.4%。\n")
    assert [period for *_, period in _items(text)] == ["2016-2020", "2020", "2016-2020"]


def test_goal_naming_a_later_plan_has_its_span() -> None:
    # “十五五”时期，…年均增长5.5%左右 under a heading of the plan and the report year: the plan's goal
    text = ("某市2026年政府工作报告\n二、“十五五”时期目标和2026年工作安排\n“十五五”时期，全市地区生产总值年均增长5.5%左右，"
            "研发投入强度不低于4.2%。\n2026年主要预期目标：地区生产总值增长5%—5.5%。\n")
    assert [period for *_, period in _items(text)] == ["2026-2030", "2026-2030", "2026"]



def test_pdf_wrap_before_the_decimal_point() -> None:
    # a PDF text layer (spaced figures, page number lines) whose line, a little short, breaks inside
    # 3293.0 before the point
    text = ("政 府 工 作 报 告\n——2022 年 1 月 18 日在某市第十六届人民代表大会第一次会议上\n各位代表:\n"
            "一、过去五年工作回顾\n"
            "过去五年,地区生产总值年均增长 5.1%,2021 年达到 3293\n"
            ".0 亿元;一般公共预算收入由 2016 年的 145.3 亿元增加到 2021 年\n"
            "的 196.5 亿元;城乡居民人均可支配收入年均增长 6.2% 和 8.5%,五年\n"
            "来新增就业 21 万人。2021 年,全市地区生产总值增长 6.4%;规模以上\n"
            "工业增加值增长 9.6%;固定资产投资增长 18.3%;社会消费品零售总额\n"
            "1020 亿元,下降 0.8%;一般公共预算收入增长 12.1%,全年新增就业 4.2\n"
            "万人,城镇登记失业率 3.6%,居民消费价格上涨 1.1%,粮食产量稳定。\n— 3 —\n")
    assert (3293.0, "亿元") in [(low, unit) for _, _, _, low, unit, _ in _items(text)]


def test_one_figure_for_each_member_of_a_list() -> None:
    # A、B均增长6%: the figure is said of each subject, one item each (with the same quote); 均 is in no name
    text = ("2022年政府工作报告\n今年一般公共预算总收入、地方一般公共预算收入均增长6%，城乡居民收入均增长7%左右，"
            "城镇和农村居民人均可支配收入均增长7%。\n")
    assert [ind for ind, *_ in _items(text)] == [
        "一般公共预算总收入增长", "地方一般公共预算收入增长", "城乡居民收入增长",
        "城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"]
    # 人均 and 年均 are no such 均
    assert [ind for ind, *_ in _items("2022年政府工作报告\n今年全区居民人均增长5%，投资年均增长6%。\n")] == [
        "居民人均增长", "投资年均增长"]


def test_revenue_basis_qualifier_is_no_indicator() -> None:
    # 按自然口径计算下降3.2%, 按同口径增长2.1%: the change of the revenue named before
    text = "2023年政府工作报告\n一、2022年工作回顾\n区级一般公共预算收入125亿元，按自然口径计算下降3.2%，按同口径增长2.1%。\n"
    assert [ind for ind, *_ in _items(text)] == ["区级一般公共预算收入", "区级一般公共预算收入下降", "区级一般公共预算收入增长"]


def test_growth_gap_to_the_region_above() -> None:
    # 高于全市0.2个百分点 after a growth: an outcome of its own, the gap of that growth (the labellers of
    # every batch keep it); a 个 member of a list ending in 个百分点 shares the unit
    text = ("2025年政府工作报告\n一、2024年工作回顾\n全区地区生产总值增长6.1%，高于全市0.2个百分点。规模以上工业增加值"
            "增长8%，高于全国平均水平2.2个百分点。地区生产总值增长6%，规上工业增加值增长6.3%，分别高于全国2个、"
            "高于全国0.8个百分点。\n")
    got = [(ind, low, unit) for ind, _, _, low, unit, _ in _items(text)]
    assert ("地区生产总值增速高于全市", 0.2, "百分点") in got
    assert ("规模以上工业增加值增速高于全国平均水平", 2.2, "百分点") in got
    assert [(low, unit) for _, low, unit in got[-2:]] == [(2.0, "百分点"), (0.8, "百分点")]


def test_goal_named_after_a_verdict_is_of_the_figure_before() -> None:
    # 增长4.2%，虽未实现年初确定的6.5%—7%的预期目标，但增速高于全省平均水平1.1个百分点
    text = ("2023年政府工作报告\n一、2022年工作回顾\n全市地区生产总值增长4.2%，虽未实现年初确定的6.5%—7%的预期目标，"
            "但增速高于全省平均水平1.1个百分点。\n")
    assert [ind for ind, *_ in _items(text)] == ["地区生产总值增长", "地区生产总值增长", "地区生产总值增速高于全省平均水平"]


def test_share_of_the_plan_after_the_amount_done() -> None:
    # 完成投资617.2亿元，为年度计划的108.3%: the share of the plan of the subject before it
    text = "2021年政府工作报告\n一、2020年工作回顾\n全年实施省市重点项目212个，完成投资617.2亿元，为年度计划的108.3%。\n"
    assert _items(text)[-1][0] == "省市重点项目完成年度计划比例"


def test_one_count_of_a_coordinated_pair() -> None:
    # 新建改扩建中小学、幼儿园61所: one count of both nouns; a list with figures of their own is not joined
    text = ("2025年政府工作报告\n一、2024年工作回顾\n新建改扩建中小学、幼儿园61所，新增学位1.2万个；二氧化硫、氮氧化物排放量"
            "下降3%。推进2所高中、9所义务教育学校改造。\n")
    assert [ind for ind, *_ in _items(text)] == [
        "新建改扩建中小学幼儿园", "新增学位", "二氧化硫氮氧化物排放量下降", "推进高中", "义务教育学校改造"]


def test_respectively_after_levels_of_their_own() -> None:
    # 财政总收入163.1亿元，一般公共预算收入95.8亿元，分别增长10.5%和11.4%: each change of the level before
    text = ("2018年政府工作报告\n一、2017年工作回顾\n全市实现地区生产总值1158亿元，增长7.7%；财政总收入163.1亿元，"
            "一般公共预算收入95.8亿元，分别增长10.5%和11.4%。\n")
    assert [ind for ind, *_ in _items(text)][-2:] == ["财政总收入增长", "一般公共预算收入增长"]


def test_year_opening_an_answer_after_a_goal_word() -> None:
    # a press conference: the host speaks of the report's goals, then an official's answer opens with
    # 2023年，…: the figures after it are last year's outcomes
    text = ("某省政府新闻办举行《2024年省政府工作报告》解读新闻发布会\n2024-01-30 16:05 来源：某省人民政府新闻办公室\n"
            "主持人：各位记者朋友，下午好！报告中提出的目标任务引起社会广泛关注。下面请省政府研究室主任介绍有关情况。\n"
            "省政府研究室主任：2023年，全省经济运行呈现回升向好态势。全省地区生产总值达到11863.8亿元，增长6.4%。\n"
            "新华社记者：今年地区生产总值增长目标是怎么确定的？\n"
            "省发展改革委负责同志：报告提出今年全省生产总值增长6%左右。\n")
    assert [(kind, period) for _, kind, _, _, _, period in _items(text)] == [
        ("actual", "2023"), ("actual", "2023"), ("target", "2024")]


def test_preliminary_estimate_does_not_end_part_of_year_news() -> None:
    # 初步核算 (an estimate of no period of its own) in a half-year news page: the sentences after it stay H1
    text = ("某市上半年经济运行情况\n2024-07-26 10:15\n某市统计局发布上半年经济运行数据。初步核算，上半年全市实现地区生产总值"
            "6294.7亿元，同比增长6.2%。\n分产业看，第一产业增加值145.3亿元，增长3.2%。\n")
    assert {period for *_, period in _items(text)} == {"2024H1"}


LONG_PARAGRAPH = ("一年来,我们坚持以改革开放激发活力,持续深化重点领域改革,营商环境不断优化,市场主体活力持续迸发,"
                  "对外开放水平稳步提升,区域协同发展取得新进展,城市功能品质持续提升,乡村振兴扎实推进,生态文明建设成效明显,"
                  "社会事业全面进步,人民群众获得感幸福感安全感不断增强,政府自身建设持续加强。\n")


def test_pdf_break_inside_a_number_of_an_irregular_layer() -> None:
    # a PDF layer whose paragraphs are partly joined already (no common line width): a break inside a
    # number or before its scale word is still a wrap; a page number line is not
    text = ("政 府 工 作 报 告\n——2025年1月10日在某市第十六届人民代表大会第四次会议上\n一、2024年工作回顾\n"
            "产业转型取得新突破。钢铁产业精品钢材比重提高到65%,新增省级以上专精特新企业112家;新能源装机容量达到1260\n"
            "万千瓦。生态环境持续改善,优良天数比例达到7 1.2%。民生事业扎实推进,城镇新增就业7.9万人,改造老旧小区2\n"
            "05个,民生支出占比达到80%以上。\n" + LONG_PARAGRAPH * 4 + "                                        - 2 -\n")
    got = [(low, unit) for _, _, _, low, unit, _ in _items(text)]
    assert (1260.0, "万千瓦") in got and (205.0, "个") in got and (5.0, "个") not in got


def test_pinyin_in_a_plan_table_row() -> None:
    # a tab plan table copied with a converter's pinyin: the name and a goal in words still read
    text = ("某省国民经(jīng)济(jì)和社会发(fā)展第十五个五年规划纲要\n专栏1 “十五五”时期主要指标\n"
            "序号\t指标\t2025年\t2030年\t年均/累计\t属性\n"
            "1\t地区(qū)生产(chǎn)总值增长(zhǎng)(%)\t5.5\t—\t5左右\t预(yù)期性\n"
            "2\t全员劳动生产(chǎn)率增长(zhǎng)(%)\t5.8\t—\t高于地区(qū)生产(chǎn)总值增长(zhǎng)\t预(yù)期性\n"
            "3\t数字经(jīng)济(jì)核心产(chǎn)业(yè)增加值占GDP比重(zhòng)(%)\t11\t15\t—\t预(yù)期性\n")
    got = {(ind, low) for ind, _, _, low, _, _ in _items(text)}
    assert ("全员劳动生产率增长", 5.8) in got
    assert {("数字经济核心产业增加值占GDP比重", 11.0), ("数字经济核心产业增加值占GDP比重", 15.0)} <= got


def test_listed_goals_restated_on_a_half_year_page() -> None:
    # 全年地区生产总值增长6.5%左右、规上工业增加值增长10%的目标 on a page on the first half: both this year's
    text = ("某市上半年经济运行情况\n2024-07-26 10:15\n上半年，全市地区生产总值同比增长6.2%。今年初，某市在政府工作报告中提出"
            "全年地区生产总值增长6.5%左右、规上工业增加值增长10%的目标。\n【相关阅读】 某省上半年GDP增长5.3%  |  某市新能源汽车产量再创新高\n")
    assert [(kind, period) for _, kind, _, _, _, period in _items(text)] == [
        ("actual", "2024H1"), ("target", "2024"), ("target", "2024")]


def test_numbered_headings_under_a_list_heading_take_its_part() -> None:
    # 2018年十件为民办实事项目具体如下： then 一、教育惠民工程。… (not nested in it): the year's projects,
    # not outcomes of the year reviewed before
    text = ("2018年某市政府工作报告\n2018年某市十件为民办实事项目公布\n据介绍，2017年市政府确定的十件为民办实事项目全部完成，"
            "共投入资金38.6亿元，惠及群众约260万人次。\n\n2018年十件为民办实事项目具体如下：\n\n"
            "一、教育惠民工程。新建、改扩建中小学校26所，新增学位2.4万个。\n\n二、养老服务。新建城市社区日间照料中心20个。\n")
    assert [(kind, period) for _, kind, _, _, _, period in _items(text)] == [
        ("actual", "2017"), ("actual", "2017"), ("target", "2018"), ("target", "2018"), ("target", "2018")]


def test_titles_in_a_list_of_related_links_set_neither_year_nor_kind() -> None:
    # a portal copy of a 2022 report with links to the 2021 report and an execution report under 相关文章:
    # the page is neither dated 2021 nor a plan execution report (whose figures are of the year it names)
    text = ("政府工作报告——2022年1月11日在某区第十七届人民代表大会第一次会议上\n发布日期:2022-01-18\n各位代表:\n"
            "一、过去五年和2021年工作回顾\n2021年，全区上下主要指标好于预期。实现地区生产总值2308.6亿元，同比增长9.1%。\n"
            "二、2022年主要目标任务\n今年全区经济社会发展主要预期目标为:地区生产总值增长6.5%左右。\n"
            "相关文章\n· 2021年某区政府工作报告\n· 关于某区2021年国民经济和社会发展计划执行情况的报告\n")
    assert duban.extract(text).year == 2022
    assert [(kind, period) for _, kind, _, _, _, period in _items(text)] == [
        ("actual", "2021"), ("actual", "2021"), ("target", "2022")]


def test_share_of_the_year_goal_keeps_a_part_of_year_page_on_its_part() -> None:
    # 完成全年目标任务的64.3% on a half-year page names the year's goal, not another period
    text = ("上半年某市地区生产总值15458亿元 同比增长5.6%\n2025-07-22 11:03:45 来源：某网\n"
            "市统计局发布上半年全市经济运行情况。上半年全市实现地区生产总值15458亿元，同比增长5.6%。\n"
            "就业物价总体稳定。城镇新增就业38.6万人，完成全年目标任务的64.3%；6月份城镇调查失业率为5.2%；"
            "居民消费价格同比下降0.2%。\n")
    assert {period for *_, period in _items(text)} == {"2025H1"}


def test_a_level_reached_in_a_plan_part_is_a_goal() -> None:
    # 降至/增至 say where a figure goes, not when: under this year's goals it is a goal
    text = ("2020年某区政府工作报告\n一、2019年工作回顾\n劣V类水体比例降至5%。\n二、2020年主要目标\n"
            "今年要持续改善生态环境，劣V类水体比例下降至3%以内，PM2.5年均浓度降至55微克/立方米。\n")
    assert _items(text) == [("劣V类水体比例", "actual", "=", 5.0, "%", "2019"),
                            ("劣V类水体比例", "target", "<=", 3.0, "%", "2020"),
                            ("PM2.5年均浓度", "target", "=", 55.0, "微克/立方米", "2020")]


def test_a_five_year_sum_in_a_plan_part_is_a_goal() -> None:
    text = ("某市国民经济和社会发展第十五个五年规划纲要\n第四节  “十五五”时期主要目标\n"
            "——绿色转型深入推进。单位地区生产总值能耗五年累计下降13%，森林覆盖率保持在58%以上。\n")
    assert [kind for _, kind, *_ in _items(text)] == ["target", "target"]


def test_goals_said_to_have_done_better_than_expected_open_no_plan() -> None:
    # 过去一年，…经济社会发展主要目标任务好于预期。: a review speaking of last year's goals
    text = ("2021年某市政府工作报告\n一、2020年工作回顾\n过去一年，全市上下努力奋斗，经济社会发展主要目标任务好于预期。"
            "全年地区生产总值达6733.79亿元，增长2.3%。\n")
    assert [(kind, period) for _, kind, _, _, _, period in _items(text)] == [("actual", "2020"), ("actual", "2020")]


def test_report_year_is_not_after_the_page_date() -> None:
    # a news page dated 2026-01-27 whose session count points at 2027: the report is the page's year's
    text = ("某省今年GDP预期增长5%左右\n2026-01-27 07:45 来源：某新闻网\n\n某新闻网1月26日电 26日上午，某省十四届人大五次会议开幕。"
            "省长在作政府工作报告时提出，今年全省地区生产总值预期增长5%左右。报告显示，2025年地区生产总值增长4.2%。"
            "到2027年全省低空经济规模力争达到3000亿元。\n")
    assert duban.extract(text).year == 2026


def test_running_header_of_a_pdf_layer_is_no_heading() -> None:
    # the report's title repeated atop a page (after the page number line) inside the plan part: page
    # furniture, not a review heading (计划执行情况) that turns the goals after it into outcomes
    title = "某省2018年计划执行情况与2019年计划草案的报告"
    text = (f"关于某省2018年国民经济和社会发展计划执行情况与2019年计划草案的报告\n— 1 —\n{title}\n"
            "一、2018年国民经济和社会发展计划执行情况\n全省生产总值增长8.3%。\n— 2 —\n" + title + "\n"
            "二、2019年经济社会发展的主要目标\n建议2019年全省经济社会发展主要预期目标为：\n——生产总值增长7.5%—8%；\n"
            "— 3 —\n" + title + "\n——城镇新增就业43万人，城镇登记失业率控制在4.5%以内；\n——居民消费价格涨幅3%左右。\n")
    doc = duban.read_text(text)
    assert doc.text.count(title) == 0  # every one stands right under a page number line
    assert [(kind, period) for _, kind, _, _, _, period in _items(text)][-3:] == [
        ("target", "2019"), ("target", "2019"), ("target", "2019")]


def test_a_comparison_base_year_dates_nothing_after_it() -> None:
    # 与2013年相比，…由2013年的…: the base of a comparison; the review after it stays of 2018
    text = ("2019年某市政府工作报告\n一、2018年工作回顾\n全市地区生产总值3053.6亿元，比上年增长6.6%；与2013年相比，"
            "GDP由2013年的2010.5亿元增加了一千多亿元。财政收入完成395.2亿元，同比增长3.1%。\n")
    assert [period for *_, period in _items(text)][-2:] == ["2018", "2018"]
    # 恢复到2019年的62% is a past level as a base, no goal year: what follows stays a review
    text = ("某县2023年政府工作报告\n一、2022年工作回顾\n全年接待游客680万人次，实现旅游收入58亿元，分别恢复到2019年的62%和55%。"
            "新增特色民宿32家。\n")
    assert _items(text)[-1][1:] == ("actual", "=", 32.0, "家", "2022")


def test_goals_said_done_after_their_name_open_no_plan() -> None:
    # 全年主要目标任务较好完成: a review speaking of the year's goals (主要目标 then 任务较好完成)
    text = ("2022年某省政府工作报告\n一、2021年工作回顾\n2021年是“十四五”开局之年。全省上下迎难而上，全年主要目标任务较好完成。\n"
            "经济持续恢复发展。全省地区生产总值达到27146.8亿元，增长7.3%。\n")
    assert [(kind, period) for _, kind, _, _, _, period in _items(text)] == [("actual", "2021"), ("actual", "2021")]


def test_base_of_a_five_year_rise_written_with_cong() -> None:
    # 五年来，…从4619亿元增加到6871亿元: the base is of the year before the five years
    text = ("2021年某市政府工作报告\n一、“十三五”时期工作回顾\n五年来，全市地区生产总值从4619亿元增加到6871亿元，年均增长6.5%。\n")
    assert _items(text)[0][5] == "2015"


def test_multiple_of_a_base_year_dates_nothing() -> None:
    # 分别是2010年的1.9倍和2.1倍: the base of the multiples; the figures after them stay of 2015
    text = ("安吉县2016年政府工作报告\n一、“十二五”及2015年工作回顾\n2015年，全县实现生产总值303.2亿元，增长8.0%；"
            "财政总收入55.6亿元，其中地方财政收入32.1亿元，分别是2010年的1.9倍和2.1倍；城镇和农村居民人均可支配收入"
            "分别达到41254元和24283元。\n")
    assert {period for *_, period in _items(text)} == {"2015"}


def test_pdf_break_between_a_number_and_its_unit() -> None:
    # an irregular PDF layer: 新增 1583\n家 is one figure with its unit
    text = ("政 府 工 作 报 告\n——2018年1月10日在某市第十五届人民代表大会第三次会议上\n一、2017年工作回顾\n"
            "创新动能加快集聚。全年高新技术企业新增 1583\n家，总数达到4800家。\n" + LONG_PARAGRAPH * 4 + "— 2 —\n")
    assert (1583.0, "家") in [(low, unit) for _, _, _, low, unit, _ in _items(text)]
