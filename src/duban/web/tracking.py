"""The bridge from the web app to duban.track (the Django-free tracking logic).

duban.track judges targets, computes lights, normalizes deadline phrases and suggests departments from
plain values; this module feeds it model data and stores what it returns (Item.light/light_reason and
computed Verdict rows). A verdict a person set (``computed=False``) is never replaced here.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone

from duban.track import attainment, deadlines, departments, lights

log = logging.getLogger(__name__)


def normalize_deadline(phrase: str, year: int | None) -> dt.date | None:
    """年底前 / 上半年 / 三季度 ... -> the last day that is still on time, in the report year."""
    return deadlines.parse_deadline(phrase, year).due


def suggest_departments(text: str, limit: int = 3) -> list[str]:
    """Department names suggested for an item's text (best first), from duban.track's keyword table."""
    return [s.department for s in departments.suggest(text, limit=limit)]


def known_departments() -> list[str]:
    return departments.departments()


def _period_end(period: str) -> dt.date | None:
    """The last day of a stated period (2021 -> 2021-12-31; 2021-2025 -> 2025-12-31)."""
    tail = (period or "").strip()[-4:]
    return dt.date(int(tail), 12, 31) if tail.isdigit() else None


def _evidence(item):
    """The actual a target is judged on: a confirmed link's actual, else the latest approved value."""
    from duban.web.models import Link

    link = (Link.objects.filter(target=item, state="confirmed").select_related("actual")
            .order_by("-created_at", "-pk").first())
    if link is not None:
        return link.actual, None
    upd = item.updates.filter(state="approved", value__isnull=False).order_by("-reviewed_at", "-pk").first()
    if upd is not None:
        return {"cmp": "=", "low": upd.value, "high": upd.value, "unit": item.unit}, upd
    return None, None


def refresh_item(item, today: dt.date | None = None) -> None:
    """Recompute the item's verdict (targets) and light after a change, and store them."""
    from duban.web.models import Assignment, History, Item, Verdict

    today = today or timezone.localdate()
    try:
        with transaction.atomic():
            item = Item.objects.select_for_update().get(pk=item.pk)
            assignment = Assignment.objects.filter(item=item).first()
            due = assignment.deadline if assignment and assignment.deadline else None
            verdict = Verdict.objects.filter(target=item).first()
            if item.kind == "target" and item.status != "rejected" and item.low is not None:
                actual, upd = _evidence(item)
                judged = attainment.judge(item, actual, due=due or _period_end(item.period), today=today)
                if verdict is None or (verdict.computed and (verdict.verdict, verdict.reason)
                                       != (judged.status, judged.reason)):
                    before = {"verdict": verdict.verdict, "reason": verdict.reason} if verdict else None
                    verdict = verdict or Verdict(target=item)
                    verdict.verdict, verdict.reason, verdict.computed = judged.status, judged.reason, True
                    verdict.actual = actual if isinstance(actual, Item) else None
                    verdict.update, verdict.decided_at, verdict.decided_by = upd, timezone.now(), None
                    verdict.save()
                    History.objects.create(action="verdict_computed", object_type="verdict",
                                           object_id=verdict.pk, report_id=item.report_id, item=item,
                                           before=before, after={"verdict": judged.status,
                                                                 "reason": judged.reason})
            latest = item.updates.exclude(state="draft").order_by("-created_at", "-pk").first()
            approved = item.updates.filter(state="approved", percent__isnull=False).order_by(
                "-reviewed_at", "-pk").first()
            if assignment is None and (verdict is None or verdict.verdict not in ("met", "partly", "missed")):
                color, reason = "", ""  # not tracked yet: no light rather than a misleading green
            else:
                got = lights.light(today=today, due=due, progress=approved.percent if approved else None,
                                   state=latest.state if latest else None,
                                   verdict=verdict.verdict if verdict else None)
                color, reason = got.color, got.reason
            if (item.light, item.light_reason) != (color, reason):
                # derived state: no version bump, so it never collides with a reviewer's edit
                Item.objects.filter(pk=item.pk).update(light=color, light_reason=reason)
    except Exception:  # a tracking bug must not undo the user's change: only its savepoint rolls back
        log.exception("refreshing item %s failed", item.pk)


def propose_links(obj) -> int:
    """Propose links between a report's (or one item's) actuals and targets across reports
    (duban.track.web_hooks); a person confirms them. Returns how many were proposed."""
    from duban.track import web_hooks
    from duban.web.models import Report

    try:
        with transaction.atomic():
            if isinstance(obj, Report):
                return web_hooks.propose_links_for_report(obj)
            return web_hooks.propose_links_for_item(obj)
    except Exception:  # proposals are a help: never block the upload or edit that triggered them
        log.exception("proposing links for %r failed", obj)
        return 0


def refresh_report(report, today: dt.date | None = None) -> None:
    from django.db.models import Q

    # only targets (verdicts) and assigned items (lights) have derived state to refresh
    for item in (report.items.exclude(status="rejected").filter(Q(kind="target") | Q(assignment__isnull=False))
                 .only("pk")):
        refresh_item(item, today)
