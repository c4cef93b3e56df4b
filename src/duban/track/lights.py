"""Status lights (红黄绿灯) from deadline, progress and review state, with the reason.

In order: a missed target is red; closed work or a met target is green; overdue work is red; a returned
update, a partly met target, work behind schedule or due soon without being finished is yellow;
the rest is green. Behind schedule means the reported progress lags the share of time elapsed
between ``start`` (default: 1 January of the due year) and the deadline by more than ``lag`` points.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

COLORS = ("red", "yellow", "green")


@dataclass(frozen=True)
class Light:
    color: str  # red | yellow | green
    reason: str
    code: str

    def to_dict(self) -> dict:
        return {"color": self.color, "reason": self.reason, "code": self.code}


def expected_progress(start: date, due: date, today: date) -> float:
    """Percent of the time from ``start`` to ``due`` that has passed on ``today`` (0-100)."""
    total = (due - start).days
    if total <= 0:
        return 100.0 if today >= due else 0.0
    return max(0.0, min(100.0, 100.0 * (today - start).days / total))


def light(
    *,
    today: date,
    due: date | None = None,
    progress: float | None = None,
    state: str | None = None,
    verdict: str | None = None,
    done: bool = False,
    start: date | None = None,
    warn_days: int = 30,
    lag: float = 25.0,
) -> Light:
    """The light of one item or assignment.

    ``progress``: percent done from the latest approved update (None: none yet); ``state``: the
    latest update's review state (draft/submitted/returned/approved); ``verdict``: the target's
    verdict status, when it has one; ``done``: the work is closed (办结).
    """
    if verdict == "missed":
        return Light("red", "目标未完成", "missed")
    if done or verdict == "met" or (progress is not None and progress >= 100 and state == "approved"):
        return Light("green", "已完成" if verdict != "met" else "目标已达成", "done")
    if due is not None and today > due:
        return Light("red", f"已逾期（期限 {due.isoformat()}）", "overdue")
    if state == "returned":
        return Light("yellow", "进展报告被退回，待重新提交", "returned")
    if verdict == "partly":
        return Light("yellow", "目标部分完成", "partly")
    if due is not None:
        begin = start or date(due.year, 1, 1)
        expected = expected_progress(begin, due, today)
        done_pct = progress or 0.0
        if expected - done_pct > lag:
            said = "尚无进展" if progress is None else f"进度 {done_pct:g}%"
            return Light("yellow", f"{said}，落后于时间进度 {expected:.0f}%", "behind")
        days_left = (due - today).days
        if days_left <= warn_days:
            return Light("yellow", f"{days_left} 天后到期，尚未完成", "due_soon")
        return Light("green", f"按计划推进（期限 {due.isoformat()}）", "on_track")
    return Light("green", "持续推进，无固定期限", "ongoing")
