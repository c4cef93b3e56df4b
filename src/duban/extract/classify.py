"""Target or actual, and the period a quantity belongs to.

A report reviews the past year (actuals) and then sets this year's goals (targets); news about a
report mixes both. The kind of a quantity comes, from the most local evidence to the least:
an explicit year in its clause (2023年 in a 2024 report -> actual), cue words in its clause
(将/要/力争 vs 比上年/增至/累计), then the mode of the running text (set by headings and lead-ins
such as 工作回顾, 主要预期目标, 今年; cues.toml), then the document's default.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from duban import fastre
from duban.extract.quantities import Quantity, alternation, load_rules, tpat
from duban.extract.sections import Structure, heading_part
from duban.fastre import Spots
from duban.regions import WRAP_IN_WORD, on_link_line

SENTENCE_END = re.compile(r"[。！？!?;；\n]")
# (a space before a year word opens a clause: a headline's two parts, 去年经济总量超6万亿 今年预期增长6%左右)
CLAUSE_START = re.compile(r"(?:[,，;；:：、。！？!?\n(（)）]| (?=今年|明年|去年|上年))")
# the last sentence end / clause start of a window, in one call: the greedy run backs off to it
LAST_END = re.compile(r"(?s:.*)" + SENTENCE_END.pattern)
LAST_CLAUSE_START = re.compile(r"(?s:.*)" + CLAUSE_START.pattern)
# a plan-execution report that also sets next year's plan (X年计划执行情况与Y年计划草案) is read as a
# work report of Y (its review part of X, its plan part of Y), not as a bulletin of X
BULLETIN = re.compile(tpat(r"统计公报|计划执行情况"))
EXEC_AND_PLAN = re.compile(tpat(r"计划执行情况[^。\n]{0,6}(?:与|和|及|暨)[^。\n]{0,30}?计划"))


def is_bulletin(text: str) -> bool:
    """A statistical bulletin or a plan-execution report (its figures are of the year it names)."""
    head = text[:3000]
    # (not a title in a list of links to other pages: 相关文章 / · 关于某区2021年…计划执行情况的报告)
    return (any(not on_link_line(head, m.start()) for m in BULLETIN.finditer(head))
            and EXEC_AND_PLAN.search(head) is None and not sets_next_plan(head))


def sets_next_plan(text: str) -> bool:
    """The title (in the first 600 characters) names a plan's execution and the next plan: X年计划执行
    情况与Y年计划草案, also where a PDF layer wraps it inside a word (…计划执行情\n况与2022年…)."""
    return (EXEC_AND_PLAN.search(text, 0, 600) is not None
            or EXEC_AND_PLAN.search(WRAP_IN_WORD.sub("", text[:600])) is not None)
# a year, not a comparison base (比2017年预算低0.4个百分点); the lookbehind follows the century
# digits so that the regex engine can skip to the next 1 or 2
YEAR = re.compile(r"((?:19|20)(?<![\d.比较](?:19|20))\d\d)(?:\s*年(?!\s*\d{1,2}\s*月)|(?=[-—~至到]\s*(?:19|20)\d\d\s*年))")
# (after a speaker tag of a press conference or interview: 省政府研究室主任：2023年，…)
# (在市委的坚强领导下，2024年…: an adverbial of circumstance may open the sentence before its year)
_CIRCUMSTANCE = r"(?:在[^，,。；;\n\d]{2,30}?[下中][，,]\s*)?"
LEAD_YEAR = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\d+[.、])?\s*" + _CIRCUMSTANCE + r"((?:19|20)\d\d)")
SPEAKER_LEAD_YEAR = re.compile(r"\s*[^\n:：。，,；;\d]{1,14}[:：]\s*(?:[一二三四五六七八九十]+、|\d+[.、])?\s*((?:19|20)\d\d)")
# a year as the topic of a sentence (2023年，…) when it opens the sentence, after a speaker's tag at most
# (TOPIC_OPENS: what may stand before it; found from the year, a class-first scan, not tried at every position)
# a line opening with a year, after a heading number at most
LINE_YEAR = re.compile(r"\n[ \t\u3000]*(?:[一二三四五六七八九十]+、|\d{1,2}[.、]|[（(][一二三四五六七八九十\d]{1,2}[)）])?[ \t\u3000]*"
                       # (or after a reported-speech lead of a news page: 报告指出，2020年面对…)
                       r"(?:(?:报告|他|她)(?:指出|提出|表示|介绍|说|显示)[，,:：]?)?"
                       # (or after an adverbial of circumstance: 在市委的坚强领导下，2024年全市…)
                       + _CIRCUMSTANCE + r"((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月)")
YEAR_TOPIC = re.compile(r"((?:19|20)\d\d)\s*年[，,]")
TOPIC_OPENS = re.compile(r"(?:^|[\n。；;!！?？])[ \t\u3000]*(?:[^\n:：。，,；;\d]{1,14}[:：][ \t\u3000]*)?\Z")
# a heading line of an illustrated summary naming a year and no part word, last before a sentence
YEAR_HEADING = re.compile(tpat(r"(?:^|\n)[ \t\u3000]*[【\[]?((?:19|20)\d\d)年?[，,、\s]*(?:我们)?(?:这样干|这么干|怎么干|干了啥|干了什么|"
                               r"成绩单|答卷)[】\]!！]?[ \t\u3000]*\n?$"))
# every YEAR_HEADING match ends with one of these and at most a bracket, spaces and a newline after it
# (tests/test_fastre.py): a look at a stretch's last characters rules out most stretches, where the
# pattern itself (led by (?:^|\n)) is tried at every position
YEAR_HEADING_WORD = re.compile("干|幹|成绩单|成績單|答卷")


def may_end_in_year_heading(lead: str) -> bool:
    """Can YEAR_HEADING match ``lead``? False when its last characters hold none of the words."""
    return YEAR_HEADING_WORD.search(lead.rstrip(" \t\u3000\n")[-6:]) is not None
FIVE_YEAR = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
             "十五五": (2026, 2030)}
FIVE_YEAR_RE = re.compile("|".join(FIVE_YEAR) + "|第十[一二三四五]个五年")
PLAN_WORDS = re.compile(tpat("目标|计划|(?<![超于出])预期"))  # (超预期的冲击, 好于预期: a review's words)
THIS_YEAR_LEAD = re.compile(tpat(r"\s*(?:今年|本年)"))
THIS_YEAR = re.compile(tpat("今年|本年"))
# a sentence opening on the end of a plan (“十三五”期末，…): the levels it reached
PAST_PLAN_END = re.compile(r"\s*[“\"']?(十[一二三四五]五)[”\"']?(?:时期)?期?末[，,]")
FIVE_YEAR_END = re.compile(r"[”\"';；]*末")
PLAN_PROPOSAL = re.compile(tpat(r"规划的?建议|《建议》"))
TO_PLAN_END = re.compile(r"[到至][“\"']?$")
CHANGE_BEFORE = re.compile(tpat("(?:增长|提高|下降|降低|增加|减少|上升)了?$"))
PLAN_CONTEXT = re.compile(tpat("规划|时期|期间|到20\\d\\d年"))
DONE_AFTER = re.compile(tpat("[^。,，;；]{0,4}(?:(?:总体|全面|全部|圆满|基本|顺利)?(?:完成|实现|达成|完结|办结)|(?:好于|优于|超出|超过|高于)预期"
                             "|持平)|中(?=[,，])"))  # (与预期目标持平: an outcome set against the goal; 圆满完结 a spun 圆满完成;
# 确定的主要预期目标中，…: a review going through the goals set)
QUANTITY_BEFORE = re.compile(r"[\d%％](?:左右|以上|以内|以下)?的$")  # (增长8%左右的预期目标: a goal named)
FIVE_YEAR_PERIOD = re.compile(r"(" + "|".join(FIVE_YEAR) + r")[”\"';；]*(?:时期|期间|(?:规划)?(?:实施)?以来|规划期|前[两二三四]年)")
# (比上半年加快0.3个百分点: a comparison base, not the period of the figure)
PART_OF_YEAR = fastre.compile(tpat("(?<![比较])(?:上半年|第一季度|一季度|前三季度)|1[-—至][369]月"))
# the parts a figure of its sentence can belong to: those, and the second quarter (二季度要力争…回升到4%以上)
# (二季度末, 三季度末: by the quarter's end, the year so far: 二季度末开工率达到70%)
PART_OF_SENTENCE = fastre.compile(tpat("(?<![比较])(?:上半年|第一季度|一季度|前三季度|第?[二三]季度末|第二季度|二季度)|1[-—至][369]月|"
                                          "截至[369]月(?:底|末)"))
# a part-of-year cue carried over the sentences after it on a part-of-year news page, until one of
# these names another period (全年, 下半年, 去年, a year); 比一季度 is a comparison, not a cue, nor is
# 与2019年同期相比 (a base of a two-year average)
PART_CARRY = re.compile(r"(?<![比较較同])(?:" + tpat(r"上半年|第?一季度|前三季度|1[-—至][369]月|截至[369]月(?:底|末)") + ")|(?P<reset>"
                        r"(?<!去年)(?<!上年)全年(?!(?:主要)?(?:预期|預期)?(?:目标|目標|任务|任務|计划|計劃))|" + tpat(
    r"下半年|第?四季度|过去的?一年|(?<![比较同])(?:去年|上年)(?!同期)|"
    r"(?:19|20)\d\d\s*年(?!\s*(?:上半年|第?一季度|前三季度|1[-—至]\d|\d{1,2}\s*月|同期))") + ")")
# (完成全年目标任务的64.3%: a part of the year's goal done, no other period; 比去年全年加快: a comparison
# base; 全年 stays outside tpat, whose
# traditional variant, tried first, would hold a lookahead in traditional script only)
# the sentence speaks of last year (过去一年,全市一季度…): its parts of a year are last year's
LAST_YEAR_WORDS = re.compile(r"(?<![比较])(?:过去的?一年|已往一年|去年)")
# a sentence naming the plan of its goal: by name (十五五) or by its last year (到2030年)
FIVE_YEAR_GOAL = re.compile(r"十[一二三四五六]五|到(20\d\d)年")
MILESTONE_AFTER = re.compile(tpat(r"[”\"'」]?\s*(?:规划)?[的之]?(?:收官|开局|起步|开好局|开门红)"))
PERIOD_WORDS = re.compile(tpat("时期|期间|中期|实施[两三四]年来|五年来|过去五年|回顾五年|回顾[“\"']?十[一二三四五]五|五[”\"']?以来|五[”\"']?前[两二三四]年"))
PAST_FIVE = re.compile(tpat("五年来|过去五年|过去的五年|回顾五年"))
OTHER_PERIOD = fastre.compile(tpat(r"过去一年|过去的一年|一年来|去年|今年|(?<![比较同])上年(?!同期)|(?:19|20)\d\d\s*年|十[一二三四五]五"))
# a report's title, also in spun copies (当局事情陈诉, 政府工作陈述): its year names the report, and does
# not date the figures of a sentence it runs into (a web copy without a line break after the title)
WORK_REPORT = r"(?:政府|当局|内阁)(?:工作|事情|任务)(?:报[告吿]|陈诉|陈述)"
REPORT_TITLE = WORK_REPORT + r"|工作报[告吿]|统计公报"
TITLE_YEAR = re.compile(rf"((?:19|20)\d\d)\s*年度?[^。，,；;：:\d]{{0,16}}?(?:{REPORT_TITLE})")  # simplified text
# 两年平均增长 in a review: the average over the two years that end with the year reviewed
YEARS_AVERAGE = re.compile(r"([两二三])年(?:平均|年均)")
# a clause opening with the years it sums (两年城镇新增就业, 近三年累计): the years ending with the one named
YEARS_LEAD = re.compile(tpat(r"(?:近|这|过去)?([两二三])年(?:来|间|中)?(?:累计|共)?(?!行动|计划|攻坚|规划)"))
# an actual over a range of years (2021-2022年，…年均增长4.2%)
YEAR_RANGE = re.compile(r"((?:19|20)\d\d)\s*[-—–~～至到]\s*((?:19|20)\d\d)\s*年")
THIS_YEAR_SO_FAR = re.compile(tpat(r"今年(?:\d{1,2}月)?以来|今年年初|今年(?:已|累计)"))
# an average over the years or a sum (not 年均浓度, the name of a level)
PLAN_AVERAGE = re.compile(tpat(r"年均(?!浓度)|累计"))
# the plan's own goal named in a review (规划确定的, 纲要提出的)
PLAN_SET = re.compile(tpat(r"(?:规划|纲要)(?:确定|提出|设定|明确)"))
# part-of-year cues (一季度, 上半年) that open a goal (一季度要力争…) set no review mode
PART_CUE = re.compile(r"(?:上半年|第?一季度|前三季度|1[-—–~至]\d{1,2}月)\Z")
COMPARED_TO = ("较", "較")  # 较去年, 较上年: a comparison base, not the past period
GOAL_WORD = re.compile(tpat("目标"))
GOAL_FIGURE = re.compile(tpat(r"(?:值)?(?:为|是)?(?:增长|下降|提高|降低|达到)?\s*(?:[-−]\s*)?\d"))
# a year opening a line or sentence (2025年，…), not a date (2025年1月20日) nor a clause (，2020年达到…)
# (2015年实现地区生产总值835.6亿元,…年均增长10.2%: the level's date, the average the plan's; 过去的一年,…
# opening the first paragraph under “十二五”时期和2015年工作回顾: that year)
LEADING_YEAR = re.compile(r"(?:^|(?<=[\n。；;!！?？]))\s*(?:(?:19|20)\d\d\s*年(?!\s*\d{1,2}\s*月)(?!实现|达到|末|底)|"
                          + tpat(r"过去的?一年|刚刚过去的一年|刚刚过去的(?:19|20)\d\d\s*年") + ")", re.M)
AVERAGE = re.compile(tpat("年均|累计"))
TITLE_HEAD = 300  # a heading this near the start is the page's title
LIST_HEADING = re.compile(r"[ \t\u3000]*[一二三四五六七八九十]{1,3}、")
# verbs of work done (新建, 改造, 新增, 治理): the count after them is a flow, not a level
FLOW_VERB = re.compile(tpat(r"新建|改建|扩建|改造|新增|治理|整治|建成|开工|完成|实施|引进|植树|造林|搬迁"))
# a sentence that opens with the five years it sums (五年新建…, 过去五年共…)
FIVE_LEAD = re.compile(tpat(r"\s*(?:过去的?)?五年(?:来|间|中|内)?[，,]?(?:累计|共)?"))
BASELINE_FROM = re.compile(tpat("[由从]$"))
# a year right before a figure names the figure's own year (由2020年的6.5万辆, 2024年末达到)
FIGURE_YEAR = re.compile(tpat(r"((?:19|20)\d\d)年(?:底|末)?的?(?:达到|为)?$"))
# the base of 由A提高到B / 从A增加到B (由2020年的70.4%): an actual of its own year that must not
# set the kind of what follows, nor hand it to B
# (由每人每月75元提高到85元: a rate per head or month keeps its base)
BASELINE = re.compile(r"[由从從]\s*(?:(?:19|20)\d\d\s*年(?:底|末)?)?的?\s*(?:每人每月|每人每年|每人|人均|每月|每年|每亩)?\s*$")
BASE_YEAR = re.compile(r"[由从從]\s*(?:19|20)\d\d\s*年(?:底|末)?的?")
# the end of 由2011年的32栋增加到2016年的55栋, in a clause before the quantity's: that figure's year, not
# the sentence's (过去五年，…；新增国家高新技术企业530家 stays with the five years)
END_YEAR = re.compile(r"(?<=[到至])\s*(?:19|20)\d\d\s*年(?:底|末)?的")
# 在2020年基础上继续提高: the base of a goal, not the year of the sentence (到2025年，…在2020年基础上…)
# (在2025年地区生产总值预计达到5200亿元的基础上: the base may state its figure)
ON_BASE_YEAR = re.compile(r"[在以较比]\s*(?:19|20)\d\d\s*年(?:底|末)?(?:[^，,。；;：:\n]{0,30}?的)?(?:水平)?基[础礎]上")
# 改造2000年以前建成的老旧小区: a year that defines what is counted, no period
BUILT_BEFORE_YEAR = re.compile(tpat(r"(?:19|20)\d\d\s*年(?:底|末)?(?:以前|之前|前|以后|之后|后)(?:建成|建设|建造|竣工|投用|出生)"))
# the figure inside such a base: the base's year before it, 的基础上 after it
ON_BASE_OPEN = re.compile(r"[在以较比]\s*((?:19|20)\d\d)\s*年(?:底|末)?[^，,。；;：:\n]{0,30}\Z")
ON_BASE_AFTER = re.compile(r"[^，,。；;：:\n\d]{0,6}?的(?:水平)?基[础礎]上")
# 恢复到2019年的八成, 达到2019年同期水平: a comparison base, it dates nothing after it
# a year named as the base of a comparison (与2013年相比, 同2020年底相比, 是2010年的1.9倍)
COMPARED_WITH_YEAR = re.compile(tpat(r"(?:与|同|和|跟)\s*(?:19|20)\d\d\s*年(?:底|末|初|同期)?(?:相比|相较)"
                                     r"|(?:是|为|相当于)\s*(?:19|20)\d\d\s*年(?:底|末)?的(?=[\d.一二三四五六七八九十两]+倍|\Z)"))
# (at the end of the text before the figure too: 恢复到2019年的 before 90%)
BACK_TO_YEAR = re.compile(tpat(r"(?:恢复|回升|回到|回复|达到)(?:到|至)?\s*(?:19|20)\d\d\s*年(?:同期)?的?"
                               r"(?=水平|[一二三四五六七八九十\d]|\Z)"))
TO_AFTER_BASE = re.compile(tpat(r"(?:提高|提升|增加|增长|扩大|上升|下降|降低|减少|缩小|压减|调整|突破|达)(?:到|至)"))
# a goal named in a review (预期目标为增长7%, 低于3.5%的控制目标): a target of the period reviewed
# a review sentence that opens by restating the plan (2023年计划确定，…增长6.5%左右): its figures are goals
# (after a speaker's tag at most: 负责人：年初政府工作报告确定…)
# (年初省人大批准的计划提出，…: the plan approved at the year's start, whoever approved it; 省十三届人大五次会议
# 批准的2022年计划确定，…)
RESTATED_LEAD = re.compile(tpat(r"\s*(?:[^，,。：:\n]{1,12}[：:]\s*)?(?:[^，,。：:\n]{1,16}?(?:批准|审议通过)的)?(?:(?:19|20)\d\d\s*年)?(?:的)?(?:(?:(?:年度|年初(?:[^，,。：:\n]{1,8}?的)?)?(?:计划|预期目标)|年初(?:的)?政府工作报告)(?:确定|提出|安排|要求)|(?:年度|年初)目标(?:为|是))"))
# (the goal may stand in brackets: 低于年度预期目标(8.5%左右))
# (低于年初预期的7%: the goal named by 预期 alone, before its figure)
RESTATED_BEFORE = re.compile(tpat(r"(?:(?:预期|控制|调控|年度|全年|计划|既定|年初确定的?)目标(?:值)?(?:为|是)?(?:增长|下降|提高|降低)?"
                                  r"|(?:年初|年度|全年)预期的|(?:明显|略|稍)?(?:低于|高于|超过|快于|慢于|达到)(?:了)?年初(?:确定|提出|设定)的|与预期的)\s*[(（]?\s*$"))
HELD_IN = re.compile(r"\s*控制在\s*")
CUMULATIVE = re.compile(tpat(r"累计\Z"))
# after a part-of-year review of this year (上半年…增长6.1%): the rest of the year's outlook
REST_OF_YEAR = re.compile(tpat("下半年|第?四季度"))
WHOLE_YEAR_LEAD = re.compile(tpat(r"\s*全年"))
GOAL_MARK = re.compile(tpat("力争|确保|目标"))
# 今后五年/未来五年(内): a goal over the five years from the report year
NEXT_FIVE = fastre.compile(tpat("(?:今后|未来)五年"))  # literal-first: 57 -> 200 M chars/s
_DONE_WORDS = "实际|实现|完成|达到"
DONE_CLAUSE = re.compile(tpat(_DONE_WORDS))
# a clause of work done after the plan's in its sentence (…，实际新增3240个, 完成526公里, 已建成): the
# figures from there on are outcomes
WORK_DONE = re.compile(tpat(_DONE_WORDS + "|建成|已|超额"))
# 低于年度预期目标(8.5%左右): the goal in brackets (the bracket starts a clause of its own)
# (also after an execution verdict: 增长4.5%，未完成计划(6%), 超额完成计划(10%))
BRACKETED_GOAL = re.compile(tpat(r"(?:(?:预期|控制|年度|全年|计划|既定)目标(?:值)?|(?:低于|高于|超过|超出|快于|慢于|比)(?:年度|全年|年初)计划"
                                 r"|(?:未|超额|超|基本)?(?:完成|达到)(?:年度|全年|年初)?(?:计划|目标|预期目标))\s*[(（]\s*$"))
# (完成年度预期目标(增长6%): the bracket opens with the change its figure is of)
BARE_CHANGE = re.compile(tpat(r"\s*(?:增长|增速|下降|提高|降低|上涨)\s*"))
# 高于年度目标2.9个百分点: the gap between the outcome and its goal, an outcome itself
GAP_TO_GOAL = re.compile(tpat(r"(?:高于|低于|超过|快于|慢于|超出)[^,，;；。]{0,6}目标(?:值)?\s*$"))
# 为目标任务5000人的105.2%: the share of the goal just restated that was done, an outcome itself
SHARE_OF_GOAL_FIGURE = re.compile(tpat(r"(?:为|占|完成|达到)[^,，;；。\d]{0,8}(?:目标|计划|任务)[^,，;；。\d]{0,4}\d[\d.]*[^,，;；。\d]{0,5}的\s*$"))
# 完成年度计划40万人的112.8%: the goal's figure between the goal word and the share done of it
GOAL_BEFORE_SHARE = re.compile(tpat(r"(?:完成|占|为|达到)了?(?:年度|全年|年初)?(?:计划|目标|任务|目标任务)\s*$"))
SHARE_AFTER = re.compile(r"\s*的\s*\d+(?:\.\d+)?\s*%")
# 比年初预期目标低1.9个百分点: the goal named as the base of a gap
GOAL_AS_BASE = re.compile(tpat(r"[比较](?:年度|全年|年初|预期|既定|计划|控制)*目标(?:值)?(?:高|低|快|慢)(?:出|了)?\s*$"))
ACTUAL_OPENS = re.compile(tpat(r"\s*实际(?:增长|下降|增加|减少)"))
PLAN_OPENS = re.compile(tpat(r"\s*(?:年初|年度|全年)?(?:计划|预期)"))  # (预期增长8%，预计增长12.6%: the goal, then the outcome)
PLAN_THEN_ACTUAL = re.compile(tpat(r"[^。；;\n]{0,40}?[，,]\s*(?:实际|预计)"))  # (预计: the estimate of a year not closed)
# a clause that opens with the plan may have its outcome in the next sentence (计划总投资7.6亿元。…，实际完成投资8.1亿元)
# (…，累计完成投资10.3亿元: the sum done so far, the outcome likewise)
PLAN_THEN_ACTUAL_NEXT = re.compile(tpat(r"[^。；;\n]{0,40}?。[^。；;\n]{0,60}?[，,]\s*(?:实际|累计完成)"))
# (为1500户老年人家庭实施适老化改造，完成1686户: the figure done right after 完成/建成, the goal before it)
ACTUAL_AFTER = re.compile(tpat(r"[^。；;\n，,]{0,24}[，,]\s*(?:实际|(?:完成|建成|办结)(?=\s*\d[\d.]*\s*[万亿]?(?:户|人次|人|个|家|所|套|台|公里|座|张|条|处|项|件|平方米|亩)))"))
ACTUAL_LEAD = re.compile(tpat(r"\s*(?:实际|已)"))
WHOLE_YEAR_CLAUSE = re.compile(tpat(r"[，,；;:：]\s*全年"))
# a numbered item's title before its sentences (二、普惠托育服务扩容。)
_ITEM_TITLE = r"[一二三四五六七八九十]+、[^。\n]{0,16}?[。.]"
# a sentence opening with the plan it reviews (计划新建…, 年度计划…); not a project's size (计划总投资)
SENTENCE_PLAN = re.compile(tpat(rf"\s*(?:{_ITEM_TITLE}\s*)?(?:年初|年度|全年)?计划(?!总投资|投资)"))
# on a page reporting the progress of part of the year: a mark of progress or an outcome (上半年已开工28所,
# 截至6月底, 完成全年任务的52.8%, 同比增长); a sentence without one whose line goes on with one restates the goal
PROGRESS_MARK = re.compile(tpat(r"已|截至|截止|目前|上半年|季度|1[-—至~～]\d{1,2}月|同比|比上年|较上年|实际|累计|进度"
                                r"|完成(?:了|全年|年度|计划|目标)|(?:情况|进展|进度)\s*[:：]"))
ITEM_TITLE = re.compile(tpat(r"\s*" + _ITEM_TITLE))
SENTENCE_CUT = re.compile(r"[。；;！!]")
CLAUSE_CUT = re.compile(r"[，,。；;！!]")
SENTENCE_CUT_BACK = re.compile(r"(?s:.*)[。；;！!]")  # (greedy: the last sentence end before the figure)
# (not 完成全年目标的58.8% right after a figure: the share of the goal that figure is, progress itself)
WORK_PROGRESS = re.compile(tpat(r"已|截至|截止|目前"))
# a progress or completion page's label of an item's goal (年初目标：新增城镇就业8万人。完成情况：…)
# (a bare 目标： label opening a sentence too: 一、促进就业。目标：全年城镇新增就业20万人以上。完成情况：…)
GOAL_LABEL = re.compile(tpat(r"(?:(?:年初|年度|全年|计划)(?:目标|任务)(?:任务)?|(?:^|(?<=[。；;\n]))\s*目标)\s*[:：]"))
# 年初政府工作报告确定的全年目标是A、B、C (named in a review of part of the year): every member restated
GOALS_SET_LIST = re.compile(tpat(r"(?:确定|提出|设定|制定|明确)的?(?:全年|年度|今年)?(?:主要)?(?:预期|发展)?目标(?:是|为)"))
# 地区生产总值计划增长8%以上，实际…: the plan's word right before the figure, after the indicator
PLAN_BEFORE = re.compile(tpat(r"(?:计划|预期)(?:增长|下降|提高|降低|增加|减少|完成|达到|实现|为)?\s*$"))
# (…与4.5个的规划目标: the plan's goal named after its figure)
# (未完成年初确定的7%目标: the goal word right after the figure)
RESTATED_AFTER = re.compile(tpat(r"(?:左右|以上|以内|以下)?的(?:年度|全年|预期|控制|调控|既定|计划|规划)?"
                                 r"(?:目标任务|目标|预期目标|控制目标|任务)|目标(?![^，,。；;\n]{0,3}[\d一二三四五六七八九十])"))
# 确定生产总值增长9%左右、规模以上工业增加值增长12%…等主要目标: a list of the goals set, closed in its clause
GOALS_LISTED_AFTER = re.compile(tpat(r"[^。；;，,\n]{0,80}?等(?:主要|各项)?(?:预期|约束性|调控)?目标"))


@dataclass
class Cues:
    mode_target: re.Pattern
    mode_actual: re.Pattern
    mode_any: re.Pattern  # matches wherever one of the mode cues or a FIVE_YEAR_PERIOD could (a pre-check)
    clause_target: re.Pattern
    clause_actual: re.Pattern
    clause_any: re.Pattern  # either of the two (a pre-check: most clauses have no cue)
    target_not_after: re.Pattern
    after_target: re.Pattern
    after_actual: re.Pattern
    # cheap guards (a failed match of after_actual costs ~1.4 us: it backtracks): the characters an
    # after_target match can start with, strings one of which every after_actual match holds
    after_target_first: frozenset[str] | None = None
    after_actual_needs: re.Pattern | None = None


@cache
def cues() -> Cues:
    table: dict[tuple[str, str], list[str]] = {}
    not_after = "(?!)"
    for c in load_rules("cues")["cue"]:
        table.setdefault((c["kind"], c["scope"]), []).extend(c["words"])
        if c["kind"] == "target" and c["scope"] == "mode" and c.get("not_after"):
            not_after = c["not_after"]

    def comp(kind: str, scope: str) -> re.Pattern:
        return re.compile(alternation(table.get((kind, scope), ["(?!)"])))

    mode_any = re.compile("|".join([alternation(table.get(("target", "mode"), ["(?!)"])),
                                    alternation(table.get(("actual", "mode"), ["(?!)"])), *FIVE_YEAR]))
    clause_any = re.compile("|".join([alternation(table.get(("target", "clause"), ["(?!)"])),
                                      alternation(table.get(("actual", "clause"), ["(?!)"]))]))
    after_target, after_actual = comp("target", "after"), comp("actual", "after")
    return Cues(comp("target", "mode"), comp("actual", "mode"), mode_any, comp("target", "clause"),
                comp("actual", "clause"), clause_any,
                re.compile(alternation([not_after])), after_target, after_actual,
                _first_chars(after_target), _needs(after_actual))


def _first_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters every match of ``pattern`` starts with, when `fastre.first_class` tells them
    as plain characters; else None."""
    import re._constants as sre
    import re._parser as parser

    first = fastre.first_class(pattern.pattern, pattern.flags & ~re.UNICODE)
    if first is None:
        return None
    (op, items), = parser.parse(first.pattern)
    if op is not sre.IN or any(o is not sre.LITERAL for o, _ in items):
        return None
    return frozenset(chr(v) for _, v in items)


