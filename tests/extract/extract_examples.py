"""Shared by the unseen-document example tests: the non-task items of a text as comparable tuples."""

from __future__ import annotations

import duban


def items(text: str) -> list[tuple[str, str, str, float, str, str | None]]:
    """(indicator, kind, cmp, low, unit, period) of every target and actual extracted from ``text``."""
    ex = duban.extract(text)
    return [(i.indicator, i.kind, i.cmp, i.low, i.unit, i.period) for i in ex.items if i.kind != "task"]


def kinds_periods(text: str) -> list[tuple[str, str | None]]:
    """(kind, period) of every target and actual extracted from ``text``."""
    return [(kind, period) for _, kind, _, _, _, period in items(text)]


def quoted(text: str) -> list[tuple[str, str, float, str, str]]:
    """(kind, cmp, low, unit, quote) of every target and actual extracted from ``text`` (read as a page)."""
    found = duban.extract(duban.read_text(text)).items
    return [(it.kind, it.cmp, it.low, it.unit, it.quote) for it in found if it.kind != "task"]


def rows(text: str) -> list[tuple[str, str, float, str | None]]:
    """(indicator, cmp, low, period) of every target and actual extracted from ``text`` (read as a page)."""
    found = duban.extract(duban.read_text(text)).items
    return [(it.indicator, it.cmp, it.low, it.period) for it in found if it.kind != "task"]
