"""Extraction: a normalized Document -> targets, actuals and tasks with provenance.

`run` reads top to bottom like the flow in DESIGN.md: structure, quantities, non-report guard,
report year, target/actual and period, indicator phrase, provenance, tasks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, partial

from duban import fastre, relevance
from duban.document import Document
from duban.extract import sections
from duban.extract.catalogue import canonical, repair
from duban.extract.classify import classify, is_bulletin, page_date_year, report_year
from duban.extract.indicators import each_subjects, indicator_for, respective
from duban.extract.quantities import find_quantities, tpat
from duban.extract.sections import Structure
from duban.extract.tables import find_cells
from duban.extract.tasks import find_tasks
from duban.fastre import required_strings
from duban.items import Extraction, Item
from duban.regions import detect_year, simplify

# a page with none of these words is not about government work (a sports report, a forum thread)
_REPORT_WORDS = re.compile(tpat(
    r"政府|人大|国务院|工作报告|规划|统计公报|国民经济|经济社会|地区生产总值|国内生产总值|生产总值|GDP|"
    r"财政|预算|固定资产投资|新增就业|市委|省委|区委|县委|政协|书记|市长|省长|区长|县长|发改委"))

# relevance.score of the pages that are not reports (shops, sports, weather) stays under 0.1 on the
# development and check sets; reports, even spun or spammed copies, score 0.45 and up
_MIN_RELEVANCE = 0.2
# a page head naming one of these is a government page whatever its score (a short 民生实事 list scores
# low: few of the report features, many Chinese numerals), and so does a five-year or sector plan (a short
# page that is mostly an indicator table)
_REPORT_TITLE = re.compile(tpat("民生实事|政府工作报告|统计公报|国民经济和社会发展|五年规划|计划执行情况|规划纲要|"
                                "十[一二三四五]五[”\"']?[^。\n]{0,20}规划"))
_TITLE_LINE = 80  # a longer line is a paragraph (学校“十四五”事业发展规划实施的关键之年), not a title


def _titled(text: str) -> bool:
    """Do the first 300 characters name a report or a bulletin, or a plan on a title line?"""
    pos = 0
    while (m := _REPORT_TITLE.search(text, pos, 300)) is not None:
        if "规划" not in m.group() and "規劃" not in m.group():
            return True  # (政府工作报告 in a news lead names the report covered)
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        if (len(text) if end < 0 else end) - start <= _TITLE_LINE:
            return True
        if end < 0:
            return False
        pos = end
    return False


_NATIONAL = re.compile(tpat("国内生产总值|国务院总理|全国人民代表大会"))


def run(doc: Document, *, year: int | None = None) -> Extraction:
    text = doc.text
    # 1. structure: sections and headings (spans in doc.text)
    structure = sections.structure(doc)
    # 2. quantities: one regex scan for numbers, then their ranges, comparators and units
    quantities = find_quantities(text)
    # 3. a page that is not about government work has no items (judged on pages, not snippets)
    head = cache(partial(simplify, text))  # the detection copy of the page head, made once for both
    report = len(text) < 200 or (_REPORT_WORDS.search(text) is not None and (
        _titled(text) or relevance.at_least(head(), _MIN_RELEVANCE, simplified=True)))
    if not report:
        quantities = []
    elif quantities:
        quantities = _outside_link_lists(doc, quantities)
    # 4. the report year, then target vs actual and the period of each quantity
    if not year:
        dated = page_date_year(doc.original)
        year = detect_year(head(), simplified=True) or report_year(text, dated)
        if year and dated and year > dated:
            year = dated  # a report is not made after the page that carries it (a miscounted session)
    # indicator tables kept as text (PDF/Word text layers) are read cell by cell from the original; their
    # labels (2023年目标, 预期性) set no mode for the prose after them, so classify reads the text without them
    table = find_cells(doc, year, is_bulletin(text)) if report else ([], [], [])
    verdicts = classify(_blanked(text, table[2]) if table[2] else text, quantities, year, structure)
    # 5. indicator phrase, canonical id, provenance in the original text
    prev = prev_ind = None
    gdp = "国内生产总值" if _NATIONAL.search(text) else "地区生产总值"
    indicators: list[str] = []
    spans: list[tuple[int, int]] = []  # the quotes in text, mapped to the original all at once
    for q in quantities:
        prev_ind = indicator_for(text, q, prev, prev_ind, repair, gdp)
        indicators.append(prev_ind)
        spans.append(_span(text, q, prev.end if prev else 0))
        prev = q
    respective(text, quantities, indicators, repair, gdp)  # 分别 lists: each member its own subject
    each = each_subjects(text, quantities, repair, gdp)  # A、B均增长6%: one item per member
    original = doc.original
    items: list[Item] = [
        Item(kind=v.kind, indicator=indicator, quote=original[os_:oe], span=(os_, oe),
             cmp=q.cmp, low=q.low, high=q.high, unit=q.unit, period=v.period,
             section=_section_title(structure, s), canonical=canonical(indicator), value_base=q.value_base)
        for j, (q, v, ind, (s, _), (os_, oe))
        in enumerate(zip(quantities, verdicts, indicators, spans, doc.to_original_spans(spans), strict=True))
        for indicator in each.get(j, (ind,))
    ]
    item_qs = [q for j, q in enumerate(quantities) for _ in each.get(j, (None,))] if each else quantities
    if table[0]:
        items = _with_tables(doc, structure, items, item_qs, table[0], table[1])
    # 6. qualitative tasks (commitments without a number)
    items.extend(find_tasks(doc, structure, year))
    return Extraction(source=doc.name, items=items, sections=structure.sections, year=year)


@cache
def _link_list_rules() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The label, item and one-line (label and links on one line) patterns, and a scan for the lines a
    label can be on: one of the strings every label contains (`fastre.required_strings`), else every
    line start."""
    from duban.extract.quantities import load_rules

    r = load_rules("nonitems")["link_list"]
    label = re.compile(tpat(r["label"]))
    need = required_strings(label.pattern)
    guard = fastre.compile("|".join(map(re.escape, need))) if need else re.compile("^", re.M)
    return label, re.compile(r["item"]), guard, re.compile(tpat(r["inline"]))