def _needs(pattern: re.Pattern) -> re.Pattern | None:
    """A search for the strings one of which every match of ``pattern`` holds, or None."""
    needs = fastre.required_strings(pattern.pattern, pattern.flags & ~re.UNICODE)
    return re.compile("|".join(map(re.escape, needs))) if needs else None


# -- the report year -----------------------------------------------------------------------------

_YEAR_RULES: list[tuple[re.Pattern, int, int]] = [
    # (pattern with the year in group 1, offset to the report year, weight)
    (re.compile(rf"((?:19|20)\d\d)\s*年?[^。\n,，]{{0,12}}(?:{WORK_REPORT})"), 0, 5),
    (re.compile(r"((?:19|20)\d\d)\s*年?(?:经济社会)?(?:发展)?(?:的)?(?:主要)?(?:预期)?目标"), 0, 4),
    (re.compile(r"((?:19|20)\d\d)\s*年?(?:具体)?(?:工作安排|重点工作|主要任务|工作任务|工作部署|具体工作)"), 0, 4),
    (re.compile(r"(?:部署了?|安排了?|展望)\s*((?:19|20)\d\d)\s*年"), 0, 3),
    (re.compile(r"(?:回顾)了?\s*((?:19|20)\d\d)\s*年"), 1, 4),
    (re.compile(r"((?:19|20)\d\d)\s*年?(?:工作回顾|重点回顾|工作总结)"), 1, 4),
    # a bulletin covers the year of its title, which a PDF may split over lines (2022年国民经济和社会
    #发展\n统计公报); the publication date after it (2023年3月) must not win
    (re.compile(r"((?:19|20)\d\d)\s*年?[^。，,；;\d]{0,20}?统计公报"), 0, 4),
    (re.compile(r"((?:19|20)\d\d)\s*年?[^。\n]{0,16}计划执行情况"), 1, 4),
    # 2023年十方面民生实事项目完成情况: the year's work reported when it is over (not 2024年上半年…)
    (re.compile(r"((?:19|20)\d\d)\s*年(?!\s*(?:上半年|第?一季度|前三季度|1[-—至]\d))[^。\n，,]{0,24}?(?:完成情况|落实情况|办理情况)"), 1, 4),
    (re.compile(r"刚刚过去的\s*((?:19|20)\d\d)\s*年"), 1, 4),
    # a title line 长沙2022年重点民生实事项目出炉: the year's list of projects, set at its start (not one
    # reporting them done, 2022年民生实事项目完成情况, nor a sentence: a title has no comma or full stop)
    (re.compile(r"^[^\n。，,；;]{0,30}?((?:19|20)\d\d)\s*年度?[^\n。，,；;\d]{0,12}?(?:民生实事|民生實事|实事|實事)项目"
                r"(?![^\n]*(?:完成|落实|办理|进展|兑现|满意|实施情况|执行情况|落實|辦理|進展|兌現|滿意))[^\n。，,；;]{0,30}$", re.M), 0, 4),
    # the date a session opened (Jan-Mar): 2024年02月01日, 2016-01-24
    (re.compile(r"((?:19|20)\d\d)\s*(?:年\s*0?[1-3]\s*月|-0?[1-3]-\d)"), 0, 1),
]


