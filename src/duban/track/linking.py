"""Propose links from reported actuals (a later report, a statistical bulletin) to earlier targets.

A link is proposed when both name the same region, the same canonical indicator (or, lacking a
catalogue id on either side, the same indicator text), and the actual's period closes the
target's period (2021 -> 2021; 2021-2025 -> 2025). Proposals carry the verdict they would give;
a person confirms them. Interim results (2021H1 against a 2021 target) are not final outcomes
and are not proposed. No Django here: items may be Items, model instances or dicts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from duban.track.attainment import Verdict, get_field, judge
from duban.track.units import comparable

_SPAN = re.compile(r"^(\d{4})\s*[-–—~至]\s*(\d{4})$")
_YEAR = re.compile(r"^\d{4}$")


def period_closes(target_period: str | None, actual_period: str | None) -> bool:
    """True when an actual for ``actual_period`` is the final outcome of ``target_period``."""
    if not target_period or not actual_period:
        return False
    t, a = target_period.strip(), actual_period.strip()
    if not _YEAR.match(a):
        return False  # 2021H1, 2021Q3: interim
    if t == a:
        return True
    m = _SPAN.match(t)
    return bool(m and m.group(2) == a)


def _indicator_key(item: Any) -> tuple[str, str] | None:
    canonical = get_field(item, "canonical")
    if canonical:
        return ("canonical", str(canonical))
    text = re.sub(r"\s+", "", get_field(item, "indicator") or "")
    return ("text", text) if text else None


@dataclass(frozen=True)
class LinkProposal:
    actual: Any
    target: Any
    score: int  # higher is surer: catalogue match 2 / text match 1, +1 when units compare
    reasons: tuple[str, ...]
    verdict: Verdict


def propose_links(actuals: Iterable[Any], targets: Iterable[Any]) -> list[LinkProposal]:
    """Every plausible (actual, target) pair, surest first.

    Items need ``kind``, ``region`` (any comparable value), ``canonical`` or ``indicator``,
    ``period``, and cmp/low/high/unit for the verdict.
    """
    index: dict[tuple, list[Any]] = defaultdict(list)
    for target in targets:
        key = _indicator_key(target)
        region = get_field(target, "region")
        if get_field(target, "kind") != "target" or key is None or region is None:
            continue
        index[(region, key[1])].append((key[0], target))
    proposals = []
    for actual in actuals:
        key = _indicator_key(actual)
        region = get_field(actual, "region")
        if get_field(actual, "kind") != "actual" or key is None or region is None:
            continue
        for how, target in index.get((region, key[1]), ()):
            if how != key[0]:
                continue  # a catalogue id never matches a bare text
            if not period_closes(get_field(target, "period"), get_field(actual, "period")):
                continue
            reasons = ["同一地区", "同一规范指标" if how == "canonical" else "指标名称相同",
                       f"期间 {get_field(actual, 'period')} 对应目标期间 {get_field(target, 'period')}"]
            score = 2 if how == "canonical" else 1
            if comparable(get_field(target, "unit"), get_field(actual, "unit")):
                score += 1
            else:
                reasons.append("单位不一致")
            proposals.append(LinkProposal(actual, target, score, tuple(reasons), judge(target, actual)))
    proposals.sort(key=lambda p: -p.score)
    return proposals
