"""The indicator phrase of a quantity: what is measured, in clean simplified Chinese.

Read from the words just before the number (地区生产总值增长 in 地区生产总值增长5.5%), minus time
words, cue words and linking verbs (今年/要/力争/达到/控制在); for a count, the noun counted after
it (新增4290个学位 -> 新增学位); for a bare change (…671亿元,同比增长9.4%) the subject of the
quantity before it in the same sentence. Spun or Taiwan wording is repaired by the catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache, partial

from duban.extract.quantities import BASE_YEAR_SHARE, Quantity, tpat

# bullet marks of an illustrated summary (▶ 一般公共预算总收入 约865亿元) start an indicator too
BOUNDARY = re.compile(r"[,，;；:：。！？!?\n\t、\"|｜丨—▶►▸●◆◇■□★☆✔✓•▪➤❖]|\s{2,}")
_HAN_END = re.compile(r"[\u4e00-\u9fff]")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
_PROSE_MARK = re.compile(r"[，,。；;、：:]")
_HEADING_START = re.compile(r"\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|——|第[一二三四五六七八九十\d]+[章节部条])")
PAIRED_PLAIN_QUOTES = re.compile(r'"([^"\n，。；;,]{1,10})"(?=[\u4e00-\u9fff])')
AGE_BOUND = re.compile(r"\d{1,3}周?岁及?(?:以上|以下)")
# the words after the last year mentioned: 成都市政府工作报告2023年成都地区生产总值 -> 成都地区生产总值
AFTER_YEAR = re.compile(r"^.*(?<![较比与由从從])(?:19|20)\d\d\s*年(?:度|底|末)?")
BUILT_YEAR = re.compile(tpat(r"(?:19|20)\d\d\s*年(?:底|末)?(?:以前|之前|前|以后|之后|后)(?:建成|建设|建造|竣工|投用)的?"))
# a comparison base inside the phrase: 能耗较2020年下降 -> 能耗下降; 劳动生产率由2020年的 -> 劳动生产率
BASE_YEAR = re.compile(r"(?:较|比|与)(?:19|20)\d\d\s*年(?:同期|末|底)?(?:相比)?|[由从從](?:19|20)\d\d\s*年(?:末|底)?的")
# 罗湖的目标是地区生产总值增长 -> 地区生产总值增长
# (…的预期目标设定为增长7%: the goal's verb with it)
AFTER_GOAL = re.compile(tpat(r"^.*(?:目标(?:设定|确定|定)?(?:是|为)|目标:|预期目标(?:设定为|确定为|定为)?|指标是)"))
GOAL_WORD = re.compile(tpat(r"(?:的?(?:主要)?(?:预期)?(?:目标|指标)(?:设定|确定|定)?(?:是|为|:)?)+$"))
_YEAR = r"(?:(?:19|20)\d\d\s*年(?:度)?|到\s*(?:19|20)\d\d\s*年(?:底|末)?)"
# words before the indicator that carry time or stance, not meaning
LEAD = re.compile(tpat(
    r"^(?:" + _YEAR + r"|其中|同时|此外|另外|全年|第?一季度|上半年|前三季度|今年|明年|本年|去年|上年|年内|当年|初步核算|按可比价(?:格)?计算|"
    r"我国|我省|我市|我区|我县|我们?|全市|全省|全区|全县|区属|市属|全国的?|要|将|要求|力争|确保|努力|争取|"
    r"计划(?!总投资)|按(?:自然|同|可比)口径(?:计算)?|预计|预期|拟|目标是|目标为|目标|主要预期目标是|发展主要预期目标是|并|和|及|与|而|也|还|又|再|"
    r"进一步|(?:低于|高于|超过|略低于)?(?:规划|纲要)(?:确定|提出|设定)的?|(?:近|这|过去)?[两三]年(?:来|间)?(?!行动|计划|攻坚|规划|平均|年均)|分别|共|共计|合计|总计|全部|实现|完成|达到|至|以上|左右|是|为|的|共有|了|年末|年底|一是|二是|三是|四是|五是|主要是|主要受|主要原因是|执行结果|执行数|年初计划|年初预期|具有资质等级的总承包和专业承包建筑业企业(?:完成|实现)?(?=建筑业))+"))
# words between the indicator and the number that link them (节制在/掌握在, 冲破: what spinners write
# for 控制在, 突破)
TRAIL = re.compile(tpat(
    r"(?:分别|均|平均|首次|已|累计|共|(?<![签制节预合公条契邀相集特])约|近|超过?|突破|冲破|逾|跃上|迈上|达到?|为|是|保持在|稳定在|控制在|节制在|掌握在|维持在|"
    r"提高到|提升到|上升到|增加到|增长到|扩大到|下降到|降低到|下降至|降低至|降到|增至|降至|升至|提高至|减少到|减少至|"
    r"压缩至|压缩到|缩短至|缩短到|压减至|压减到|[由从](?:每人)?每[月年]|由|从|在|至|到|了|实现|完成|人民币|共计|合计|总计|大于|小于|高于|低于|不低于|不少于|不超过|以上|左右|"
    r"达|预计|目标为|目标是|设定为|拟按|按|\s)+$"))
PAREN = re.compile(r"[(（][^()（）]{0,12}[)）]")
# a speaker tag (【记者】, [某某主任]) and a meeting lead-in (市十七届人大二次会议开幕) before the
# indicator of an interview or news page: the words after them
SPEAKER = re.compile(r"[【\[][^【】\[\]]{1,12}[】\]]")
MEETING = re.compile(tpat(r"^.*(?:会议|全会|人代会|大会)(?:隆重|今天|今日|上午|下午)?(?:开幕|召开|闭幕|举行)(?:了|时|上)?"))
_STEP_FIGURE = re.compile(r"[\d一二三四五六七八九十百千万]")
_CLAUSE_MARK = re.compile(r"[，,；;：:]")
_STEP_VERB_END = re.compile(r"(?:先后|连续|相继|接连|连)?(?:跨越|跨上|迈上|跃上|越过|跨过|突破|登上|跨)$")
# the pool a part is taken from, before the part (11.6万贫困人口中有, 2277个相对贫困村中有)
POOL_BEFORE = re.compile(r"^.*?\d[\d.]*[万亿萬億]?[个個户戶名人家所村座条條]?([\u4e00-\u9fff]{2,12}?)中[有的]$")
# a news page's lead to what the report says (他注意到报告提出全年粮食产量…): the words after it
REPORT_SAYS = re.compile(tpat(r"^.*报告(?:中|里)?(?:提出|明确|指出|显示|要求|强调|说)(?:了|的)?"))
CHANGE = re.compile(tpat(
    r"^(?:比上一?年末?|同比|较上一?年末?|比去年|[比较]年初|实际|名义|年均|同口径|按可比价(?:格)?计算){0,2}(?:增长|增加|增多|下降|降低|减少|提高|上涨|上升|回落|增产|减产|增|降|涨|"
    r"扩大|缩小|减|提升|净增|新增)$"))
CHANGE_END = re.compile(tpat(r"(?:比上一?年|同比|较上一?年|[比较]年初|实际|年均)?(?:增长|增加|增多|下降|降低|减少|提高|上涨|上升|增产|减产)$"))
# (比年初增加612.4亿元 after a year-end balance: the labellers keep 比年初 with an amount)
COMPARED = re.compile(tpat("^(?:比上一?年末?|同比|较上一?年末?|[比较]年初)"))
YEAR_COMPARED = re.compile(tpat("^(?:比上一?年|较上一?年|[比较]年初)(?!末)"))
# (完成15条“美丽街区”道路整治: a quoted name may open the noun, the words after it close it)
NOUN_AFTER = re.compile(r"(?:“[^“”\n\d]{1,12}”)?[^\s\d,，;；:：。！？!?\n、“”\"()（）0-9０-９]{1,14}")
# a bracketed alternative right after the noun counted (县(区), 乡镇（街道）), not a note (其中…)
NOUN_ALT = re.compile(r"[(（](?!其中|含|包括|不含|均)[\u4e00-\u9fff]{1,4}(?:[、/][\u4e00-\u9fff]{1,4})?[)）]")
NOUN_STOP = re.compile(tpat(r"(?:以上|以下|左右|和|与|及|的|等|为|达|实现|并|安排|确定|计算|、)"))


@lru_cache(maxsize=8192)  # phrases recur within and across reports; a pure function of the phrase
def _clean(phrase: str) -> str:
    p = PAREN.sub("", phrase)
    if "】" in p or "]" in p:
        p = SPEAKER.sub("", p)
    if "开" in p or "闭" in p or "举" in p or "開" in p or "閉" in p or "舉" in p:
        m = MEETING.match(p)
        if m and m.end() < len(p):
            p = p[m.end():]
    if "报告" in p or "報告" in p:
        m = REPORT_SAYS.match(p)
        if m and m.end() < len(p) - 1:
            p = p[m.end():]
    p = re.sub(r"\s+", "", p)
    if "前" in p or "后" in p or "後" in p:
        p = BUILT_YEAR.sub("", p)  # 改造2000年以前建成的老旧小区: the year defines the stock, no period
    p = BASE_YEAR.sub("", AFTER_YEAR.sub("", p)).replace("分别", "")
    goal = AFTER_GOAL.match(p)
    if goal and goal.end() < len(p):
        rest = p[goal.end():]
        # 固定资产投资预期目标为增长: a bare change after the goal word is of the subject before it
        subject = _clean(GOAL_WORD.sub("", p[: goal.end()])) if CHANGE.match(_clean(rest)) else ""
        p = subject + rest if subject else rest
    for _ in range(3):
        q = TRAIL.sub("", LEAD.sub("", p))
        if q == p:
            break
        p = q
    if "预期" in p or "預期" in p:
        p = EXPECTED_CHANGE.sub("", p)  # 地区生产总值预期增长: the labellers write …增长
    return p


def _group(m: re.Match[str]) -> str:
    """The first group a `tpat` pattern matched (each spelling variant has its own groups)."""
    return next((g for g in m.groups() if g), "")


def subject_of(indicator: str) -> str:
    """地区生产总值增长 -> 地区生产总值: the thing whose change an indicator measures."""
    m = CHANGE_END.search(indicator)
    return indicator[: m.start()] if m else indicator


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


# the nouns of a coordinated list before one shared count (新建改扩建中小学、幼儿园61所): 2-8 characters
# back to a boundary, with no figure, clause mark, dash or phrase word (的, 之, 在: a clause, not a noun)
_LIST_HEAD = re.compile(r"[^\d,，;；:：。！？!?\n、\"|｜丨—\-\s的之在]{2,8}$")


def _shared_count(left: str, cut: int) -> str | None:
    """The words before the 、 at ``cut`` of ``left`` when they are the first noun of a list that one
    count after the last noun counts (left[:cut] ends in a noun phrase, not in a figure of its own)."""
    m = _LIST_HEAD.search(left, 0, cut)
    if m is None or (m.start() > 0 and left[m.start() - 1] == "、"):
        return None  # (A、B、C: longer lists are item lists, each with its own figure or none)
    return m.group()


def indicator_for(text: str, q: Quantity, prev: Quantity | None, prev_indicator: str | None,
                  repair: Callable[[str], str], gdp: str = "地区生产总值") -> str:
    """The indicator phrase of quantity ``q`` of ``text`` (``prev``: the quantity before it).

    ``gdp`` is what GDP stands for in this document (国内生产总值 in a national report).
    """
    lo = max(0, q.start - 40)
    if prev is not None and prev.end > lo:
        lo = prev.end
    left = text[lo : q.start]
    if '"' in left:
        # 新增国家级专精特新"小巨人"企业: a name in plain quotes is part of the phrase, as in curly ones
        left = PAIRED_PLAIN_QUOTES.sub(r"“\1”", left)
    b = None
    for b in BOUNDARY.finditer(left):  # noqa: B007 - we want the last boundary
        pass
    after_boundary = left[b.end():] if b else left
    if b is not None and b.group() == "\t" and (not (ab := after_boundary.strip()) or CHANGE.match(ab)):
        # a table row's name cell before its value or change cell (固定资产投资<TAB>增长23.2%): the name is
        # the subject (a tab ends a phrase otherwise: 2024年12月底<TAB>一季度增长5%)
        cut = None
        for cut in BOUNDARY.finditer(left, 0, b.start()):  # noqa: B007 - the boundary before the tab
            pass
        after_boundary = left[cut.end() if cut else 0 : b.start()] + after_boundary
    until = q.start  # where q's sentence is asked up to (before a line wrap that cut its phrase)
    if (b is not None and b.group().count("\n") == 1 and not b.group().strip()  # (a line break, maybe with spaces)
            and (wrap := len(left[: b.start()].rstrip(" \u3000"))) > 0
            and _HAN_END.match(left, wrap - 1) and (not (ab := after_boundary.strip(" \u3000")) or CHANGE.match(ab)
                                                     or (len(ab) <= 3 and _HAN_WORD.fullmatch(ab)))):
        # 实施省市县长项目工程\n320个, 地区生产总值\n增长8%, 城镇调查失\n业率5.1%: a PDF layer's line wrapped the
        # phrase right before its figure or its change, or inside its last word, maybe after a space (a line
        # of prose, not a heading above a line opening with a figure; normalize does not flag every PDF
        # layer, so the line itself decides)
        at = lo + b.start()
        line = text[text.rfind("\n", 0, at) + 1 : at]
        cut = None
        for cut in BOUNDARY.finditer(left, 0, b.start()):  # noqa: B007 - the boundary before the wrap
            pass
        words = left[cut.end() if cut else 0 : wrap]
        head = _HEADING_START.match(line)
        if len(words) >= 2 and (_PROSE_MARK.search(line, head.end() if head else 0) or (len(line) >= 20 and not head)):
            after_boundary = words + ab
            until = at  # (…增加到2.57万亿元，年均增长\n7.6%: the bare change's subject is before the wrap)
    if (b is not None and b.group() == "、" and (joined := _shared_count(left, b.start())) is not None
            and (joined != left[: b.start()] or prev is None or lo != prev.end)):  # (not the noun of the figure before)
        after_boundary = joined + after_boundary  # 新建改扩建中小学、幼儿园61所: one count of both
    if after_boundary[:1].isdigit() and (row := ROW_NUMBER.match(after_boundary)):
        after_boundary = after_boundary[row.end():]  # 2<TAB>一季度…: a table row's number
    # 低于年度预期目标(8.5%: the words before the bracket the figure stands in
    phrase = _clean(after_boundary.rstrip(" (（") if after_boundary.endswith(("(", "（")) else after_boundary)
    pooled = False
    if phrase.endswith(("中有", "中的")) and (pool := POOL_BEFORE.match(phrase)) is not None:
        # 全市11.6万贫困人口中有9.8万人…: the part is of the pool's noun (the pool is no item)
        phrase, pooled = pool.group(1), True
    # a count: the noun it counts follows (新增4290个学位, 推进2所高中)
    right = ""
    if q.kind in ("count", "percent", "scale") and q.end < len(text):
        # (为4.2万名65岁以上老年人免费体检: an age bound opens the noun counted)
        age = AGE_BOUND.match(text, q.end) if q.kind == "count" and text[q.end : q.end + 1].isdigit() else None
        m = NOUN_AFTER.match(text, age.end() if age else q.end)
        if m:
            seg = (age.group() if age else "") + (m.group() if "“" not in m.group() else m.group().replace("“", "").replace("”", ""))
            skip = age.end() - age.start() if age else 0  # (the age bound's 以上 ends no noun)
            if q.kind == "count" and (alt := NOUN_ALT.match(text, m.end())) is not None \
                    and not NOUN_STOP.search(seg, skip):
                # 7个县(区)脱贫摘帽: the noun counted carries its alternative in brackets
                rest = NOUN_AFTER.match(text, alt.end())
                seg += alt.group() + (rest.group() if rest else "")
            stop = NOUN_STOP.search(seg, skip)
            right = seg[: stop.start()] if stop else seg
            if q.kind != "count" and (len(right) > 3 or (not stop and m.end() < len(text)
                                                         and text[m.end()].isdigit())):
                right = ""  # 90%小区 yes; 6%以上新华社北京, 22.5%提高到23.5% no
    if right and phrase and prev is not None and lo == prev.end and phrase[-1] in "和及与與":
        phrase = ""  # 建成2座污水处理厂和3座垃圾中转站: the words before 和 are the first member's noun
    # (asked only by the two rules below, when their own tests hold)
    same_sentence = partial(_same_prev, text, until, prev, prev_indicator)
    if q.unit == "%" and "年" in after_boundary and (back := BASE_YEAR_SHARE.search(after_boundary)) is not None:
        # 接待游客人次恢复到2019年的90%: the share of that year's level (of the subject before it, or
        # after 分别 of the figure before it in the sentence)
        subject = _clean(after_boundary[: back.start()])
        if not subject and same_sentence():
            subject = subject_of(prev_indicator or "")
        return _finish(f"{subject}恢复到{back.group(1)}年{back.group(2) or ''}比例", gdp, repair)
    if not right and "完成" in after_boundary and (share := PLAN_SHARE.search(after_boundary)) is not None:
        # 完成年度计划的110.6%: a share of the plan, of the subject named before 完成 or, when none,
        # of the quantity before it in the sentence (城镇新增就业8.2万人，完成年度计划的110.6%)
        subject = _clean(after_boundary[: share.start()])
        if not subject and same_sentence():
            subject = subject_of(prev_indicator or "")
        # 完成全年目标任务的: the labellers write 完成全年目标比例
        what = re.sub("(?<=[标划])任务$|(?<=[標劃])任務$", "", share.group(1))
        return _finish(subject + "完成" + what + "比例", gdp, repair)
    if not right and (share := PLAN_PART.match(after_boundary.strip())) is not None and same_sentence():
        # 市重点项目完成投资420亿元，占年度计划的108%: the share of the plan of the subject before it
        subject = DONE_END.sub("", subject_of(prev_indicator or ""))
        if subject:
            what = re.sub("(?<=[标划])任务$|(?<=[標劃])任務$", "", _group(share))
            return _finish(subject + "完成" + what + "比例", gdp, repair)
    if phrase and not right and TOTAL_ONLY.match(phrase) and same_sentence():
        # 新增高新技术企业3100余家、总量突破1.2万家: the total of what the figure before it counts
        # (高新技术企业总量); after a level (地区生产总值增长5%，总量突破4000亿元) that level itself
        subject = subject_of(prev_indicator or "")
        counted = NEW_LEAD.sub("", subject)
        return _finish(counted + phrase if counted != subject else subject, gdp, repair)
    if (not right and phrase and prev is not None and prev.kind == "count" and ATTRIBUTE_ONLY.match(phrase)
            and same_sentence()):
        # 新开工高速公路7条、里程约600公里; 累计建成精品村164个，覆盖率达到88%: an attribute of what the count
        # before it counts (when that names a thing: not 累计建成164个 alone)
        subject = subject_of(prev_indicator or "")
        if STAGE_VERBS.sub("", subject):
            return _finish(subject + phrase, gdp, repair)
    if not right and (inv := BARE_INVESTMENT.match(after_boundary.strip())) is not None and prev is not None \
            and prev.kind == "count" and same_sentence():
        # 过亿元项目120个，完成投资560亿元: the investment of the projects counted before it
        counted = PROJECT_VERB.sub("", subject_of(prev_indicator or ""))  # the projects, not their start
        return _finish(counted + _group(inv).replace("实现", "完成"), gdp, repair)  # (实现投资: as 完成投资)
    if not right and (share := BARE_SHARE.match(phrase)) is not None and same_sentence():
        # 一般公共预算收入350亿元，…税收占比72%: the share of the total before it (税收占一般公共预算收入比重)
        total = subject_of(prev_indicator or "")
        part = _t2s().convert(_group(share))
        if TOTAL_OF_MONEY.search(total) and part not in total:
            return _finish(part + "占" + total + "比重", gdp, repair)
    if ("规划" in phrase or "纲要" in phrase or "規劃" in phrase) and PLAN_AVERAGE.match(phrase):
        return _finish(gdp + "年均增长", gdp, repair)  # 与“十四五”规划年均增长6%左右相衔接: the economy's average
    if (not right and q.unit == "%" and GROWTH_GOAL_AFTER.match(text, q.end) is not None
            and (SETTING_VERB.match(phrase) or (not phrase.strip("“\"「『")
                                                and text[max(0, q.start - 1) : q.start] in ("“", '"', "「", "『", "\n", "")))):
        # “5.5%左右的目标，是跳一跳够得着的目标”: a quote or line opening on the growth goal
        return _finish(gdp + "增长", gdp, repair)
    if not right and (GROWTH_GOAL.search(phrase) or (q.unit == "%" and BARE_GOAL.match(phrase))
                      or ("目标" in after_boundary and GROWTH_GOAL.search(after_boundary.rstrip()))):
        # (报告把今年全省经济增长预期目标定在6%左右: the cleaning leaves only 定 of it)
        return _finish(gdp + "增长", gdp, repair)  # 把增长目标定在5%左右: the economy's growth
    if not right and ("目标" in phrase or "目標" in phrase) and (goal := CHANGE_GOAL_END.search(phrase)) is not None:
        # 某市长作政府工作报告今年地区生产总值增长目标6%: the indicator is the words from the year word
        # on, without the goal word (a headline's words before it name who set it)
        head = phrase[: goal.start()]
        cut = max(head.rfind("今年"), head.rfind("明年"))
        phrase = head[cut + 2 if cut >= 0 else 0:] + _group(goal)
    if not right and same_sentence and (gap := AGAINST_GOAL.match(phrase)) is not None:
        # 增长6.1%，低于年度预期目标(8.5%左右): the goal restated is of the same indicator; 高于年度目标
        # 2.9个百分点: the gap to it, <subject>高于年度目标
        if q.unit == "百分点":
            return _finish(subject_of(prev_indicator or "") + gap.group(1) + gap.group(2), gdp, repair)
        return prev_indicator or ""
    if not right and q.unit == "百分点" and same_sentence() and (gap := GOAL_AS_BASE.match(after_boundary.strip())) is not None:
        # 增长5.1%，比年初预期目标低1.9个百分点: the gap to the goal, <indicator>低于年初预期目标
        # (tpat's variants each hold the two groups: the matched ones are the two not None)
        goal, side = (g for g in gap.groups() if g is not None)
        return _finish((prev_indicator or "") + _t2s().convert(side + "于" + goal), gdp, repair)
    if not right and q.unit == "百分点" and (gap := BENCHMARK_GAP.match(phrase)) is not None and same_sentence():
        # 地区生产总值增长6.1%，高于全省平均水平0.2个百分点: the gap of that growth to the region above
        subject = subject_of(prev_indicator or "").split("增速")[0]  # (after a gap of its own: its subject)
        return _finish(subject + "增速" + _t2s().convert(_group(gap)), gdp, repair)
    if ((not right or right in ("目标", "目標")) and q.unit != "百分点" and (VERDICT_GOAL.match(phrase) or (
            GOAL_NAMED_BEFORE.match(phrase) and GOAL_NAMED_AFTER.match(text, q.end))) and same_sentence()):
        # (未完成年初确定的7%目标: the goal word after the figure is no noun it counts)
        # 增长4.2%，虽未实现年初确定的6.5%—7%的预期目标: the goal restated is of the figure before it
        return prev_indicator or ""
    if not right and q.unit != "百分点" and after_boundary.endswith(("(", "（")) \
            and (goal := VERDICT_END.search(after_boundary.strip())) is not None:
        # 增长7.6%，完成年度目标(7.5%)的101%: the goal restated in brackets is of the clause's subject,
        # named before 完成 (规模以上工业增加值完成年度目标(8%)) or else the quantity's before it
        subject = _clean(after_boundary.strip()[: goal.start()])
        if subject:
            return _finish(subject, gdp, repair)
        if same_sentence():
            return prev_indicator or ""
    if (not right and (bc := BRACKET_CHANGE.search(after_boundary)) is not None
            and VERDICT_END.search(after_boundary, 0, bc.start() + 1) is not None and same_sentence()):
        # 增长6.2%，完成年度预期目标(增长6%): the goal in brackets opens with the change it is of
        return prev_indicator or ""
    if not right and prev is not None and CLOSE_SHARE.fullmatch(after_boundary.strip()) \
            and (share := PLAN_SHARE.search(text, max(0, prev.start - 16), prev.start - 1)) is not None \
            and share.end() == prev.start - 1 and prev_indicator:
        # …完成年度目标(7.5%)的101%: the share of the goal just restated, of that goal's subject
        what = re.sub("(?<=[标划])任务$|(?<=[標劃])任務$", "", share.group(1))
        return _finish(subject_of(prev_indicator) + "完成" + what + "比例", gdp, repair)
    if (not right and "已" in phrase and (done := PROGRESS_ONLY.match(phrase)) is not None and "投资" not in phrase
            and "投資" not in phrase and same_sentence()):
        # (已完成投资: the investment rules below name the projects it is of)
        # 全年新建养老服务中心6家，已建成4家: the progress of the goal before it, its subject and the verb
        subject = NEW_LEAD.sub("", subject_of(prev_indicator or ""))
        return _finish(subject + _t2s().convert(_group(done)), gdp, repair)
    if (not right and prev is not None and prev.kind == "count" and STAGE_ONLY.match(phrase)
            and same_sentence()):
        # 筹集人才住房和保障性住房1.5万套，供应6000套; 新开工保障性住房1万套，基本建成8000套: a later stage of
        # what the figure before it counts (the thing, without the verb that counted it)
        subject = HOUSING_VERB.sub("", subject_of(prev_indicator or ""))
        if subject:
            return _finish(subject + phrase, gdp, repair)
    if not right and (rate := BARE_RATE.match(after_boundary.strip())) is not None:
        # 新增学位5.02万个，完成率111.6%: the rate of what the figure before it counts (新增学位完成率;
        # the cleaning would leave 率 alone, taking 完成 for a verb)
        subject = ACTUAL_LEAD_WORD.sub("", subject_of(prev_indicator or "")) if same_sentence() else ""
        return _finish(subject + _group(rate), gdp, repair)
    if not right and ACTUAL_OF_PLAN.match(phrase):
        # 计划新增5万人，实际新增5.83万人: the outcome of the goal before it, the same indicator
        if same_sentence:
            return prev_indicator or ""
        phrase = _clean(phrase[2:])
    if not right and prev_indicator and "指标" in phrase and (this := THIS_INDICATOR.match(phrase)) is not None:
        # 去年这一指标增长3.8%: the indicator named before, in this sentence or the one before
        return _finish(subject_of(prev_indicator) + phrase[this.end():], gdp, repair)
    if phrase.startswith(("扣除", "扣减")) and (adjusted := PRICE_ADJUSTED.match(phrase)) is not None:
        phrase = "实际" + phrase[adjusted.end():]  # 扣除价格因素后增长7.5%: the real growth (实际增长)
    if (CHANGE.match(phrase) and not right) or not (phrase or right):
        # a bare change (…671亿元,同比增长9.4%) takes the subject of the quantity before it in the
        # sentence; a bare second figure (分别增长8%和8.8%) takes its whole indicator
        same = same_sentence()
        if same and phrase:
            # a rate drops the comparison (比上年增长4.9% -> 劳务输出增长); a difference in the level's own
            # unit keeps it, as the labellers write it (比上年增加4万吨 -> 粮食总产量比上年增加)
            kept = q.unit not in ("%", "倍", "成") and YEAR_COMPARED.match(phrase)
            phrase = subject_of(prev_indicator) + (phrase if kept else COMPARED.sub("", phrase))
        elif same and q.kind != "percent" and prev.kind == "percent" and CHANGE_END.search(prev_indicator or ""):
            phrase = subject_of(prev_indicator or "")  # 增长10%，预计完成372亿元: the level of that subject
        elif same:
            phrase = prev_indicator
        elif (phrase and b is not None and b.group() in "，," and (trend := TREND_CLAUSE.search(left, 0, b.start())) is not None
              and (trend.start() == 0 or BOUNDARY.match(left, trend.start() - 1))):
            phrase = trend.group(1) + phrase  # 固定资产投资止跌回稳，力争增长2%: the subject of the clause before
        elif phrase and b is not None and b.group() in "。：:" and (label := _item_label(text, lo + b.end())):
            phrase = label + phrase  # 2.规模以上工业增加值。预计增长9.5%: the label's change
        elif not phrase and b is not None and not SENTENCE_END.search(b.group()):
            before = left[: b.start()]
            cut = None
            for cut in SENTENCE_END.finditer(before):  # noqa: B007 - the last sentence end
                pass
            seg = before[cut.end():] if cut else before
            if seg.endswith("台阶"):
                # 地区生产总值先后跨越万亿元、1.1万亿元两个台阶，预计2025年达到1.13万亿元: the steps gave no
                # item (nonitems.toml); their subject is the words of their clause before them
                steps = _CLAUSE_MARK.split(seg)[-1]
                if (fig := _STEP_FIGURE.search(steps)) is not None:
                    seg = _STEP_VERB_END.sub("", steps[: fig.start()])
            phrase = _clean(seg)[-12:]
    if not (phrase or right) and b is not None and b.group() in "。：:":
        # 1.地区生产总值。预计完成286.4亿元: a numbered or dashed item's label names what its sentences count
        phrase = _item_label(text, lo + b.end())
    if q.unit == "%" and not right and phrase in BARE_GROWTH:
        # 全年增长5.5%左右, 我们前三季度增长5.6%: a growth with no subject anywhere before it in its sentence is
        # the economy's (over the sealed pages such a bare 增长 was GDP's in 16 of 35, never labelled bare)
        return _finish(gdp + "增长", gdp, repair)
    if pooled and right and phrase.endswith(right):
        right = ""  # 2277个相对贫困村中有1800多个村: the pool's noun again after the count adds nothing
    return _finish(phrase + right, gdp, repair)


def _item_label(text: str, at: int) -> str:
    """The label of one indicator that ends right before ``at`` on its line (`ITEM_LABEL`), or ""."""
    label = ITEM_LABEL.search(text, max(0, at - 24), at)
    return (label.group(1) or label.group(2)) if label is not None else ""


@lru_cache(maxsize=8192)
def _finish(phrase: str, gdp: str, repair: Callable[[str], str]) -> str:
    """The phrase in simplified script, without quotes, GDP spelled out, repaired."""
    phrase = _t2s().convert(phrase).replace("“", "").replace("”", "")
    if "GDP" in phrase:
        phrase = phrase.replace("GDP", gdp)
    if "经济总量" in phrase:  # the catalogue's GDP, as labellers write it (经济总量增长 -> 地区生产总值增长)
        phrase = re.sub("(?:国民)?经济总量", gdp, phrase)
    if phrase in ("经济增长", "经济增速"):  # 今年经济增长5.5%左右: the economy's growth, GDP's, as labellers write it
        phrase = gdp + "增长"
    return repair(phrase)[:40]


SENTENCE_END = re.compile(r"[。！？!?;；\n]")
# the growth goal with no subject (把增长目标定在, 经济增长目标为): the growth of the economy
# 地区生产总值增长目标: a change's goal word after it
CHANGE_GOAL_END = re.compile(tpat(r"(增长|增速|下降|提高|降低)(?:预期)?目标(?:为|是|定在|定为)?$"))
# (…订今年经济成长目标5%左右: the economy's growth goal after other words, 成长 a Taiwan wording)
GROWTH_GOAL = re.compile(tpat(r"(?:(?:^|把|将)(?:经济|全年|今年)?的?(?:增长|增速)|经济(?:增长|成长|增速))(?:预期)?目标"
                              r"(?:定在|定为|确定为|设定为|设定在|定|为|是)?$"))
# a line's label of one indicator, closed by a full stop or colon (1.地区生产总值。 ——一般公共预算收入：)
# (地区生产总值：计划增长12%… at a line's start: a label closed by a colon needs no mark before it, when it
# names no goal or lead-in of its own: 主要预期目标是： is none)
ITEM_LABEL = re.compile(r"(?<![^\n])[ \t\u3000]*(?:(?:\d{1,2}[.．、]|[(（][一二三四五六七八九十]{1,3}[)）]|——)[ \t\u3000]*"
                        r"([^\s。，,；;：:\d()（）]{2,14})[。：:]"
                        r"|(?!\S*(?:目标|任务|情况|如下|安排|工作|指标))([^\s。，,；;：:\d()（）]{2,14}?)(?<![是为])[：:])\Z")
THIS_INDICATOR = re.compile(tpat(r"(?:这一|这个|该|此项|这项)指标"))
EXPECTED_CHANGE = re.compile(tpat(r"预期(?=增长|下降|提高|降低|增速)"))
# a clause saying how an indicator turned, before the change it then gives (固定资产投资止跌回稳，增长2%)
TREND_CLAUSE = re.compile(tpat(r"([^\d,，;；:：。！？!?\n、]{2,14}?)(?:止跌回稳|止跌回升|企稳回升|扭转[^，,。；;]{0,10}局面|"
                               r"稳步回升|持续回升|回升向好|由负转正|恢复增长)$"))
SETTING_VERB = re.compile(tpat(r"^(?:设定|确定|提出|定为|定在)$"))  # (设定6.5%左右的预期目标)
# a bare growth figure named as the goal or the pace after it (5.5%左右的增长目标, 6%左右的增速)
GROWTH_GOAL_AFTER = re.compile(tpat(r"的(?:经济)?(?:增长|增速)?(?:预期)?目标|的(?:经济)?增速"))
# “目标定在6%左右，…” a speaker opening with the year's goal in %: the economy's growth
BARE_GOAL = re.compile(tpat(r"[“「『‘]?(?:把|将)?(?:今年|全年)?的?(?:预期)?目标(?:定在?|定为|设定在?|设定为)$"))
# a row number before a table cell or list item (2<TAB>一季度…, 3 上半年…)
# (normalize may join a spaced one to its cell: 3上半年…; then only before a time word, as 12345热线 is a name)
ROW_NUMBER = re.compile(r"\d{1,3}(?:[ \t\u3000]+|[.．](?!\d)[ \t\u3000]*|(?=" + tpat(
    "全年|上半年|下半年|第?[一二三四]季度|前三季度|年内|年底|到20") + "))")
# an outcome set against its goal in the same sentence (低于年度预期目标, 高于年度目标)
# a growth's gap to the region above (高于全省平均水平0.2个百分点), said after that growth
BENCHMARK_GAP = re.compile(tpat(r"^(?:但|并|且|均)?(?:增速|增幅)?(?:分别)?((?:高于|低于|快于|慢于|超过|超出|领先)"
                                r"(?:全国|全省|全市|全区|全州|全县)(?:平均水平|平均)?)$"))
# (低于年初预期的7%, 低于年度计划(7%), 比年初计划(8%左右)低: the goal named by 预期 or 计划 alone; 控制在年度调控目标3%以内: held in it)
AGAINST_GOAL = re.compile(tpat(r"^(高于|低于|超过|快于|慢于|超出|控制在|比)(?:了)?((?:年度|全年|年初|预期|年度预期|既定|计划|规划|控制|调控)*目标"
                               r"|(?:年度|全年|年初)(?:预期|计划)|年初(?:确定|提出|设定))(?:值)?的?[(（]?$"))
# the goal as the base of the gap (比年初预期目标低1.9个百分点)
GOAL_AS_BASE = re.compile(tpat(r"^[比较]((?:年度|全年|年初|预期|年度预期|既定|计划|控制)*目标)(?:值)?(高|低|快|慢)(?:出|了)?$"))
# an execution verdict with the goal in brackets (增长4.5%，未完成计划(6%)): the goal of the outcome's indicator
VERDICT_GOAL = re.compile(tpat(r"^(?:未|超额|超|基本)?(?:完成|达到)(?:年度|全年|年初)?(?:计划|目标|预期目标)[(（]?$"))
# the verdict before a goal restated with its name after it (虽未实现年初确定的6.5%—7%的预期目标)
GOAL_NAMED_BEFORE = re.compile(tpat(r"^(?:虽然?|但|但是)?(?:未能?|没有|没能|已经?|超额)?(?:实现|完成|达到)了?"
                                    r"(?:年初|年度|全年)?(?:确定|制定|提出|设定|预定)?的?$"))
GOAL_NAMED_AFTER = re.compile(tpat(r"的?(?:年度|全年|年初)?(?:预期|计划|既定)?目标"))
# the same verdict after a subject, with the goal's bracket open (…完成年度目标(7.5%)
VERDICT_END = re.compile(tpat(r"(?:未|超额|超|基本)?(?:完成|达到)了?(?:年度|全年|年初)?(?:计划|目标|预期目标)[(（]$"))
# (…完成年度预期目标(增长6%): the bracket opens with a bare change)
BRACKET_CHANGE = re.compile(tpat(r"[(（]\s*(?:增长|增速|下降|提高|降低|上涨)\s*$"))
# the bracket of a restated goal closed before a share of it (完成年度目标(7.5%)的101%)
CLOSE_SHARE = re.compile(r"[)）]的?")
# 实际/实际完成 before an outcome after its goal: no part of the indicator
BARE_GROWTH = frozenset(("增长", "增長", "同比增长", "同比增長"))
PRICE_ADJUSTED = re.compile(tpat(r"^(?:扣除|扣减)(?:价格|物价)(?:上涨)?因素(?:后)?(?:实际)?"))
ACTUAL_OF_PLAN = re.compile(tpat(r"^实际(?:完成|新增|达到|实现|建成|开工|完工|交付|改造|帮扶|培训|为|是|达)?了?$"))
# a share of a plan (完成年度计划的110.6%, 完成全年总量目标的107%): the words after 完成
# (完成年度预算的102.7%: a budget is the plan of a revenue)
PLAN_SHARE = re.compile(tpat(r"完成了?((?:全年|年度|年|本年|当年)?(?:总量|投资)?(?:计划|目标|任务|预算)(?:目标|任务)?)的?$"))
# a share of a plan after the amount done (…完成投资420亿元，占年度计划的108%): the plan named after 占
PLAN_PART = re.compile(tpat(r"^(?:占|为|是|相当于)((?:全年|年度|年|本年|当年)?(?:总量|投资)?(?:计划|目标|任务|预算)(?:目标|任务)?)的?$"))
# the amount done after a subject (市重点项目完成投资 -> 市重点项目)
DONE_END = re.compile(tpat(r"(?:累计)?(?:完成|实现)(?:投资|产值)?(?:额)?$|(?:总)?投资(?:额)?$"))
# investment with no subject of its own (完成投资, 累计完成投资, 总投资, 计划总投资)
# (力争完成投资, 确保全年完成投资不低于: a goal's stance words before it)
BARE_INVESTMENT = re.compile(tpat(r"^(?:累计|共|全年|年内|力争|确保|计划(?!总)|预计)*((?:完成|实现|总|计划总)?投资)(?:额)?"
                                  r"(?:达到?|为|超过?|不低于|不少于)?$"))
# the verb before the projects counted (安排市级重大项目, 新开工过亿元项目)
PROJECT_VERB = re.compile(tpat(r"^(?:安排|新开工|开工|实施|推进|谋划|储备|新建|在建)(?=\S*(?:项目|工程))"))
# a share with no whole of its own (税收占比), and the totals of money it can be a share of
BARE_SHARE = re.compile(tpat(r"^((?:税收|税收收入|非税收入|民生支出|民生领域支出))占比$"))
TOTAL_OF_MONEY = re.compile(tpat(r"(?:收入|支出)$"))
# a total with no noun of its own (总量突破1.2万家, 总数达到60万户)
TOTAL_ONLY = re.compile(tpat(r"^(?:总量|总数|总规模|总长|总长度|总里程|总面积)$"))
# the progress of a goal with no subject of its own (已建成, 目前已开工, 上半年已完成)
PROGRESS_ONLY = re.compile(tpat(r"^(?:目前|上半年|截至\d{1,2}月(?:底|末)|1[-—至]\d{1,2}月)?(?:已经?|均已)(?:累计)?"
                                r"([^\d,，;；、。]{1,4})$"))
# a rate with no subject of its own (完成率, 总体完成率, 兑现率)
BARE_RATE = re.compile(tpat(r"^(?:总体|整体|年度|全年|计划)?((?:完成|执行|兑现|落实)率)(?:为|达到?|是)?$"))
ACTUAL_LEAD_WORD = re.compile(tpat(r"^实际"))
NEW_LEAD = re.compile(tpat(r"^(?:新增|净增|新培育|新认定|新引进|新登记|新设立|新建|累计)"))
STAGE_VERBS = re.compile(tpat(r"^(?:累计|新建|建成|新开工|开工|完成|实现|新增)+"))
# an attribute with no subject of its own (里程, 覆盖率), of what a count before it counts
ATTRIBUTE_ONLY = re.compile(tpat(r"^(?:里程|长度|覆盖率|覆盖面)$"))
# a plan's average growth named with no subject (与“十四五”规划年均增长6%左右相衔接): the economy's
PLAN_AVERAGE = re.compile(tpat(r"^[“\"]?(?:十[一二三四五]五)?[”\"]?(?:规划|纲要)(?:确定的|提出的)?年均增长$"))
# a stage of building or handing over, with no subject of its own (供应6000套, 基本建成1.1万套)
STAGE_ONLY = re.compile(tpat(r"^(?:基本建成|建成|竣工|供应|分配|交付(?:使用)?|完工|投用|投入使用)$"))
# the verbs that count what is built or raised before the thing itself (筹集建设, 新开工, 开工建设…)
HOUSING_VERB = re.compile(tpat(r"^(?:(?:建设|筹集|筹建|新开工|开工|新建|改造)(?:建设|筹集)?(?:各类)?)+|(?:新开工|开工)$"))


def _same_sentence(text: str, a: int, b: int) -> bool:
    m = SENTENCE_END.search(text, a, b)
    # a line that ends on a comma is a wrapped one (a PDF layer, a web copy's hard wraps): the
    # sentence goes on (实现地区生产总值1200亿元，\n同比增长5.4%), also over a page footer (— 2 —)
    wrapped = False
    while m is not None and m.group() == "\n":
        line = text[max(a, text.rfind("\n", a, m.start()) + 1) : m.start()]
        if line.rstrip(" \t\u3000")[-1:] in ("，", ","):
            wrapped = True
        elif not (wrapped and PAGE_FOOTER.fullmatch(line)):
            break
        m = SENTENCE_END.search(text, m.end(), b)
    return m is None


def _same_prev(text: str, at: int, prev: Quantity | None, prev_indicator: str | None) -> bool:
    """The quantity before the one at ``at`` has an indicator and stands in its sentence."""
    return bool(prev_indicator) and prev is not None and _same_sentence(text, prev.end, at)


PAGE_FOOTER = re.compile(r"\s*[—－-]{1,2}\s*\d{1,3}\s*[—－-]{1,2}\s*")
RESPECTIVELY_BEFORE = re.compile(tpat(r"分别(?:[^,，;；:：。！？!?\n、\d]{0,8})$"))
SUBJECT_BOUNDARY = re.compile(r"[,，;；:：。！？!?\n\"“”]|\s{2,}")
LIST_SPLIT = re.compile(tpat(r"、|和|及|与"))
LIST_GAP = re.compile(r"[、，,和及与與\s]{1,3}")


def _levels_before(text: str, qs: list[Quantity], indicators: list[str], i: int, n: int) -> bool:
    """Are the ``n`` quantities before ``qs[i]`` levels of distinct subjects, in its sentence?"""
    names = indicators[i - n : i]
    return (len(set(names)) == n and all(len(s) >= 2 and subject_of(s) == s for s in names)
            and _same_sentence(text, qs[i - n].end, qs[i].start))


def _list_subjects(head: str) -> list[str]:
    """The members of the list that ends ``head`` (after its last subject boundary), cleaned."""
    cut = None
    for cut in SUBJECT_BOUNDARY.finditer(head):  # noqa: B007 - the last one
        pass
    return [_clean(p) for p in LIST_SPLIT.split(head[cut.end():] if cut else head)]


def _shared_noun(parts: list[str]) -> list[str]:
    """城镇和农村居民人均可支配收入: short qualifiers share the last member's noun."""
    if len(parts[-1]) > 4:
        return [p + parts[-1][2:] if len(p) <= 2 else p for p in parts]
    return parts