# a five-year plan named in the page head (第十四个五年规划, “十四五”规划纲要): its first year
# (a sector plan too: 关于印发某省“十四五”现代综合交通运输体系和枢纽经济发展规划的通知)
_PLAN_TITLE = re.compile(tpat(r"第?(十[一二三四五])个?五年(?:规划|计划)|[“\"]?(十[一二三四五]五)[”\"]?(?:[^。，,；;\n]{0,24}规划)"))
_CN_ORD = {"十一": "十一五", "十二": "十二五", "十三": "十三五", "十四": "十四五", "十五": "十五五"}
VISION = re.compile(r"展望|远景")


# a news page's date line (2024-07-15 来源：…, 发布日期：2024年7月15日): the year it speaks of as 今年
_DATE_LINE = re.compile(r"^[ \t\u3000]*[（(]?(?:[^\n]{0,20}?(?:日期|时间|時間|發布|發佈|发布|來源|来源)[^\n\d]{0,16})?((?:19|20)\d\d)\s*[-/.年]\s*"
                        r"(?:0?[1-9]|1[0-2])\s*(?:[-/.月]\s*(?:0?[1-9]|[12]\d|3[01])(?!\d)(?:[^\n。，,]{0,40}|"
                        # a time after the date: a date line, however long its source, author and widgets
                        r"日?\s+[0-2]?\d:[0-5]\d[^\n。]{0,120})|月\s*[）)]?\s*)$", re.M)
# (a line of year and month alone, 2023年12月, is a date line too; a photo caption opening with a date,
# 2021年12月28日,某医院工作人员…。, is a sentence, not a date line)


# a date after a breadcrumb or site name, with a time or ending the line (湖南新闻网 > 长沙 > 民生  2022-02-25
# 09:31 来源:…, 浙江新闻网 财经频道 2024-07-19)
_STAMP_LINE = re.compile(r"^[^\n。，,；;：:]{0,40}?[\s>|]((?:19|20)\d\d)[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
                         r"(?:\s+[0-2]?\d:[0-5]\d[^\n。]{0,120}|[ \t\u3000]*)$", re.M)


def page_date_year(original: str) -> int | None:
    """The year of the date line in a page's head (the first 500 characters), or None."""
    m = _DATE_LINE.search(original, 0, 500) or _STAMP_LINE.search(original, 0, 500)
    return int(m.group(1)) if m else None


# a title reviewing how a plan goes (规划纲要实施情况的中期评估报告): a review, even of a 规划纲要
# (完成情况 closing a title: 2022年某市民生实事项目完成情况, …完成情况的报告, …项目全面完成; not 完成情况良好 in a
# line of labels)
_REVIEW_TITLE = re.compile(tpat(r"实施情况|中期评估|执行情况|进展情况|推进情况|完成情况(?=[ \t]*(?:\n|$)|的|通报|公示|公告|[表（(])|(?:全面|全部|圆满)完成(?=[ \t]*(?:\n|$))|实施评估|实施过半"))


_SENTENCE_MARKS = re.compile(r"[。，,；;]")
_PART_NUMBER = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])")
_HEADING_MARKS = re.compile(r"[。，,；;：:！？]")


def is_plan_review(text: str) -> bool:
    """The page head (the first three lines that are not blank) titles a review of a plan's progress,
    not a bulletin."""
    lines = [line for line in text[:300].splitlines() if line.strip()][:3]
    # (a title: no sentence of a notice, 请…将进展情况报县政府督查室; no numbered heading of a part, 一、2022年
    # 民生实事项目完成情况 under a title announcing the next year's list)
    return (any(_REVIEW_TITLE.search(line) and len(line) <= 80 and not _SENTENCE_MARKS.search(line)
                and not _PART_NUMBER.match(line) for line in lines)
            and not is_bulletin(text))


def _title_plans(text: str) -> Iterator[tuple[int, int]]:
    """The years of each five-year plan a title line of the page's head names (某县国民经济和社会发展第十五个
    五年规划纲要; a title line, not a sentence)."""
    for line in text[:300].splitlines()[:3]:
        plan = _PLAN_TITLE.search(line)
        if plan and len(line) <= 60 and not re.search("[。，,；;？?]", line):
            yield FIVE_YEAR[plan.group(2) or _CN_ORD[plan.group(1)]]


def _outline_span(text: str) -> tuple[int, int] | None:
    """The years of the plan whose outline the page is (its title line names it, or the page opens on the
    chapter of its goals: 第二章 “十五五”时期经济社会发展的主要目标), or None."""
    span = next(_title_plans(text), None)
    if span is None and (goals := PLAN_GOALS_HEAD.search(text, 0, 120)) is not None:
        end = text.find("\n", goals.end())
        line = text[text.rfind("\n", 0, goals.start()) + 1 : end if end >= 0 else len(text)]
        if not _HEADING_MARKS.search(line):
            span = FIVE_YEAR[goals.group(1)]  # (a heading line, not 主要目标是：… in a news sentence)
    return span


_YEAR_PART = re.compile(r"((?:19|20)\d\d)\s*年\s*(?:上半年|第?[一二三]季度|前三季度|1[-—至]\d{1,2}月)")  # 2024年上半年


PLAN_GOALS_HEAD = re.compile(r"[“\"]?(十[一二三四五]五)[”\"]?时期[^。\n]{0,20}?主要(?:预期)?目标")
GOAL_YEAR_BEFORE = re.compile(r"(?:到|至|展望|远景|锚定)\s*$")


def report_year(text: str, dated: int | None = None) -> int | None:
    """The year whose plan the report sets (a 2024 report reviews 2023), or None.

    ``dated``: the year of the page's date line, used when no title or lead-in names the year."""
    head = text[:20000]
    review = is_plan_review(text)
    if review and dated is not None:
        return dated  # a mid-term review of 十四五 dated 2023: it reviews 2021-2022
    for first, _ in () if review else _title_plans(text):
        # news dated before a plan begins only speaks of it; a page dated two years or more into the plan
        # (湖南“十四五”规划纲要实施过半, 2023) reports how it goes
        if dated is None or first <= dated < first + 2:
            return first
    votes: Counter[int] = Counter()
    for pat, offset, weight in _YEAR_RULES:
        for m in pat.finditer(head):
            if VISION.search(m.group()) and int(m.group(1)) % 5 == 0 and int(m.group(1)) >= 2030:
                continue  # 展望2035年: a vision's horizon, not the year planned
            if on_link_line(head, m.start()):
                continue  # · 2023年某市统计公报 under 相关新闻: another page's title
            votes[int(m.group(1)) + offset] += weight
    if votes:
        return votes.most_common(1)[0][0]
    if dated is not None:
        return dated  # news of the day: its 今年 is the year it was published
    years = Counter(int(m.group(1)) for m in YEAR.finditer(head))
    if not years:
        return None
    y = years.most_common(1)[0][0]
    if (goals := PLAN_GOALS_HEAD.search(head)) is not None:
        # a plan outline's pages without its title (“十四五”时期…主要目标是) that speak mostly of the years
        # before the plan once its goal and vision years are set aside (到2025年, 展望二〇三五年, 2035年远景
        # 目标): the plan's first year (not a review of the plan under way, 2022年…)
        past = Counter(int(m.group(1)) for m in YEAR.finditer(head)
                       if not GOAL_YEAR_BEFORE.search(head, max(0, m.start() - 2), m.start())
                       and not head.startswith("远景", m.end()))
        first = FIVE_YEAR[goals.group(1)][0]
        if not past or past.most_common(1)[0][0] < first:
            return first
    # a year reviewed next to 今年: the report is the next year's (not a part of it, 2024年上半年: this year)
    if THIS_YEAR.search(head) and not any(int(m.group(1)) == y for m in _YEAR_PART.finditer(head)):
        return y + 1
    return y


# -- kind and period --------------------------------------------------------------------------------

@dataclass
class Verdict:
    kind: str
    period: str | None


