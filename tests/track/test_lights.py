"""Light table: each rule, its precedence, and the edges of time."""

from __future__ import annotations

from datetime import date

import pytest

from duban.track.lights import expected_progress, light

DUE = date(2021, 12, 31)

CASES = [
    # kwargs, color, code
    (dict(today=date(2021, 3, 1), due=DUE), "green", "on_track"),
    (dict(today=date(2021, 8, 1), due=DUE), "yellow", "behind"),  # 58% of the year gone, nothing reported
    (dict(today=date(2021, 8, 1), due=DUE, progress=50), "green", "on_track"),
    (dict(today=date(2021, 8, 1), due=DUE, progress=20), "yellow", "behind"),
    (dict(today=date(2021, 12, 10), due=DUE, progress=90), "yellow", "due_soon"),
    (dict(today=date(2021, 12, 31), due=DUE, progress=90), "yellow", "due_soon"),
    (dict(today=date(2022, 1, 1), due=DUE, progress=90), "red", "overdue"),
    (dict(today=date(2022, 1, 1), due=DUE, progress=100, state="approved"), "green", "done"),
    (dict(today=date(2022, 1, 1), due=DUE, progress=100, state="submitted"), "red", "overdue"),
    (dict(today=date(2022, 1, 1), due=DUE, done=True), "green", "done"),
    (dict(today=date(2021, 3, 1), due=DUE, state="returned"), "yellow", "returned"),
    (dict(today=date(2022, 3, 1), due=DUE, state="returned"), "red", "overdue"),
    (dict(today=date(2022, 3, 1), due=DUE, verdict="met"), "green", "done"),
    (dict(today=date(2021, 3, 1), due=DUE, verdict="missed"), "red", "missed"),
    (dict(today=date(2021, 3, 1), due=DUE, verdict="missed", done=True), "red", "missed"),
    (dict(today=date(2021, 3, 1), due=DUE, verdict="partly"), "yellow", "partly"),
    (dict(today=date(2021, 3, 1), due=DUE, verdict="not_yet"), "green", "on_track"),
    (dict(today=date(2030, 1, 1)), "green", "ongoing"),
    (dict(today=date(2030, 1, 1), state="returned"), "yellow", "returned"),
    (dict(today=date(2021, 7, 10), due=date(2021, 9, 30), start=date(2021, 6, 1), progress=0), "yellow", "behind"),
    (dict(today=date(2021, 6, 5), due=date(2021, 9, 30), start=date(2021, 6, 1), progress=0), "green", "on_track"),
]


@pytest.mark.parametrize(("kwargs", "color", "code"), CASES)
def test_light(kwargs, color, code):
    result = light(**kwargs)
    assert (result.color, result.code) == (color, code), result.reason
    assert result.reason


@pytest.mark.parametrize(
    ("start", "due", "today", "pct"),
    [(date(2021, 1, 1), date(2021, 1, 11), date(2021, 1, 6), 50), (date(2021, 1, 1), date(2021, 1, 11),
     date(2020, 1, 1), 0), (date(2021, 1, 1), date(2021, 1, 11), date(2022, 1, 1), 100),
     (date(2021, 1, 1), date(2021, 1, 1), date(2021, 1, 1), 100)],
)
def test_expected_progress(start, due, today, pct):
    assert expected_progress(start, due, today) == pct