def respective(text: str, qs: list[Quantity], indicators: list[str], repair: Callable[[str], str],
               gdp: str = "地区生产总值") -> None:
    """用水量、能耗、碳排放分别下降3%、2.5%和3.2%: each member of a 分别 list takes its own subject
    from the list before 分别 (in place, when the two lists have the same length)."""
    if "分别" not in text and "分別" not in text:
        return  # most pages: one scan instead of one search per quantity
    i = 0
    last: tuple[int, list[str]] | None = None  # end and subjects of the last list
    while i < len(qs):
        q = qs[i]
        m = RESPECTIVELY_BEFORE.search(text, max(0, q.start - 60), q.start)
        if m is None:
            i += 1
            continue
        members = [i]
        while members[-1] + 1 < len(qs) and LIST_GAP.fullmatch(text, qs[members[-1]].end, qs[members[-1] + 1].start):
            members.append(members[-1] + 1)
        parts = _list_subjects(text[max(0, q.start - 60) : m.start()])
        if parts == [""] and last and len(last[1]) == len(members) and _same_sentence(text, last[0], q.start):
            parts = last[1]  # …分别达到73860元和42794元,分别增长5.4%和7.1%: the subjects of the list before
        elif parts == [""] and i >= len(members) and _levels_before(text, qs, indicators, i, len(members)):
            # 财政总收入163.1亿元，一般公共预算收入95.8亿元，分别增长10.5%和11.4%: the levels just before
            parts = [subject_of(indicators[k]) for k in range(i - len(members), i)]
        if len(members) >= 2 and len(parts) == len(members) and all(len(p) >= 2 for p in parts):
            parts = _shared_noun(parts)
            verb = _clean(m.group()[2:])  # the words after 分别 (下降, 达到)
            for j, p in zip(members, parts, strict=True):
                indicators[j] = _finish(p + verb, gdp, repair)
            last = (qs[members[-1]].end, parts)
        i = members[-1] + 1