def _last_year(s: str) -> int | None:
    if "年" not in s:  # every YEAR match holds 年 or looks ahead to one (in ``s``: a slice ends there)
        return None
    y = None
    back = "年的" in s or "年同期" in s or "年水平" in s
    for m in YEAR.finditer(s):  # noqa: B007 - the last one
        if back and (b := BACK_TO_YEAR.search(s, max(0, m.start() - 5), m.end() + 5)) and b.start() < m.start() < b.end():
            continue  # 恢复到2019年的八成: a comparison base, not the year spoken of
        if s.startswith("远景", m.end()):
            continue  # 锚定2035年远景目标，…今后五年…的主要目标是: the vision's horizon, not the goals' year
        y = int(m.group(1))
    return y


# a plan named as the base of a comparison (比“十一五”时期增加, 是“十一五”时期的1.8倍): not the
# period a review speaks of
PLAN_COMPARED_BEFORE = re.compile(tpat(r"(?:比|较|相当于|超过|高于|低于|多于|少于)[“\"']?$"))
PLAN_RATIO_BEFORE = re.compile(tpat(r"是[“\"']?$"))
PLAN_RATIO_AFTER = re.compile(tpat(r"[”\"']?(?:时期|期间)?(?:的|末的)"))


def _compared_plan(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 4) : m.start()]
    return PLAN_COMPARED_BEFORE.search(before) is not None or (
        PLAN_RATIO_BEFORE.search(before) is not None and PLAN_RATIO_AFTER.match(text, m.end()) is not None)


# a row of a task table or an item of a numbered list (1 | …, 1\t…, 1. …, (1)…): a year named in one
# row (到2027年) is that row's, not its neighbours'
ROW_LINE = re.compile(r"^[ \t\u3000]*(?:\d{1,3}|[（(]\d{1,3}[)）])[ \t\u3000]*(?:[|｜\t]|[ \u3000]{2,}|[.．、](?!\d)|(?<=[)）]))",
                      re.M)


# a row number run into the cell after it (normalize drops the tab between a digit and a CJK
# character): a row only when a neighbouring line starts with the number before or after it
BARE_ROW = re.compile(r"[ \t\u3000]*(\d{1,3})(?=[\u4e00-\u9fff])(?![万亿千百十个年月日号])")


def _is_row(lines: list[str], k: int) -> bool:
    """``lines[k]`` is a row: a separator after its number, or its neighbours numbered around it."""
    if ROW_LINE.match(lines[k]):
        return True
    m = BARE_ROW.match(lines[k])
    if m is None:
        return False
    n = int(m.group(1))
    for j, want in ((k - 1, n - 1), (k + 1, n + 1)):
        if 0 <= j < len(lines) and (o := BARE_ROW.match(lines[j]) or ROW_LINE.match(lines[j])):
            if re.match(r"[ \t\u3000（(]*" + str(want) + r"(?!\d)", o.group()):
                return True
    return False


def _row_at(text: str, at: int) -> bool:
    """The line holding ``at`` is a table row or a numbered list item."""
    start = text.rfind("\n", 0, at) + 1
    if ROW_LINE.match(text, start):
        return True
    if not BARE_ROW.match(text, start):
        return False
    prev = text.rfind("\n", 0, max(0, start - 1)) + 1
    end = text.find("\n", start)
    nxt = text.find("\n", end + 1) if end >= 0 else -1
    lines = text[prev : (nxt if nxt >= 0 else len(text))].split("\n")
    return _is_row(lines, 1 if start > 0 else 0)


def _row_style(text: str, start: int) -> str:
    """How the row starting at ``start`` is numbered: (1), 1. / 1、 or a bare or separated 1."""
    m = ROW_LINE.match(text, start) or BARE_ROW.match(text, start)
    if m is None:
        return ""
    g = m.group().strip()
    return "(" if g[:1] in "(（" else "." if g[-1:] in ".．、" else "1"


def _without_rows(text: str, start: int, end: int, keep: int) -> str:
    """``text[start:end]`` with the rows numbered like the one starting at ``keep`` blanked, but for
    that one (headings and lead-ins kept, also a numbered heading over (1) items)."""
    out = []
    at = start
    style = _row_style(text, keep)
    for line in text[start:end].split("\n"):
        line_start = text.rfind("\n", 0, at) + 1
        out.append(" " * len(line) if line and line_start != keep and _row_style(text, line_start) == style
                   and _row_at(text, at) else line)
        at += len(line) + 1
    return "\n".join(out)


# what a 今后五年 cue reaches: the rest of its paragraph, the list after its lead-in (今后五年的主要目标
#是：), or the section under its heading; another period named on the way ends it
NEXT_FIVE_RESET = re.compile(tpat(r"今年|明年|本年|去年|上年|过去|一季度|上半年|前三季度|(?<!到)(?:19|20)\d\d\s*年"))
LIST_ITEM = re.compile(r"[ \t\u3000]*(?:——|—|-|·|•|●|\d{1,2}\s*[.．、]|[（(]\d{1,2}[)）]|[（(][一二三四五六七八九十]+[)）]|"
                       r"[一二三四五六七八九十]+是)")


# a plan's goals introduced by its name (“十四五”时期主要目标：…, 报告就“十四五”时期主要目标任务作出说明：,
# a heading 二、“十四五”时期的奋斗目标, …经济社会发展要努力实现以下主要目标：): the goals after it are the plan's (not its progress: 进展, 完成情况)
PLAN_GOALS_LEAD = re.compile(tpat(r"十[一二三四五六]五[”\"'」]?(?:时期|期间|规划)?的?(?:经济社会发展)?"
                                  r"(?:(?:(?:要|将)(?:努力|奋力|力争)?|努力|奋力|力争)实现(?:以下|如下|下列)?)?(?:主要|奋斗|发展)?目标(?:任务)?")
                             + r"(?=[^\n，。；：:,;]{0,6}(?:[:：]|\n|\Z))")
PLAN_GOALS_NOT = re.compile(tpat(r"进展|完成|情况|评估|实现|回顾"))


def _next_five_scopes(text: str, structure: Structure | None) -> list[tuple[int, int, int]]:
    """The stretches that speak of the next five years: after 今后五年 (its line, or the section of a
    heading, or the list after a lead-in), and after a plan's goal lead that ends its line or a colon."""
    leads = list(NEXT_FIVE.finditer(text)) if "五年" in text else []
    if "目标" in text or "目標" in text:
        leads += [m for m in PLAN_GOALS_LEAD.finditer(text)
                  if not PLAN_GOALS_NOT.search(text, m.end(), m.end() + 7)]
    scopes = []
    outline = _outline_span(text) if leads else None
    for m in leads:
        name = m.start() + 3 if m.re is PLAN_GOALS_LEAD else -1  # (十四五: the lead's first three characters)
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        j = structure.section_at(m.start()) if structure is not None else None
        if (j == 0 and structure is not None and structure.heading_spans[0][0] < TITLE_HEAD
                and structure.heading_spans[0][0] <= m.start() < structure.heading_spans[0][1] and outline is not None):
            continue  # an outline's own title (…第十五个五年规划和二〇三五年远景目标纲要): no scope of goals, its review is none
        if j is not None and structure is not None and structure.heading_spans[j][0] <= m.start() < structure.heading_spans[j][1]:
            # a heading (二、今后五年主要目标任务): its section, sub-sections included
            level = structure.sections[j].level
            nxt = next((k for k in range(j + 1, len(structure.sections)) if structure.sections[k].level <= level), None)
            end = structure.heading_spans[nxt][0] if nxt is not None else len(text)
        elif text[m.end() : end].rstrip().endswith(("：", ":")):
            # a lead-in: the line after it, and the list items after that
            at = end + 1
            first = True
            while at < len(text):
                e = text.find("\n", at)
                e = len(text) if e < 0 else e
                if text[at:e].strip() and not first and not LIST_ITEM.match(text, at):
                    break
                if text[at:e].strip():
                    first = False
                end, at = e, e + 1
        scopes.append((m.start(), end, name))
    return scopes


def _in_next_five(text: str, scopes: list[tuple[int, int, int]], at: int, plans: list[int]) -> bool:
    """Does ``at`` lie in one of the ``scopes`` (start, end, end of a plan's name or -1) with no
    other period named since its start (nor, after a plan's goal lead, another plan: ``plans``, the
    starts of the plan names that are no comparison base)?"""
    return any(s < at < e and NEXT_FIVE_RESET.search(text, s, at) is None
               and (name < 0 or bisect_right(plans, at - 1) == bisect_right(plans, name - 1))
               for s, e, name in scopes)


class _Lazy:
    """`Spots` made at the first question: most texts that name a five-year plan never ask (the
    scan is cheap, listing the matches of frequent words such as 规划 is not)."""

    def __init__(self, pattern: re.Pattern, text: str) -> None:
        self.pattern, self.text = pattern, text
        self.spots: Spots | None = None

    def search(self, lo: int, hi: int) -> bool:
        if self.spots is None:
            self.spots = Spots(self.pattern, self.text)
        return self.spots.search(lo, hi)


def _span_years(y0: int, y1: int) -> str:
    return f"{y0}-{y1}" if y0 != y1 else str(y0)  # (a plan reviewed in its second year: its first)


