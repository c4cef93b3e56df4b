"""Verdicts: does an actual meet a target? met / partly / missed / not_yet / uncheckable, with a reason.

A target's verdict follows its cmp:
- ``>=``: met when the actual is at least the target; ``<=``: met when at most the target.
- ``=``, ``~`` and ``range``: the indicator's direction (see `direction`) says which side is better;
  ``~`` allows a stated tolerance (points for rates, a share of the value otherwise); beating a
  target on its better side is met.
- A shortfall within ``Tolerance.partly`` of the target is ``partly``, beyond it ``missed``.

Values are compared only when the units agree after scaling (万/亿/万亿; 个百分点 = 百分点);
otherwise the verdict is ``uncheckable`` and says why. The reason comes as Chinese text and as message
parts (`duban.track.messages`) that other languages render. No Django here.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from duban.track.messages import Param, Part, part, render
from duban.track.units import is_rate, parse_unit, to_unit

STATUSES = ("met", "partly", "missed", "not_yet", "uncheckable")


@dataclass(frozen=True)
class Tolerance:
    """How close counts: ``points`` for rates (%/百分点) and ``relative`` otherwise apply to ``~``
    targets; a shortfall within ``partly`` (a share of the target's size) is partly met."""

    points: float = 0.5
    relative: float = 0.05
    partly: float = 0.10


@dataclass(frozen=True)
class Verdict:
    status: str  # one of STATUSES
    reason: str  # one line, for people (simplified Chinese, like the reports)
    code: str = ""  # a stable key for the reason, for programs
    parts: tuple[Part, ...] = field(default=(), compare=False)  # the reason as message parts, for translations

    def to_dict(self) -> dict:
        return {"status": self.status, "reason": self.reason, "code": self.code}


def _verdict(status: str, code: str, *parts: Part) -> Verdict:
    return Verdict(status, render(parts), code, parts)


def get_field(obj: Any, name: str) -> Any:
    """``obj.name`` or ``obj[name]``: items may be dataclasses, model instances or dicts."""
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def fmt(value: float, unit: str | None = "") -> str:
    """A number for people: 5.5 -> '5.5', 6.0 -> '6', 1e12 -> '1000000000000'."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = str(int(value)) if float(value).is_integer() else f"{value:.6f}".rstrip("0").rstrip(".")
    return f"{text}{unit or ''}"


@cache
def _direction_rules() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = tomllib.loads(resources.files("duban.track").joinpath("data/directions.toml").read_text("utf-8"))
    lower = tuple(k for entry in data["lower"] for k in entry["keywords"])
    return lower, tuple(data["decline"]["keywords"])


def direction(indicator: str | None) -> str:
    """'down' when less is better for this indicator (失业率, 能耗 ...), else 'up'.

    A decline verb (能耗下降) makes the number the size of a decline, so more is better again.
    """
    text = indicator or ""
    lower, decline = _direction_rules()
    if any(k in text for k in lower) and not any(k in text for k in decline):
        return "down"
    return "up"


def _bounds(q: Any) -> tuple[float, float]:
    """The interval an actual states: 超过5 -> [5, inf), 5-6 -> [5, 6]."""
    cmp = get_field(q, "cmp") or "="
    low, high = get_field(q, "low"), get_field(q, "high")
    low = float(low if low is not None else high)
    high = float(high if high is not None else low)
    if cmp == ">=":
        return low, math.inf
    if cmp == "<=":
        return -math.inf, high
    if cmp == "range":
        return min(low, high), max(low, high)
    return low, low


def _describe_target(cmp: str, low: float, high: float, unit: str) -> Param:
    if cmp == "range":
        return f"{fmt(low)}-{fmt(high, unit)}"
    if cmp == "~":
        return part("about", value=fmt(low, unit))
    sign = {">=": "≥", "<=": "≤", "=": ""}.get(cmp, "")
    return f"{sign}{fmt(low if cmp != '<=' else high, unit)}"


def _describe_actual(lo: float, hi: float, unit: str) -> str:
    if lo == hi:
        return fmt(lo, unit)
    if math.isinf(hi):
        return f"≥{fmt(lo, unit)}"
    if math.isinf(lo):
        return f"≤{fmt(hi, unit)}"
    return f"{fmt(lo)}-{fmt(hi, unit)}"


def judge(
    target: Any,
    actual: Any = None,
    *,
    indicator: str | None = None,
    due: date | None = None,
    today: date | None = None,
    tolerance: Tolerance = Tolerance(),
) -> Verdict:
    """The verdict of ``target`` given ``actual`` (either may be an Item, a model or a dict with
    cmp/low/high/unit). Without an actual: not_yet before ``due``, uncheckable after it."""
    cmp = get_field(target, "cmp")
    t_low, t_high = get_field(target, "low"), get_field(target, "high")
    if get_field(target, "kind") == "task" or cmp is None or (t_low is None and t_high is None):
        return _verdict("uncheckable", "no_number", part("no_number"))
    if cmp not in (">=", "<=", "=", "~", "range"):
        return _verdict("uncheckable", "bad_cmp", part("bad_cmp", cmp=repr(cmp)))
    if actual is None:
        if due is not None and today is not None and today > due:
            return _verdict("uncheckable", "no_actual_overdue", part("no_actual_overdue", due=due.isoformat()))
        when = (part("deadline_suffix", due=due.isoformat()),) if due else ()
        return _verdict("not_yet", "no_actual", part("no_actual"), *when)
    if get_field(actual, "low") is None and get_field(actual, "high") is None:
        return _verdict("uncheckable", "actual_no_number", part("actual_no_number"))

    unit = get_field(target, "unit") or ""
    a_unit = get_field(actual, "unit") or ""
    if parse_unit(unit).base != parse_unit(a_unit).base:
        return _verdict("uncheckable", "unit_mismatch", part(
            "unit_mismatch", target=unit or part("no_unit"), actual=a_unit or part("no_unit")))
    t_low = float(t_low if t_low is not None else t_high)
    t_high = float(t_high if t_high is not None else t_low)
    a_lo, a_hi = (to_unit(v, a_unit, unit) if not math.isinf(v) else v for v in _bounds(actual))
    said_target = _describe_target(cmp, t_low, t_high, unit)
    said_actual = _describe_actual(a_lo, a_hi, unit)

    # Which side is better, and the threshold a met actual must reach on that side.
    if cmp == ">=":
        sense, threshold, ref = "up", t_low, t_low
    elif cmp == "<=":
        sense, threshold, ref = "down", t_high, t_high
    else:
        sense = direction(indicator or get_field(target, "indicator"))
        if cmp == "range":
            lo, hi = min(t_low, t_high), max(t_low, t_high)
            threshold = lo if sense == "up" else hi
            ref = threshold
        else:
            ref = t_low
            slack = 0.0
            if cmp == "~":
                slack = tolerance.points if is_rate(unit) else abs(t_low) * tolerance.relative
            threshold = t_low - slack if sense == "up" else t_low + slack
    better = part("above_target" if sense == "up" else "below_target")
    stated: tuple[Part, ...] = ()
    if cmp == "~":
        stated = ((part("tolerance_points", points=fmt(tolerance.points)),) if is_rate(unit)
                  else (part("tolerance_share", share=fmt(tolerance.relative * 100)),))
    said = {"actual": said_actual, "target": said_target}

    worst, best = (a_lo, a_hi) if sense == "up" else (a_hi, a_lo)
    reaches = (lambda v: v >= threshold) if sense == "up" else (lambda v: v <= threshold)
    if reaches(worst):
        exceeded = cmp in ("range", "~") and (
            (sense == "up" and worst > max(t_low, t_high)) or (sense == "down" and worst < min(t_low, t_high)))
        return _verdict("met", "met", part("met", **said), *stated, *((better,) if exceeded else ()))
    if reaches(best):
        return _verdict("uncheckable", "actual_vague", part("actual_vague", **said))
    gap = abs(best - threshold)
    if ref != 0 and gap <= abs(ref) * tolerance.partly:
        return _verdict("partly", "partly", part("short", **said), *stated,
                        part("gap_within", gap=fmt(gap, unit), share=fmt(tolerance.partly * 100)))
    return _verdict("missed", "missed", part("short", **said), *stated, part("gap", gap=fmt(gap, unit)))
