"""Round fifty-four on unseen documents (issue 2): each test is an example text of one general failure
found on the sealed batches of stop 14 and described there in general terms only (the texts are ours)."""

from __future__ import annotations

from extract_examples import quoted as _got
from extract_examples import rows as _rows

import duban


def test_a_plan_goal_lead_with_a_verb_opens_the_plans_goals() -> None:
    # a page of an outline without its title: …经济社会发展要努力实现以下主要目标： leads the plan's goals, so a
    # level among them is of the plan, not of the year the page is dated by
    text = ("三、主要目标\n展望2035年，全省基本实现社会主义现代化。“十四五”时期经济社会发展要努力实现以下主要目标：\n"
            "——经济实力跃上新台阶。地区生产总值年均增长6%左右，力争经济总量突破3万亿元。\n")
    assert {it.period for it in duban.extract(duban.read_text(text)).items if it.kind != "task"} == {"2021-2025"}


_TABLE = (  # (laid out by display width: an ideograph takes two columns, as in a PDF layout copy)
    "专栏1 “十四五”时期主要指标\n"
    "类别   序号   指 标                           2020 年    2025 年    年均增长〔累计〕   属性\n"
    "民生   1      城镇调查失业率(%)               5.3        <5\n"
    "                                                                .5                     预期性\n"
    "       2      每千人口拥有执业医师数(人)\n"
    "                                              2.9        3.4        〔0.5〕            预期性\n"
    "绿色   3      单位 GDP 能源消耗降低(%)        —          —          〔完成下达任务〕约束性\n"
    "       4      森林覆盖率(%)                   61.2       61.5       —                  约束性\n"
)


def test_a_table_value_cut_at_its_point_by_a_line_break_is_joined() -> None:
    # <5 / .5: the PDF layer cut the bound at its decimal point and set the rest on the next line; the
    # row is one cell short (the 年均 cell is empty) and its cells stand under their labels
    got = _rows(_TABLE)
    assert ("城镇调查失业率", "<=", 5.5, "2021-2025") in got


def test_a_row_whose_values_all_go_on_the_next_line_is_read() -> None:
    # the name whole on its line, the values all on the next (a long name the layout kept apart)
    got = _rows(_TABLE)
    assert ("每千人口拥有执业医师数", "=", 2.9, "2020") in got
    assert ("每千人口拥有执业医师数", "=", 3.4, "2021-2025") in got


def test_an_attribute_right_after_a_bracket_of_words_ends_the_row() -> None:
    # 〔完成下达任务〕约束性: the words cell and the attribute with no space between; the table goes on
    got = _rows(_TABLE)
    assert ("森林覆盖率", "=", 61.5, "2021-2025") in got


def test_a_decimal_point_spaced_on_both_sides_after_a_wrap_keeps_its_subject() -> None:
    # 年均增长\n7 . 6%: a PDF layer placed each glyph and wrapped the line before the figure; the bare
    # change takes the subject of the clause before the wrap
    text = ("“十三五”时期，全省地区生产总值由1.67万亿元增加到2.57万亿元，年均增长\n"
            "7 . 6%；一般公共预算收入年均增长5.8%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.indicator, it.low) for it in items if it.unit == "%"] == [
        ("地区生产总值年均增长", 7.6), ("一般公共预算收入年均增长", 5.8)]


def test_the_share_of_a_restated_goal_is_an_outcome() -> None:
    # 为目标任务5000人的105.2%: the goal word is the clause's only cue, the share after the goal is what was
    # done; with a goal cue of its own (力争) the share is a goal
    text = ("关于2022年县民生实事完成情况的公告\n"
            "四、就业服务。城镇新增就业5260人，为目标任务5000人的105.2%。\n")
    assert [(k, v) for k, _, v, _, _ in _got(text)] == [("actual", 5260.0), ("target", 5000.0), ("actual", 105.2)]
    assert _got("今年，力争城镇新增就业达到目标任务5万人的110%。\n")[-1][:3] == ("target", "=", 110.0)