def classify(text: str, quantities: list[Quantity], year: int | None,
             structure: Structure | None = None) -> list[Verdict]:
    """Kind and period of each quantity, reading the text in order.

    With ``structure``, a heading that names a part (工作回顾, 主要预期目标建议) sets the mode of its
    section when it is entered: what the body says after the heading can still change it."""
    c = cues()
    bulletin = is_bulletin(text)
    # (十三五末 is the level a plan started from, but 到“十四五”末 the horizon of the plan's goals)
    matches = [m for m in FIVE_YEAR_RE.finditer(text)
               if (not FIVE_YEAR_END.match(text, m.end()) or TO_PLAN_END.search(text, max(0, m.start() - 2), m.start()))
               and not _compared_plan(text, m)]
    # 第十四个五年规划 is 十四五
    fives = ([m.start() for m in matches], [m.group()[1:3] + "五" if m.group()[0] == "第" else m.group()
                                            for m in matches])
    # the 600 characters before each quantity are searched for these words only after a five-year
    # name: one scan of the text each, instead of one per quantity
    spots = (_Lazy(PLAN_CONTEXT, text), _Lazy(PERIOD_WORDS, text)) if matches else None
    outline = _outline_span(text) if matches else None
    # a page on the proposal for the plan after the one ending in the report year (关于制定…第十五个五年
    # 规划的建议, late in 2025); not a report early in that year, which names the next plan as work to do
    closing = (year is not None and any(FIVE_YEAR[f][0] == year + 1 for f in fives[1])
               and PLAN_PROPOSAL.search(text) is not None)
    out: list[Verdict] = []
    prev_end: int | None = None
    mode: str | None = None
    mode_year: int | None = None
    pos = 0  # text up to here has set the mode
    sec: int | None = None
    prev_base = False  # the quantity before was the base of 由A提高到B
    on_base_end = -1  # the end of the last figure of a base (在2025年…达到5200亿元的基础上)
    prev_restated = False  # the quantity before was a goal restated in a review
    carry: str | None = None  # on a part-of-year page: the part (H1, Q1, Q1-Q3) the text speaks of
    carry_at = 0  # text up to here has set ``carry``
    part_news = False  # the text opened by reviewing part of the report year (上半年, 一季度, 前三季度)
    annual_review = False  # a review of a whole year came first
    sec_part = "unknown"
    last_sent = -1
    next_fives = _next_five_scopes(text, structure) if "五年" in text or matches else []
    # (row start, mode and year before it) after a table row named a year: what the row's cue set stays in it
    row_year: tuple[int, str, int | None] | None = None
    row_line, row = -1, False  # the line of the quantity before, and whether it is a row
    plan_review = not bulletin and is_plan_review(text)
    # a plan's progress review that sets no plan of its own (not X年计划执行情况与Y年计划草案): a goal
    # cue before a sentence names a goal of the plan reviewed, no plan part
    review_only = plan_review and not sets_next_plan(text)
    page_part: str | None = None  # the part of the year a progress page's title names (上半年进展情况: H1)
    reviewed_year: int | None = None  # the earlier year whose plan a review-only page's title names
    if plan_review:
        mode = "actual"  # a plan's progress review: its figures are outcomes unless a cue says goal
        # its title names the plan (“十四五”规划…中期评估): that name sets no goal mode
        pos = max((m.end() for m in _REVIEW_TITLE.finditer(text, 0, 300)), default=0)
        # (2021年十件民生实事项目上半年进展情况: the progress of a part of the year, carried on below)
        title_part = PART_OF_YEAR.search(text, 0, pos)
        part_news = title_part is not None
        if title_part is not None and review_only:
            page_part = part_suffix(title_part.group())
        if review_only and year is not None and (ty := _last_year(text[:pos])) is not None and ty < year:
            # (关于2023年十件民生实事完成情况的公告, published in 2024: its goals are the reviewed year's)
            reviewed_year = ty
    # the quantity before: its start, and the last sentence end and clause mark before it
    prev_start, sent_mark, clause_mark = -1, -1, -1
    for q in quantities:
        # the last sentence end before the quantity (in the 400 characters _last looks at): looked for
        # only after the quantity before; none there: the same sentence, whose start is known
        lo = max(0, q.start - 400)
        after_prev = lo <= prev_start <= q.start  # (quantities come in text order; checked anyway)
        m = LAST_END.match(text, prev_start if after_prev else lo, q.start)
        same = m is None and after_prev
        if m is not None:
            sent_mark = m.end() - 1
        elif not same or sent_mark < lo:
            sent_mark = lo - 1
        sent_start = sent_mark + 1
        if structure is not None and sent_start != last_sent:
            # headings are lines, so a sentence lies in one section: looked up once per sentence
            last_sent = sent_start
            j = structure.section_at(q.start)
            sec_part = "unknown"
            if j is not None:
                sec_part = structure.parts[j]
                h0, h1 = structure.heading_spans[j]
                part = sec_part
                if j != sec and part == "unknown" and h0 >= pos:
                    # a list of numbered headings right under a heading that names the part, not nested
                    # in it (2018年十件为民办实事项目具体如下：/ 一、教育惠民工程。…): that heading's part
                    k = j - 1
                    while k >= 0 and structure.heading_spans[k][0] >= pos and structure.parts[k] == "unknown":
                        k -= 1
                    titled_list = (structure.parts[0] == "plan" and structure.heading_spans[0][0] < TITLE_HEAD
                                   and LIST_HEADING.match(text, h0) is not None
                                   and all(p == "unknown" for p in structure.parts[1:j]))
                    if k >= 0 and structure.heading_spans[k][0] >= pos and not (k == 0 and titled_list):
                        part, (h0, h1) = structure.parts[k], structure.heading_spans[k]
                    elif titled_list:
                        # a page titled as a plan (某市2023年十件重点民生实事项目公布) whose numbered list
                        # follows an intro that spoke of last year: the list is the title's plan (its
                        # first item too, after the intro)
                        part = "plan"
                if j != sec and part != "unknown" and h0 >= pos and h1 <= sent_start:
                    # a new section whose heading names its part: the heading sets the mode
                    mode = "target" if part == "plan" else "actual"
                    mode_year = _last_year(text[h0:h1])
                    if (mode == "actual" and not annual_review and mode_year in (None, year)
                            and PART_OF_YEAR.search(text, h0, h1) is not None):
                        part_news = True  # 青岛前三季度经济成绩单: a part of this year, not a year's review
                    else:
                        annual_review = annual_review or mode == "actual"
                    pos = h1
                elif (j != sec and part != "unknown" and h0 >= pos and h0 <= sent_start < h1
                      and heading_part(text[h0:h1]) == "unknown"):
                    # a numbered list item whose line is its heading (1. 地区生产总值增长7%左右;) under a
                    # heading naming the part (二、2021年主要预期目标): the part it takes from there
                    mode, mode_year = ("target" if part == "plan" else "actual"), None
                    pos = sent_start
                elif (j != sec and part == "review" and not annual_review and h0 >= pos and h0 <= sent_start < h1
                      and PART_OF_YEAR.search(text, h0, h1) is not None and _last_year(text[h0:h1]) in (None, year)):
                    # a headline naming a part of this year with its own figure (上半年四川经济成绩单出炉：GDP同比
                    # 增长5.5%): the page reviews that part, as when the heading stands alone
                    part_news = True
            sec = j
        line_start = text.rfind("\n", 0, q.start) + 1
        if line_start != row_line:  # the answer depends on the line only: once per line
            row_line, row = line_start, _row_at(text, q.start)
        if row_year is not None and row_year[0] != line_start:
            _, mode, mode_year = row_year  # the row that named a year is behind
            row_year = None
        if sent_start > pos:
            # headings and lead-ins between the last quantity and this sentence set the mode (in a
            # table row or list item, not the rows before it)
            lead = _without_rows(text, pos, sent_start, line_start) if row else text[pos:sent_start]
            if year is not None and ("报" in lead or "報" in lead or "陈" in lead or "陳" in lead):
                # the page's own title (某市2024年政府工作报告) before 过去一年: it names no period
                lead = _without_title_year(lead, year)
            m, my = _mode_of(lead, year, c, sec_part == "plan", sec_part == "review", closing)
            if year is not None and may_end_in_year_heading(lead) and (yh := YEAR_HEADING.search(lead)) is not None:
                # an illustrated summary's heading right before the sentence (2024年，我们这样干, 2024年成绩单):
                # its year against the report year decides, a past year's results or this year's plan
                hy = int(yh.group(1) or yh.group(2))  # (tpat: the traditional variant is group 2)
                if hy <= year:
                    m, my = ("actual" if hy < year else "target"), hy
            if m == "actual" and not annual_review:
                # news that opens with a part of this year (上半年,…): what it says of the rest is an
                # outlook; a review of a whole year (工作回顾, 去年) before it rules that out
                if (my is None or my == year) and (sec_part != "review" or part_news) and _part_lead(text[pos:sent_start], c):
                    part_news = True
                elif (my is None or my != year) and not (part_news and (
                        _no_period_only(text[pos:sent_start], c)
                        # (…全年目标14万人，1—6月实际新增7.8万人: the page's part named again, no year's review)
                        or (my is None and PART_OF_SENTENCE.search(text, pos, sent_start) is not None))):
                    # (今年以来: the report year so far, no year's review; 进展情况：on a page on part of
                    # the year: the progress of that part; 经初步核算 there: an estimate of the same months)
                    annual_review, part_news = True, False
            if m and not (review_only and m == "target"):
                # (in a plan's progress review, 规划提出… names a goal of its sentence, no plan part)
                mode, mode_year = m, my
            pos = sent_start
        sentence = text[sent_start:q.start]
        # every sentence end starts a clause: the clause start lies in the sentence
        if same:  # likewise the last clause mark
            m = LAST_CLAUSE_START.match(text, prev_start, q.start)
            if m is not None:
                clause_mark = m.end() - 1
            elif clause_mark < max(lo, sent_mark):
                clause_mark = lo - 1
        else:
            clause_mark = _last(LAST_CLAUSE_START, text, q.start, sent_mark)
        prev_start = q.start
        clause = text[clause_mark + 1 : q.start]
        if "由" in sentence or "从" in sentence:
            # 由2020年的70.4%提高到75%: the base's year is not the year of the sentence
            if "的" in sentence and len(sentence) > len(clause):
                sentence = END_YEAR.sub("", sentence[: len(sentence) - len(clause)]) + clause
            sentence = BASE_YEAR.sub("", sentence)
            clause = BASE_YEAR.sub("", clause)
        if "基" in sentence:
            sentence = ON_BASE_YEAR.sub("", sentence)
            clause = ON_BASE_YEAR.sub("", clause)
        if "前" in sentence or "后" in sentence or "後" in sentence:
            sentence = BUILT_BEFORE_YEAR.sub("", sentence)
            clause = BUILT_BEFORE_YEAR.sub("", clause)
        if "年的" in sentence or "年同期" in sentence or "年水平" in sentence:
            sentence = BACK_TO_YEAR.sub("", sentence)
            clause = BACK_TO_YEAR.sub("", clause)
        if "相比" in sentence or "相較" in sentence or "相较" in sentence or "年的" in sentence:
            # 与2013年相比，GDP增加了一千多亿元; 是2010年的1.9倍: the base of a comparison dates nothing
            sentence = COMPARED_WITH_YEAR.sub("", sentence)
            clause = COMPARED_WITH_YEAR.sub("", clause)
        if year is not None and ("报" in sentence or "報" in sentence or "陈" in sentence or "陳" in sentence):
            sentence, clause = _without_title_year(sentence, year), _without_title_year(clause, year)
        sentence_year = _last_year(sentence)
        kind, yr, strong = _local(sentence, clause, year, c, sentence_year)
        if (kind == "actual" and not strong and mode == "target" and (row or sec_part == "plan")
                and _part_lead(clause, c, c.clause_actual)):
            # 2<TAB>一季度…增长不低于5.5% in a task table of a plan: a goal for that part of the year
            kind = "target"
        toward_plan_end = (kind == "actual" and not strong and sec_part == "plan" and q.cmp == ">="
                           and _part_lead(clause, c, c.clause_actual, CUMULATIVE) and not _past_named(clause))
        if toward_plan_end:
            kind = "target"  # 累计达到225万人以上 in the forward part of a plan review: a goal of the plan
        if (kind == "actual" and not strong and (mode == "target" or sec_part == "plan")
                and ("至" in clause or "到" in clause or "累" in clause or "共" in clause) and _only_reaching(clause, c)):
            kind = None  # 劣V类水体比例下降至3%以内 in a plan part: 降至 says where, not when; the part decides
        local_kind = kind
        after = text[q.end : q.end + 24]
        if ((c.after_target_first is None or after[:1] in c.after_target_first)
                and c.after_target.match(after)):
            kind = "target"
        elif (c.after_actual_needs is None or c.after_actual_needs.search(after)) and c.after_actual.match(after):
            kind = "actual"
        # 为目标任务5000人的105.2%: the share done of a goal just restated (asked twice below, found once)
        goal_share = SHARE_OF_GOAL_FIGURE.search(clause) if q.unit == "%" and "的" in clause else None
        if q.unit == "百分点" and kind == "target" and (GOAL_AS_BASE.search(clause) is not None
                                                       or GAP_TO_GOAL.search(clause) is not None):
            kind, yr, strong = "actual", None, False  # 比年初预期目标低1.9个百分点: the gap to the goal, an outcome
        elif (kind == "target" and goal_share is not None
              and all(t.start() >= goal_share.start() for t in c.clause_target.finditer(clause))):
            # 为目标任务5000人的105.2%: the share of the goal done, when the goal word is the clause's only
            # cue (力争达到目标任务5万人的110% is a goal)
            kind, yr, strong = "actual", None, False
        near = text[max(0, q.start - 12) : q.start]
        base_m = BASELINE.search(near) if ("由" in near or "从" in near or "從" in near) else None
        base = base_m is not None
        if base_m is not None:
            # 由2020年的70.4%: an actual of the base year, which says nothing of what follows
            kind, strong = "actual", False
            yr = _last_year(base_m.group())
        elif ("基" in text[q.end : q.end + 12] and ON_BASE_AFTER.match(text, q.end) is not None
              and (ob := ON_BASE_OPEN.search(text, max(0, q.start - 36), q.start)) is not None):
            # 在2025年地区生产总值预计达到5200亿元的基础上，增长6%左右: the figure of the base, likewise
            kind, strong, base = "actual", False, True
            yr, on_base_end = int(ob.group(1)), q.end
        # a goal restated in a review: a target, of the period under review
        goal_of_share = (q.unit != "%" and "的" in text[q.end : q.end + 2] and GOAL_BEFORE_SHARE.search(clause) is not None
                         and SHARE_AFTER.match(text, q.end) is not None)  # 完成年度计划40万人的112.8%: the plan's figure
        restated = (not base
                    and (bulletin or sec_part == "review" or mode == "actual" or kind == "actual"
                         or (sentence_year is not None and year is not None and sentence_year < year))
                    # (not after a clause of work done: 年度目标为增长6.5%以上，实际完成…，增长6.7%，高于目标0.2个百分点)
                    and (((rl := RESTATED_LEAD.match(sentence)) is not None and not DONE_CLAUSE.search(clause)
                          and not WORK_DONE.search(sentence, rl.end()))
                         or (("目标" in clause or "目標" in clause or "预期的" in clause or "預期的" in clause
                              or "确定的" in clause or "確定的" in clause or "设定的" in clause or "設定的" in clause)
                             and RESTATED_BEFORE.search(clause) is not None
                             and not (q.unit == "百分点" and GAP_TO_GOAL.search(clause))
                             and goal_share is None)
                         or (("的" in text[q.end : q.end + 6] or text.startswith(("目标", "目標"), q.end))
                             and RESTATED_AFTER.match(text, q.end) is not None)
                         or ("等" in text[q.end : q.end + 81] and GOALS_LISTED_AFTER.match(text, q.end) is not None)
                         # 计划新建、改扩建学校40所，新增学位4万个。实际完成… on a page reviewing a plan's progress
                         or (review_only and (sp := SENTENCE_PLAN.match(sentence)) is not None
                             and (PLAN_OPENS.match(clause) is not None or not WORK_DONE.search(sentence, sp.end())))
                         # 全年新增普惠性托位3000个。截至6月底，已新增1720个 on a page on part of the year
                         or (review_only and part_news and _goal_before_progress(text, q, line_start))
                         or (("目标" in sentence or "目標" in sentence) and (gs := GOALS_SET_LIST.search(sentence)) is not None
                             and PROGRESS_MARK.search(sentence, gs.end()) is None)
                         # 目标新增托位5000个，实际新增5863个; 为老年人体检45万人次，实际完成48.6万人次: on a
                         # page reviewing a plan, what a clause of work done (实际…) follows is the goal
                         or (review_only and "已" not in clause and ACTUAL_AFTER.match(text, q.end) is not None
                             and not ACTUAL_LEAD.match(clause))
                         # 年初目标：新增城镇就业8万人。完成情况：… on a page reviewing a year's list of projects
                         # (PROGRESS_MARK holds the progress labels too: 完成情况：)
                         or (review_only and (gl := GOAL_LABEL.search(sentence)) is not None
                             and PROGRESS_MARK.search(sentence, gl.end()) is None)
                         # 计划地区生产总值增长8%左右，实际增长8.1%: the plan set against the outcome
                         or (((opens := PLAN_OPENS.match(clause) is not None)
                              or (("计划" in clause or "計劃" in clause or "预期" in clause or "預期" in clause)
                                  and PLAN_BEFORE.search(clause)))
                             and (PLAN_THEN_ACTUAL.match(text, q.end) is not None
                                  or (opens and PLAN_THEN_ACTUAL_NEXT.match(text, q.end) is not None)))
                         or goal_of_share
                         # 城镇调查失业率5.3%，控制在5.5%以内: the bound held right after the outcome is the goal
                         or (q.cmp == "<=" and q.unit == "%" and HELD_IN.fullmatch(clause) is not None
                             and text[max(0, clause_mark - 1) : clause_mark] in ("%", "％"))
                         or ((not clause.strip() or BARE_CHANGE.fullmatch(clause) is not None)
                             and BRACKETED_GOAL.search(text, max(0, q.start - 20), clause_mark + 1) is not None)))
        if bulletin and sec_part != "plan":
            kind = "actual"
        if kind is None:
            m, my = _mode_of(sentence, year, c, review=sec_part == "review", closing=closing)
            if m:
                kind, yr = m, (yr or my)
        if (kind is None and out and prev_end is not None and (same or not SENTENCE_END.search(text, prev_end, q.start))
                and not (prev_base and (TO_AFTER_BASE.search(clause) or prev_end == on_base_end)) and not prev_restated):
            # (a goal restated in a review does not make the outcome after it a goal)
            kind = out[-1].kind  # no cue of its own: the kind of the figure before it in the sentence
        carried = mode_year
        if (mode == "target" and mode_year is not None and year is not None and mode_year > year
                and sentence_year is None and OWN_GOAL_PERIOD.search(sentence) is not None):
            # 到2035年… then “十四五”时期主要目标是：…, 今年…: a later goal year does not carry past a
            # sentence naming another period or opening a list of goals
            carried = mode_year = None
        if kind is None and mode:
            kind, yr = mode, (yr or carried)
        elif yr is None and kind == mode and carried is not None and sentence_year is None:
            yr = carried  # 力争实现… under 2024年主要预期目标: the year of its part
        if kind is None:
            kind = _weak(text, q, clause, c)
        if strong and not (restated and mode == "actual") and not (review_only and kind == "target"):
            # an explicit year carries on to the sentences after it (not beyond a table row); a goal
            # restated in a review (距离2025年2.8%的目标) does not turn the review into a plan, nor does
            # a plan's goal named in its progress review (规划目标为2025年达到2.6%以上)
            if row and row_year is None and (kind == mode or (yr is not None and year is not None and yr < year)):
                # (15<TAB>完成2024年民生实事中跨年度项目3项 in a 2025 task table: the rows after it stay goals)
                row_year = (line_start, mode, mode_year)
            mode, mode_year = kind, yr
        if (part_news and kind == "actual" and local_kind != "actual" and not strong and not base
                and year is not None and sentence_year in (None, year)
                and _rest_of_year_goal(text, q, sentence, clause)):
            # 下半年…保持在7%左右, 全年…增长8%以上 after 上半年…增长6.1%: a goal of this year
            out.append(Verdict("target", str(year)))
            prev_end, prev_base, prev_restated = q.end, base, False
            continue
        if (year is not None and "末" in sentence and (pe := PAST_PLAN_END.match(sentence)) is not None
                and (end_year := FIVE_YEAR[pe.group(1)][1]) < year):
            # “十三五”期末，全市地区生产总值达到…: the level the plan before reached, in a plan's goals
            out.append(Verdict("actual", str(end_year)))
            prev_end, prev_base, prev_restated = q.end, base, False
            continue
        if (year is not None and not strong and not base
                and (("五年" in sentence and NEXT_FIVE.search(sentence) is not None)
                     or _in_next_five(text, next_fives, q.start, fives[0]))):
            # 今后五年，…年均增长6.5%, 累计达到10万人: a goal over the five years from the report year,
            # or over the plan named before it (十四五) when that plan holds the report year or starts the
            # year after it (a plan's proposal, 规划建议, comes out in its predecessor's last year)
            five = FIVE_YEAR[fives[1][i]] if (i := bisect_right(fives[0], q.start) - 1) >= 0 else None
            span = five if five and five[0] <= year + 1 and year <= five[1] else (year, year + 4)
            out.append(Verdict("target", _span_years(*span)))
            prev_end, prev_base, prev_restated = q.end, base, False
            continue
        prev_restated = restated
        five = FIVE_YEAR[fives[1][i]] if (i := bisect_right(fives[0], q.start) - 1) >= 0 else None
        if toward_plan_end and five and year is not None and five[0] <= year <= five[1]:
            out.append(Verdict("target", _span_years(*five)))
            prev_end, prev_base = q.end, base
            continue
        if restated:
            # (of the year the review part names, when the clause names none: 2020年…完成情况 / 计划…)
            ryr = yr if yr is not None or mode != "actual" else mode_year
            period = _period("actual", ryr, year, text, q, sentence, bulletin, fives, sentence_year, spots, clause_mark, closing)
            five = FIVE_YEAR[fives[1][i]] if (i := bisect_right(fives[0], q.start) - 1) >= 0 else None
            if five and PLAN_SET.search(clause):
                period = _span_years(*five)  # 低于规划确定的年均增长5.5%的预期目标: a goal of the plan
            elif yr is None and year is not None and (
                    THIS_YEAR.search(clause) or THIS_YEAR_LEAD.match(sentence)
                    or (part_news and ("全年" in clause or sentence_year is None))
                    or (part_news and same and out and out[-1].kind == "target" and out[-1].period == str(year))):
                # 今年9.5%左右的目标, said in an answer on last year (今年报告提出的主要预期目标是：… opening a
                # sentence there too); 全年…增长6.5%左右、规上工业增加值增长10%的
                # 目标 on a page reviewing part of this year (the list's later goals too): this year's goals
                period = str(year)
            out.append(Verdict("target", period))
        else:
            period = _period(kind, yr, year, text, q, sentence, bulletin, fives, sentence_year, spots, clause_mark, closing)
            if outline is not None and kind == "target" and yr is None and period == str(outline[0]):
                period = _span_years(*outline)  # a plan outline's goal named with no year: over the plan
            elif reviewed_year is not None and kind == "target" and yr is None and period == str(year):
                period = str(reviewed_year)  # a goal of the plan reviewed, stated with no year
            if part_news and (carry_at < q.start):
                for m in PART_CARRY.finditer(text, carry_at, q.start):
                    if m.group("reset"):
                        carry = None
                    elif carry is None or text[m.start() - 1 : m.start()] not in ("，", ","):
                        # (增速比一季度加快，一季度增长4.0%: a clause on another part, compared in
                        # passing; the paragraphs after it still speak of the page's part)
                        carry = part_suffix(m.group())
                carry_at = q.start
            if (part_news and (carry or page_part) and kind == "actual" and period and year is not None
                    # (两年平均增长2.6% on a page on the first quarter: the average of that quarter's growth)
                    and (period.isdigit() or (carry and YEARS_AVERAGE.search(text, max(0, q.start - 12), q.start)))
                    and (yr is None or yr == year) and not strong and not base and not LAST_YEAR_WORDS.search(sentence)
                    and (carry or (yr is None and period == str(year - 1)))):
                # 规模以上工业增加值增长6.2% in the paragraphs after 上半年,…: the same part of the year; on a
                # page reporting a plan's progress over part of the year, work done after a 全年 goal
                # (全年新建养老服务中心6家，已建成4家) is of the page's part, not of last year
                period = f"{year}{carry or page_part}"
            out.append(Verdict(kind, period))
        prev_end = q.end
        prev_base = base
    return out


