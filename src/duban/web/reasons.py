"""duban.track's reasons (verdicts, lights, link proposals) in the UI language.

duban.track gives each reason as message parts (key + parameters, `duban.track.messages`) with simplified
Chinese templates; here every key has its template marked for translation, so the English catalogue
translates it. The Chinese templates are the same strings (tests/web/test_reasons.py checks that the two
tables agree and that every key of duban.track is here).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from duban.track import messages

TEMPLATES = {
    "no_number": _("任务没有数量目标，按进展审核判断"),
    "bad_cmp": _("无法识别的比较方式 %(cmp)s"),
    "no_actual_overdue": _("期限 %(due)s 已过，尚无实际值"),
    "no_actual": _("尚无实际值"),
    "deadline_suffix": _("，期限 %(due)s"),
    "actual_no_number": _("实际值没有数字"),
    "unit_mismatch": _("单位不一致：目标为“%(target)s”，实际为“%(actual)s”"),
    "no_unit": _("无单位"),
    "about": _("约%(value)s"),
    "met": _("实际 %(actual)s 达到目标 %(target)s"),
    "tolerance_points": _("（容差 ±%(points)s个百分点）"),
    "tolerance_share": _("（容差 ±%(share)s%%）"),
    "above_target": _("，高于目标"),
    "below_target": _("，低于目标"),
    "actual_vague": _("实际 %(actual)s 不足以判断是否达到目标 %(target)s"),
    "short": _("实际 %(actual)s 未达到目标 %(target)s"),
    "gap": _("，差 %(gap)s"),
    "gap_within": _("，差 %(gap)s（在目标的%(share)s%%以内）"),
    "light_missed": _("目标未完成"),
    "light_met": _("目标已达成"),
    "light_done": pgettext_lazy("light", "已完成"),  # the work is closed (a verdict's 已完成 is "met")
    "light_overdue": _("已逾期（期限 %(due)s）"),
    "light_returned": _("进展报告被退回，待重新提交"),
    "light_partly": _("目标部分完成"),
    "light_behind_nothing": _("尚无进展，落后于时间进度 %(expected)s%%"),
    "light_behind": _("进度 %(done)s%%，落后于时间进度 %(expected)s%%"),
    "light_due_today": _("今天到期，尚未完成"),
    "light_due_tomorrow": _("明天到期，尚未完成"),
    "light_due_soon": _("%(days)s 天后到期，尚未完成"),
    "light_on_track": _("按计划推进（期限 %(due)s）"),
    "light_ongoing": _("持续推进，无固定期限"),
}


def render(parts: Iterable | None, fallback: str = "") -> str:
    """The reason of ``parts`` in the active language; ``fallback`` (the stored Chinese text) when there
    are no parts or they cannot be read (rows stored before parts were kept)."""
    if not parts:
        return fallback
    try:
        text = messages.render(parts, TEMPLATES)
    except (KeyError, TypeError, ValueError, IndexError):
        return fallback
    return text[:1].upper() + text[1:]  # an English reason reads as a sentence; Chinese is unchanged


# Link proposals (duban.track.linking) keep their reason as the Chinese pieces joined by "；" (Link.reason,
# also what the API returns): each piece has a translatable template here, the period piece read back
# with its two periods. An unknown piece (a newer duban.track) is shown as stored.
LINK_SEPARATOR = "；"
LINK_PIECES = {
    "同一地区": _("同一地区"),
    "同一规范指标": _("同一规范指标"),
    "指标名称相同": _("指标名称相同"),
    "单位不一致": _("单位不一致"),
}
_LINK_PERIOD = re.compile(r"期间 (?P<actual>\S+) 对应目标期间 (?P<target>\S+)")
LINK_PERIOD = _("期间 %(actual)s 对应目标期间 %(target)s")


def render_link(reason: str) -> str:
    """A link proposal's stored reason in the active language (Chinese: as stored)."""
    if not reason:
        return ""
    out = []
    for piece in reason.split(LINK_SEPARATOR):
        if piece in LINK_PIECES:
            out.append(str(LINK_PIECES[piece]))
        elif m := _LINK_PERIOD.fullmatch(piece):
            out.append(str(LINK_PERIOD) % m.groupdict())
        else:
            out.append(piece)
    joined = str(_("；")).join(out)
    return joined[:1].upper() + joined[1:]