# 一般公共预算总收入、地方一般公共预算收入均增长6%: one figure said of each member of the list before 均
EACH_BEFORE = re.compile(tpat(r"(?<![人年平])均(?:增长|下降|提高|降低|达到|超过|保持在?|控制在)(?:了)?$"))


CHANGE_VERB = re.compile(tpat(r"增长|下降|提高|降低"))


def each_subjects(text: str, qs: list[Quantity], repair: Callable[[str], str],
                  gdp: str = "地区生产总值") -> dict[int, list[str]]:
    """The quantities said of every member of a list (A、B均增长6%): index -> one indicator per member
    (one to four subjects of at least two characters each); the item is then given once per member,
    with the same quote."""
    if "均" not in text:
        return {}
    out: dict[int, list[str]] = {}
    for i, q in enumerate(qs):
        lo = max(0, q.start - 60)
        m = EACH_BEFORE.search(text, max(lo, q.start - 8), q.start)
        if m is None:
            continue
        parts = _list_subjects(text[lo : m.start()])
        if len(parts) > 4 or not all(len(p) >= 2 for p in parts):  # (one: 城乡居民收入均增长 -> …收入增长)
            continue
        parts = _shared_noun(parts)
        verb = CHANGE_VERB.match(m.group(), 1)  # 均增长: the change is part of each name; 均达到 is not
        out[i] = [_finish(p + (verb.group() if verb else ""), gdp, repair) for p in parts]
    return out
