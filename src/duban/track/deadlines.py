"""Deadlines as written in reports and task tables (年底前, 上半年, 三季度, 6月底前, 2021年内, 长期坚持)
normalized to a date, with the phrase kept.

Relative phrases need the report year (the year the plan is for). Ongoing commitments (长期坚持,
常态化, 持续推进) have no date: kind ``ongoing``. Phrases we cannot read stay ``unknown`` rather than
guessed.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

KINDS = ("date", "ongoing", "unknown")

_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
       "〇": 0, "零": 0, "○": 0}


def _num(text: str) -> int:
    """Arabic or small Chinese numerals: 6, 十二, 三, 二〇二一."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + _CN[ch]
    return value


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_N = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])"
_Y = r"(?:\d{4}|[二〇零○一二三四五六七八九]{4})"

# Ongoing commitments: no date. Simplified and traditional spellings.
_ONGOING = re.compile(r"长期|長期|持续|持續|常态化|常態化|久久为功|每年|每季|每月|每周|每週|逐年|不断|不斷")


@dataclass(frozen=True)
class Deadline:
    phrase: str  # as written (kept for display and for the task table)
    due: date | None  # the last day that still counts as on time
    kind: str  # date | ongoing | unknown
    matched: str = ""  # the part of the phrase that set the date

    def to_dict(self) -> dict:
        return {"phrase": self.phrase, "due": self.due.isoformat() if self.due else None, "kind": self.kind}


def _rules(text: str, year: int | None) -> tuple[date, str] | None:
    """The first date expression in ``text``; None when there is none."""
    # 2021年6月30日 / 2021年6月底前 / 2021年6月 / 6月底前 / 6月前
    m = re.search(rf"(?:({_Y})\s*年\s*)?({_N})\s*月\s*(?:(\d{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号號]"
                  r"|([底末中])|(份)?)?\s*((?:之)?前)?", text)
    if m and (m.group(1) or year is not None):
        y = _num(m.group(1)) if m.group(1) else year
        month = _num(m.group(2))
        if 1 <= month <= 12 and y:
            if m.group(3):
                day = _num(m.group(3))
                if 1 <= day <= calendar.monthrange(y, month)[1]:
                    return date(y, month, day), m.group(0)
                return _month_end(y, month), m.group(0)  # no such day: the month still holds
            elif m.group(4) == "中":
                return date(y, month, 15), m.group(0)
            elif m.group(6) and not m.group(4):
                # 6月前 = before June: the end of May (literal reading, the safe side for reminders)
                return (date(y - 1, 12, 31) if month == 1 else _month_end(y, month - 1)), m.group(0)
            else:
                return _month_end(y, month), m.group(0)
    # 2021-2025年, 2021—2025年: the end of the span
    m = re.search(r"(\d{4})\s*[-—–~～至到]\s*(\d{4})\s*年", text)
    if m:
        return date(int(m.group(2)), 12, 31), m.group(0)
    # 十四五期间 (五年规划 n covers 1950+5n+1 .. 1950+5n+5, e.g. 十四五 = 2021-2025)
    m = re.search(r"“?([十][一二三四五六七八九]?五)”?(?:期间|期間|时期|末)", text)
    if m:
        n = _num(m.group(1)[:-1])
        return date(1955 + 5 * n, 12, 31), m.group(0)
    # the year: explicit (2021年) or the report year
    m = re.search(rf"({_Y})\s*年", text)
    y = _num(m.group(1)) if m else year
    if m is None and re.search(r"明年", text) and year is not None:
        y = year + 1
    # N年内 (三年内, 3年内): N calendar years including the report year
    m2 = re.search(rf"({_N})\s*年(?:内|內|之内|之內)", text)
    if m2 and year is not None and not m:
        return date(year + _num(m2.group(1)) - 1, 12, 31), m2.group(0)
    if y is None:
        return None
    m3 = re.search(rf"(?:第\s*)?({_N}|[1-4])\s*季度", text)
    if m3 and 1 <= _num(m3.group(1)) <= 4:
        return _month_end(y, 3 * _num(m3.group(1))), m3.group(0)
    m3 = re.search(r"上半年|前半年", text)
    if m3:
        return date(y, 6, 30), m3.group(0)
    m3 = re.search(r"下半年|年底|年末|年内|年內|全年|本年|年度|今年|明年|当年|當年|年$", text)
    if m3 or m:
        return date(y, 12, 31), (m3 or m).group(0)
    return None


def parse_deadline(phrase: str | None, year: int | None = None) -> Deadline:
    """Normalize a deadline phrase; ``year`` is the report year for relative phrases (年底前)."""
    written = (phrase or "").strip()
    text = unicodedata.normalize("NFKC", written)
    found = _rules(text, year) if text else None
    if found:
        due, matched = found
        return Deadline(written, due, "date", matched)
    m = _ONGOING.search(text)
    if m:
        return Deadline(written, None, "ongoing", m.group(0))
    return Deadline(written, None, "unknown")


# Phrases worth lifting out of a task's own text (推进…，年底前完成): a deadline word must be there.
_IN_TEXT = re.compile(
    rf"(?:{_Y}\s*年\s*)?{_N}\s*月\s*(?:底|末|\d{{1,2}}\s*[日号])?\s*(?:之)?前"
    rf"|(?:{_Y}\s*)?(?:年底|年末)\s*(?:之)?前?|(?:{_Y}\s*)?年[内內]"
    rf"|(?:{_Y}\s*年\s*)?(?:上半年|下半年|(?:第\s*)?[一二三四1-4]\s*季度(?:末)?\s*(?:之)?前?)"
    rf"|{_N}\s*年[内內]|长期坚持|長期堅持|常态化|常態化"
)


def find_deadline(text: str, year: int | None = None) -> Deadline | None:
    """The deadline a task's text states (…年底前完成), or None when it states none."""
    m = _IN_TEXT.search(unicodedata.normalize("NFKC", text or ""))
    if not m:
        return None
    return parse_deadline(m.group(0), year)


def normalize_deadline(phrase: str | None, year: int | None = None) -> date | None:
    """Just the date of `parse_deadline` (None for ongoing or unreadable phrases)."""
    return parse_deadline(phrase, year).due


# YYYY, YYYY-YYYY, YYYYH1, YYYYQ3, and YYYYQ1-Q3 (前三季度: the quarters up to the last one named)
_PERIOD = re.compile(r"^(\d{4})(?:\s*[-–—~至]\s*(\d{4})|H([12])|Q([1-4])|Q[1-4]\s*[-–—~至]\s*Q([1-4]))?$")


def period_end(period: str | None) -> date | None:
    """The last day of an item's period: 2021 -> 2021-12-31, 2021-2025 -> 2025-12-31, 2022H1 -> 2022-06-30,
    2022Q3 -> 2022-09-30, 2022Q1-Q3 -> 2022-09-30; None when the period is unknown."""
    m = _PERIOD.match((period or "").strip())
    if not m:
        return None
    if m.group(2):
        return date(int(m.group(2)), 12, 31)
    year = int(m.group(1))
    if m.group(3):
        return _month_end(year, 6 * int(m.group(3)))
    if m.group(4) or m.group(5):
        return _month_end(year, 3 * int(m.group(4) or m.group(5)))
    return date(year, 12, 31)
