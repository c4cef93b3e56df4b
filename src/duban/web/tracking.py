"""The bridge from the web app to duban.track (the Django-free tracking logic).

duban.track computes verdicts, lights, deadlines and department suggestions from plain values; this module
feeds it model data and stores what it returns. While a duban.track function is missing, the stored
model values stay as they are (the pages show them as plain fields).
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from types import ModuleType

log = logging.getLogger(__name__)


def _track(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"duban.track.{name}")
    except ImportError:
        return None


def normalize_deadline(phrase: str, year: int) -> dt.date | None:
    """年底前 / 上半年 / 三季度 ... -> a date in the report year, through duban.track when it is there."""
    mod = _track("deadlines")
    fn = getattr(mod, "normalize_deadline", None) or getattr(mod, "normalize", None)
    if fn is None:
        return None
    try:
        got = fn(phrase, year)
    except (ValueError, TypeError):
        return None
    return got if isinstance(got, dt.date) else getattr(got, "date", None)


def suggest_departments(text: str) -> list[str]:
    """Department names suggested for an item's text (best first), from duban.track's keyword table."""
    mod = _track("departments")
    fn = getattr(mod, "suggest", None) or getattr(mod, "suggest_departments", None)
    if fn is None:
        return []
    got = fn(text)
    if isinstance(got, str):
        return [got]
    return [g if isinstance(g, str) else getattr(g, "name", str(g)) for g in (got or [])]


def refresh_item(item) -> None:
    """Recompute the item's light (and verdict, for targets) after a change. No-op without duban.track."""
    hook = _track("web_hooks")
    fn = getattr(hook, "refresh_item", None)
    if fn is not None:
        try:
            fn(item)
        except Exception:  # a tracking bug must not undo the user's committed change
            log.exception("refreshing item %s failed", item.pk)


def refresh_report(report) -> None:
    for item in report.items.exclude(status="rejected"):
        refresh_item(item)
