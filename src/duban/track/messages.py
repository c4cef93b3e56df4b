"""The reasons duban.track gives (verdicts, lights) as message keys with parameters.

A reason is a sequence of parts ``(key, params)``; its text is the parts' templates filled in and joined.
The templates here are simplified Chinese, like the reports; a parameter is a plain string or itself a
part (a nested phrase such as 无单位 or 约5%, so that it can be translated too). Programs and other
languages use the parts: duban.web renders them through its translation catalogue
(duban/web/reasons.py), which keeps a template for every key below. No Django here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Union

# a parameter: a plain value or a nested part
Param = Union[str, "Part"]
Part = tuple[str, Mapping[str, Param]]

MESSAGES: dict[str, str] = {
    # verdicts (attainment.judge)
    "no_number": "任务没有数量目标，按进展审核判断",
    "bad_cmp": "无法识别的比较方式 %(cmp)s",
    "no_actual_overdue": "期限 %(due)s 已过，尚无实际值",
    "no_actual": "尚无实际值",
    "deadline_suffix": "，期限 %(due)s",
    "actual_no_number": "实际值没有数字",
    "unit_mismatch": "单位不一致：目标为“%(target)s”，实际为“%(actual)s”",
    "no_unit": "无单位",
    "about": "约%(value)s",
    "met": "实际 %(actual)s 达到目标 %(target)s",
    "tolerance_points": "（容差 ±%(points)s个百分点）",
    "tolerance_share": "（容差 ±%(share)s%%）",
    "above_target": "，高于目标",
    "below_target": "，低于目标",
    "actual_vague": "实际 %(actual)s 不足以判断是否达到目标 %(target)s",
    "short": "实际 %(actual)s 未达到目标 %(target)s",
    "gap": "，差 %(gap)s",
    "gap_within": "，差 %(gap)s（在目标的%(share)s%%以内）",
    # lights (lights.light)
    "light_missed": "目标未完成",
    "light_met": "目标已达成",
    "light_done": "已完成",
    "light_overdue": "已逾期（期限 %(due)s）",
    "light_returned": "进展报告被退回，待重新提交",
    "light_partly": "目标部分完成",
    "light_behind_nothing": "尚无进展，落后于时间进度 %(expected)s%%",
    "light_behind": "进度 %(done)s%%，落后于时间进度 %(expected)s%%",
    "light_due_today": "今天到期，尚未完成",
    "light_due_tomorrow": "明天到期，尚未完成",
    "light_due_soon": "%(days)s 天后到期，尚未完成",
    "light_on_track": "按计划推进（期限 %(due)s）",
    "light_ongoing": "持续推进，无固定期限",
}


def part(key: str, **params: Param) -> Part:
    if key not in MESSAGES:
        raise KeyError(f"no message {key!r}")
    return (key, params)


def render(parts: Iterable, templates: Mapping[str, str] | None = None) -> str:
    """The text of ``parts`` (as made here, or read back from JSON as lists) with ``templates``
    (default: the Chinese ones); a key missing from ``templates`` falls back to Chinese."""
    use = MESSAGES if templates is None else templates

    def one(p) -> str:
        key, params = p[0], p[1]
        values = {k: one(v) if isinstance(v, (list, tuple)) else v for k, v in params.items()}
        return str(use.get(key, MESSAGES[key])) % values

    return "".join(one(p) for p in parts)


def to_json(parts: Iterable[Part]) -> list:
    """Parts as plain lists and dicts (what a JSON field stores)."""
    def conv(p) -> list:
        return [p[0], {k: conv(v) if isinstance(v, (list, tuple)) else v for k, v in p[1].items()}]

    return [conv(p) for p in parts]