def test_a_headline_space_before_this_year_opens_its_own_clause() -> None:
    # 去年经济总量超6万亿 今年预期增长6%左右: a news headline's two parts one space apart; the second is
    # this year's goal, not last year's outcome
    text = ("某省政府工作报告：去年经济总量超6万亿 今年预期增长6%左右\n"
            "2024年01月22日 17:45  来源：某某网\n"
            "某某网1月22日电 省长在作政府工作报告时说，2023年全省地区生产总值达到60132.9亿元，增长6%。\n")
    got = [(it.kind, it.period, it.low) for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert got[:2] == [("actual", "2023", 6.0), ("target", "2024", 6.0)]


_PDF_REVIEW = (
    "关于某省2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n"
    "一、2023年国民经济和社会发展计划执行情况\n"
    "2023年，全省经济运行整体好转。初步核算，全省地区生产总值50012.9亿元，增长4.6%。主要指标完成情况如下：\n"
    "— 1 —\n"
    "规模以上工业增加值增长5.1%，低于预期目标\n"
    "2.9个百分点；固定资产投资下降3.1%；社会消费品\n"
    "零售总额20203.3亿元、增长6.1%；居民人均可支配收入增长5.4%；城镇调查失\n"
    "业率5.1%；居民消费价格上涨0.2%；粮食产量617.\n"
    "5亿斤。\n"
    "二、2024年主要预期目标\n"
    "建议2024年主要预期目标为：地区生产总值增长5.5%左右；居民消费价格涨幅3%左\n"
    "右；粮食产量稳定在600亿斤以上。\n"
)


def test_wrapped_lines_of_a_pdf_review_are_no_headings() -> None:
    # a line wrapped before the figure it goes on to (…低于预期目标\n2.9个百分点) and a line of figures cut by
    # semicolons are body lines, not headings that would end the review: their figures are 2023's
    items = [it for it in duban.extract(duban.read_text(_PDF_REVIEW)).items if it.kind != "task"]
    review = [(it.kind, it.period) for it in items if it.low in (5.1, 0.2, 617.5)]
    assert review == [("actual", "2023")] * 4


def test_a_wrap_inside_the_last_word_before_a_figure_keeps_the_indicator() -> None:
    # 城镇调查失\n业率5.1%: the line wrapped inside the indicator's last word (a layer whose wraps normalize
    # left, as when its line widths scatter: read here as it stands); 3%左\n右: a wrap inside the comparator,
    # which normalize joins in a PDF layer
    text = ("二、2023年主要指标完成情况\n"
            "地方一般公共预算收入3360.5亿元、增长6.3%；居民人均可支配收入增长5.4%；城镇调查失\n"
            "业率5.1%；居民消费价格上涨0.2%。\n")
    items = duban.extract(duban.Document(text)).items
    assert ("城镇调查失业率", 5.1) in [(it.indicator, it.low) for it in items]
    from duban.ingest.normalize import unwrap_edits
    text = "— 2 —\n三、2024年主要预期目标\n地区生产总值增长5.5%左右，居民消费价格涨幅3%左\n右，粮食产量稳定在600亿斤以上。\n"
    assert (text.index("左\n") + 1, text.index("左\n") + 2, "") in unwrap_edits(text)


def test_a_completion_notice_sets_each_goal_before_what_was_done() -> None:
    # 为1500户…实施适老化改造，完成1686户: on a page reviewing a year's list, the figure right after 完成 is
    # what was done and the one before it the goal; 计划完工200台，实际完工268台 names the same indicator;
    # a quoted name opens the noun counted (15条“美丽街区”道路整治)
    text = ("关于2023年某区政府实事项目完成情况的通报\n"
            "一、养老服务。为1500户老年人家庭实施适老化改造，完成1686户。\n"
            "二、居住条件。既有多层住宅加装电梯计划完工200台，实际完工268台；完成15条“美丽街区”道路整治。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.kind, it.low) for it in items][:2] == [("target", 1500.0), ("actual", 1686.0)]
    assert items[3].indicator == items[2].indicator
    assert items[4].indicator == "美丽街区道路整治"


def test_a_wrap_after_a_trailing_space_keeps_the_change_subject() -> None:
    # 工业总产值 3280 亿元,增长 \n1.5%: a PDF layer left a space at the line end before the wrap
    text = ("2014年，全区工业总产值 3280 亿元,增长 \n1.5%;商品销售总额 4450 亿元,增长 9.6%;社会消费品零售总额\n"
            " 720 亿元,增长 8.1%。\n")
    items = duban.extract(duban.Document(text)).items
    assert [it.indicator for it in items if it.kind != "task"] == [
        "工业总产值", "工业总产值增长", "商品销售总额", "商品销售总额增长", "社会消费品零售总额", "社会消费品零售总额增长"]


def test_a_unit_cell_one_space_before_its_value_is_split_when_a_row_is_placed() -> None:
    # 微克/立方米 28: the layout kept one space between the unit cell and the value; the row is short of a
    # cell, and placed under its labels once the two are apart
    text = (
        "专栏1 “十五五”时期主要指标\n"
        "指标                    单位          2025年     2030年     属性\n"
        "森林覆盖率              %             61.2       61.5       约束性\n"
        "PM2.5平均浓度           微克/立方米 28        ≤25        约束性\n")
    assert ("PM2.5平均浓度", "<=", 25.0, "2026-2030") in _rows(text)


def test_a_gap_above_the_goal_said_with_gaochu_is_an_outcome() -> None:
    # 比计划目标高出0.8个百分点: the outcome's gap to the goal (高出 as 高), of the year reviewed
    text = ("关于某市2013年计划执行情况与2014年计划草案的报告\n"
            "2013年，社会消费品零售总额增长13.8%，比计划目标高出0.8个百分点。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.kind, it.period, it.indicator) for it in items][-1] == (
        "actual", "2013", "社会消费品零售总额增长高于计划目标")


def test_the_goal_of_economic_speed_names_gdp_growth() -> None:
    # 报告把经济增速目标定在5.5%左右 (a reporter's question): the economy's growth goal
    text = "四川日报记者：报告把经济增速目标定在5.5%左右，请问是基于什么考虑？\n"
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.indicator, it.cmp, it.low) for it in items] == [("地区生产总值增长", "~", 5.5)]