# a page without any of these words has no link list (one scan, not ten `in` scans: ~7 us per 1k chars)
_LIST_WORDS = fastre.compile("阅读|新闻|链接|报道|文章|推荐|閱讀|新聞|鏈接|報道")


def link_lists(text: str) -> list[tuple[int, int]]:
    """Spans of the "相关阅读" lists of headline links in ``text`` (page furniture, nonitems.toml)."""
    label, item, guard, inline = _link_list_rules()
    spans = []
    n = len(text)
    pos = 0  # the start of the first line not read yet
    # only the lines the guard finds are tried as a label (splitting every line cost more than the rest)
    while pos <= n and (m := guard.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        end = n if end < 0 else end
        nxt = end + 1  # the next line's start (n + 1: none)
        if pos == 0 and _LIST_WORDS.search(text) is None:
            return []  # (asked only once the guard finds something)
        if label.search(text[start:end]):
            last = None  # the end of the last list line
            while nxt <= n:
                e = text.find("\n", nxt)
                e = n if e < 0 else e
                line = text[nxt:e]
                if line.strip() and not item.search(line):
                    break
                last, nxt = e, e + 1
            if last is not None:
                spans.append((start, last))
        elif inline.search(text[start:end]):
            spans.append((start, end))  # 【相关阅读】 某市上半年GDP增长5.3% | …: the links on the label's line
        pos = nxt
    return spans


def _outside_link_lists(doc: Document, quantities: list) -> list:
    # found in the original: normalize drops the label line (boilerplate.toml) but keeps the links
    spans = [doc.from_original(s, e) for s, e in link_lists(doc.original)]
    if not spans:
        return quantities
    return [q for q in quantities if not any(s <= q.start < e for s, e in spans)]


# the stretch up to the last clause mark or run of blanks: one match from the window's start (the
# greedy .* backtracks from its end) instead of a loop over every mark in it (~5 -> ~1 us a quantity);
# where it ends before the end of a run of blanks, the strip below goes on to the same place
_TO_QUOTE_BOUNDARY = re.compile(r"(?s:.*)(?:[,，;；:：。！？!?\n、“”\"]|\s{2,})")


def _span(text: str, q, floor: int) -> tuple[int, int]:
    """The quote: the quantity and the words of its clause before it (at most 16 characters),
    never reaching back into the quantity before it."""
    start = max(0, q.start - 16, floor)
    if (m := _TO_QUOTE_BOUNDARY.match(text, start, q.start)) is not None:
        start = m.end()
    while start < q.start and text[start].isspace():
        start += 1
    return start, q.end


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span blanked (its line breaks kept): the same length, the same offsets."""
    parts, at = [], 0
    for s, e in spans:
        s = max(s, at)
        parts += [text[at:s], _NOT_NEWLINE.sub(" ", text[s:e])]
        at = max(at, e)
    parts.append(text[at:])
    return "".join(parts)


_NOT_NEWLINE = re.compile(r"[^\n]")


def _with_tables(doc: Document, structure: Structure, items: list[Item], quantities: list,
                 cells: list, rows: list[tuple[int, int]]) -> list[Item]:
    """``items`` with the value ``cells`` of the text tables of ``doc``; the quantities that the prose
    scan found inside a table row (``rows``) are replaced by the row's cells."""
    starts = [r[0] for r in rows]
    kept = [it for it, q in zip(items, quantities, strict=True) if not _inside(rows, starts, q.start)]
    for c in cells:
        ts, _ = doc.from_original(*c.span)
        indicator = repair(c.indicator)
        kept.append(Item(
            kind=c.kind, indicator=indicator, quote=doc.original[c.span[0]:c.span[1]],
            span=c.span, cmp=c.cmp, low=c.low, high=c.high, unit=c.unit, period=c.period,
            section=_section_title(structure, ts), canonical=canonical(indicator),
            value_base=c.low * c.scale,
        ))
    kept.sort(key=lambda it: it.span[0])
    return kept


def _inside(rows: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < rows[i][1]


def _section_title(structure: Structure, pos: int) -> str | None:
    i = structure.section_at(pos)
    return structure.sections[i].title if i is not None else None
