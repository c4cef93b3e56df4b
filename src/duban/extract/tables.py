"""Indicator tables kept as text: plan indicator tables and bulletin tables in a PDF or Word text
layer, or a web page's table as the HTML reader writes it.

One row a line, cells split by tabs, "|" or runs of 2+ spaces::

    序号 指标（单位）          2020年   2025年   属性
    1    学前教育毛入园率（%）  95.2     98       预期性

Only a line whose cells are all column labels (rules/tables.toml: 指标, 单位, 2020年, 目标值, 比上年增长,
…) starts a table; prose is never read here. Rows are read in the ORIGINAL text, because normalization
mends PDF spacing and would glue the cells together (``98       预期性`` -> ``98预期性``). Each value
cell gives one item: the indicator from the row's first cell, the unit from a bracket in it, a unit
column or the column label, kind and period from the column label (2020年/基期 -> actual of that
year, 2025年/目标值 -> target, 年均增长/累计 -> the plan's span, 比上年增长 -> the change beside a level).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache
from unicodedata import east_asian_width

from duban.document import Document
from duban.extract.classify import part_suffix
from duban.extract.quantities import Quantity, find_quantities, grammar, load_rules
from duban.ingest.normalize import PINYIN_NOTE as _PINYIN_NOTE  # (产(chǎn): tables read the original text)

# a cell separator: a tab, a "|" between cells, or 2+ spaces, between two non-spaces
_CORE = re.compile(r"\S(?:\t|[ \u3000]*\|[ \u3000]*|[ \u3000]{2,})\S")
# the scan looks for a separator character first (a search that starts with a character set is fast),
# then tests the run of separator characters around it with _CORE. Spaces count only after a
# non-space (every _CORE match has such a pair): an indented line of prose is passed over. One first
# class, then lookbehinds ([\t|]|[ \u3000]{2}(?<=\S..) as one alternation scans at 46 M/s, this at 150)
_SEPARATOR = re.compile(r"[\t| \u3000](?:(?<=[\t|])|(?<=\S[ \u3000])[ \u3000])")
_RUN = re.compile(r"[\t| \u3000]*")
_RUN_CHARS = "\t| \u3000"
_LINE = re.compile(r"[^\n]*")
# a cell separator: [ \u3000]*(?:\t|\|)[ \u3000]*|[ \u3000]{2,}, written to start with one character
# class (the regex engine then skips to the separator characters; the optional leading spaces kept
# it trying every position of a line): the same alternatives tried in the same order
# (a lone ideographic space between two characters is one too: it is as wide as two spaces, and PDF
# layers of tables set in full-width spaces put one between 类别, 序号 and 指标)
_CELL_SPLIT = re.compile(r"[ \u3000\t|](?:(?<=[ \u3000])[ \u3000]*(?:\t|\|)[ \u3000]*|(?<=[\t|])[ \u3000]*|"
                         r"(?<=[ \u3000])[ \u3000]+|(?<=\S\u3000)(?=\S))")
_BRACKET = re.compile(r"[(（]([^()（）]{1,10})[)）]")
_YEAR = re.compile(r"((?:19|20)\d\d)")
_PROSE = re.compile(r"[。；;，,：:！？]")  # (a "其中：" prefix is cut before this check)
_HAN = re.compile(r"[\u4e00-\u9fff]")
# a row number, one space, a name of four or more characters that opens with an ideograph
_NUMBER_THEN_NAME = re.compile(r"([1-9]\d?)[ \u3000]([\u4e00-\u9fff][^ \u3000]{3,})")
_ROW_PREFIX = re.compile(r"^(?:其中[:：]?|#|△|\*|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d))\s*")
_VALUE = re.compile(
    r"^(?P<pre>[<>≤≥＜＞]=?|约|不低于|不少于|不超过|不高于|超过|大于|小于|高于|低于)?(?P<neg>[-−－])?"
    r"(?P<a>\d+(?:\.\d+)?)(?:%|‰)?(?:(?P<sep>[-~～—至])(?P<b>\d+(?:\.\d+)?)(?:%|‰)?)?"
    r"(?P<post>以上|以下|以内|左右|及以上|\+)?$")
# [2.5] 〔13.5〕 in a plan table: the change summed over the plan's five years
_CUMULATIVE = re.compile(r"^[\[［〔【](?P<v>[^\]］〕】]*)[\]］〕】]$")
# a words cell in a value column (高于GDP增长, 与经济增长基本同步, [完成省下达任务], >GDP增长): no value,
# not an item
_WORDS = re.compile(r"^[\[［〔【]?[<>≤≥＜＞]?[\u4e00-\u9fffA-Za-z0-9.%‰、]{2,30}[\]］〕】]?$")  # (保持在合理区间、各年度视情提出: a goal in words)
# a name cell ending in its unit, one space, then a value (a PDF layer that kept one space of the gap)
_GLUED_VALUE = re.compile(r"^(\S.*[)）])[ \u3000]([-<>≤≥＜＞\d][\d. \u3000%‰]*(?:以上|以下|以内|左右)?)$")
# a unit cell one space before a value (微克/立方米 28)
_GLUED_UNIT = re.compile(r"^(\S+)[ \u3000]([-<>≤≥＜＞]?\d[\d.]*%?)$")
# a cell ending in the attribute of a plan indicator after one space (完成国家下达任务 约束性) or right
# after a bracket (〔完成国家下达任务〕约束性)
_ATTRIBUTE_GLUED = re.compile(r"^(\S.*?)(?:[ \u3000]|(?<=[\]］〕】)]))((?:约束|预期)性)$")
# a value cell with its unit: 1200万人左右, 1.3万亿斤以上 (the unit as short as the rest allows)
_UNIT_VALUE = re.compile(r"^(?P<pre>[<>≤≥＜＞]=?|约|不低于|不少于|不超过|不高于|超过)?(?P<a>\d+(?:\.\d+)?)"
                         r"(?P<unit>[\u4e00-\u9fff/]{1,6}?)(?P<post>以上|以下|以内|左右|及以上)?$")
# a value cell that says the goal in words first: 与经济增长同步,6左右
_WORDS_THEN_VALUE = re.compile(r"^[\u4e00-\u9fff]{2,16}[,，]([^,，]+)$")
# how far (display columns) a cell may start from its header label's start and still stand under it
_PLACE_SLACK = 3
# a table's caption line (表1 …, 专栏2 …, 附表 …, …主要指标…)
_CAPTION = re.compile(r"[ \t\u3000]*(?:(?:附?表|专栏|專欄)[ \t\u3000]*[\d一二三四五六七八九十]|[^\n。]{0,30}主要指标[^\n。]{0,20}$)")
# the rest of a value cut at its decimal point by a line break (.5, .5%)
_CUT_REST = re.compile(r"\.\d+%?")
_EMPTY = re.compile(r"^(?:[—\-－/／…]+|--|无|)$")
_PRE_CMP = {"<": "<=", "≤": "<=", "＜": "<=", "<=": "<=", ">": ">=", "≥": ">=", "＞": ">=", ">=": ">=",
            "约": "~", "不低于": ">=", "不少于": ">=", "超过": ">=", "不超过": "<=", "不高于": "<=",
            "大于": ">=", "高于": ">=", "小于": "<=", "低于": "<="}
_POST_CMP = {"以上": ">=", "及以上": ">=", "+": ">=", "以下": "<=", "以内": "<=", "左右": "~"}
# a level column whose label names what is measured (粮食 + 产量 -> 粮食产量)
_MEASURE_NOUNS = ("产量", "产值", "销量")
_NAMES_A_MEASURE = ("量", "值", "额", "数", "率")
_FIVE = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
         "十五五": (2026, 2030)}
_FIVE_RE = re.compile("|".join(_FIVE))

# 2025年(预计): an estimate of a year not yet closed when the plan was written, an actual
_ROLE_WORDS = (("actual", re.compile("基期|现状|实际|完成|实绩|预计|估计")), ("target", re.compile("目标|预期|规划|计划")))
# the second line of a two-line header: (预计) (目标) [累计], one bracketed word under each value column
_SUBLABEL = re.compile(r"^[(（\[［〔【]\s*([\u4e00-\u9fff]{1,6})\s*[)）\]］〕】]$")
_VALUE_ROLES = ("year", "base", "target", "average", "change", "measure")
# a word every value column label has (rules/tables.toml year/base/target/average/change/measure), in
# either script: a line without one is no header
_VALUE_LABEL = re.compile(r"(?:19|20)\d\d|[基现現增降±+数數总總额額实實值]|目[标標]|[规規][划劃]|[预預]期|期[末初]|末期|"
                          r"年均|累[计計]|[产產]量|完成|全年|本年|[计計][划劃]")
# a category cell on a line of its own in a PDF layer: a short word (经济, 发展, 民生福祉)
_CATEGORY_LINE = re.compile(r"^[\u4e00-\u9fff]{1,4}$")
_MAX_CATEGORY_LINES = 4
_MAX_GAP = 2  # lines that are not rows (a category line) before a table ends
# a group heading on a line of its own in a table without a category column (经济发展, 民生福祉)
_GROUP_LINE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
# a numbered row (1  地区生产总值…): when its cells do not line up with the header it is skipped, the
# table goes on
_ROW_START = re.compile(r"^[ \u3000]*\d{1,3}[.、．]?[\t| \u3000]+[\u4e00-\u9fffA-Za-z]")
# header lines whose labels stand one space apart: found by the name label (指标, 项目, 名称), at most
# this long. Two character classes (a few pairs more than the three words; the line is checked after)
# scan three times as fast as the alternation
_NAME_LABEL = re.compile(r"[指项項名][ \u3000]{0,4}[标標目称稱]")  # (a PDF spaces a short label: 指 标)
_MAX_HEADER = 120
_WORD = re.compile(r"[^ \u3000\t]+")
_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")
# a word one space after a number that belongs to it (7.5% 左右, 375 以上); an opening sign or bracket
# standing apart from its number (< 5.5, [ 4.8 ])
_QUALIFIER = re.compile(r"^(?:以上|以下|以内|左右|及以上|%|‰|[\]］〕】])$")
_NUMBER_END = re.compile(r"[\d%‰]$")
_OPEN_ONLY = re.compile(r"^(?:[<>≤≥＜＞]=?|[\[［〔【])$")


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@dataclass(frozen=True)
class Column:
    role: str  # index/name/unit/attr/year/base/target/average/change/measure/other
    label: str
    unit: str | None = None  # from a bracket in the label: 比上年增长（%）
    year: int | None = None


@dataclass
class Cell:
    """One value cell read as an item: everything an Item needs, the span in the original text."""

    kind: str
    indicator: str
    span: tuple[int, int]
    cmp: str
    low: float
    high: float
    unit: str
    period: str | None
    scale: float


@cache
def _roles() -> list[tuple[str, re.Pattern]]:
    return [(e["role"], re.compile(f"(?:{e['pattern']})")) for e in load_rules("tables")["column"]]


def _clean_label(cell: str) -> str:
    # 年均增长[累计]: the bracket says the column also holds five-year sums
    return re.sub(r"[\s“”\"]|[\[［〔【][^\]］〕】]*[\]］〕】]", "", _BRACKET.sub("", _t2s().convert(cell)))


def column(label: str) -> Column:
    """The role of a header cell (rules/tables.toml), with the unit of a bracket and a year."""
    simple = _t2s().convert(label).replace(" ", "")
    bracket = _BRACKET.search(simple)
    unit = unit_of(bracket.group(1)) if bracket else None
    core = _clean_label(label)
    for role, pat in _roles():
        if pat.fullmatch(core):
            y = _YEAR.match(core)
            return Column(role, core, unit, int(y.group(1)) if y else None)
    return Column("other", core, unit)


def unit_of(s: str) -> str | None:
    """'万个' -> '万个', '%' -> '%', '元/人' -> '元/人'; None when ``s`` is not a unit."""
    s = s.strip().replace("％", "%")
    if s in ("%", "‰"):
        return s
    per10 = re.fullmatch(r"1?/(\d*(?:万|千|百)?)", s)
    if per10 and per10.group(1):
        return f"/{per10.group(1)}"  # 孕产妇死亡率（1/10万）: a rate per 100 000
    g = grammar()
    whole = g.units.get(s)
    if whole is not None:  # 微克/立方米: a unit with its slash
        return whole.out
    head, _, per = s.partition("/")
    for w in sorted(g.scales, key=len, reverse=True):
        if head.startswith(w) and len(head) > len(w):
            scale, rest = g.scales[w], head[len(w):]
            break
    else:
        scale, rest = "", head
    rule = g.units.get(rest)
    if rule is None and rest in ("百分点", "个百分点"):
        return scale + "百分点"
    if rule is None or (per and (len(per) > 6 or not _HAN.search(per))):
        return None
    return scale + rule.out + (f"/{per}" if per else "")


def _split(line: str, base: int) -> list[tuple[str, int]]:
    """The cells of a line with their offsets; PDF letter spacing inside a cell (产 品 名 称) is joined."""
    cells: list[tuple[str, int]] = []
    pos = 0
    for m in [*_CELL_SPLIT.finditer(line), None]:
        end = m.start() if m else len(line)
        raw = line[pos:end]
        lead = len(raw) - len(raw.lstrip())
        cell = raw.strip()
        if cell or (m is not None and pos > 0):
            cells.append((cell, base + pos + lead))
        pos = m.end() if m else pos
    # a "|" row starts and ends with a separator: no cell there
    while cells and not cells[-1][0]:
        cells.pop()
    # lone ideographs apart by spaces only (指   标: a header cell spread over its column) are one cell
    j = 1
    while j < len(cells):
        (a, pa), (b, pb) = cells[j - 1], cells[j]
        if (len(a) == 1 and len(b) == 1 and _HAN.match(a) and _HAN.match(b)
                and not line[pa - base + 1:pb - base].strip(" \u3000")
                and not _pairs_after(cells, j, line, base)):
            cells[j - 1:j + 1] = [(a + b, pa)]
        else:
            j += 1
    return cells


def _numbered(cells: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """``cells`` of a row with a row number written one space before its indicator (10 每千人口拥有执业
    医师数(人), in a table whose other separators are wide) split in two, as where the number stands in
    a column of its own; a row of one cell is left to the reading of rows whose cells stand one space
    apart."""
    if len(cells) < 2:
        return cells
    for j in range(2):
        if cells[j][0][:1].isdigit() and (m := _NUMBER_THEN_NAME.match(cells[j][0])) is not None:
            return [*cells[:j], (m.group(1), cells[j][1]), (m.group(2), cells[j][1] + m.start(2)), *cells[j + 1:]]
    return cells


def _pairs_after(cells: list[tuple[str, int]], j: int, line: str, base: int) -> bool:
    """Does the lone ideograph ``cells[j]`` make a label with the one after it rather than with the one
    before it (序    指  标: 序 is a label of its own, 指标 the next; not 序指 and 标)?"""
    if j + 1 >= len(cells):
        return False
    (a, _), (b, pb), (c, pc) = cells[j - 1], cells[j], cells[j + 1]
    if len(c) != 1 or not _HAN.match(c) or line[pb - base + 1:pc - base].strip(" \u3000"):
        return False
    return column(a + b).role == "other" and column(b + c).role != "other" and column(a).role != "other"


def _header(cells: list[tuple[str, int]]) -> list[Column] | None:
    """The columns of a header line, or None when the line is not one."""
    # cheap tests first: most candidate lines are prose with wide spaces, and labels need OpenCC
    if any(len(text) > 24 or _PROSE.search(text) for text, _ in cells):
        return None
    if not any(_VALUE_LABEL.search(text) for text, _ in cells):
        return None
    cols: list[Column] = []
    for text, _ in cells:
        c = column(text)
        if c.role == "other" and " " in text:
            # 序号 指标（单位）: two labels one space apart
            parts = [column(p) for p in text.split()]
            if all(p.role != "other" for p in parts):
                cols.extend(parts)
                continue
        cols.append(c)
    values = [c for c in cols if c.role in ("year", "base", "target", "average", "change", "measure")]
    others = [c for c in cols if c.role == "other"]
    if len(cols) < 3 or not values or len(others) > 1 or (others and cols[0].role == "other"):
        return None
    if not any(c.role in ("name", "index", "unit", "category") for c in cols) and len(values) < 2:
        return None
    if not any(c.role in ("year", "base", "target", "average") for c in cols) and not any(c.role == "unit" for c in cols):
        return None  # 增长 and 数量 alone are common words; a level/change table has a unit column
    return cols


# a value cell opening with the change it measures (年均增长5.5%左右 under 年均/累计)
_CHANGE_LEAD = re.compile(r"^(?:年均)?(?:增长|增速)")


def _value(cell: str) -> tuple[str, float, float] | None:
    """'98以上' -> ('>=', 98, 98); '- 0. 6' -> ('=', -0.6, -0.6); '5-6' -> range; None otherwise."""
    m = _VALUE.match(_CHANGE_LEAD.sub("", re.sub(r"[ \u3000,，]", "", cell)))
    if m is None:
        return None
    a = float(m.group("a"))
    if m.group("neg"):
        a = -a
    if m.group("b") is not None:
        b = float(m.group("b"))
        return ("range", a, b) if b > a else None
    cmp = _PRE_CMP.get(m.group("pre") or "") or _POST_CMP.get(m.group("post") or "") or "="
    return cmp, a, a


def _five_near(text: str, pos: int, fives: list[tuple[int, str]]) -> tuple[int, int] | None:
    """The five-year plan named last before ``pos`` (the table's title), else the first one named."""
    if not fives:
        return None
    i = bisect_right([p for p, _ in fives], pos) - 1
    return _FIVE[fives[i][1] if i >= 0 else fives[0][1]]


def _kind_period(col: Column, cols: list[Column], j: int, year: int | None, bulletin: bool,
                 five: tuple[int, int] | None) -> tuple[str, str | None] | None:
    """Kind and period of the values under column ``j``."""
    span = f"{five[0]}-{five[1]}" if five else None
    years = [c.year for c in cols if c.year is not None]
    if col.role == "year":
        y = col.year
        assert y is not None
        kind = None
        for k, pat in _ROLE_WORDS:
            if pat.search(col.label[4:]):
                kind = k
        if kind is None:
            if bulletin:
                kind = "actual"
            elif five is not None and y == five[0] - 1:
                kind = "actual"  # the base year of the plan the page names (2020 in a 十四五 table)
            elif year is not None:
                kind = "actual" if y < year else "target"
            else:
                kind = "target" if len(years) > 1 and y == max(years) else "actual"
        if kind == "target" and five and five[1] == y and (year is None or five[0] - 1 <= year <= five[1]):
            return kind, span
        return kind, str(y)
    if col.role == "base":
        y = five[0] - 1 if five else (year - 1 if year else None)
        return "actual", str(y) if y else None
    if col.role == "target":
        if not years and not bulletin and year and any(c.role == "measure" and _DONE_LABEL.search(c.label) for c in cols):
            # 计划目标 beside 完成情况 (a plan-execution table of the year reviewed): that year's goal;
            # beside 上半年完成 (a progress table of this year's part): this year's
            if any(c.role == "measure" and _PART_LABEL.search(c.label) for c in cols):
                return "target", str(year)
            return "target", str(year - 1)
        return "target", span or (str(year) if year else None)
    if col.role == "average":
        m = _FIVE_RE.search(col.label)
        if m:
            f = _FIVE[m.group()]
            kind = "actual" if year is not None and f[1] < year else "target"
            return kind, f"{f[0]}-{f[1]}"
        return ("actual", str(year) if year else None) if bulletin else ("target", span or (str(year) if year else None))
    if col.role in ("change", "measure"):
        # beside a year column: that column's kind and period
        for k in range(j - 1, -1, -1):
            if cols[k].role in ("year", "base", "target"):
                kp = _kind_period(cols[k], cols, k, year, bulletin, five)
                if kp is not None and cols[k].role == "target" and _DONE_LABEL.search(col.label):
                    # 完成情况 beside 计划目标: what was done of that goal; 上半年完成 (and the 完成率
                    # beside it): what was done of it in that part of the year
                    part = next((m for c in cols if c.role == "measure" and (m := _PART_LABEL.search(c.label))), None)
                    if part is not None and kp[1] is not None and kp[1].isdigit():
                        return "actual", kp[1] + part_suffix(part.group())
                    return "actual", kp[1]
                return kp
        if bulletin:
            return "actual", str(year) if year else None
        return "actual", str(year - 1) if year else None
    return None


def _row(cells: list[tuple[str, int]], cols: list[Column]) -> list[tuple[str, int]] | None:
    """The row's cells matched to the header's columns, or None when they cannot be."""
    if len(cells) == len(cols):
        return cells
    if len(cells) == len(cols) - 1:
        k = next((j for j, c in enumerate(cols) if c.role == "category"), None)
        if k is not None and (k == 0 or cols[0].role == "index"):
            # a later row of a group: its category cell is merged into the first row's (or left empty)
            return [*cells[:k], ("", -1), *cells[k:]]
        if cols[0].role == "index" and not cells[0][0].isdigit():
            return [("", -1), *cells]
        if cols[-1].role == "attr":
            if _ATTR_WORD.match(cells[-1][0].replace(" ", "")):
                return _missing_value(cells, cols)
            return [*cells, ("", -1)]
    return None


def _missing_value(cells: list[tuple[str, int]], cols: list[Column]) -> list[tuple[str, int]] | None:
    """A row one value cell short (a Word copy dropped an empty cell): when its last value is a five-year
    sum ([0.3]) it goes to the 年均增长[累计] column and the others fill the value columns from the left;
    any other row of this kind is not read (which cell is missing cannot be told)."""
    values = [j for j, c in enumerate(cols) if c.role in _VALUE_ROLES]
    if not values or values != list(range(values[0], values[0] + len(values))) or values[-1] != len(cols) - 2:
        return None
    avg = values[-1]
    if cols[avg].role != "average" or not _CUMULATIVE.match(cells[avg - 1][0].replace(" ", "")):
        return None
    return [*cells[:avg - 1], ("", -1), *cells[avg - 1:]]


def _candidates(text: str) -> list[re.Match]:
    """The lines of ``text`` with a cell separator between two non-spaces."""
    out: list[re.Match] = []
    pos = 0
    while (m := _SEPARATOR.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if _has_cells(text, m, start, end):
            out.append(_LINE.match(text, start, end))
        pos = end + 1
    return out


def _has_cells(text: str, m: re.Match, start: int, end: int) -> bool:
    """Does _CORE match in the line ``text[start:end]``, whose first separator hit is ``m``?

    Every _CORE match has its separator inside one run of separator characters (tab, |, spaces) that
    holds a hit, and its two non-spaces inside that run (a |) or next to it: testing the few characters
    around each such run gives the answer a scan of the whole line gives (a long paragraph with one
    indent or double space is not scanned character by character)."""
    while m is not None:
        rs = m.start()
        while rs > start and text[rs - 1] in _RUN_CHARS:
            rs -= 1
        re_ = _RUN.match(text, m.start(), end).end()  # type: ignore[union-attr]
        if _CORE.search(text, max(start, rs - 1), min(end, re_ + 1)) is not None:
            return True
        m = _SEPARATOR.search(text, re_, end)
    return False


def find_cells(doc: Document, year: int | None,
               bulletin: bool) -> tuple[list[Cell], list[tuple[int, int]], list[tuple[int, int]]]:
    """Value cells of the text tables of ``doc``, the spans (in doc.text) of the rows read, and the
    spans (in doc.text) of the tables that gave cells, each with its caption line (表1 …)."""
    original = doc.original
    lines = _candidates(original)
    heads = _single_space_headers(original)
    if not lines and not heads:
        return [], [], []
    fives = [(m.start(), m.group()) for m in _FIVE_RE.finditer(original)]
    out: list[Cell] = []
    rows_read: list[tuple[int, int]] = []
    tables: list[tuple[int, int]] = []  # (header start, end) in the original of the tables read
    valued: list[tuple[int, int]] = []  # those that gave cells
    i = 0
    while i < len(lines):
        head = lines[i].start()
        cols = _header(_split(lines[i].group(), lines[i].start()))
        if cols is None:
            # a PDF layer's header of labels one space apart above tab-separated rows: read from this row
            spaced = _spaced_header(original, lines[i])
            if spaced is None:
                i += 1
                continue
            cols, head = spaced
            marks = None
            five = _five_near(original, lines[i].start(), fives)
            pos = lines[i].start()
            i += 1
        else:
            five = _five_near(original, lines[i].start(), fives)
            header = _split(lines[i].group(), lines[i].start())
            marks = [_column_at(original, at) for _, at in header] if len(header) == len(cols) else None
            pos = lines[i].end() + 1
            i += 1
            pos, cols = _sublabels(original, pos, cols)
        n = len(out)
        pos = _read_table(doc, pos, cols, year, bulletin, five, out, rows_read, marks)
        tables.append((head, pos))
        if len(out) > n:
            valued.append((head, pos))
        while i < len(lines) and lines[i].start() < pos:
            i += 1
    # a header whose labels stand one space apart over rows one space apart (a PDF layer that kept
    # one space of each column gap): read after the others, unless a table read above holds it
    for start, end, cols in heads:
        if any(s <= start < e for s, e in tables):
            continue
        pos, cols = _sublabels(original, end + 1, cols)
        n = len(out)
        pos = _read_table(doc, pos, cols, year, bulletin, _five_near(original, start, fives), out, rows_read)
        tables.append((start, pos))
        if len(out) > n:
            valued.append((start, pos))
    rows_read.sort()
    return out, rows_read, [_with_caption(doc.text, *doc.from_original(s, e)) for s, e in sorted(valued)]


def _with_caption(text: str, start: int, end: int) -> tuple[int, int]:
    """A table's span in doc.text widened to the caption line right above its header (表1 2022年主要指标
    执行情况及2023年预期目标), which names the table, not the prose after it."""
    above = text.rfind("\n", 0, max(0, start - 1)) + 1
    if above < start and _CAPTION.match(text, above, start - 1) is not None:
        return above, end
    return start, end


def _read_table(doc: Document, pos: int, cols: list[Column], year: int | None, bulletin: bool,
                five: tuple[int, int] | None, out: list[Cell], rows_read: list[tuple[int, int]],
                marks: list[int] | None = None) -> int:
    """Read the rows from ``pos`` on into ``out`` (cells) and ``rows_read`` (spans in doc.text) until
    the table ends; returns where it ended in the original. ``marks``: the display column where each
    header label starts, when the header's cells are the columns (a row short of a cell is placed by them)."""
    original = doc.original
    gap = categories = 0
    grouped = any(c.role == "category" for c in cols)
    while pos < len(original) and gap <= _MAX_GAP:
        end = original.find("\n", pos)
        end = len(original) if end < 0 else end
        line = original[pos:end]
        cells = _numbered(_split(line, pos)) if line.strip() else []
        if cells and _header(cells) is not None:
            break  # the next table
        if len(cells) == 1 and _NAME_LABEL.search(line) and _single_space_header(line, pos) is not None:
            break  # the next table, its labels one space apart
        if len(cells) == 1 and categories < _MAX_CATEGORY_LINES and (
                _CATEGORY_LINE.match(cells[0][0]) if grouped else _GROUP_LINE.match(cells[0][0])):
            # a category cell standing alone, a word a line (经济\n发展), before its rows; a group
            # heading (民生福祉) in a table without a category column
            categories += 1
            pos = end + 1
            continue
        if cells and (cut := _cut_value(original, cells, end)) is not None:
            cells, end = cut
        got = _read_row(doc, cells, cols, year, bulletin, five) if cells else None
        if got is None and len(cells) == 1 and " " in cells[0][0]:
            # cells one space apart (a PDF layer that kept one space of each column gap)
            row = _single_space_row(cells[0][0], cells[0][1], cols)
            if row is not None:
                got = _read_row(doc, row, cols, year, bulletin, five)
            elif (joined := _single_space_wrapped(original, pos, end, cols)) is not None:
                got = _read_row(doc, joined[0], cols, year, bulletin, five)
                if got is not None:
                    end = joined[1]
        if got is None and cells:
            # a name the PDF wrapped onto the next line (…占地区\n生产总值比重  %  13.5 …)
            wrapped = _wrapped(original, cells, end, cols)
            if wrapped is not None:
                got = _read_row(doc, wrapped[0], cols, year, bulletin, five)
                if got is not None:
                    end = wrapped[1]
        if got is None and marks is not None and len(marks) == len(cols) and 2 < len(cells) < len(cols) and (placed := _placed(original, cells, marks)):
            got = _read_row(doc, placed, cols, year, bulletin, five)  # a row short of a cell, laid out under its labels
        if got is None and cells and _ROW_START.match(line) and not _PROSE.search(line):
            got = []  # a numbered row whose cells do not line up with the header: no item, the table goes on
        if got is None:
            if cells and (len(cells) > 1 or _PROSE.search(line)):
                break  # prose or a line of another shape: the table is over
            gap += 1
        else:
            gap = categories = 0
            ts, te = doc.from_original(pos, end)
            if te > ts:  # a row that normalization kept (not a spam line)
                out.extend(got)
                rows_read.append((ts, te))
        pos = end + 1
    return pos


def _spaced_header(text: str, row: re.Match) -> tuple[list[Column], int] | None:
    """The columns of a header whose labels stand one space apart on a line above the tab-separated
    ``row`` (category lines, a word a line, may stand between) and the header's start, or None when
    there is none.

    Every word must be a column label, and the row must have as many cells as the header (or one
    fewer, the category cell standing on lines of its own)."""
    if "\t" not in row.group():
        return None
    end = row.start() - 1
    for _ in range(1 + _MAX_CATEGORY_LINES):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if "\t" in line or not line.strip():
            return None
        words = _label_words(line, start)
        if len(words) == 1 and _CATEGORY_LINE.match(words[0][0]):
            end = start - 1
            continue
        if len(words) < 3 or any(column(w).role == "other" for w, _ in words):
            return None
        cols = _header(words)
        if cols is None:
            return None
        n = len(_split(row.group(), row.start()))
        grouped = any(c.role == "category" for c in cols)
        return (cols, start) if n == len(cols) or (grouped and n == len(cols) - 1) else None
    return None


def _label_words(line: str, base: int) -> list[tuple[str, int]]:
    """The labels of a header line whose labels stand one space apart, with their offsets: a year and
    its 年 one space apart (2020 年) are one label, as are lone ideographs (指 标) and the halves of a
    label broken at its slash (年均增长/ 累计)."""
    words = [(m.group(), base + m.start()) for m in _WORD.finditer(line)]
    out: list[tuple[str, int]] = []
    spaced = False  # is the last label a run of lone ideographs (指 标 名 称: one label, 指标名称)?
    for w, at in words:
        lone = len(w) == 1 and _HAN.match(w) is not None
        if out:
            prev, pat = out[-1]
            if ((_YEAR_ONLY.match(prev) and w[0] == "年" and column(prev + w).role == "year")
                    or (lone and (spaced or (len(prev) == 1 and _HAN.match(prev))))
                    or prev[-1] in "/／" or w[0] in "/／"):
                out[-1] = (prev + w, pat)
                spaced = lone and (spaced or len(prev) == 1)
                continue
        out.append((w, at))
        spaced = False
    return out


def _single_space_headers(text: str) -> list[tuple[int, int, list[Column]]]:
    """Header lines whose labels stand one space apart (类别 序号 指标 2020 年 2025 年 属性): (start,
    end, columns). Found by the name label (指标, 项目, 名称) a header has; a line that has no tab, is
    short, has no prose punctuation and whose every word is a column label."""
    out: list[tuple[int, int, list[Column]]] = []
    pos = 0
    while (m := _NAME_LABEL.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        pos = end + 1
        cols = _single_space_header(text[start:end], start)
        if cols is not None:
            out.append((start, end, cols))
    return out


def _single_space_header(line: str, start: int) -> list[Column] | None:
    """The columns of ``line`` (at ``start``) when it is a header of labels one space apart."""
    if len(line) > _MAX_HEADER or "\t" in line or line.count(" ") < 2 or _PROSE.search(line):
        return None
    words = _label_words(line, start)
    if len(words) < 3 or any(column(w).role == "other" for w, _ in words):
        return None
    cols = _header(words)
    return cols if cols is not None and sum(c.role in _VALUE_ROLES for c in cols) >= 2 else None


def _single_space_row(line: str, base: int, cols: list[Column]) -> list[tuple[str, int]] | None:
    """The cells of a row whose cells stand one space apart, matched to ``cols``, or None.

    Every column after the name column holds one word (a qualifier one space after its number, 7.5%
    左右, 375 以上, is part of it): they are taken from the right end of the row; an index number and a
    category word may open the row; the words left between are the name, which may hold spaces and
    numbers (占 GDP 比重, 拥有 3 岁以下)."""
    words: list[tuple[str, int]] = []
    for m in _WORD.finditer(line):
        w, at = m.group(), base + m.start()
        if words and (_QUALIFIER.match(w) and _NUMBER_END.search(words[-1][0])
                      or _OPEN_ONLY.match(words[-1][0])):
            prev, pat = words[-1]
            words[-1] = (line[pat - base:at - base + len(w)], pat)  # the original slice: quotes keep it
            continue
        words.append((w, at))
    ni = next((j for j, c in enumerate(cols) if c.role == "name"), None)
    if ni is None:
        return None
    right = len(cols) - ni - 1
    if len(words) < right + 1:
        return None
    words = _digit_runs_joined(line, base, words, right)
    tail = words[len(words) - right:] if right else []
    head = words[:len(words) - right]
    row: list[tuple[str, int]] = []
    for c in cols[:ni]:
        if c.role == "index" and head and head[0][0].isdigit() and len(head) > 1:
            row.append(head.pop(0))
        elif c.role == "category" and len(head) > 2 and head[1][0].isdigit() and _HAN.match(head[0][0]):
            row.append(head.pop(0))  # 经济发展 1 地区生产总值…: the group's first row
        else:
            row.append(("", -1))
    if not head or any(_value(w) is not None for w, _ in head[:1]):
        return None
    first, last = head[0], head[-1]
    name = line[first[1] - base:last[1] - base + len(last[0])]
    # the name's words are one name (占 GDP 比重): spaces dropped, the offset kept for the quote
    row.append((re.sub(r"[ \u3000]+", "", name), first[1]))
    return [*row, *tail]


_DIGIT_WORD = re.compile(r"\d")
_DIGITS_END = re.compile(r"\d+(?:\.\d+)?%?(?:以上|以下|以内|左右)?")


def _digit_runs_joined(line: str, base: int, words: list[tuple[str, int]], right: int) -> list[tuple[str, int]]:
    """``words`` with a value spaced digit by digit (规上工业总产值(亿元) 4 3 2 0 4500: a PDF layer that placed
    each glyph) joined into one word: only after a name that ends in its unit's bracket, and only while
    the row has more words after that name than value columns (3 5, two one-digit values, stay two)."""
    named = next((j for j in range(len(words) - 1, -1, -1) if words[j][0][-1] in ")）"), None)
    if named is None or len(words) - named - 1 <= right:
        return words
    out = words[: named + 1]
    extra = len(words) - named - 1 - right  # the words to absorb
    j = named + 1
    while j < len(words):
        w, at = words[j]
        k = j
        while (extra > 0 and k + 1 < len(words) and _DIGIT_WORD.fullmatch(words[k][0])
               and (_DIGIT_WORD.fullmatch(words[k + 1][0]) or _DIGITS_END.fullmatch(words[k + 1][0]))):
            k += 1
            extra -= 1
        if k > j:
            end = words[k][1] - base + len(words[k][0])
            out.append((line[at - base:end], at))  # (the original slice: the quote spans it; values are read without spaces)
        else:
            out.append((w, at))
        j = k + 1
    return out


def _single_space_wrapped(text: str, pos: int, end: int,
                          cols: list[Column]) -> tuple[list[tuple[str, int]], int] | None:
    """A one-space row whose name the PDF wrapped onto the next line (8 数字经济核心产业增加值占地区\n
    生产总值比重(%) 4.2 8 — 预期性): the cells of the two lines read as one row and the end of the
    second line; None when the first line holds a value or the next line opens another row."""
    if end >= len(text):
        return None
    first = _WORD.findall(text, pos, end)
    # (the name may break after a Latin word: …增加值占 GDP\n比重(%))
    if not first or not (_HAN.search(first[-1]) or first[-1].isalpha()) or any(_value(w) is not None or _CUMULATIVE.match(w)
                                                      for w in first[1:]):
        return None
    nend = text.find("\n", end + 1)
    nend = len(text) if nend < 0 else nend
    nxt = text[end + 1:nend]
    if "\t" in nxt or _PROSE.search(nxt) or not (_HAN.match(nxt) or _BRACKET.match(nxt)):
        return None
    # the line break as a space: offsets stay those of the original, the name's words join
    row = _single_space_row(text[pos:end] + " " + nxt, pos, cols)
    return (row, nend) if row is not None else None


_LABEL_TAIL = re.compile(r"^[号號称稱标標性位别別]$")


def _sublabels(text: str, pos: int, cols: list[Column]) -> tuple[int, list[Column]]:
    """A second header line of bracketed words ((预计) (目标) [累计]) joined to the value columns above.

    Returns the position after that line and the columns (unchanged when the line is not one)."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    # (the last character of a label wrapped under it, 序 / 号, 名 / 称, stands in the line too: no sublabel)
    cells = [c for c in _split(text[pos:end], pos) if not _LABEL_TAIL.match(c[0])]
    values = [j for j, c in enumerate(cols) if c.role in _VALUE_ROLES]
    # empty cells before the words (a text layer that keeps the words under their columns): the
    # words stand under the columns at those places (_split drops an empty first cell)
    lead = 0
    while cells and not cells[0][0]:
        cells.pop(0)
        lead += 1
    if lead and pos < end and text[pos] in " \t\u3000":
        lead += 1
    words = [_SUBLABEL.match(_t2s().convert(c)) for c, _ in cells]
    if cells and not all(words) and not lead:
        # the labels the header line had no room for, after the words ([累计] 属性 under 序号 指标 2020 年
        # 2025 年 年均增长, one space or a tab apart): those join the columns, the words go to the value
        # columns they stand after
        split = ([(m.group(), m.start()) for m in _WORD.finditer(text, pos, end)] if len(cells) == 1
                 else cells)
        subs: list[re.Match[str]] = []
        while len(subs) < len(split) and (sub := _SUBLABEL.match(_t2s().convert(split[len(subs)][0]))):
            subs.append(sub)
        k = len(subs)
        extra = [column(w) for w, _ in split[k:]]
        if not k or not extra or k > len(values) or any(c.role in ("other", *_VALUE_ROLES) for c in extra):
            return pos, cols
        cells, words, values = split[:k], list(subs), values[-k:]
        cols = [*cols, *extra]
    if not cells or len(cells) > len(values) or not all(words):
        return pos, cols
    if lead:
        placed = list(range(lead, lead + len(cells)))
        # a text layer's tabs do not always line up (a word under 属性 or past the last column):
        # then the words go to the value columns in order, as without empty cells
        if placed[-1] < len(cols) and all(cols[j].role in _VALUE_ROLES for j in placed):
            values = placed
    out = list(cols)
    # fewer words than value columns: the last columns have none (a PDF drops trailing empty cells)
    for j, w in zip(values, words, strict=False):
        assert w is not None
        # a year column takes the word (2025年预计 -> actual); 年均增长 + 累计 says the column also has sums
        if out[j].role == "year":
            out[j] = replace(out[j], label=out[j].label + w.group(1))
    return end + 1, out


def _column_at(text: str, at: int) -> int:
    """The display column of ``text[at]`` in its line (an ideograph or a full-width sign takes two)."""
    line = text[text.rfind("\n", 0, at) + 1:at]
    return len(line) + sum(1 for c in line if c >= "\u1100" and east_asian_width(c) in "WF")


def _placed(text: str, cells: list[tuple[str, int]], marks: list[int]) -> list[tuple[str, int]] | None:
    """A row of fewer cells than columns, each cell put under the header label starting in the same
    display column (a layout copy of a PDF aligns them, give or take a column); None when a cell stands
    under no label or two under one."""
    row: list[tuple[str, int]] = [("", -1)] * len(marks)
    last = -1
    split: list[tuple[str, int]] = []
    for cell, at in cells:
        glued = _GLUED_UNIT.match(cell)
        if glued is not None and unit_of(glued.group(1)) is not None:
            # 微克/立方米 28: a long unit cell one space before the value (the layout kept one space)
            split += [(glued.group(1), at), (glued.group(2), at + glued.start(2))]
        else:
            split.append((cell, at))
    if len(split) > len(marks):
        return None
    for cell, at in split:
        col = _column_at(text, at)
        k = min(range(len(marks)), key=lambda j: abs(marks[j] - col))
        if abs(marks[k] - col) > _PLACE_SLACK or k <= last:
            return None
        row[k] = (cell, at)
        last = k
    return row


def _cut_value(text: str, cells: list[tuple[str, int]], end: int) -> tuple[list[tuple[str, int]], int] | None:
    """A row whose last value the PDF cut at its decimal point (<5 / .5 on the next line, under it): the
    cells with that value joined (its text runs over the line break, as its quote does) and the end of
    the next line; None when the next line does not start with the rest of a number."""
    if not cells[-1][0][-1:].isdigit() or end >= len(text):
        return None
    nend = text.find("\n", end + 1)
    nend = len(text) if nend < 0 else nend
    more = _split(text[end + 1:nend], end + 1)
    if not more or _CUT_REST.fullmatch(more[0][0]) is None:
        return None
    at = cells[-1][1]
    return [*cells[:-1], (text[at:more[0][1] + len(more[0][0])], at), *more[1:]], nend


def _wrapped(text: str, cells: list[tuple[str, int]], end: int,
             cols: list[Column]) -> tuple[list[tuple[str, int]], int] | None:
    """A row whose last cell (the indicator's name, or a words cell such as 高于地区生产总|值增长) goes on
    at the start of the next line: the cells joined (the two parts as one cell) and the end of that next
    line; None when it does not (the cell counts must add up to the columns)."""
    if len(cells) >= len(cols) or not _HAN.search(cells[-1][0]) or end >= len(text):
        return None
    nend = text.find("\n", end + 1)
    nend = len(text) if nend < 0 else nend
    more = _split(text[end + 1:nend], end + 1)
    if len(more) < 2 or not more[0][0] or _PROSE.search(more[0][0]):
        return None
    # the name goes on in words, or its unit bracket alone starts the next line (…拥有量\n(件)  0.8 …)
    unit = _BRACKET.fullmatch(_t2s().convert(more[0][0]))
    if not _HAN.match(more[0][0]) and (unit is None or unit_of(unit.group(1)) is None):
        if _value(more[0][0]) is not None and len(cells) + len(more) in (len(cols), len(cols) - 1):
            return [*cells, *more], nend  # the name whole on its line (…医师数(人)), the values all on the next
        return None
    if len(cells) + len(more) - 1 not in (len(cols), len(cols) - 1):
        return None
    last, at = cells[-1]
    # the joined cell's offset is its first part's; its text has no line break (the name reads whole),
    # the quote (the original slice up to the row's last value) keeps it
    return [*cells[:-1], (last + more[0][0], at), *more[1:]], nend


def _read_row(doc: Document, cells: list[tuple[str, int]], cols: list[Column], year: int | None,
              bulletin: bool, five: tuple[int, int] | None) -> list[Cell] | None:
    row = None
    if len(cells) < len(cols) and (attr := _ATTRIBUTE_GLUED.match(cells[-1][0])) is not None:
        # 完成国家下达任务 约束性: a words cell one space before the attribute column (属性) of the row
        cells = [*cells[:-1], (attr.group(1), cells[-1][1]), (attr.group(2), cells[-1][1] + attr.start(2))]
    if len(cells) < len(cols):
        # a PDF layer that kept one space of the gap after the name's unit (…比重(%) 9. 8  15  —): the name
        # cell split there, before the row is taken for one missing a cell (which would shift its cells)
        for j, (cell, at) in enumerate(cells):
            glued = _GLUED_VALUE.match(cell)
            if glued is not None and _value(glued.group(2)) is not None:
                row = _row([*cells[:j], (glued.group(1), at), (glued.group(2), at + glued.start(2)), *cells[j + 1:]], cols)
                break
    if row is None:
        row = _row(cells, cols)
        if row is None:
            return None
    name_j = next((j for j, c in enumerate(cols) if c.role == "name"), None)
    if name_j is None:  # 类别 alone names the rows
        name_j = next((j for j, c in enumerate(cols) if c.role == "category"), None)
    if name_j is None:
        name_j = next((j for j, c in enumerate(cols) if c.role not in ("index",)), 0)
    name_cell, name_at = row[name_j]
    raw_name = _t2s().convert(_PINYIN_NOTE.sub("", name_cell) if "(" in name_cell else name_cell)
    name = _ROW_PREFIX.sub("", raw_name.replace(" ", "") if _spaced(raw_name) else raw_name)
    if not _HAN.search(name) or _PROSE.search(name) or len(name) > 40:
        return None
    # the unit is the last bracket that is one: 每千人口拥有执业(助理)医师数(人) has a bracket of words first
    name_unit = next((u for b in reversed(_BRACKET.findall(name)) if (u := unit_of(b)) is not None), None)
    indicator = _BRACKET.sub("", name).strip()
    unit_col = next((row[j][0] for j, c in enumerate(cols) if c.role == "unit"), None)
    col_unit = unit_of(_t2s().convert(unit_col)) if unit_col else None
    measure = next((c.label for c in cols if c.role == "measure" and c.label in _MEASURE_NOUNS), "")
    if indicator.endswith(_NAMES_A_MEASURE):
        measure = ""  # 发电量, 出口额: the name says what is measured
    got: list[Cell] = []
    numeric = words = empty = 0
    for j, (col, (cell, at)) in enumerate(zip(cols, row, strict=True)):
        if col.role in ("index", "name", "unit", "attr", "other", "category") or at < 0:
            continue
        bare = cell.replace(" ", "") if "\n" not in cell else "".join(cell.split())  # (a value cut by a line break)
        said = _SAYS_SPAN.match(bare) if col.role == "average" else None
        if said:  # 年均>7, 累计3.5 in a 年均增长[累计] column: the cell says which it is
            bare = ("[" + bare[2:] + "]") if said.group() == "累计" else bare[2:]
        cum = _CUMULATIVE.match(bare)
        v = _value(cum.group("v") if cum else bare)
        if v is None and (said_first := _WORDS_THEN_VALUE.match(bare)) is not None:
            v = _value(said_first.group(1))  # 与经济增长同步,6左右: the goal in words, then in figures
        cell_unit = "%" if v is not None and "%" in bare else None
        if v is None and (own := _UNIT_VALUE.match(bare)) is not None and (cell_unit := unit_of(own.group("unit"))):
            # a value with its own unit (1200万人左右, 1.3万亿斤以上): a table whose columns name no unit
            v = _value((own.group("pre") or "") + own.group("a") + (own.group("post") or ""))
        if v is None and " " not in cell and (parts := _cell_figures(bare, col, indicator)) is not None:
            kp = _kind_period(col, cols, j, year, bulletin, five)
            for ind, end, cmp, low, high, unit, scale in parts if kp is not None else ():
                got.append(Cell(kp[0], ind, (name_at, at + end), cmp, low, high, unit, kp[1], scale))
            numeric += 1
            continue
        if v is None:
            if _EMPTY.match(bare):
                empty += 1
                continue
            if _WORDS.match(_PINYIN_NOTE.sub("", bare) if "(" in bare else bare) and not bare.isdigit():
                words += 1  # 高于GDP增长: a goal in words
                continue
            return None  # a value column with prose in it: not a row of this table
        numeric += 1
        if col.role == "change":
            unit = col.unit or "%"
            ind = indicator + measure
            ind += "下降" if "下降" in col.label else "增长"
        else:
            unit = col.unit or name_unit or col_unit or cell_unit
            ind = indicator + (measure if col.role == "measure" else "")
            if col.role == "average":
                unit, ind = _average_cell(ind, unit, col, cum is not None, "%" in bare)
        kp = _kind_period(col, cols, j, year, bulletin, five)
        if unit is None or kp is None:
            continue
        if cum and five:
            kp = ("target" if kp[0] == "target" or col.role == "average" else kp[0], f"{five[0]}-{five[1]}")
        cmp, low, high = v
        scale = _scale_of(unit)
        got.append(Cell(kp[0], ind, (name_at, at + len(cell)), cmp, low, high, unit, kp[1], scale))
    # a row of words and dashes (—  —  [完成省下达任务]) still belongs to the table: it has no item
    return got if numeric or (words and empty) else None


def _cell_figures(cell: str, col: Column, indicator: str) -> list[tuple[str, int, str, float, float, str, float]] | None:
    """The figures of a value cell of words and figures, or None: (indicator, end offset in the cell,
    cmp, low, high, unit, scale) each. 开工54所，竣工17所 in a progress table's column of work done: each
    figure, its word added to the row's name; 改造老旧小区156个, 已建成学位5100个 in a progress table's goal
    or part-of-year column: a short phrase, each figure with the words before it (or the row's name
    and those words when they are few)."""
    if (parts := _worded_parts(cell)) is not None:
        return [(indicator + word, end, cmp, low, high, unit, _scale_of(unit))
                for word, (cmp, low, high), unit, end in parts]
    if (col.role == "target" or _PART_LABEL.search(col.label)) and (phrase := _phrase_parts(cell)) is not None:
        return [(words if len(words) >= 4 else indicator + words, q.end, q.cmp, q.low, q.high, q.unit, q.scale)
                for words, q in phrase]
    return None


def _phrase_parts(cell: str) -> list[tuple[str, Quantity]] | None:
    """The figures of a short phrase cell (为特困人员发放护理补贴不少于1.1万人): each with the words
    between it and the figure before, cleaned of leading verbs' objects' markers (为), or None when the
    cell is no such phrase (too long, prose punctuation, a figure without a unit)."""
    if len(cell) > _MAX_PHRASE or _PROSE.search(cell) or not _HAN.match(cell):
        return None
    qs = find_quantities(cell)
    if not qs or len(qs) > 2 or any(not q.unit for q in qs) or cell[qs[-1].end:].strip("。.）) "):
        return None
    out = []
    prev = 0
    for q in qs:
        words = _PHRASE_LEAD.sub("", cell[prev:q.start].lstrip("、，,和及 ").rstrip())
        if not _HAN.search(words):
            return None
        out.append((words, q))
        prev = q.end
    return out


_MAX_PHRASE = 30
_PHRASE_LEAD = re.compile(r"^(?:为|对|向|给)[^\d]{1,8}?(?=开展|发放|提供|实施|新增|建设|完成)")
_PART_CUT = re.compile(r"[,，、;；]")
_WORDED_VALUE = re.compile(r"^(?P<w>[\u4e00-\u9fff]{1,4}?)(?=\d|约|超过|不[低少超高]于)")


def _worded_parts(cell: str) -> list[tuple[str, tuple[str, float, float], str, int]] | None:
    """The figures of a cell of words and figures with their units (开工54所,竣工17所; 开工451个): (the
    word before each, value, unit, end offset in the cell), or None when any part is not one."""
    out = []
    pos = 0
    for part in _PART_CUT.split(cell):
        w = _WORDED_VALUE.match(part)
        own = _UNIT_VALUE.match(part[w.end():]) if w else None
        unit = unit_of(own.group("unit")) if own else None
        v = _value((own.group("pre") or "") + own.group("a") + (own.group("post") or "")) if own and unit else None
        if w is None or v is None or unit is None:
            return None
        out.append((w.group("w"), v, unit, pos + len(part)))
        pos += len(part) + 1
    return out


# a column of what was done (完成情况, 实际完成, 执行情况)
_DONE_LABEL = re.compile(r"完成|实际|执行")
# a part of the year in a done column's label (上半年完成, 1-6月完成, 截至9月底完成): its period's suffix
_PART_LABEL = re.compile(r"上半年|一季度|前三季度|1-[369]月|截至[369]月")
# a 属性 cell: a row whose last cell is one has all but a value cell
_ATTR_WORD = re.compile(r"^(?:约束性|预期性|引导性|指导性|约束|预期)$")
# a name that is an amount added already (城镇新增就业, 累计完成造林)
_SAYS_ADDED = re.compile(r"新增|累计|新建|新开工|增加(?!值)|增长")
# a cell of a 年均增长[累计] column that says which it holds
_SAYS_SPAN = re.compile(r"^(?:年均|累计)(?=[\d<>≤≥＜＞\[［〔【约])")
# a row naming a change (地区生产总值增长, 单位GDP能耗下降): its values are changes already
_CHANGE_NAME = re.compile(r"(?:增长|增速|增幅|下降|降低|减少|提高|提升)(?:率)?$")


_LEVEL_RATE = re.compile(r"(?:率|比重|占比|强度)$")


def _average_cell(indicator: str, unit: str | None, col: Column, summed: bool,
                  percent: bool) -> tuple[str | None, str]:
    """Unit and indicator of a value in a 年均增长 / 年均增长[累计] column of a plan table.

    A plain value under 年均… is the yearly growth in % whatever the row measures (a 亿元 row:
    地区生产总值年均增长, %); a bracketed [x] in a % row that is a level (城镇化率, 研发经费投入强度) is
    the rise over the plan in percentage points (…累计提高, 百分点); in a row of another unit it is the
    increase over the plan in that unit (…累计增加), or the growth over the plan when the cell says %."""
    change = _CHANGE_NAME.search(indicator)
    if summed:
        if unit == "%" and change is None:
            return "百分点", indicator + "累计提高"
        if change is not None or _SAYS_ADDED.search(indicator):
            return unit, indicator  # 城镇新增就业, 地区生产总值增长: the name says what is summed
        if percent:
            return "%", indicator + "累计增长"
        return unit, indicator + "累计增加"
    if "年均" not in col.label:
        return unit, indicator  # a 累计 column: sums in the row's unit
    if change is not None:
        return unit or "%", indicator  # 地区生产总值增长（%）: the row says it already
    if unit == "%" and _LEVEL_RATE.search(indicator):
        return unit, indicator  # 城镇调查失业率（%） <5.5: a bound on the rate itself over the plan
    return "%", indicator + "年均增长"


def _spaced(s: str) -> bool:
    parts = s.split(" ")
    return len(parts) > 1 and all(len(p) <= 1 for p in parts if p)


_SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6,
           "十万": 1e5, "万": 1e4, "千": 1e3}


def _scale_of(unit: str) -> float:
    for w in sorted(_SCALES, key=len, reverse=True):
        if unit.startswith(w) and len(unit) > len(w):
            return _SCALES[w]
    return 1.0
