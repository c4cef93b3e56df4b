"""Status lights (红黄绿灯) from deadline, progress and review state, with the reason.

In order: a missed target is red; closed work or a met target is green; overdue work is red; a returned
update, a partly met target, work behind schedule or due soon without being finished is yellow;
the rest is green. Behind schedule means the reported progress lags the share of time elapsed
between ``start`` (default: 1 January of the due year) and the deadline by more than ``lag`` points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from duban.track.messages import Part, part, render

COLORS = ("red", "yellow", "green")


@dataclass(frozen=True)
class Light:
    color: str  # red | yellow | green
    reason: str  # one line, simplified Chinese
    code: str
    parts: tuple[Part, ...] = field(default=(), compare=False)  # the reason as message parts, for translations

    def to_dict(self) -> dict:
        return {"color": self.color, "reason": self.reason, "code": self.code}


def _light(color: str, code: str, *parts: Part) -> Light:
    return Light(color, render(parts), code, parts)


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
        return _light("red", "missed", part("light_missed"))
    if done or verdict == "met" or (progress is not None and progress >= 100 and state == "approved"):
        return _light("green", "done", part("light_done" if verdict != "met" else "light_met"))
    if due is not None and today > due:
        return _light("red", "overdue", part("light_overdue", due=due.isoformat()))
    if state == "returned":
        return _light("yellow", "returned", part("light_returned"))
    if verdict == "partly":
        return _light("yellow", "partly", part("light_partly"))
    if due is not None:
        begin = start or date(due.year, 1, 1)
        expected = expected_progress(begin, due, today)
        done_pct = progress or 0.0
        if expected - done_pct > lag:
            behind = (part("light_behind_nothing", expected=f"{expected:.0f}") if progress is None
                      else part("light_behind", done=f"{done_pct:g}", expected=f"{expected:.0f}"))
            return _light("yellow", "behind", behind)
        days_left = (due - today).days
        if days_left <= warn_days:
            soon = {0: part("light_due_today"), 1: part("light_due_tomorrow")}
            return _light("yellow", "due_soon", soon.get(days_left) or part("light_due_soon", days=str(days_left)))
        return _light("green", "on_track", part("light_on_track", due=due.isoformat()))
    return _light("green", "ongoing", part("light_ongoing"))