def test_a_review_going_through_the_goals_set_stays_a_review() -> None:
    # 会议确定的主要预期目标中，…的目标未能完全实现，预计全年增长4.3%: a review of the goals, not a plan
    # lead; the goals it restates (低于年初确定的6.5%, 完成年度计划40万人的112.8%) are the year's targets
    text = ("关于某省2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n"
            "一、2023年国民经济和社会发展计划执行情况\n"
            "2023年，全省经济运行总体平稳。省十四届人大一次会议确定的主要预期目标中，地区生产总值增长5.5%左右的目标"
            "未能完全实现，预计全年增长4.3%；规模以上工业增加值预计增长4.5%，低于年初确定的6.5%；"
            "城镇新增就业45.1万人，完成年度计划40万人的112.8%；城镇调查失业率5.4%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    got = [(it.kind, it.period, it.low) for it in items]
    assert got == [("target", "2023", 5.5), ("actual", "2023", 4.3), ("actual", "2023", 4.5),
                   ("target", "2023", 6.5), ("actual", "2023", 45.1), ("target", "2023", 40.0),
                   ("actual", "2023", 112.8), ("actual", "2023", 5.4)]
    assert items[3].indicator == "规模以上工业增加值预计增长"


def test_an_indicator_table_inside_a_review_leaves_the_prose_after_it_in_the_review() -> None:
    # the table's caption and header name next year's goals (2024年目标); its header is no heading and its
    # labels set no mode: the prose after the table is still the year reviewed
    text = ("关于某省2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n"
            "一、2023年国民经济和社会发展计划执行情况\n"
            "2023年，全省经济社会发展保持总体稳定。主要指标完成情况如下表：\n"
            "表1 2023年主要指标执行情况及2024年预期目标\n"
            "序号 指标名称 单位 2023年计划 2023年执行 2024年目标\n"
            "1 地区生产总值增长 % 7左右 5.2 6左右\n"
            "2 城镇新增就业 万人 60 61.2 60以上\n"
            "全年全省地区生产总值20164.6亿元，粮食产量1114.6万吨，民生支出占一般公共预算支出比重稳定在75%以上。\n"
            "二、2024年国民经济和社会发展计划草案\n"
            "建议2024年主要预期目标为：地区生产总值增长6%左右。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    prose = [(it.kind, it.period) for it in items if it.low in (20164.6, 1114.6, 75.0)]
    assert prose == [("actual", "2023")] * 3


def test_tasks_counted_as_done_and_a_goal_exceeded_in_brackets() -> None:
    # 38项任务全部完成: the tasks done, no goal (任务 after the count is not a goal word here); 确定了十件
    # 民生实事，共38项具体任务: the list's size, no item; 超出年初计划(5000个)24%: the goal in brackets
    text = ("某市人民政府办公厅关于2024年市级重点民生实事完成情况的通报\n"
            "2024年，市委、市政府确定了十件重点民生实事，共38项具体任务。截至2024年12月底，38项任务全部完成，"
            "其中31项超额完成。\n"
            "三、完善托育服务。新增普惠性托位6200个，超出年初计划(5000个)24%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.kind, it.low) for it in items][:4] == [("actual", 38.0), ("actual", 31.0), ("actual", 6200.0),
                                                       ("target", 5000.0)]


def test_a_price_adjusted_growth_is_the_real_growth_of_the_level_before() -> None:
    # 城镇居民人均可支配收入22398元，扣除价格因素增长7.5%: the labellers write 实际增长 of that subject
    text = "2013年，城镇居民人均可支配收入22398元，扣除价格因素增长7.5%；农民人均纯收入8475元，扣除价格因素后实际增长9.5%。\n"
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [it.indicator for it in items if it.unit == "%"] == ["城镇居民人均可支配收入实际增长", "农民人均纯收入实际增长"]


def test_a_year_after_an_adverbial_of_circumstance_opens_the_review() -> None:
    # 在市委的坚强领导下，2024年全市…取得新成效。全年地区生产总值达到5600亿元左右: the year reviewed, not
    # this year's goal (左右 alone does not make a goal in a sentence of that year)
    text = ("某市2025年政府工作报告(全文)\n2025-01-16 来源：某某日报\n\n"
            "在中国共产党某市委的坚强领导下，2024年全市经济社会发展取得新成效。全年地区生产总值达到5600亿元左右，增长5.6%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.kind, it.period) for it in items] == [("actual", "2024"), ("actual", "2024")]


def test_within_a_time_bounds_it_and_nothing_else() -> None:
    # 压缩至1个工作日内: <= a time; 3所内容丰富: 内 opens the next word
    text = "今年，企业开办时间压缩至1个工作日内，新建学校3所内容丰富。\n"
    assert [(cmp, v) for _, cmp, v, _, _ in _got(text)] == [("<=", 1.0), ("=", 3.0)]


def test_a_growth_with_no_subject_in_its_sentence_is_the_economys() -> None:
    # 答：…全年增长5.5%左右 / 分季度看，一季度增长3.3%: no subject before the change anywhere in its sentence;
    # a growth after a level in its sentence keeps that level's subject
    text = ("记者提问：全年目标能否实现？答：上半年的成绩为完成全年目标打下了扎实基础，全年增长5.5%左右。\n"
            "分季度看，一季度增长3.3%。一般公共预算收入100亿元，增长8%。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task" and it.unit == "%"]
    assert [it.indicator for it in items] == ["地区生产总值增长", "地区生产总值增长", "一般公共预算收入增长"]


def test_a_number_spaced_digit_by_digit_is_read_with_its_growth() -> None:
    # 全体居民人均可支配收入 29 4 0 6 元，增长9.6%: a PDF layer spaced the number into runs of digits
    text = "2021年，全体居民人均可支配收入 29 4 0 6 元,增长 9.6%。\n"
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.indicator, it.low) for it in items] == [("全体居民人均可支配收入", 29406.0),
                                                       ("全体居民人均可支配收入增长", 9.6)]


def test_the_end_of_the_plan_before_inside_a_plans_goals_is_that_years_level() -> None:
    # “十三五”期末，全市地区生产总值达到12370亿元 among the new plan's goals: the level the plan before reached
    # (2020), not a goal; the goals after it stay the plan's
    text = ("某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n第二节 “十四五”主要目标\n"
            "“十四五”时期，综合实力实现新跃升。地区生产总值年均增长6%左右。“十三五”期末，全市地区生产总值达到12370亿元，"
            "人均地区生产总值超过16万元。生态环境实现新改善。PM2.5年均浓度控制在30微克/立方米以内。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.kind, it.period) for it in items] == [("target", "2021-2025"), ("actual", "2020"), ("actual", "2020"),
                                                       ("target", "2021-2025")]


def test_money_actually_paid_out_is_an_outcome() -> None:
    # 实际拨付9.8亿元 on a completion notice: what was paid out, not a goal
    text = ("关于2025年县十件民生实事完成情况的通报\n"
            "从实施情况看，今年民生实事项目具有三个特点：一是群众参与度高；二是资金保障有力，县财政统筹安排民生实事资金"
            "9.6亿元，实际拨付9.8亿元。\n")
    assert _got(text)[-1][:3] == ("actual", "=", 9.8)


def test_a_spun_news_page_reviewing_last_year_is_dated_by_the_year_reviewed() -> None:
    # 当局事情汇报 / 汇报回首了2023年事情 (a spinner's 政府工作报告 / 报告回顾了2023年工作): the report is 2024's,
    # and 过去一年 is 2023
    text = ("某市当局事情汇报:2024年地域生产总值预期增添5.5%阁下_某某资讯网\n"
            "2月1日,某市第十五届人民代表大会第三次会议开幕,市长代表市当局作当局事情汇报。汇报回首了2023年事情,"
            "提出了2024年经济社会发展重要方针和重点使命。\n"
            "过去一年,全市地域生产总值到达7864.76亿元,增添3%;一般大众预算收入完成555.2亿元,增添8.6%。\n")
    ex = duban.extract(duban.read_text(text))
    assert ex.year == 2024
    assert {(it.kind, it.period) for it in ex.items if it.kind != "task" and it.low == 7864.76} == {("actual", "2023")}


def test_last_years_low_base_sets_no_review_and_a_report_shows_a_years_review() -> None:
    # 主要预期目标中的高增速考虑了去年低基数的影响: 去年 names a base, the goals after it stay this year's;
    # 报告显示，2013年甘肃经济…: the reported-speech lead opens that year's review
    text = ("三、2021年主要目标和任务\n2021年主要预期目标是：地区生产总值增长15%左右。\n"
            "主要预期目标中的高增速考虑了去年低基数的影响。重点做好以下工作：\n"
            "——加快项目建设。全年推进亿元以上项目220个。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert [(it.kind, it.period) for it in items] == [("target", "2021"), ("target", "2021")]
    news = ("某省：今年GDP预期增长10%\n2014年01月17日07:32  来源：某某网\n"
            "省长在政府工作报告中提出，2014年全省生产总值预期增长10%。\n"
            "报告显示，2013年某省经济保持了较快增长。全省生产总值达到6300亿元，增长12.1%。\n")
    items = [it for it in duban.extract(duban.read_text(news)).items if it.kind != "task"]
    assert [(it.kind, it.period) for it in items if it.low in (6300.0, 12.1)] == [("actual", "2013")] * 2


def test_a_share_of_a_past_years_level_dates_neither_its_sentence_nor_the_next() -> None:
    # 接待游客人次恢复到2019年水平的90% in a list of this year's tasks: 2019 is the base of the share, not the
    # year of the goal, nor of the goals after it
    text = ("三、2021年主要目标和重点任务\n全年重点做好以下工作：\n"
            "二是培育壮大产业。新增规上工业企业100户；接待游客人次恢复到2019年水平的90%。\n"
            "三是守护滇池。新建污水管网200公里，实施湿地修复2000亩。\n")
    items = [it for it in duban.extract(duban.read_text(text)).items if it.kind != "task"]
    assert {(it.kind, it.period) for it in items} == {("target", "2021")}