# review cues that name no period (an estimate, an achievement) or no other than the part reviewed
# (今年以来 on a page on the first half: the same months)
NO_PERIOD_CUE = re.compile(tpat(r"初步核算|取得|成就|今年(?:\d{1,2}月)?以来|从[^，,。；;\n]{0,4}(?:行业|产业|领域|区域|地区|门类|三大需求|需求端|供给端)看"))


def _part_lead(chunk: str, c: Cues, cue: re.Pattern | None = None, which: re.Pattern = PART_CUE) -> bool:
    """Every review cue of ``chunk`` (of the mode cues, or of ``cue``) that names a period names a part
    of the year (上半年, 一季度, 前三季度, 1-6月), or is ``which``; one at least does (初步核算, 取得…成效:
    outcomes of no period of their own)."""
    # (较去年全年加快: a comparison base, no review of that year)
    found = [g for m in (cue or c.mode_actual).finditer(chunk)
             if not NO_PERIOD_CUE.match(g := m.group()) and chunk[m.start() - 1 : m.start()] not in COMPARED_TO]
    return bool(found) and all(which.match(f) for f in found)


PROGRESS_LABELS = frozenset(("进展情况", "进展", "完成情况", "進展情況", "進展", "完成情況"))


def _goal_before_progress(text: str, q: Quantity, line_start: int) -> bool:
    """On a page reporting a plan's progress over part of the year, ``q`` lies in a sentence of its line
    (after a numbered item's title, 二、普惠托育服务扩容。) with no mark of progress before or after it in
    the line's text up to it and in its own sentence, and a later sentence of the line has one: the goal,
    then how far it got (全年新增普惠性托位3000个。截至6月底，已新增托位1720个。)."""
    end = text.find("\n", q.end)
    end = len(text) if end < 0 else end
    cut = SENTENCE_CUT.search(text, q.end, end)
    if cut is None:
        return False
    title = ITEM_TITLE.match(text, line_start, q.start)
    lo = title.end() if title else line_start
    if (PROGRESS_MARK.search(text, lo, cut.start()) is None
            and PROGRESS_MARK.search(text, cut.end(), end) is not None):
        return True
    # the goal and its progress in clauses of one sentence (全年新建养老服务中心6家，已建成4家；): the
    # figure's clause without a mark, the next one with a mark of work done (not 同比增长: an outcome's)
    # (the sentence up to the figure without a mark too: 上半年已开工28所，新增学位1.9万个，完成全年任务的52.8%
    # goes on reporting progress)
    c0 = SENTENCE_CUT_BACK.match(text, lo, q.start)
    c1 = CLAUSE_CUT.search(text, q.end, end)
    if c1 is None:
        return False
    c2 = CLAUSE_CUT.search(text, c1.end(), end)
    return (PROGRESS_MARK.search(text, c0.end() if c0 else lo, c1.start()) is None
            and WORK_PROGRESS.search(text, c1.end(), c2.start() if c2 else end) is not None)


def _no_period_only(chunk: str, c: Cues) -> bool:
    """Every review cue of ``chunk`` names no period: a progress label (进展情况：, 完成情况：) or a cue of
    `NO_PERIOD_CUE` (经初步核算 on a page on the first three quarters: of those months still)."""
    found = list(c.mode_actual.finditer(chunk))
    return bool(found) and all((m.group() in PROGRESS_LABELS and chunk[m.end() : m.end() + 1] in (":", "："))
                               or NO_PERIOD_CUE.match(m.group()) for m in found)


# the actual cues that only say a level was reached or a sum made (增至, 降至, 上升到, 累计): in a plan part
# they state a goal (五年累计下降13%, 劣V类水体比例下降至3%以内)
REACHING = re.compile(tpat(r"增至|降至|上升到|累计|共计"))


def _only_reaching(clause: str, c: Cues) -> bool:
    found = c.clause_actual.findall(clause)
    return bool(found) and all(REACHING.fullmatch(f) for f in found) and not _past_named(clause)


def _past_named(clause: str) -> bool:
    """The clause names past years (过去五年累计减税降费15万亿元: a sum of those years, not a goal)."""
    return (("五年" in clause or "一年" in clause or "去年" in clause)
            and (PAST_FIVE.search(clause) is not None or LAST_YEAR_WORDS.search(clause) is not None))


def _rest_of_year_goal(text: str, q: Quantity, sentence: str, clause: str) -> bool:
    """A figure for the rest of the year: in a sentence on 下半年/四季度, or in a clause opened by 全年
    whose figure is marked as a goal (8%以上, 7%左右, 力争, 确保, 目标)."""
    if REST_OF_YEAR.search(sentence):
        return True
    if not (WHOLE_YEAR_LEAD.match(clause) or WHOLE_YEAR_LEAD.match(sentence)):
        return False  # (全年…的目标不变，规模以上工业增加值增长7%以上: the sentence's 全年 holds on)
    return (q.cmp in ("~", "range") or (q.cmp == ">=" and q.end > q.unit_end)
            or (GOAL_MARK.search(clause) is not None and SHARE_OF_GOAL.search(clause) is None))


# 完成年度目标的57.8%: the share of the year's goal done so far, an outcome
SHARE_OF_GOAL = re.compile(tpat(r"(?:完成|占|为|达到)(?:了)?(?:年度|全年|年)?(?:计划|目标|任务)(?:的)?\s*$"))


def _without_title_year(s: str, year: int) -> str:
    """``s`` without the year of the report's own title (某市2023年政府工作报告 in a 2023 report)."""
    return TITLE_YEAR.sub(lambda m: m.group()[m.end(1) - m.start():] if int(m.group(1)) == year else m.group(), s)


def _weak(text: str, q: Quantity, clause: str, c: Cues) -> str:
    """No cue anywhere before: a goal is nearly always marked (左右, 以上), an outcome often not."""
    if q.cmp in ("~", "range") or (q.cmp == ">=" and q.end > q.unit_end):
        return "target"
    return "actual"


def _last(last_mark: re.Pattern, text: str, end: int, start: int = 0) -> int:
    """The position of the last mark (``last_mark``: any text, then a mark) before ``end`` and at
    most 400 back (and from ``start``), else that bound - 1. Found near each quantity instead of
    listing the marks of the whole text: a whole report has long stretches without quantities."""
    lo = max(0, end - 400)
    m = last_mark.match(text, max(lo, start), end)
    return m.end() - 1 if m else lo - 1


