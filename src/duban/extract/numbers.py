"""Numerals: Arabic (1,267 / 5.5 / full-width), Chinese (四十, 一百二十, 两千, 二〇三五) and mixes (1.5万).

`NUMBER` is the one compiled pattern the extractor scans a text with; `parse_number` turns a match
(or any numeral string) into a float. Scale words that belong to a unit (1.5万平方米 -> 1.5 万平方米)
are left to `quantities`; `parse_number` on its own reads them as multipliers (1.5万 -> 15000).
"""

from __future__ import annotations

import re

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8,
             "玖": 9, "兩": 2}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

# Arabic, written as what follows its first digit (NUMBER needs that form): thousands separators,
# decimals; a PDF copy may put one space after the decimal point ("2. 2万亿元"). \d also matches
# full-width digits, which float() reads. A PDF copy may also space every digit ("3 7 6 5 0 元",
# "5 . 2 %"): single digits one space apart.
_ARABIC_TAILS = (
    r"\d{0,2}(?:,\d{3})+(?![\d])(?:\.\d+)?",  # 1,267.5
    # a PDF line wrap inside a number (年均增长 1\n6.5%): digits on both sides of one newline, read
    # as one number only when a percent or scale word follows (a table row's last cell then the next
    # row's numbering, 3.5\n2.城镇, stays two)
    r"\d{0,2}\n\d+(?:\.\d+)?(?=[%％‰万亿萬億])",
    r"\d{0,3}\.[ \u3000]?\n[ \u3000]?\d+(?=[%％‰万亿萬億])",  # a wrap after the decimal point: 8.\n5%
    r"(?: \d)+(?: ?\. ?\d(?: \d)*)?(?![\d.])",  # 3 7 6 5 0, 1 2 . 5
    r"(?: \d)* \. ?\d(?: \d)*(?![\d.])",  # 5 . 2
    r"\d*(?:\.[ \u3000]?\d+)?",  # 2022, 5.5, 2. 2
)
ARABIC = "|".join(r"\d" + tail for tail in _ARABIC_TAILS)
# Chinese: must start with a digit or 十 (a bare 万/千/百 is a word: 万元GDP, 千亿级, 百强).
_CN_START = "零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾兩"
_CN_ALL = _CN_START + "百千万亿佰仟萬億"
_CN_DECIMAL = "(?:[点點][零〇一二三四五六七八九]+)?"  # 八点二, 一点二万: digits after 点
CHINESE = f"[{_CN_START}][{_CN_ALL}]*{_CN_DECIMAL}[万亿萬億]?"
# ARABIC | CHINESE, with the first character taken by one character class: the regex engine then
# skips to the next possible first character (about 6x faster than the plain alternation, which it
# tries at every position). \d and the Chinese digits are disjoint, so the lookbehind picks the branch.
NUMBER = re.compile(rf"[\d{_CN_START}](?:(?<=\d)(?:{'|'.join(_ARABIC_TAILS)})|(?<=[{_CN_START}])[{_CN_ALL}]*"
                    rf"(?:[点點][零〇一二三四五六七八九]+[万亿萬億]?)?)")

_ARABIC_FULL = re.compile(f"(?:{ARABIC})$")


def parse_arabic(s: str) -> float:
    """'1,267.5' -> 1267.5; '2. 2' -> 2.2; '1\n6.5' -> 16.5; full-width digits allowed."""
    return float(s.replace(",", "").replace(" ", "").replace("\u3000", "").replace("\n", ""))


def _parse_cn_section(s: str) -> int | None:
    """A numeral below 万: 一百二十 -> 120, 十五 -> 15, 三千零五 -> 3005, 二〇三五 -> 2035."""
    if not s:
        return 0
    if len(s) > 1 and all(c in CN_DIGITS for c in s):
        return int("".join(str(CN_DIGITS[c]) for c in s))  # digit by digit: 二〇三五, 一九九八
    total = 0
    digit: int | None = None
    last_unit = 10**9
    after_zero = False
    for c in s:
        if c in CN_DIGITS:
            d = CN_DIGITS[c]
            if d == 0:
                if digit is not None:
                    return None
                after_zero = True
                continue
            if digit is not None:
                return None  # two digits in a row: 十四五 is a name, not a number
            digit = d
        else:
            u = CN_SMALL_UNITS[c] if c in CN_SMALL_UNITS else None
            if u is None or u >= last_unit:
                return None
            if digit is None:
                if u != 10 or total or after_zero:
                    if not (u == 10 and after_zero):
                        return None
                digit = 1  # 十五 = 15, 一百零十 is not written but 零十 reads as 10
            total += digit * u
            digit = None
            last_unit = u
    if digit is not None:
        # 一百二 = 120 (spoken short form); after 零 the digit is units: 一百零二 = 102
        total += digit * (last_unit // 10) if 100 <= last_unit < 10**9 and not after_zero else digit
    return total


def parse_chinese(s: str) -> float | None:
    """Chinese numeral -> number, or None when the string is not a well-formed numeral (十四五, 万).
    点 starts decimal digits (八点二 = 8.2, 一点二万 = 12000)."""
    if not s or s[0] in CN_BIG_UNITS:
        return None
    if "点" in s or "點" in s:
        whole, _, frac = s.replace("點", "点").partition("点")
        scale = 1
        if frac and frac[-1] in CN_BIG_UNITS:
            frac, scale = frac[:-1], CN_BIG_UNITS[frac[-1]]
        w = parse_chinese(whole)
        if w is None or not frac or any(c not in CN_DIGITS for c in frac) or any(c in CN_BIG_UNITS for c in whole):
            return None
        return (w + float("0." + "".join(str(CN_DIGITS[c]) for c in frac))) * scale
    total = 0
    rest = s
    for bigs in (("亿", "億"), ("万", "萬")):
        for big in bigs:
            if big in rest:
                head, _, rest = rest.partition(big)
                v = _parse_cn_section(head)
                if v is None or not head or any(b in rest for b in bigs):
                    return None
                total += v * CN_BIG_UNITS[big]
                break
    v = _parse_cn_section(rest)
    if v is None:
        return None
    return total + v


def parse_number(s: str) -> float | None:
    """Any numeral -> float: '1,267' 1267, '四十' 40, '1.5万' 15000, '3千' 3000; None if not a number."""
    s = s.strip()
    if not s:
        return None
    m = re.match(f"({ARABIC})(.*)$", s)
    if m:
        head = parse_arabic(m.group(1))
        tail = m.group(2)
        if not tail:
            return head
        mult = parse_chinese("一" + tail)  # 1.5万 -> 1.5 x 一万
        if mult is None or tail[0] not in "十百千万亿萬億":
            return None
        return head * mult
    v = parse_chinese(s)
    return float(v) if v is not None else None
