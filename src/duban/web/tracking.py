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
from duban.track.messages import to_json

log = logging.getLogger(__name__)


def normalize_deadline(phrase: str, year: int | None) -> dt.date | None:
    """年底前 / 上半年 / 三季度 ... -> the last day that is still on time, in the report year."""
    return deadlines.parse_deadline(phrase, year).due


def deadline_in_text(text: str, year: int | None) -> deadlines.Deadline | None:
    """The deadline an item's own text states (…年底前完成): phrase kept, date for the report year."""
    return deadlines.find_deadline(text, year)


def suggest_departments(text: str, limit: int = 3) -> list[str]:
    """Department names suggested for an item's text (best first), from duban.track's keyword table."""
    return [s.department for s in departments.suggest(text, limit=limit)]


def known_departments() -> list[str]:
    return departments.departments()


def _period_end(period: str) -> dt.date | None:
    """The last day of a stated period (2021 -> 2021-12-31; 2021-2025 -> 2025-12-31)."""
    tail = (period or "").strip()[-4:]
    return dt.date(int(tail), 12, 31) if tail.isdigit() else None


def refresh_items(items, today: dt.date | None = None) -> int:
    """Recompute verdicts (targets) and lights of ``items`` (a queryset or list of Items) and store
    what changed; a handful of queries whatever the number of items. Returns how many lights changed.

    A target is judged on a confirmed link's actual, else on the latest approved value. The light
    follows the deadline, the latest approved percent, the latest review state and the verdict."""
    from duban.web.models import History, Item, Link, ProgressUpdate, Verdict

    today = today or timezone.localdate()
    ids = [i.pk for i in items]
    if not ids:
        return 0
    rows = list(Item.objects.filter(pk__in=ids).select_related("assignment"))
    verdicts = {v.target_id: v for v in Verdict.objects.filter(target_id__in=ids)}
    linked: dict[int, Item] = {}
    for link in (Link.objects.filter(target_id__in=ids, state="confirmed").select_related("actual")
                 .order_by("created_at", "pk")):
        linked[link.target_id] = link.actual  # the latest confirmed link wins
    latest: dict[int, ProgressUpdate] = {}
    valued: dict[int, ProgressUpdate] = {}
    percent: dict[int, ProgressUpdate] = {}
    for u in (ProgressUpdate.objects.filter(item_id__in=ids).exclude(state="draft")
              .order_by("created_at", "pk")):
        latest[u.item_id] = u
        if u.state == "approved":
            if u.value is not None:
                valued[u.item_id] = u
            if u.percent is not None:
                percent[u.item_id] = u
    changed_items, history, new_verdicts, changed_verdicts = [], [], [], []
    now = timezone.now()
    for item in rows:
        assignment = getattr(item, "assignment", None)
        due = assignment.deadline if assignment is not None else None
        verdict = verdicts.get(item.pk)
        if item.kind == "target" and item.status != "rejected" and item.low is not None:
            upd = None
            actual = linked.get(item.pk)
            if actual is None and item.pk in valued:
                upd = valued[item.pk]
                actual = {"cmp": "=", "low": upd.value, "high": upd.value, "unit": item.unit}
            judged = attainment.judge(item, actual, due=due or _period_end(item.period), today=today)
            parts = to_json(judged.parts)
            if verdict is None or (verdict.computed and (verdict.verdict, verdict.reason, verdict.reason_parts)
                                   != (judged.status, judged.reason, parts)):
                before = {"verdict": verdict.verdict, "reason": verdict.reason} if verdict else None
                (changed_verdicts if verdict else new_verdicts).append(verdict := verdict or Verdict(target=item))
                verdict.verdict, verdict.reason, verdict.computed = judged.status, judged.reason, True
                verdict.reason_parts = parts
                verdict.actual = actual if isinstance(actual, Item) else None
                verdict.update, verdict.decided_at, verdict.decided_by = upd, now, None
                history.append((verdict, History(action="verdict_computed", object_type="verdict",
                                                 report_id=item.report_id, item=item, before=before, at=now,
                                                 after={"verdict": judged.status, "reason": judged.reason})))
        if item.status == "rejected" or (assignment is None and (
                verdict is None or verdict.verdict not in ("met", "partly", "missed"))):
            color, reason, light_parts = "", "", []  # not tracked: no light rather than a misleading green
        else:
            last = latest.get(item.pk)
            got = lights.light(today=today, due=due,
                               progress=percent[item.pk].percent if item.pk in percent else None,
                               state=last.state if last else None, verdict=verdict.verdict if verdict else None)
            color, reason, light_parts = got.color, got.reason[:200], to_json(got.parts)
        if (item.light, item.light_reason, item.light_parts) != (color, reason, light_parts):
            item.light, item.light_reason, item.light_parts = color, reason, light_parts
            changed_items.append(item)
    # derived state: no version bump, so it never collides with a reviewer's edit
    Item.objects.bulk_update(changed_items, ["light", "light_reason", "light_parts"], batch_size=500)
    Verdict.objects.bulk_create(new_verdicts, batch_size=500)  # sets pks (PostgreSQL, SQLite >= 3.35)
    Verdict.objects.bulk_update(changed_verdicts, ["verdict", "reason", "reason_parts", "computed", "actual", "update",
                                                   "decided_at", "decided_by"], batch_size=500)
    for verdict, row in history:
        row.object_id = verdict.pk
    History.objects.bulk_create([row for _, row in history], batch_size=500)
    return len(changed_items)


def refresh_item(item, today: dt.date | None = None) -> None:
    """Recompute one item's verdict and light after a change (inside the caller's transaction)."""
    try:
        with transaction.atomic():
            refresh_items([item], today)
    except Exception:  # a tracking bug must not undo the user's change: only its savepoint rolls back
        log.exception("refreshing item %s failed", item.pk)


def propose_links(obj) -> int:
    """Propose links between a report's (or one item's) actuals and targets across reports
    (duban.web.links); a person confirms them. Returns how many were proposed."""
    from duban.web import links
    from duban.web.models import Report

    try:
        with transaction.atomic():
            if isinstance(obj, Report):
                return links.propose_links_for_report(obj)
            return links.propose_links_for_item(obj)
    except Exception:  # proposals are a help: never block the upload or edit that triggered them
        log.exception("proposing links for %r failed", obj)
        return 0


def refresh_report(report, today: dt.date | None = None) -> int:
    """Refresh every item of a report whose verdict or light may change, and note the day it was done."""
    from django.db.models import Q

    from duban.web.models import Report

    today = today or timezone.localdate()
    try:
        with transaction.atomic():
            n = refresh_items(list(report.items.filter(Q(kind="target") | Q(assignment__isnull=False) | ~Q(light=""))
                                   .only("pk")), today)
            Report.objects.filter(pk=report.pk).update(lights_date=today)
            report.lights_date = today
            return n
    except Exception:
        log.exception("refreshing report %s failed", report.pk)
        return 0


def refresh_stale(today: dt.date | None = None) -> int:
    """Lights and verdicts move with the calendar (a deadline passes): refresh every report not yet
    refreshed today. `duban serve` runs it at start, pages run it for the report they show."""
    from django.db.models import Q

    from duban.web.models import Report

    today = today or timezone.localdate()
    return sum(refresh_report(r, today) for r in
               Report.objects.filter(Q(lights_date__isnull=True) | Q(lights_date__lt=today)).only("pk"))