def _mode_of(chunk: str, year: int | None, c: Cues, plan: bool = False,
             review: bool = False, closing: bool = False) -> tuple[str | None, int | None]:
    """The mode a stretch of text sets: the last mode cue in it wins. ``plan``: the stretch lies in
    a plan part, where 一季度/上半年 name a part of the planned year, not a review; ``review``: in a
    review part, where 民生实事 is work done (我们持续办好民生实事，新增…), no plan's list;
    ``closing``: the text names the plan after the one that ends in the report year, whose 时期 is
    then the one reviewed (a 2025 page on the 十五五 proposal: “十四五”时期…年均增长5.8%)."""
    best: tuple[int, str] | None = None
    so_far = False  # the winning cue is 今年以来: the report year so far
    this_year = False  # the winning cue is 今年 (a goal): a past year before it is a review it leaves
    if c.mode_any.search(chunk) is None:  # most sentences: no cue, one scan instead of three
        return _lead_year(chunk, year)
    for kind, pat in (("target", c.mode_target), ("actual", c.mode_actual)):
        # only the last valid cue of each kind can win: the cues are tested from the end (a long
        # stretch holds many; each test is a few regex calls)
        for m in reversed(list(pat.finditer(chunk))):
            if best is not None and m.start() < best[0]:
                break  # a target cue after it wins already
            if kind == "target" and (c.target_not_after.search(chunk, max(0, m.start() - 30), m.start())
                                     or DONE_AFTER.match(chunk, m.end())
                                     or QUANTITY_BEFORE.search(chunk, max(0, m.start() - 4), m.start())
                                     or (GOAL_WORD.search(m.group()) and GOAL_FIGURE.match(chunk, m.end()))):
                continue  # 完成全年目标任务, 目标任务总体完成, 6.5%—7%的预期目标: a review speaking of goals;
                # 预期目标为增长7%: one goal stated, not a lead-in to what follows
            if kind == "target" and review and ("民生实事" in m.group() or "民生實事" in m.group()):
                continue
            if kind == "actual" and chunk[m.start() - 1 : m.start()] in COMPARED_TO:
                continue  # 较去年: a comparison base
            if kind == "actual" and PART_CUE.match(m.group()) and (plan or _goal_follows(chunk, m.end(), c)
                                                                  or _goal_part(chunk, m)):
                continue  # 一季度要力争实现…, 力争上半年…: a goal for part of the year
            best = (m.start(), kind)
            so_far = kind == "actual" and m.group().startswith("今年")  # (今年以来, 今年3月以来)
            this_year = kind == "target" and m.group().startswith(("今年", "本年"))
            break
    for m in FIVE_YEAR_PERIOD.finditer(chunk) if "五" in chunk else ():  # (every plan name holds 五)
        # 十三五时期 in a 2021 report is a review, 十四五时期 a plan; 十四五以来 (since it began) and
        # 十二五前四年 a review of its years so far whatever the report year
        if year is not None and (best is None or m.start() >= best[0]):
            last = FIVE_YEAR[m.group(1)][1]
            best = (m.start(), "actual" if last < year or (closing and last == year) or m.group().endswith(("以来", "年"))
                    else "target")
            so_far = this_year = False
    for m in PLAN_MILESTONE.finditer(chunk) if "之年" in chunk else ():
        # “十四五”收官之年 / 开局之年: the plan's last or first year, a plan when it is the report year
        if year is not None and (best is None or m.start() >= best[0]):
            first, last = FIVE_YEAR[m.group(1)]
            best = (m.start(), "actual" if (last if m.group(2) == "收官" else first) < year else "target")
            so_far = this_year = False
    if best is None:
        return _lead_year(chunk, year)
    if year is not None and chunk.find("\n", best[0]) >= 0:
        # a line opening with a year after the last cue (…对此我们将…。\n二、2019年主要预料方针): that year
        # sets the mode, a past one a review
        line = _last_line_year(chunk, best[0])
        if line is not None and (ly := int(line.group(1))) <= year:
            return ("actual" if ly < year else "target"), ly
    if year is not None and ("年，" in chunk or "年," in chunk):
        # a sentence that opens with a year after the last cue (主持人：…目标任务…。省政府研究室主任：
        # 2023年，全省经济…): that year sets the mode, a past one a review
        for opener in reversed(list(YEAR_TOPIC.finditer(chunk))):
            if opener.start() <= best[0]:
                break
            if TOPIC_OPENS.search(chunk, max(0, opener.start() - 24), opener.start()) is not None:
                if (oy := int(opener.group(1))) <= year:
                    return ("actual" if oy < year else "target"), oy
                break
    y = _last_year(chunk)
    if (y is not None and year is not None and y > year and (at := chunk.rfind(str(y))) > 0
            and chunk[at - 1] == "到" and (plan or chunk[at + 5 : at + 6] not in ("，", ",", "：", ":"))
            and HORIZON_CLOSED.search(chunk, at) is not None):
        # 力争到2020年…翻一番。三是…: a goal's horizon inside its clause, or any in a part on the year's
        # plans (二、2017年工作目标和主要任务), holds for its sentence only; on a page about a plan, a lead
        # 到2025年，… frames what follows
        y = None
    kind = best[1]
    if (so_far or this_year) and year is not None and y is not None and chunk.rfind(str(y)) < best[0]:
        # 今年以来，全区累计排查…: of the report year; 2022年…全部完成。今年的项目如下: the year named
        # before 今年 is a review it leaves
        return kind, year
    if so_far and year is not None and y is None:
        return kind, year  # (no year named at all)
    if y is not None and year is not None:
        if y < year and kind == "target" and not GOAL_WORD.search(chunk, max(0, chunk.rfind(str(y)))):
            # 2022年，我们将…: a past year's review; also after a goal cue the year follows (…提出了2023年的
            # 主要预期目标。报告显示，2022年全市经济…): no goal word after the past year
            kind = "actual"
        if y > year and kind == "target" and (end := SENTENCE_END.search(chunk, chunk.rfind(str(y)))) is not None \
                and OWN_GOAL_PERIOD.search(chunk, end.end()) is not None:
            y = None  # 到2035年…。“十四五”时期主要目标：: the later sentence's goals are not of 2035
        if (y == year and kind == "actual" and not so_far
                and (cued := YEAR_AFTER_CUE.match(chunk, best[0])) is not None and int(cued.group(1)) < year):
            # 报告回顾了2023年工作，提出了2024年…: the review is of the year right after its cue, not of the
            # plan's year named after it
            y = int(cued.group(1))
    return kind, y


# a review cue right before the year it reviews (回顾了2023年, 回顾2023年)
YEAR_AFTER_CUE = re.compile(tpat(r"[^\d，,。；;\n]{0,6}?((?:19|20)\d\d)\s*年"))
# (not 今年: 今年前三季度 is the part of this year reviewed)
GOAL_VERB_BEFORE = re.compile(tpat(r"(?:力争|确保|争取|力求|努力|要)\s?$"))


# a clause on the decade before the report (十年增加近70万亿元, 这十年来累计): not 十年前, 近十年来 of a city's own
TEN_YEARS = re.compile(r"(?:^|(?<=[，,；;。这]))十年(?:来|间|里)?(?:累计)?(?:增加|增长|提高|减少|下降|新增|共)")
HORIZON_CLOSED = re.compile(r"[。！？!?\n]")


PLAN_MILESTONE = re.compile(r"(十[一二三四五]五)[”\"'」]?[的之]?(收官|开局|開局|起步)之年")


def _goal_part(chunk: str, m: re.Match[str]) -> bool:
    """The cue ``m`` names a part of the year right after a goal's word (力争上半年, 确保一季度): the
    part the goal is for, no review of it."""
    return PART_CUE.match(m.group()) is not None and GOAL_VERB_BEFORE.search(chunk, max(0, m.start() - 3), m.start()) is not None


def _goal_follows(chunk: str, at: int, c: Cues) -> bool:
    """A target cue in the rest of the sentence that starts at ``at`` (一季度[要力争]实现…)."""
    end = SENTENCE_END.search(chunk, at)
    # (前三季度，城镇新增就业56.2万人，完成全年目标任务的80.3%: a review phrase, no goal)
    return any(not c.target_not_after.search(chunk, max(0, m.start() - 30), m.start())
               for m in c.clause_target.finditer(chunk, at, end.start() if end else len(chunk)))


def _lead_year_match(chunk: str, at: int) -> re.Match[str] | None:
    """A year opening ``chunk`` at ``at``, after a speaker's tag at most (the tag form asked only when
    a colon is near: most stretches have none)."""
    m = LEAD_YEAR.match(chunk, at)
    if m is None and ("：" in chunk[at : at + 20] or ":" in chunk[at : at + 20]):
        m = SPEAKER_LEAD_YEAR.match(chunk, at)
    return m


def _last_line_year(chunk: str, start: int = 0) -> re.Match[str] | None:
    """The last line of ``chunk`` after ``start`` that opens with a year, not the report's own title."""
    last = None
    for m in LINE_YEAR.finditer(chunk, start):
        if TITLE_YEAR.match(chunk, m.start(1)) is None:
            last = m
    return last


def _lead_year(chunk: str, year: int | None) -> tuple[str | None, int | None]:
    """The mode of a stretch without mode cues: set by a year that opens it, if any. A report's own
    title (2017年某区政府工作报告) opening the stretch names the report, not a part: the next line is read."""
    lead = _lead_year_match(chunk, 0)
    while lead is not None and TITLE_YEAR.match(chunk, lead.start(1)) is not None:
        nl = chunk.find("\n", lead.end())
        lead = _lead_year_match(chunk, nl + 1) if nl >= 0 else None
    if "\n" in chunk and "年" in chunk and (later := _last_line_year(chunk)) is not None and (
            lead is None or later.start() > lead.start()):
        # a later line that opens with a year (二、2019年主要预料方针, a heading a spinner reworded; 报告指出，
        # 2020年… after a headline on 2021's goals): the last one sets the mode
        lead = later
    if lead and year is not None and int(lead.group(1)) < year:
        return "actual", int(lead.group(1))  # a heading such as "2021重点回顾" or "2023年,..."
    if lead and year is not None and int(lead.group(1)) == year:
        return "target", year  # "2022年事情部署", "2022年,..." in a 2022 report
    return None, None


def _local(sentence: str, clause: str, year: int | None, c: Cues,
           y: int | None) -> tuple[str | None, int | None, bool]:
    """Kind from the clause's own words and the sentence's years (``y``: the last one), or None;
    True when a year decided."""
    t = a = 0
    if c.clause_any.search(clause) is not None:  # one call for the usual clause without cues
        for m in c.clause_target.finditer(clause):  # a loop: no generator to set up for the usual none
            if not c.target_not_after.search(clause, max(0, m.start() - 30), m.start()):
                t += 1
        a = len(c.clause_actual.findall(clause))
        if a and ("较" in clause or "較" in clause or "季" in clause or "半年" in clause):
            a = sum(1 for m in c.clause_actual.finditer(clause) if clause[m.start() - 1 : m.start()] not in COMPARED_TO
                    and not _goal_part(clause, m))
    if "实际" in clause and ACTUAL_OPENS.match(clause):
        # 计划…增长8%左右，实际增长8.1%: a clause opening with 实际 sets the outcome against the plan (not
        # 居民人均可支配收入实际增长5%左右, a real growth); a test here, not a cue word, whose anchor would
        # put every clause cue off the regex fast path
        a += 1
    if y is not None and year is not None:
        if y < year and ("今" in clause or "本" in clause) and THIS_YEAR.search(clause):
            y = None  # 2021年，…达到76.8%，今年将保持在75%以上: the clause speaks of this year
        elif y < year and not PLAN_WORDS.search(sentence):
            return "actual", y, True
        elif y > year:
            return "target", y, True
    if t > a:
        return "target", y, False
    if a > t:
        return "actual", y, False
    return None, y, False


def _period(kind: str, yr: int | None, year: int | None, text: str, q: Quantity, sentence: str,
            bulletin: bool, fives: tuple[list[int], list[str]] | None, sentence_year: int | None,
            spots: tuple[_Lazy, _Lazy] | None, clause_mark: int, closing: bool = False) -> str | None:
    """``clause_mark``: the last clause mark before the quantity (as ``classify`` finds it); ``closing``:
    as for `_mode_of`."""
    p = _year_period(kind, yr, year, text, q, sentence, bulletin, fives, sentence_year, spots, clause_mark, closing)
    if (kind == "actual" and p and p.isdigit()
            and not (("季" in sentence or "半" in sentence) and PART_OF_YEAR.search(sentence))):
        # (前三季度…两年平均增长5.9%: the average of that part of the year, its period below)
        avg = YEARS_AVERAGE.search(text, max(0, q.start - 12), q.start)
        if avg:  # 两年平均增长5.1%: both years, ending with the one reviewed
            return _span_years(int(p) - (3 if avg.group(1) == "三" else 2) + 1, int(p))
        if sentence_year is None and (lead := YEARS_LEAD.match(
                text, (clause_mark if clause_mark >= q.start - 30 else max(0, q.start - 400) - 1) + 1)):
            return _span_years(int(p) - (3 if lead.group(1) == "三" else 2) + 1, int(p))
        span = YEAR_RANGE.search(sentence) if "年" in sentence else None
        if span and span.group(2) == p and _clause_average(text, q.start, clause_mark) and int(span.group(1)) < int(p):
            return _span_years(int(span.group(1)), int(p))  # 2021-2022年…年均增长4.2%
    part = None
    if "季" in sentence or "半" in sentence or "月" in sentence:  # in every part word: most sentences are passed over
        for part in PART_OF_SENTENCE.finditer(sentence):  # noqa: B007 - the one nearest the figure
            pass
    if part and WHOLE_YEAR_CLAUSE.search(sentence, part.end()):
        part = None  # 前三季度增速为-10.4%，全年地区生产总值…下降5%: a clause on the whole year after it
    if p and part and p.isdigit():
        # 上半年 -> 2022H1, 一季度 -> 2022Q1; this year's part when the sentence names no year
        if yr is None and year is not None and not LAST_YEAR_WORDS.search(sentence):
            p = str(year)
        return p + part_suffix(part.group())
    return p


