"""Which government a page is about, and which year's report it is.

Used by batch mode to label every document of a corpus. The detector reads simplified text (it
converts traditional script and drops pinyin annotations itself, so it works on raw text too) and
trusts, in this order: the congress session or title that names the government (深圳市罗湖区第七届人民
代表大会, 太原市人民政府工作报告), the national congress (十四届全国人大, 国务院总理), the office of the
speaker (省长, 市长) with the places the text names most, and finally plain mentions. Provinces and
prefecture-level cities come from the data table ``rules/regions.toml``; districts and counties are read
from those patterns, with the city before them as parent. When nothing is solid it says nothing.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import opencc

from duban import fastre

HEAD_CHARS = 20_000  # a report names its government near the top; news pages do within this too

LEVELS = ("national", "province", "city", "district", "county")

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class Region:
    name: str  # 罗湖区, 深圳市, 湖北省, 全国
    level: str  # one of LEVELS
    parent: str | None = None  # 深圳市 for 罗湖区, 广东省 for 深圳市


@dataclass(frozen=True)
class _Place:
    name: str
    level: str
    parent: str | None


@dataclass
class _Table:
    by_name: dict[str, _Place]  # full names (湖北省, 深圳市) and safe short names (湖北, 深圳)
    pattern: re.Pattern  # alternation of every key of by_name, longest first


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _rules() -> dict:
    return tomllib.loads(resources.files("duban").joinpath("rules/regions.toml").read_text("utf-8"))


@cache
def _table() -> _Table:
    data = _rules()
    full_only = set(data.get("full_only", []))
    by_name: dict[str, _Place] = {}
    for prov in data["province"]:
        p = _Place(prov["name"], "province", None)
        by_name[prov["name"]] = p
        if prov["short"] not in full_only:
            by_name[prov["short"]] = p
        for city in prov.get("cities", []):
            c = _Place(city + "市", "city", prov["name"])
            by_name[city + "市"] = c
            if city not in full_only and city not in by_name:
                by_name[city] = c
    keys = sorted(by_name, key=len, reverse=True)
    return _Table(by_name, re.compile("|".join(map(re.escape, keys))))


_PINYIN_NOTE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
# characters that end a phrase before a place name rather than belong to it (日在市, 的全区)
_NOT_IN_NAME = re.compile(r"[在的于日年月和及与向是为全本我该各了对将从由把被这其此省市区县]")


def simplify(text: str) -> str:
    """Simplified script, without pinyin annotations (發(fā)展) or spaces inside words (市 长).

    A cheap normalization for detection only: offsets are not kept.
    """
    text = _PINYIN_NOTE.sub("", text[:HEAD_CHARS])
    # spaces, tabs and ideographic spaces dropped: three replaces are 4x faster than a regex sub
    return _t2s().convert(text).replace(" ", "").replace("\t", "").replace("\u3000", "")


_CN_NUM = "[一二三四五六七八九十]+|[0-9]{1,2}"
_SUFFIX = "(?:特别行政区|自治区|自治州|自治县|新区|省|市|区|县|州|旗|盟)"
_HAN = "[\u4e00-\u9fff]"
# 深圳市罗湖区第七届人民代表大会第八次会议, 南京市十六届人大五次会议, 广东省十四届人大三次会议
_CONGRESS = re.compile(
    rf"({_HAN}{{1,16}}?{_SUFFIX})第?(?:{_CN_NUM})届人(?:民代表)?大(?:会)?(?:常委会)?第?({_CN_NUM})?次?"
)
# 太原市人民政府工作报告, 山东省政府工作报告
_TITLE = re.compile(rf"({_HAN}{{1,16}}?{_SUFFIX})(?:人民)?政府工作报告")
# 固原市2020年国民经济和社会发展统计公报
_TITLE_AFTER_YEAR = re.compile(
    rf"({_HAN}{{1,16}}?{_SUFFIX})(?:19|20)\d\d年(?:度)?(?:人民)?(?:政府工作报告|国民经济和社会发展(?:计划|统计公报))"
)
# 罗湖区区长, 成都市人民政府市长, 省长王忠林
_ROLE = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff])|(" + _HAN + r"{1,16}?" + _SUFFIX + r"))(?:人民政府)?代?(省长|市长|区长|县长|州长|旗长)")
# (fastre.Guarded: a page without 届全国人 is not searched; the pattern's optional start keeps it off
# the regex fast path, 0.6 ms per 20 000 characters)
_NATIONAL_SESSION = fastre.Guarded(re.compile(rf"第?({_CN_NUM})届全国人(?:民代表)?大(?:会)?第?({_CN_NUM})次会议"))
_NATIONAL_STRONG = re.compile(r"国务院总理|代表国务院")
_NATIONAL_WEAK = re.compile(r"全国人民代表大会|全国人大|全国政协各位委员|国家发展改革委|国家发改委|国务院(?:印发|办公厅|常务会议)")
_LEVEL_HINT = re.compile(r"(省|市|区|县)(?:第?(?:" + _CN_NUM + r")届人(?:民代表)?大|长|委|政府|人民政府)")
_HINT_LEVEL = {"省": "province", "市": "city", "区": "district", "县": "county"}
_ROLE_LEVEL = {"省长": "province", "市长": "city", "区长": "district", "县长": "county", "州长": "city",
               "旗长": "county"}
_SUFFIX_LEVEL = [("特别行政区", "province"), ("自治区", "province"), ("自治州", "city"), ("自治县", "county"),
                 ("新区", "district"), ("省", "province"), ("市", "city"), ("区", "district"), ("县", "county"),
                 ("州", "city"), ("旗", "county"), ("盟", "city")]


def _num(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGITS[s[1]]
    if s.endswith("十"):
        return _CN_DIGITS[s[0]] * 10
    if "十" in s:
        return _CN_DIGITS[s[0]] * 10 + _CN_DIGITS[s[-1]]
    return _CN_DIGITS.get(s, 0)


def _level_of(name: str) -> str:
    for suffix, level in _SUFFIX_LEVEL:
        if name.endswith(suffix):
            return level
    return "city"


def _resolve(run: str) -> Region | None:
    """The government named at the end of ``run`` (a run of Han characters ending in a suffix)."""
    table = _table()
    known = [m for m in table.pattern.finditer(run)]
    # The last known place whose full name ends the run is the government itself (深圳市 in 今日深圳市).
    for m in reversed(known):
        place = table.by_name[m.group()]
        if run.endswith(m.group()) and m.group() == place.name:
            return Region(place.name, place.level, place.parent)
    if known:
        # A known place followed by a lower unit: 深圳市罗湖区 -> 罗湖区 under 深圳市
        m = known[-1]
        rest = run[m.end():]
        place = table.by_name[m.group()]
        if 2 <= len(rest) <= 6:
            return Region(rest, _level_of(rest), place.name)
        if not rest:
            return Region(place.name, place.level, place.parent)
    # An unknown unit: its name is the two characters before the suffix (涪城区, 光明新区), the usual length
    for suffix, level in _SUFFIX_LEVEL:
        if run.endswith(suffix):
            stem = run[: -len(suffix)]
            name = stem[-2:] + suffix
            if len(stem) < 2 or _NOT_IN_NAME.search(stem[-2:]):
                return None
            if level == "province":  # every province is in the table: an unknown one is a misreading
                return None
            return Region(name, level, None)
    return None


def detect_region(text: str, *, simplified: bool = False) -> Region | None:
    """The government whose report (or coverage of it) ``text`` is, or None when unsure."""
    s = text if simplified else simplify(text)
    table = _table()
    named: Counter[Region] = Counter()
    for rx in (_CONGRESS, _TITLE, _TITLE_AFTER_YEAR):
        for m in rx.finditer(s):
            r = _resolve(m.group(1))
            if r is not None:
                named[r] += 1
    for m in _ROLE.finditer(s):
        if m.group(1):
            r = _resolve(m.group(1))
            if r is not None and r.level == _ROLE_LEVEL[m.group(2)]:
                named[r] += 1
    if named:
        # prefer the lowest government named (a district report names its city's congress too)
        return max(named.items(), key=lambda kv: (kv[1], LEVELS.index(kv[0].level)))[0]
    if _NATIONAL_SESSION.search(s) or _NATIONAL_STRONG.search(s):
        return Region("全国", "national", None)
    mentions: Counter[_Place] = Counter(table.by_name[m.group()] for m in table.pattern.finditer(s))
    hints = {_HINT_LEVEL[m.group(1)] for m in _LEVEL_HINT.finditer(s)}
    hints |= {_ROLE_LEVEL[m.group(2)] for m in _ROLE.finditer(s)}
    for level in ("city", "province"):  # a city report names its province too, rarely the reverse
        if level in hints:
            ranked = [(n, p.name, p) for p, n in mentions.items() if p.level == level]
            if ranked:
                place = max(ranked)[2]
                return Region(place.name, place.level, place.parent)
    if _NATIONAL_WEAK.search(s):
        return Region("全国", "national", None)
    if mentions:
        top = mentions.most_common(2)
        place, n = top[0]
        unique = len(top) == 1 or top[1][1] < n
        # a page about a work report that names one place more than any other is about that place
        if unique and (n >= 3 or (n >= 2 and _CONGRESS_WORD.search(s))):
            return Region(place.name, place.level, place.parent)
    return None


def lineage(region: Region) -> list[Region]:
    """The region and the regions above it, top first (广东省, 深圳市, 罗湖区), as far as they are known."""
    table = _table()
    chain = [region]
    parent = region.parent
    while parent and len(chain) < 5:
        place = table.by_name.get(parent)
        up = Region(parent, place.level, place.parent) if place else Region(parent, _level_of(parent), None)
        chain.append(up)
        parent = up.parent
    return chain[::-1]


# --- report year -----------------------------------------------------------------------------------

_YEAR = r"((?:19|20)\d\d)\s*年"
# a report's own title first: a work report also names the plan-execution report of last year
_TITLE_YEARS = (
    re.compile(_YEAR + rf"(?:度)?(?:{_HAN}{{0,16}}?)(?:人民)?政府工作报告"),
    re.compile(_YEAR + rf"(?:度)?(?:{_HAN}{{0,16}}?)(?:国民经济和社会发展(?:计划|统计公报)|统计公报|预算执行情况)"),
)
# a line of links to other pages (【相关阅读】某县2014年政府工作报告 | …, 上一篇：…, · 2021年某区政府工作报告 under
# 相关文章): the titles on it name other reports, not this one
LINK_LINE = re.compile(r"相关|相關|上一篇|下一篇|推荐|推薦|延伸阅读|延伸閱讀|往期|热点|熱點|链接|鏈接|^[\s·•▪●◆►]*[·•▪●◆►]", re.M)


def on_link_line(text: str, at: int) -> bool:
    """Does ``text[at]`` stand on a line of links to other pages (after `LINK_LINE` on its line)?"""
    return LINK_LINE.search(text, text.rfind("\n", 0, at) + 1, at) is not None


# a title naming its year after it in brackets (某市政府工作报告（2018年）): that year, before any other
# report a text names (the 2017年政府工作报告 it reviews)
_TITLE_YEAR_AFTER = re.compile(r"(?:人民)?政府工作报告\s*[（(【\[]\s*((?:19|20)\d\d)\s*年?(?:度)?\s*[)）】\]]")
# 关于2023年…计划执行情况与2024年…计划草案的报告: it reviews 2023 and sets the plan of 2024, the report year
_EXEC_AND_PLAN = re.compile(_YEAR + r"[^。\n]{0,30}?计划执行情况[^。\n]{0,6}?(?:与|和|及|暨)" + _YEAR + r"[^。\n]{0,30}?计划")
_TITLE_HEAD = 500
_IN_SENTENCE = re.compile(r"[。，,；;！？]")
# a line break between two ideographs: a PDF layer wrapped a word (…计划执行情\n况与…); or after the
# connector before the second year (…计划执行情况与\n2024年计划草案的报告)
WRAP_IN_WORD = re.compile(rf"(?<={_HAN})\n(?={_HAN})|(?<=[与和及暨])\n(?=\d)")
_PLAN_YEAR = re.compile(_YEAR + r"(?:经济社会发展|发展)?(?:的)?(?:主要)?(?:预期)?(?:目标|重点工作|工作安排|主要任务|具体工作|工作任务)")
_REVIEW_YEAR = re.compile(r"(?:回顾|刚刚过去的|过去的)" + _YEAR + r"|" + _YEAR + r"(?:工作)?回顾")
# 2021年2月23日在太原市第十四届人民代表大会, 2022年4月8日上午,南京市十六届人大
# (2026年1月 日安徽省…, 2026年1月XX日, 2021年3月 湖南省…: a template's date with the day left blank, held by a
# placeholder or left out)
_DATE_AT_CONGRESS = re.compile(_YEAR + r"(\d{1,2})月\s*(?:(?:\d{1,2}|[Xx×＊*]{1,2})?\s*日)?[^\n。]{0,20}?(?:人民代表大会|人大)")
# a page dated in its head (2024年02月01日, 2016-01-24) that covers a congress
# (not 截至2022年12月31日 / 到…: the end of a period reported on, no date of the page)
_DATED_HEAD = re.compile(r"(?<![至止到])((?:19|20)\d\d)(?:年\d{1,2}月\d{1,2}日|-\d\d-\d\d)")
_CONGRESS_WORD = re.compile(r"人民代表大会|人大|政府工作报告")
_ANY_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_GOAL_BEFORE = re.compile(r"(?:到|至|展望|远景|力争)\s*$")
# A province's congress opens its first session in 2003, 2008, 2013, 2018, 2023 ... (five-year terms).
_PROVINCE_CONGRESS = re.compile(rf"(?:省|自治区|北京市|天津市|上海市|重庆市)第?(?:{_CN_NUM})届人(?:民代表)?大(?:会)?第?({_CN_NUM})次会议")


def detect_year(text: str, *, simplified: bool = False) -> int | None:
    """The year whose plan the report sets (2021年政府工作报告 -> 2021; 十四届全国人大三次会议 -> 2025).

    For a statistical bulletin or plan-execution report, the year it covers. None when unsure.
    """
    s = text if simplified else simplify(text)
    m = _EXEC_AND_PLAN.search(s, 0, 600)
    if m is None and "计划" in s[:600]:
        # a PDF layer wraps a long title inside a word (…计划执行情\n况与2022年…计划草案的报告)
        m = _EXEC_AND_PLAN.search(WRAP_IN_WORD.sub("", s[:600]))
    if m:
        return int(m.group(2))
    m = _TITLE_YEAR_AFTER.search(s, 0, 300)
    if m:
        return int(m.group(1))
    for k, rx in enumerate(_TITLE_YEARS):
        # a bulletin's or a plan's title is at the page's head: further on, 2023年国民经济和社会发展计划
        # is last year's plan a work report or its news names
        for m in rx.finditer(s, 0, len(s) if k == 0 else _TITLE_HEAD):
            line = s.rfind("\n", 0, m.start()) + 1
            if k > 0 and _IN_SENTENCE.search(s, line, m.start()):
                continue  # (…开幕。会议将审查关于2023年…计划执行情况的报告: named in a sentence)
            if not LINK_LINE.search(s, line, m.start()):
                return int(m.group(1))
    m = _NATIONAL_SESSION.search(s)
    if m:
        term, session = _num(m.group(1)), _num(m.group(2))
        if 5 <= term <= 20 and 1 <= session <= 5:
            return 1998 + 5 * (term - 9) + session - 1  # the 9th NPC opened in 1998
    m = _DATE_AT_CONGRESS.search(s)
    if m:
        # a session in November or December (after an election) hears the next year's report
        return int(m.group(1)) + (1 if int(m.group(2)) >= 11 else 0)
    m = _PLAN_YEAR.search(s)
    if m:
        return int(m.group(1))
    m = _REVIEW_YEAR.search(s)
    if m:
        return int(m.group(1) or m.group(2)) + 1
    m = _PROVINCE_CONGRESS.search(s)
    # goal years (到2035年, 展望2030年) say nothing of when the session met
    # (nor 2035年远景目标, a plan's title)
    years = [int(g.group(1)) for g in _ANY_YEAR.finditer(s)
             if not _GOAL_BEFORE.search(s, max(0, g.start() - 3), g.start()) and not s.startswith("远景", g.end())]
    if m and years:
        session = _num(m.group(1))
        if 1 <= session <= 5:
            # most provinces open a term in 2003, 2008 ... 2023: the year of that session closest
            # to the latest year the text speaks of (a report reviews last year, plans this one)
            latest = max(years)
            dated = _DATED_HEAD.search(s[:400])
            if dated:  # a page dated in its head speaks of no year after its date as past
                latest = min(latest, int(dated.group(1)))
            cands = [2003 + 5 * k + session - 1 for k in range(-3, 6)]
            best = min(cands, key=lambda y: (abs(y - latest - 0.5), y))
            if dated and best > int(dated.group(1)):
                # a session met after the page's date cannot be: a province off the common term
                # calendar, or a miscounted session; the date says when the report was made
                return int(dated.group(1))
            return best
    m = _DATED_HEAD.search(s[:400])
    if m and _CONGRESS_WORD.search(s):
        return int(m.group(1))
    return None


def detect(text: str) -> tuple[Region | None, int | None]:
    """Region and report year of one document (the text is simplified once for both)."""
    s = simplify(text)
    return detect_region(s, simplified=True), detect_year(s, simplified=True)
