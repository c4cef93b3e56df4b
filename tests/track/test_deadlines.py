"""Deadline phrases as a table: each to its date (or ongoing / unknown), the phrase kept."""

from __future__ import annotations

from datetime import date

import pytest

from duban.track.deadlines import find_deadline, parse_deadline

Y = 2021

CASES = [
    ("年底前", date(2021, 12, 31), "date"),
    ("年底前完成", date(2021, 12, 31), "date"),
    ("年内", date(2021, 12, 31), "date"),
    ("全年", date(2021, 12, 31), "date"),
    ("今年", date(2021, 12, 31), "date"),
    ("上半年", date(2021, 6, 30), "date"),
    ("下半年", date(2021, 12, 31), "date"),
    ("一季度", date(2021, 3, 31), "date"),
    ("第二季度", date(2021, 6, 30), "date"),
    ("三季度", date(2021, 9, 30), "date"),
    ("三季度末", date(2021, 9, 30), "date"),
    ("第4季度", date(2021, 12, 31), "date"),
    ("6月底前", date(2021, 6, 30), "date"),
    ("6月底", date(2021, 6, 30), "date"),
    ("6月份", date(2021, 6, 30), "date"),
    ("6月前", date(2021, 5, 31), "date"),
    ("1月前", date(2020, 12, 31), "date"),
    ("十二月底前", date(2021, 12, 31), "date"),
    ("9月中旬", date(2021, 9, 15), "date"),
    ("２月底前", date(2021, 2, 28), "date"),
    ("2021年内", date(2021, 12, 31), "date"),
    ("2022年底前", date(2022, 12, 31), "date"),
    ("2022年6月底前", date(2022, 6, 30), "date"),
    ("2022年上半年", date(2022, 6, 30), "date"),
    ("2021年9月30日前", date(2021, 9, 30), "date"),
    ("2021年2月30日", date(2021, 2, 28), "date"),  # no such day: the month is still stated
    ("2022年", date(2022, 12, 31), "date"),
    ("二〇二二年底", date(2022, 12, 31), "date"),
    ("明年", date(2022, 12, 31), "date"),
    ("三年内", date(2023, 12, 31), "date"),
    ("2021-2025年", date(2025, 12, 31), "date"),
    ("“十四五”期间", date(2025, 12, 31), "date"),
    ("十三五末", date(2020, 12, 31), "date"),
    ("长期坚持", None, "ongoing"),
    ("長期堅持", None, "ongoing"),
    ("持续推进", None, "ongoing"),
    ("常态化", None, "ongoing"),
    ("按计划推进", None, "unknown"),
    ("", None, "unknown"),
    ("尽快", None, "unknown"),
]


@pytest.mark.parametrize(("phrase", "due", "kind"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_parse_deadline(phrase, due, kind):
    d = parse_deadline(phrase, Y)
    assert (d.due, d.kind) == (due, kind)
    assert d.phrase == phrase


def test_relative_needs_year():
    assert parse_deadline("年底前").due is None
    assert parse_deadline("2022年底前").due == date(2022, 12, 31)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("推进罗湖北站规划建设，年底前完成方案设计", date(2021, 12, 31)),
        ("6月底前出台实施细则", date(2021, 6, 30)),
        ("上半年完成招标", date(2021, 6, 30)),
        ("2022年底前建成投用", date(2022, 12, 31)),
    ],
)
def test_find_in_task_text(text, due):
    found = find_deadline(text, Y)
    assert found is not None and found.due == due


@pytest.mark.parametrize("text", ["推进罗湖北站规划建设", "新增4290个学位", "建党100周年", "2021年是十四五开局之年"])
def test_find_nothing(text):
    assert find_deadline(text, Y) is None


@pytest.mark.parametrize(
    ("period", "end"),
    [("2021", date(2021, 12, 31)), ("2021-2025", date(2025, 12, 31)), ("2022H1", date(2022, 6, 30)),
     ("2022H2", date(2022, 12, 31)), ("2022Q3", date(2022, 9, 30)), ("2022Q1-Q3", date(2022, 9, 30)),
     ("2022Q1-Q2", date(2022, 6, 30)), ("2022Q1-", None), ("2022Q1-Q5", None), ("", None), (None, None),
     ("十四五", None)],
)
def test_period_end(period, end):
    from duban.track.deadlines import period_end

    assert period_end(period) == end


def test_normalize_deadline_is_the_date():
    from duban.track.deadlines import normalize_deadline

    assert normalize_deadline("三季度", 2021) == date(2021, 9, 30)
    assert normalize_deadline("长期坚持", 2021) is None
