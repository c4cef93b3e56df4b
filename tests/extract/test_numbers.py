"""Numerals: tables of real spellings, and property tests against an independent formatter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from duban.extract.numbers import NUMBER, parse_arabic, parse_chinese, parse_number


@pytest.mark.parametrize(("text", "value"), [
    ("4290", 4290), ("1,267", 1267), ("1,267.5", 1267.5), ("5.5", 5.5), ("2. 2", 2.2), ("４２９０", 4290),
    ("四十", 40), ("十", 10), ("十五", 15), ("一百二十", 120), ("两", 2), ("两千", 2000), ("三千零五", 3005),
    ("一万五千", 15000), ("两亿", 2e8), ("二〇三五", 2035), ("一百零二", 102), ("四十二万三千", 423000),
    ("1.5万", 15000), ("3千", 3000), ("4千亿", 4e11),
    ("八点二", 8.2), ("一点二万", 12000), ("十二点零五", 12.05), ("三百点五", 300.5),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["十四五", "十三五", "万", "千亿", "", "一二三四五六七八九十十", "1.5元", "一点", "一万点五"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_scan_finds_whole_numerals() -> None:
    text = "新增学位2.75万个,建设1,267套,四十载,二〇三五年"
    assert [m.group() for m in NUMBER.finditer(text)] == ["2.75", "1,267", "四十", "二〇三五"]



def test_line_wrap_inside_a_number() -> None:
    # a PDF wrap between digits joins when a percent or scale word follows; a row's end then the next
    # row's numbering (8.5\n3.建设…) and a year at a line end stay apart
    text = "人均可支配收入年均增长 1\n2.5%,投资达到 2\n40亿元;比重8.5\n3.建设;2023\n2024年"
    assert [m.group() for m in NUMBER.finditer(text)] == ["1\n2.5", "2\n40", "8.5", "3", "2023", "2024"]
    assert parse_arabic("1\n2.5") == pytest.approx(12.5)

# -- property tests: an independent formatter written here, read back by the parser ----------------

DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """The standard written form of 0 <= n < 10**12 (十五, 一百零二, 三千万零五)."""
    if n == 0:
        return "零"

    def below_10k(k: int) -> str:
        out, zero = "", False
        for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // value % 10
            if d:
                if zero and out:
                    out += "零"
                out += DIGITS[d] + unit
                zero = False
            else:
                zero = True
        return out

    parts = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    out, pending_zero = "", False
    for k, unit in parts:
        if k:
            if out and (pending_zero or k < 1000):
                out += "零"
            out += below_10k(k) + unit
            pending_zero = False
        elif out:
            pending_zero = True
    if out.startswith("一十"):
        out = out[1:]  # 十五, not 一十五
    return out


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_round_trip(n: int) -> None:
    assert parse_chinese(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_with_separators_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_decimals_round_trip(whole: int, frac: int) -> None:
    text = f"{whole}.{frac:02d}"
    assert parse_number(text) == pytest.approx(float(text))


@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_mixed_scale_round_trip(n: int, scale: tuple[str, int]) -> None:
    assert parse_number(f"{n}{scale[0]}") == n * scale[1]