def _clause_average(text: str, at: int, clause_mark: int) -> bool:
    """年均/累计 opens the clause of the figure at ``at`` (累计完成固定资产投资1.2万亿元), in its last
    20 characters; ``clause_mark``: the last clause mark before ``at``, or one before the 400
    characters before it (every sentence end is a clause mark: no mark after it lies before ``at``)."""
    return AVERAGE.search(text, max(clause_mark + 1, at - 20, 0), at) is not None


def part_suffix(cue: str) -> str:
    """The period suffix of a part-of-year cue: 上半年/1-6月/二季度末 -> H1, 一季度/1-3月 -> Q1, 二季度 -> Q2,
    前三季度/1-9月/三季度末 -> Q1-Q3."""
    if "半" in cue or "6" in cue or cue.endswith("二季度末"):
        return "H1"
    if "二" in cue:
        return "Q2"
    if "三" in cue or "9" in cue:
        return "Q1-Q3"
    return "Q1"


def _year_leads_since_period_word(text: str, lo: int, hi: int) -> bool:
    """Does a year open a line or sentence between the last five-year period word (时期, 五年来) of
    ``text[lo:hi]`` and ``hi``? (一、2025年和“十四五”时期工作回顾 / 2025年，…；规模以上工业增加值增长7.8%:
    a figure of that year, not of the plan)"""
    last = None
    for last in PERIOD_WORDS.finditer(text, lo, hi):  # noqa: B007 - the last one
        pass
    return last is not None and LEADING_YEAR.search(text, last.end(), hi) is not None


# what may stand between a sentence or line start and a year that opens it (一、2021年工作回顾)
OPENS_SENTENCE = re.compile(r"(?:^|[\n。；;!！?？])[ \t\u3000]*(?:[一二三四五六七八九十]+、|\d{1,2}[.．、]|"
                            r"[（(][一二三四五六七八九十\d]+[)）])?[ \t\u3000]*\Z")
# a level, not a total: 2021年达到3293亿元, 城镇化率为68%
LEVEL_BEFORE = re.compile(tpat(r"(?:达到|达|为|增至|提高到|提高至|提升到|提升至|上升到|增加到|增长到|扩大到|降至|下降到|降低到|"
                                r"减少到|突破|超过)\s*$"))


def _opens_sentence(text: str, at: int) -> bool:
    """Does the year at ``at`` open a sentence or a line (after a heading number at most)?"""
    return OPENS_SENTENCE.search(text, max(0, at - 10), at) is not None


def _is_level(text: str, q: Quantity) -> bool:
    """A level-reached word right before the figure (达到, 提高到; the quantity may begin with its
    comparator word: 突破4万元)."""
    return LEVEL_BEFORE.search(text, max(0, q.num_start - 6), q.num_start) is not None


# a paragraph opened by the five years it sums (五年累计新增…；…), or holding 过去五年 / 五年来
FIVE_PARAGRAPH_LEAD = re.compile(tpat(r"[ \t\u3000]*(?:过去的?)?五年(?:来|间|中|内|[，,]|累计|共)"))


# a year named as a base or an end of a change (由2011年的, 比2011年, 增加到2016年的): no period of its own
_YEAR_AS_BASE = re.compile(r"(?:[由从從比较較到至]\s*)(?:19|20)\d\d\s*年|(?:19|20)\d\d\s*年(?:底|末)?的")


def _five_year_paragraph(text: str, pos: int) -> re.Match[str] | None:
    """The five-year lead of the paragraph ``pos`` is in, before ``pos``: 过去五年 or 五年来 in it, or 五年累计
    opening it; None when a year other than a base or an end of a change stands between (过去的五年，…。
    过去的2021年，…新增…: that year's)."""
    para = text.rfind("\n", 0, pos) + 1
    past = None
    for past in PAST_FIVE.finditer(text, para, pos):  # noqa: B007 - the last one
        pass
    if past is None:
        past = FIVE_PARAGRAPH_LEAD.match(text, para, pos)
    if past is None:
        return None
    bases = [m.span() for m in _YEAR_AS_BASE.finditer(text, past.end(), pos)]
    for m in YEAR.finditer(text, past.end(), pos):
        if not any(s <= m.start() < e for s, e in bases):
            return None
    return past


def _total_since(text: str, q: Quantity, sentence: str) -> bool:
    """累计 earlier in the sentence, and the figure is no level (五年来累计完成投资1.2万亿元，新建改造
    道路86条: each figure after it a total of the five years)."""
    return ("累计" in sentence or "累計" in sentence) and not _is_level(text, q)


# a sentence that names its own goal period or opens a list of goals (主要目标是：)
OWN_GOAL_PERIOD = re.compile(tpat(r"今年|本年|明年|新的一年|十[一二三四五六]五|(?:主要|预期|发展)(?:目标|指标)(?:是|为|如下)?[:：]"))


# right before a figure: the plan's goal, restated (高于规划确定的8.5%的年均增速目标)
PLAN_GOAL_BEFORE = re.compile(tpat(r"规划(?:确定|提出|设定)的|规划目标"))


def _has_plan_word(text: str, lo: int, hi: int) -> bool:
    """规划 (or 規劃) may stand in ``text[lo:hi]``: two ``find`` calls before a regex call."""
    return text.find("划", lo, hi) >= 0 or text.find("劃", lo, hi) >= 0


GOAL_YEAR_OR_THIS = re.compile(r"到\s*((?:19|20)\d\d)\s*年|今年|本年")


def _goal_year_named(text: str, yr: int, lo: int, hi: int) -> bool:
    """Is 到{yr}年 the last of the goal years and 今年/本年 named in ``text[lo:hi]``? (到2025年 before a
    list of a plan's goals, not 今年 in a report of the plan's last year)"""
    last = None
    for last in GOAL_YEAR_OR_THIS.finditer(text, lo, hi):  # noqa: B007 - the last one
        pass
    return last is not None and last.group(1) is not None and int(last.group(1)) == yr


def _names_plan(sentence: str, five: tuple[int, int]) -> bool:
    """Does ``sentence`` name the plan ``five`` (十五五, or 到2030年 for the plan ending then)?"""
    for m in FIVE_YEAR_GOAL.finditer(sentence) if "五" in sentence or "到" in sentence else ():
        if m.group(1) is None and MILESTONE_AFTER.match(sentence, m.end()):
            continue  # 2026年是“十五五”开局之年, “十五五”开好局: the year named is the plan's first, its goals its own
        if (FIVE_YEAR.get(m.group()) == five) if m.group(1) is None else int(m.group(1)) == five[1]:
            return True
    return False


def _year_period(kind: str, yr: int | None, year: int | None, text: str, q: Quantity, sentence: str,
                 bulletin: bool, fives: tuple[list[int], list[str]] | None, sentence_year: int | None,
                 spots: tuple[_Lazy, _Lazy] | None, clause_mark: int, closing: bool = False) -> str | None:
    five = None
    ctx = (max(0, q.start - 600), q.start)  # the context: the 600 characters before the quantity
    if fives:
        i = bisect_right(fives[0], q.start) - 1
        if i >= 0:
            five = FIVE_YEAR[fives[1][i]]
            if (kind == "actual" and year is not None and five[1] < year - 5
                    and PAST_FIVE.search(text, max(fives[0][i], ctx[0]), q.start)):
                # 五年来 after the name of a plan that ended before those five years began (在“十一五”
                # 基础上…五年来 in a 2016 report): the five years before the report year
                five = None
    if kind == "target":
        if yr is not None and year is not None and yr > year:
            if five and five[1] == yr:
                return _span_years(*five)
            # 到2025年 in a page that names the plan running from the report year: a goal of that plan
            for name in set(fives[1]) if fives else ():
                if FIVE_YEAR[name][1] == yr and FIVE_YEAR[name][0] <= year:
                    return _span_years(*FIVE_YEAR[name])
            return str(yr)
        # a goal of the plan's last year (2015年) is the plan's when the sentence names the plan, or
        # when that year is not the report year (规划 near a goal restated for 2015 in a 2016 report); in
        # the plan's last year, this year's goals (今年是“十二五”的收官之年。主要预期目标是：…) are its own
        if (five and (year is None or five[1] >= year) and _has_plan_word(text, max(0, q.start - 12), q.start)
                and PLAN_GOAL_BEFORE.search(text, max(0, q.start - 12), q.start)):
            return _span_years(*five)  # 高于规划确定的8.5%的年均增速目标: the plan's goal, restated
        if (five and yr is None and (year is None or five[0] <= year <= five[1]) and spots is not None
                and PLAN_AVERAGE.search(text, max(clause_mark + 1, q.start - 20, 0), q.start) is not None
                and spots[1].search(*ctx)):
            return _span_years(*five)  # “十四五”时期主要目标 / 地区生产总值年均增长7%左右: over the plan
        if five and ((year is None or five[1] >= year) and _names_plan(sentence, five)
                     or (yr is not None and yr == five[1] and spots is not None and spots[0].search(*ctx)
                         and (yr != year or _goal_year_named(text, yr, *ctx)))):
            return _span_years(*five)
        return str(yr if yr is not None else year) if (yr or year) else None
    if (year is not None and not bulletin and "十年" in text[max(0, clause_mark + 1, q.start - 12) : q.start]
            and TEN_YEARS.search(text, max(0, clause_mark + 1, q.start - 12), q.start) is not None):
        return _span_years(year - 10, year - 1)  # 十年增加近70万亿元, 这十年来累计…: the decade before the report
    # actual: in a five-year review (十三五时期, 五年来) a change is of the whole period, a level
    # of its last year, and the base of 由A提高到B of the year before it began
    # a year in another clause of the sentence (由2016年的…增加到2021年的…，年均增长8.9%) leaves the
    # average of the clause after it to the five years
    def other_clause_year() -> bool:  # (asked only once the cheaper tests before it hold)
        return (_clause_average(text, q.start, clause_mark)
                and YEAR.search(text, clause_mark + 1, q.start) is None)

    from_base = BASELINE_FROM.search(text, max(0, q.start - 1), q.start) is not None  # (由A提高到B: A)
    if (five and not bulletin and spots is not None and (sentence_year is None or other_clause_year())
            and spots[1].search(*ctx) and not _year_leads_since_period_word(text, *ctx)):
        if (own := FIGURE_YEAR.search(text, max(0, q.start - 9), q.start)) is not None:
            return own.group(1)  # 由2020年的6.5万辆: the figure's own year
        # a review in the plan's own years (十四五以来 in a 2025 report) reaches the year before the report
        # (a page on the next plan's proposal, late in the plan's last year: the whole plan)
        last = five[1] if year is None or year - 1 < five[0] or (closing and five[1] == year) else min(five[1], year - 1)
        if from_base:
            return str(five[0] - 1)
        clause_end = text[max(0, q.start - 8) : q.start]
        if (AVERAGE.search(clause_end) or CHANGE_BEFORE.search(clause_end) or _clause_average(text, q.start, clause_mark)
                or _total_since(text, q, sentence)  # (五年累计新增…，完成棚户区改造8.7万户: each a total)
                or (FIVE_LEAD.match(sentence) is not None  # 五年新建改扩建学校62所，新增学位7.5万个
                    and not _is_level(text, q))
                # “十三五”时期，…；新建改建农村公路560公里: a count of what was done in the plan's years
                or (FLOW_VERB.search(text, max(clause_mark + 1, q.start - 20, 0), q.start) is not None
                    and "全年" not in sentence and "去年" not in sentence  # (全年新增…: that year's)
                    and not _is_level(text, q))):
            return _span_years(five[0], last)
        return str(last)
    def five_year_flow() -> bool:
        # 过去五年，…；新增国家高新技术企业530家 / 五年累计新增…；新建学校52所: a count of work done in a
        # paragraph that a five-year lead opens (asked last)
        return (FLOW_VERB.search(text, max(clause_mark + 1, q.start - 20, 0), q.start) is not None
                and "全年" not in sentence and "去年" not in sentence and not _is_level(text, q)
                and _five_year_paragraph(text, q.start) is not None)

    if (year is not None and not bulletin and text.find("五年", *ctx) >= 0 and (sentence_year is None or other_clause_year())
            and (_clause_average(text, q.start, clause_mark) or _total_since(text, q, sentence) or from_base
                 or (FIVE_LEAD.match(sentence) is not None and not _is_level(text, q))
                 or five_year_flow())):  # (every PAST_FIVE has 五年)
        # 五年来/过去五年 … 年均增长, 累计, a sentence opening with 五年: over the five years before the
        # report year, when no other period is named between that cue and the figure (a year carried
        # from a sentence before, a level's or a base's year in a clause of its own, 2021年达到…,
        # 由2016年的…, is none: a year opening a sentence or a line is); a base (从1014亿元) of the year
        # before them
        past = None
        for past in PAST_FIVE.finditer(text, *ctx):  # noqa: B007 - the last one
            pass
        if past is None:
            past = _five_year_paragraph(text, q.start)  # (五年累计… opening the paragraph)
        if past is not None and not any(not _compared_plan(text, m) and (not m.group()[0].isdigit()
                                                                         or _opens_sentence(text, m.start()))
                                        for m in OTHER_PERIOD.finditer(text, past.end(), q.start)):
            return str(year - 6) if from_base else _span_years(year - 5, year - 1)
    if yr is not None:
        return str(yr)
    if year is not None:
        if "今年" in sentence and THIS_YEAR_SO_FAR.search(sentence):
            return str(year)  # 今年以来…已为市场主体减税降费1100亿元: the report year so far
        return str(year) if bulletin else str(year - 1)  # a bulletin's year is the year it covers
    return None
